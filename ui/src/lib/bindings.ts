// Generated from the Rust types in src-tauri (src/bindings.rs). Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p yishi-app --test bindings`.

export type Intent = { "type": "create_meeting" } & MeetingSetup | { "type": "add_participant", participant: Participant, } | { "type": "add_agenda_item", item: AgendaItemSpec, } | { "type": "record_notice", published_at?: string, invitations_sent_at?: string, } | { "type": "record_seats_reason", reason: string, } | { "type": "open_meeting", by: string, } | { "type": "mark_attendance", person: string, mark: Mark, note?: string, } | { "type": "adjourn_for_lack_of_quorum", note?: string, } | { "type": "open_item", item: string, } | { "type": "add_speaker", person: string, } | { "type": "withdraw_speaker", person: string, } | { "type": "start_turn", person?: string, } | { "type": "end_turn", summary?: string, } | { "type": "summarize_turn", turn: number, summary: string, } | { "type": "open_vote", motion: string, mode: VoteMode, rule?: VoteRule, } | { "type": "cast_vote", person: string, choice: Choice, } | { "type": "close_vote", counts?: Tally, } | { "type": "close_by_consensus", resolution: string, } | { "type": "defer_item", reason: string, } | { "type": "mark_for_redo", item: string, reason: string, } | { "type": "edit_minutes", by: string, text: string, } | { "type": "finalize_minutes", by: string, } | { "type": "sign", person: string, image_png_base64: string, } | { "type": "decline_signature", person: string, reason: string, } | { "type": "record_witness", name: string, kind: WitnessKind, statement?: string, } | { "type": "close_meeting", by: string, } | { "type": "amend", by: string, reason: string, text: string, } | { "type": "record_publication", channel: Channel, place: string, } | { "type": "book_observer", name: string, contact: string, online: boolean, } | { "type": "cancel_booking", booking: number, reason: string, } | { "type": "assign_action", item: string, leader: string, department: string, requirements: string, due: string, feedback_by: string, } | { "type": "report_progress", action: number, note: string, done: boolean, } | { "type": "evaluate_action", action: number, by: string, verdict: Verdict, rectification?: string, };

export type MeetingSetup = { level: Level, form: Form, online?: boolean, title: string, place: string, scheduled_at: string, chair: string, recorder: string, participants: Array<Participant>, observer_seats?: number, vote_rule?: VoteRule, turn_limit_secs?: number, agenda?: Array<AgendaItemSpec>, };

export type Participant = { id: string, name: string, group: PartyGroup, two_committees?: boolean, role: Role, };

export type AgendaItemSpec = { id: string, title: string, background?: string, stakeholders?: string, redo_of?: ItemRef, 
/**
 * R-TOPIC: the pool topic this item takes up.
 */
topic?: TopicLink, };

export type ItemRef = { meeting: string, item: string, };

export type Tally = { yes: number, no: number, abstain: number, };

export type Level = "street" | "community";

export type Form = "symposium" | "democratic_consultation" | "public_consultation" | "thematic_deliberation" | "public_hearing" | "coordination" | "residents_assembly" | "resident_representatives" | "villagers_assembly" | "villager_representatives" | "deliberation_council" | "secretary_tea" | "public_sentiment" | "expert_council" | "expert_hearing";

export type PartyGroup = "deputies" | "organisations" | "residents" | "supporters" | "experts" | "public";

export type Role = "member" | "attendee" | "observer";

export type Mark = "present" | "absent_with_leave" | "absent_without_leave" | "arrived_late" | "left_early";

export type VoteMode = "hands" | "named" | "secret";

export type VoteRule = "half_or_more" | "more_than_half" | "two_thirds";

export type Choice = "yes" | "no" | "abstain";

export type WitnessKind = "lawyer" | "notary";

export type Channel = "notice_board" | "online";

export type Verdict = "satisfactory" | "rectify";

export type MeetingListItem = { id: string, title: string, level: Level, level_label: Label, form: Form, form_label: Label, scheduled_at: string, phase: Phase, phase_label: Label, 
/**
 * R-PUBLISH: a street result not published on a channel within 3 days, as of the list.
 */
publish_warning: WarningView | null, 
/**
 * R-IMPLEMENT: actions past their completion time or feedback deadline, as of the list.
 */
implement_warnings: Array<WarningView>, 
/**
 * Received in a bundle from this community (read-only here); None for this installation's own.
 */
received_from: string | null, };

