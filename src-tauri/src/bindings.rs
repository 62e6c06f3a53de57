//! The TypeScript types of the IPC surface, generated from the Rust types (ts-rs) into one
//! file, `ui/src/lib/bindings.ts`. `tests/bindings.rs` fails when the committed file is stale;
//! `UPDATE_BINDINGS=1 cargo test -p yishi-app --test bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::{archive, backup, commands, commands_home as home, compliance, dto, events, ipc, papers, profile, projector, search, topics, views};

/// Where the generated file lives, relative to the repository root.
pub const PATH: &str = "ui/src/lib/bindings.ts";

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}\n", T::decl(cfg))
}

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        // what the UI sends
        decl::<dto::Intent>(&cfg),
        decl::<dto::MeetingSetup>(&cfg),
        decl::<dto::Participant>(&cfg),
        decl::<dto::AgendaItemSpec>(&cfg),
        decl::<dto::ItemRef>(&cfg),
        decl::<dto::Tally>(&cfg),
        decl::<dto::Level>(&cfg),
        decl::<dto::Form>(&cfg),
        decl::<dto::PartyGroup>(&cfg),
        decl::<dto::Role>(&cfg),
        decl::<dto::Mark>(&cfg),
        decl::<dto::VoteMode>(&cfg),
        decl::<dto::VoteRule>(&cfg),
        decl::<dto::Choice>(&cfg),
        decl::<dto::WitnessKind>(&cfg),
        decl::<dto::Channel>(&cfg),
        decl::<dto::Verdict>(&cfg),
        // what the UI receives
        decl::<views::MeetingListItem>(&cfg),
        decl::<views::MeetingView>(&cfg),
        decl::<views::QuorumView>(&cfg),
        decl::<views::AgendaItemView>(&cfg),
        decl::<views::ParticipantView>(&cfg),
        decl::<views::Step>(&cfg),
        decl::<views::NextView>(&cfg),
        decl::<views::NextAction>(&cfg),
        decl::<views::WarningView>(&cfg),
        decl::<views::PersonRef>(&cfg),
        decl::<views::TurnView>(&cfg),
        decl::<views::VoteView>(&cfg),
        decl::<views::BallotView>(&cfg),
        decl::<views::OutcomeView>(&cfg),
        decl::<views::GroupTimeView>(&cfg),
        decl::<views::MinutesView>(&cfg),
        decl::<views::SignerView>(&cfg),
        decl::<views::SignerState>(&cfg),
        decl::<views::WitnessView>(&cfg),
        decl::<views::AdjournmentView>(&cfg),
        decl::<views::NoticeView>(&cfg),
        decl::<views::AmendmentView>(&cfg),
        decl::<views::PublicationView>(&cfg),
        decl::<views::ActionView>(&cfg),
        decl::<views::BookingView>(&cfg),
        decl::<views::ProgressView>(&cfg),
        decl::<views::EvaluationView>(&cfg),
        decl::<views::Label>(&cfg),
        decl::<views::Phase>(&cfg),
        decl::<views::ItemStatus>(&cfg),
        decl::<views::AttendanceStatus>(&cfg),
        decl::<projector::ProjectorView>(&cfg),
        decl::<projector::ProjectorItem>(&cfg),
        decl::<projector::ProjectorCurrent>(&cfg),
        decl::<projector::ProjectorTurn>(&cfg),
        decl::<projector::ProjectorMotion>(&cfg),
        decl::<projector::ProjectorResult>(&cfg),
        decl::<events::AppEvent>(&cfg),
        decl::<ipc::IpcError>(&cfg),
        decl::<commands::AppInfo>(&cfg),
        // the home screen: setup options, roster, exports, the year's compliance
        decl::<compliance::ComplianceView>(&cfg),
        decl::<compliance::FormCountView>(&cfg),
        decl::<compliance::PeriodView>(&cfg),
        decl::<topics::TopicView>(&cfg),
        decl::<topics::TopicInput>(&cfg),
        decl::<topics::TopicSource>(&cfg),
        decl::<topics::TopicStatus>(&cfg),
        decl::<topics::EscalatedFrom>(&cfg),
        decl::<topics::TopicMeeting>(&cfg),
        decl::<dto::TopicLink>(&cfg),
        // the home screen: the archive's full-text search
        decl::<search::SearchHitView>(&cfg),
        decl::<search::SearchField>(&cfg),
        decl::<search::SnippetPart>(&cfg),
        decl::<home::SetupOptions>(&cfg),
        decl::<home::LevelOption>(&cfg),
        decl::<home::FormOption>(&cfg),
        decl::<home::GroupOption>(&cfg),
        decl::<home::RoleOption>(&cfg),
        decl::<home::VoteRuleOption>(&cfg),
        decl::<home::PersonView>(&cfg),
        decl::<home::PersonInput>(&cfg),
        decl::<home::RowErrorView>(&cfg),
        decl::<home::ImportOutcome>(&cfg),
        decl::<home::UiLocale>(&cfg),
        decl::<home::ExportKind>(&cfg),
        decl::<home::PaperSize>(&cfg),
        decl::<home::ExportOutcome>(&cfg),
        // the home screen: backups and repair
        decl::<backup::BackupStatus>(&cfg),
        decl::<backup::BackupTrigger>(&cfg),
        decl::<backup::BackupWarning>(&cfg),
        decl::<backup::BackupFailure>(&cfg),
        decl::<backup::LastBackup>(&cfg),
        decl::<backup::MadeBackup>(&cfg),
        decl::<backup::CareJob>(&cfg),
        decl::<backup::ChooseOutcome>(&cfg),
        decl::<backup::RestoreOutcome>(&cfg),
        decl::<backup::RepairOutcome>(&cfg),
        decl::<backup::RepairView>(&cfg),
        decl::<backup::RepairSource>(&cfg),
        decl::<backup::HealthView>(&cfg),
        decl::<backup::StoreNotice>(&cfg),
        decl::<backup::DamageView>(&cfg),
        decl::<backup::DamageKind>(&cfg),
        decl::<backup::MeetingRef>(&cfg),
        decl::<backup::JournalRef>(&cfg),
        decl::<backup::ListKind>(&cfg),
        // the home screen: the community profile, certificates, verifying a PDF
        decl::<profile::ProfileInput>(&cfg),
        decl::<profile::ProfileView>(&cfg),
        decl::<papers::IssuerView>(&cfg),
        decl::<papers::PapersView>(&cfg),
        decl::<papers::CertificateOutcome>(&cfg),
        decl::<papers::CertificatePick>(&cfg),
        decl::<papers::FileVerdict>(&cfg),
        decl::<papers::VerifyOutcome>(&cfg),
        // the home screen: bundles for the street office, its overview
        decl::<archive::ArchiveJob>(&cfg),
        decl::<archive::BundleMeetingView>(&cfg),
        decl::<archive::BundleExportOutcome>(&cfg),
        decl::<archive::ArrivalKind>(&cfg),
        decl::<archive::ArrivedMeetingView>(&cfg),
        decl::<archive::BundleImportOutcome>(&cfg),
        decl::<archive::CommunityYearView>(&cfg),
        decl::<archive::EscalatedView>(&cfg),
        decl::<archive::OverdueActionView>(&cfg),
        decl::<archive::OfficeView>(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri (src/bindings.rs). Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p yishi-app --test bindings`.\n\n",
    );
    out.push_str(&decls.join("\n"));
    out
}