export type MeetingView = { id: string, title: string, place: string, scheduled_at: string, level: Level, level_label: Label, form: Form, form_label: Label, phase: Phase, phase_label: Label, chair: string, chair_name: string, recorder: string, recorder_name: string, quorum: QuorumView, current_item: string | null, 
/**
 * Where the meeting is in the guideline's flow, and what the chair does next (the core's
 * `meeting::flow`): the room reads these and decides nothing.
 */
step: Step, next: NextView | null, 
/**
 * The running turn of the open item, by its number. R-SPEAK
 */
running_turn: number | null, 
/**
 * A vote is open on the open item. R-VOTE
 */
vote_open: boolean, agenda: Array<AgendaItemView>, participants: Array<ParticipantView>, warnings: Array<WarningView>, 
/**
 * The record's fingerprint: the head of its hash chain (R-OPENNESS).
 */
record_head: string, 
/**
 * R-SPEAK: the per-turn limit.
 */
turn_limit_secs: number, 
/**
 * R-VOTE: the meeting's default rule.
 */
vote_rule: VoteRule, vote_rule_label: Label, opened_at: string | null, closed_at: string | null, adjourned: AdjournmentView | null, 
/**
 * R-SPEAK: speaking time per party group, all six listed.
 */
speaking_time: Array<GroupTimeView>, minutes: MinutesView, signers: Array<SignerView>, witnesses: Array<WitnessView>, notice: NoticeView, 
/**
 * R-SIGN: corrections appended after the seal, in order.
 */
amendments: Array<AmendmentView>, 
/**
 * R-PUBLISH: publication records, in order.
 */
publications: Array<PublicationView>, 
/**
 * R-PUBLISH: a street result not published on a channel within 3 days (as of the
 * moment this view was made).
 */
publish_warning: WarningView | null, 
/**
 * The community this record was received from (a bundle): read-only here.
 */
received_from: string | null, 
/**
 * R-IMPLEMENT, R-EVALUATE: how each resolution is carried out, in the order assigned,
 * each with its overdue warning as of the moment this view was made.
 */
actions: Array<ActionView>, 
/**
 * R-OBSERVE: the observer seats offered and the bookings, cancelled ones included.
 */
observer_seats: number, bookings: Array<BookingView>, };

export type QuorumView = { present: number, expected: number, required: number, met: boolean, };

export type AgendaItemView = { id: string, title: string, background: string, stakeholders: string, status: ItemStatus, status_label: Label, opened_at: string | null, closed_at: string | null, 
/**
 * R-SPEAK: waiting to speak, in order.
 */
queue: Array<PersonRef>, turns: Array<TurnView>, vote: VoteView | null, 
/**
 * The motion carried, or what was agreed by consensus.
 */
resolution: string | null, deferral_reason: string | null, 
/**
 * R-REDO: why the matter is to be deliberated again.
 */
redo_reason: string | null, 
/**
 * R-REDO: a failed vote or a deferral may be carried to a later meeting (the core's test).
 */
may_redo: boolean, };

export type ParticipantView = { id: string, name: string, group: PartyGroup, group_label: Label, two_committees: boolean, role: Role, role_label: Label, status: AttendanceStatus, status_label: Label, 
/**
 * Present or arrived late (R-ROLL), as the core reads the roll.
 */
present: boolean, 
/**
 * The room may offer them for the speakers list (R-SPEAK; the core refuses the chair, R-NEUTRAL).
 */
in_the_room: boolean, };

export type Step = "open" | "roll" | "agenda" | "speak" | "vote" | "minutes" | "sign" | "seal";

export type NextView = { rule: string, action: NextAction, };

export type NextAction = { "code": "record_seats_reason", percent: number, } | { "code": "open_meeting", name: string, } | { "code": "call_roll", count: number, } | { "code": "await_quorum", present: number, required: number, } | { "code": "open_item", item: string, title: string, } | { "code": "end_turn", name: string, } | { "code": "next_speaker", name: string, } | { "code": "close_item", title: string, } | { "code": "cast_ballots", count: number, } | { "code": "close_vote" } | { "code": "finalize_minutes", name: string, } | { "code": "collect_signatures", count: number, } | { "code": "close_meeting", name: string, };

export type WarningView = { rule: string, code: string, message_zh: string, message_en: string, };

export type PersonRef = { id: string, name: string, group: PartyGroup, 
/**
 * The group's short name (R-PARTIES).
 */
group_label: Label, };

export type TurnView = { 
/**
 * 1-based within the item.
 */
no: number, person: PersonRef, started_at: string, 
/**
 * None while the turn is running.
 */
ended_at: string | null, 
/**
 * Seconds spoken, for a finished turn.
 */
seconds: number | null, summary: string | null, };

export type VoteView = { motion: string, mode: VoteMode, mode_label: Label, rule: VoteRule, rule_label: Label, 
/**
 * The members present when the vote opened: the denominator, and who votes by name.
 */
eligible: Array<PersonRef>, 
/**
 * Named votes: each member's choice so far.
 */
ballots: Array<BallotView>, 
/**
 * Named votes: the count of the ballots so far.
 */
running: Tally, opened_at: string, closed_at: string | null, tally: Tally | null, outcome: OutcomeView | null, };

export type BallotView = { person: string, choice: Choice, };

export type OutcomeView = { passed: boolean, present: number, required_yes: number, not_voting: number, exact_half: boolean, 
/**
 * The rule applied, the counts needed, the result and, at an exact half, which way
 * the rule decided it (the core's `i18n::outcome_text`).
 */
text: Label, };

export type GroupTimeView = { group: PartyGroup, 
/**
 * The group's short name.
 */
group_label: Label, turns: number, seconds: number, };

export type MinutesView = { 
/**
 * The recorder's latest text, if any was saved.
 */
text: string | null, edited_at: string | null, 
/**
 * Generated from the record as it stands (`yishi::minutes::draft`).
 */
draft: string, finalized_at: string | null, };

export type SignerView = { person: PersonRef, state: SignerState, at: string | null, 
/**
 * Why they declined.
 */
reason: string | null, 
/**
 * SHA-256 of the signature image kept in the record.
 */
image_sha256: string | null, };

export type SignerState = "pending" | "signed" | "declined";

export type WitnessView = { name: string, kind: WitnessKind, kind_label: Label, statement: string | null, at: string, };

export type AdjournmentView = { at: string, present: number, expected: number, note: string | null, };

export type NoticeView = { published_at: string | null, invitations_sent_at: string | null, };

export type AmendmentView = { 
/**
 * 1-based, in the order appended.
 */
no: number, by: string, reason: string, text: string, at: string, };

export type PublicationView = { channel: Channel, channel_label: Label, place: string, at: string, };

export type ActionView = { 
/**
 * 1-based, in the order assigned; reports and evaluations name it.
 */
no: number, item: string, item_title: string, leader: string, department: string, requirements: string, due: string, feedback_by: string, assigned_at: string, 
/**
 * Reported done and not reopened by an evaluation asking rectification.
 */
done_at: string | null, 
/**
 * Past its completion time, or silent past its feedback deadline (as of the view).
 */
warning: WarningView | null, progress: Array<ProgressView>, evaluations: Array<EvaluationView>, };

export type BookingView = { 
/**
 * 1-based, in the order booked; cancel_booking names it.
 */
no: number, name: string, contact: string, online: boolean, at: string, 
/**
 * Cancelled, with the reason; the seat is free again.
 */
cancelled_reason: string | null, };

export type ProgressView = { note: string, done: boolean, at: string, };

export type EvaluationView = { by: string, verdict: Verdict, verdict_label: Label, rectification: string | null, at: string, };

export type Label = { zh: string, en: string, };

export type Phase = "setup" | "in_session" | "signing" | "sealed";

export type ItemStatus = "pending" | "open" | "voted" | "consensus" | "deferred";

export type AttendanceStatus = "not_called" | "present" | "late" | "absent_with_leave" | "absent_without_leave" | "left_early";

export type ProjectorView = { id: string, title: string, phase: Phase, phase_label: Label, quorum: QuorumView, turn_limit_secs: number, items: Array<ProjectorItem>, current: ProjectorCurrent | null, 
/**
 * Only while no item is open.
 */
last: ProjectorResult | null, 
/**
 * R-SIGN: how many of those who sign have signed or declined.
 */
signed: number, signers: number, };

export type ProjectorItem = { 
/**
 * 1-based position on the agenda.
 */
no: number, title: string, status: ItemStatus, status_label: Label, 
/**
 * For a voted item: whether the motion carried.
 */
passed: boolean | null, resolution: string | null, };

export type ProjectorCurrent = { no: number, title: string, turn: ProjectorTurn | null, next: PersonRef | null, vote: ProjectorMotion | null, };

export type ProjectorTurn = { person: PersonRef, started_at: string, };

export type ProjectorMotion = { motion: string, mode_label: Label, };

export type ProjectorResult = { no: number, title: string, status: ItemStatus, vote: VoteView | null, deferral_reason: string | null, resolution: string | null, };

export type AppEvent = { "kind": "projector_updated", meeting: ProjectorView, } | { "kind": "meetings_changed" } | { "kind": "care_progress", job: CareJob, done: number, total: number, } | { "kind": "backup_changed", status: BackupStatus, made: MadeBackup | null, } | { "kind": "health_changed", health: HealthView, } | { "kind": "archive_progress", job: ArchiveJob, done: number, total: number, };

export type IpcError = { code: string, rule: string | null, message_zh: string, message_en: string, };

export type AppInfo = { version: string, data_dir: string, };

export type ComplianceView = { year: number, 
/**
 * Every form with a minimum; `in_use` for those this installation has held at all.
 */
forms: Array<FormCountView>, 
/**
 * R-OBSERVE: community meetings held this year with at least `observer_seats` seats.
 */
observed: number, observed_required: number, observer_seats: number, 
/**
 * Any community meeting is recorded here (else R-OBSERVE does not apply).
 */
community: boolean, warnings: Array<WarningView>, };

export type FormCountView = { form: Form, form_label: Label, 
/**
 * "每季度至少1次" / "at least once a quarter".
 */
minimum_label: Label, held: number, in_use: boolean, periods: Array<PeriodView>, };

export type PeriodView = { 
/**
 * "第2季度" / "Q2", "上半年" / "first half", "全年" / "year".
 */
label: Label, held: number, ended: boolean, missed: boolean, };

export type TopicView = { id: string, title: string, background: string, stakeholders: string, level: Level, level_label: Label, urgent: boolean, source: TopicSource, source_label: Label, status: TopicStatus, status_label: Label, proposed_at: string, decided_at: string | null, withdrawn_reason: string | null, 
/**
 * R-ESCALATE: the community meeting and item it was forwarded from.
 */
escalated_from: EscalatedFrom | null, 
/**
 * Meetings whose agenda takes it up, earliest first.
 */
meetings: Array<TopicMeeting>, 
/**
 * R-30DAYS, as of the moment the view was made.
 */
warning: WarningView | null, };

export type TopicInput = { title: string, background: string, stakeholders: string, level: Level, urgent: boolean, source: TopicSource, };

export type TopicSource = "residents" | "committees" | "delegated" | "escalated";

export type TopicStatus = "proposed" | "decided" | "scheduled" | "deliberated" | "withdrawn";

export type EscalatedFrom = { meeting: string, meeting_title: string, item: string, };

export type TopicMeeting = { meeting: string, title: string, scheduled_at: string, held: boolean, };

export type TopicLink = { id: string, decided_at?: string, };

export type SearchHitView = { meeting: string, title: string, scheduled_at: string, level: Level, level_label: Label, form: Form, form_label: Label, field: SearchField, field_label: Label, snippet: Array<SnippetPart>, };

export type SearchField = "title" | "agenda" | "resolution" | "background" | "amendment" | "name" | "speech";

export type SnippetPart = { text: string, mark: boolean, };

export type SetupOptions = { levels: Array<LevelOption>, groups: Array<GroupOption>, roles: Array<RoleOption>, vote_rules: Array<VoteRuleOption>, default_vote_rule: VoteRule, default_turn_limit_secs: number, };

export type LevelOption = { level: Level, label: Label, 
/**
 * The forms of this level (R-FORMS), in the guideline's order.
 */
forms: Array<FormOption>, };

export type FormOption = { form: Form, label: Label, };

export type GroupOption = { group: PartyGroup, label: Label, short: Label, };

export type RoleOption = { role: Role, label: Label, };

export type VoteRuleOption = { rule: VoteRule, label: Label, };

export type PersonView = { id: string, name: string, group: PartyGroup, group_label: Label, two_committees: boolean, };

export type PersonInput = { id: string, name: string, group: PartyGroup, two_committees: boolean, 
/**
 * True when editing someone already on the roster; false adds a new person.
 */
existing: boolean, };

export type RowErrorView = { line: number, field: string, message_zh: string, message_en: string, };

export type ImportOutcome = { "outcome": "cancelled" } | { "outcome": "imported", file_name: string, count: number, updated: number, encoding: string, roster: Array<PersonView>, } | { "outcome": "rejected", file_name: string, errors: Array<RowErrorView>, };

export type UiLocale = "zh" | "en";

export type ExportKind = "minutes" | "poster" | "notice" | "text";

export type PaperSize = "a4" | "a3";

export type ExportOutcome = { "outcome": "cancelled" } | { "outcome": "saved", 
/**
 * Where the file was written (shown to the chair; never sent back).
 */
path: string, file_name: string, bytes: number, 
/**
 * Printed with the 草稿 watermark / draft marking (the record is not sealed yet).
 */
draft: boolean, 
/**
 * Opened in the system viewer for printing (PDFs only).
 */
opened: boolean, };

export type BackupStatus = { 
/**
 * The chosen folder, as the system names it.
 */
folder: string | null, reachable: boolean, 
/**
 * The newest backup there.
 */
last: LastBackup | null, 
/**
 * What the home screen warns about, if anything.
 */
warning: BackupWarning | null, 
/**
 * A backup under way, and what started it.
 */
running: BackupTrigger | null, 
/**
 * A restore or a repair under way (backups wait for it).
 */
busy: boolean, failure: BackupFailure | null, 
/**
 * How many backups the folder keeps.
 */
keep: number, };

export type BackupTrigger = "manual" | "sealed" | "daily" | "chosen";

export type BackupWarning = { "kind": "not_set" } | { "kind": "unreachable" } | { "kind": "no_backup" } | { "kind": "stale", days: number, };

export type BackupFailure = { 
/**
 * When it failed: local time, RFC 3339.
 */
at: string, trigger: BackupTrigger, error: IpcError, };

export type LastBackup = { 
/**
 * Its folder's name (`yishi-backup-<UTC time>`).
 */
name: string, 
/**
 * When it was made: UTC, RFC 3339 (the UI shows it on the local clock).
 */
created_at: string, meetings: number, };

export type MadeBackup = { backup: LastBackup, trigger: BackupTrigger, kilobytes: number, };

export type CareJob = "backup" | "restore";

export type ChooseOutcome = { "outcome": "cancelled" } | { "outcome": "chosen", status: BackupStatus, };

export type RestoreOutcome = { "outcome": "cancelled" } | { "outcome": "restored", backup: LastBackup, 
/**
 * Meetings this computer did not have, copied in.
 */
added: Array<MeetingRef>, 
/**
 * The roster or topic pool, copied in where there was none.
 */
lists: Array<ListKind>, 
/**
 * The installation's seal key, copied in where there was none.
 */
key: boolean, 
/**
 * Damaged meetings repaired from the backup.
 */
repairs: Array<RepairView>, health: HealthView, };

export type RepairOutcome = { 
/**
 * The backup offered to the repair (the newest in the chosen folder), if any.
 */
backup: LastBackup | null, repairs: Array<RepairView>, 
/**
 * Checked again after the repair.
 */
health: HealthView, };

export type RepairView = { meeting: MeetingRef, found: DamageView, 
/**
 * None: no copy verifies; the meeting is left as it was.
 */
from: RepairSource | null, 
/**
 * Events the meeting has now.
 */
events: number, 
/**
 * Events recorded that no copy held: not restored.
 */
missing: number, };

export type RepairSource = "store" | "journal" | "backup";

export type HealthView = { notices: Array<StoreNotice>, damage: Array<DamageView>, 
/**
 * Every chain has been checked (else the start-up check is still going on).
 */
checked: boolean, meetings: number, };

export type StoreNotice = { "kind": "rebuilt", aside: string, reason: string, } | { "kind": "caught_up", meeting: MeetingRef, events: number, } | { "kind": "tail_set_aside", journal: JournalRef, bytes: number, aside: string, } | { "kind": "copy_restored", meeting: MeetingRef, reason: string, } | { "kind": "journaled", meetings: number, } | { "kind": "behind", meeting: MeetingRef, reason: string, } | { "kind": "list_damaged", journal: JournalRef, offset: number, } | { "kind": "list_migrated", journal: JournalRef, entries: number, } | { "kind": "list_repaired", journal: JournalRef, entries: number, from_backup: boolean, lost_from: number | null, };

export type DamageView = { meeting: MeetingRef, position: number, kind: DamageKind, };

export type DamageKind = "altered" | "unlinked" | "gap" | "unreadable" | "head_mismatch" | "index_missing" | "journal_damaged" | "journal_missing" | "journal_behind";

export type MeetingRef = { id: string, title: string, };

export type JournalRef = { name: string, meeting: MeetingRef | null, list: ListKind | null, };

export type ListKind = "roster" | "topics" | "archive";

export type ProfileInput = { community: string, issuer: string, booking: string, booking_venue: string, };

export type ProfileView = { community: string, issuer: string, booking: string, booking_venue: string, };

export type IssuerView = { name: string, key_id: string, };

export type PapersView = { 
/**
 * This installation: the name its PDFs are signed with (the profile's issuing body; empty
 * without a profile) and its key.
 */
this: IssuerView, 
/**
 * Installations whose PDFs verify here.
 */
trusted: Array<IssuerView>, };

export type CertificateOutcome = { "outcome": "cancelled" } | { "outcome": "saved", path: string, file_name: string, issuer: IssuerView, };

export type CertificatePick = { "outcome": "cancelled" } | { "outcome": "read", file_name: string, issuer: IssuerView, 
/**
 * Trusted here already (under this name, which may differ from the certificate's).
 */
trusted_as: string | null, 
/**
 * It is this installation's own certificate.
 */
own: boolean, };

export type FileVerdict = "valid" | "amended_since" | "changed" | "broken" | "unknown_issuer" | "unsigned" | "mismatch";

export type VerifyOutcome = { "outcome": "cancelled" } | { "outcome": "checked", file_name: string, verdict: FileVerdict, 
/**
 * Who signed it, as its certificate says (none: no readable signature).
 */
signer: string | null, 
/**
 * Events and amendments recorded after the file was made.
 */
later_events: number, later_amendments: number, 
/**
 * What was checked, one line each, as the core says it (Chinese, English).
 */
lines_zh: Array<string>, lines_en: Array<string>, };

export type ArchiveJob = "export" | "import";

export type BundleMeetingView = { id: string, title: string, scheduled_at: string, events: number, };

export type BundleExportOutcome = { "outcome": "nothing", since: string, } | { "outcome": "cancelled" } | { "outcome": "saved", 
/**
 * Where the file was written (shown to the chair; never sent back).
 */
path: string, file_name: string, kilobytes: number, 
/**
 * The issuing body the bundle's signature names.
 */
issuer: string, meetings: Array<BundleMeetingView>, 
/**
 * Signed PDFs carried beside the records (minutes and poster of each meeting).
 */
documents: number, };

export type ArrivalKind = "new" | "extended" | "unchanged";

export type ArrivedMeetingView = { id: string, title: string, 
/**
 * Events held now, and how many this bundle added.
 */
events: number, added: number, kind: ArrivalKind, };

export type BundleImportOutcome = { "outcome": "cancelled" } | { "outcome": "imported", file_name: string, 
/**
 * The issuing community, as its certificate names it.
 */
community: string, key_id: string, meetings: Array<ArrivedMeetingView>, documents: number, 
/**
 * R-ESCALATE: matters forwarded to the street that joined the topic pool.
 */
escalations: number, };

export type CommunityYearView = { 
/**
 * As its certificate names it; the own one's from the profile (empty without one).
 */
community: string, 
/**
 * This installation's own record.
 */
own: boolean, key_id: string | null, 
/**
 * Meetings held here from it, all years.
 */
meetings: number, compliance: ComplianceView, };

export type EscalatedView = { 
/**
 * None: escalated within this installation's own record.
 */
community: string | null, topic: TopicView, };

export type OverdueActionView = { community: string, own: boolean, meeting: string, title: string, action: number, due: string, };

export type OfficeView = { year: number, communities: Array<CommunityYearView>, escalated: Array<EscalatedView>, overdue: Array<OverdueActionView>, };
