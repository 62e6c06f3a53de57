//! 文件签名与核验 — the PDF signature as the home screen shows it: this installation's
//! certificate saved to a file for a street office (save dialog), another installation's
//! certificate trusted (open dialog; its name and fingerprint shown before the chair confirms),
//! the issuers trusted here, and 核验文件: a PDF picked and checked (`export::verify`), with what
//! the check found in a recorder's words.
//!
//! The core reads the certificates, trusts, signs and verifies; this opens the dialogs, holds
//! the certificate picked until it is confirmed (the webview never names a file) and sorts the
//! core's report into the verdict the panel leads with.

use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;
use yishi::export::pdfsig::{self, SigProblem};
use yishi::export::trust::{self, Trusted};
use yishi::export::verify::{self, Report};
use yishi::export::InstallationKey;

use crate::commands_home::{in_dialog, safe_file_name, start_dir, UiLocale};
use crate::ipc::IpcError;
use crate::AppState;

/// Largest file read as a certificate or a PDF to verify (a minutes PDF is well under 1 MB).
const MAX_CERTIFICATE_BYTES: u64 = 64 * 1024;
const MAX_PDF_BYTES: u64 = 100 * 1024 * 1024;

/// An issuer of signed PDFs: the name its certificate gives and its key id (SHA-256 of the
/// public key, hex), which is what is trusted.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct IssuerView {
    pub name: String,
    pub key_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PapersView {
    /// This installation: the name its PDFs are signed with (the profile's issuing body; empty
    /// without a profile) and its key.
    pub this: IssuerView,
    /// Installations whose PDFs verify here.
    pub trusted: Vec<IssuerView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum CertificateOutcome {
    Cancelled,
    Saved { path: String, file_name: String, issuer: IssuerView },
}

/// A certificate picked to be trusted, read but not trusted yet.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum CertificatePick {
    Cancelled,
    Read {
        file_name: String,
        issuer: IssuerView,
        /// Trusted here already (under this name, which may differ from the certificate's).
        trusted_as: Option<String>,
        /// It is this installation's own certificate.
        own: bool,
    },
}

/// What a checked PDF is, in a recorder's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileVerdict {
    /// Signed and unchanged since, by this installation or one trusted here, and (where the
    /// record is here) a true copy of it.
    Valid,
    /// As `Valid`, and the record has gone on since the file was made (amendments, actions).
    AmendedSince,
    /// Changed after it was signed (bytes altered, or content appended).
    Changed,
    /// The signature cannot be read or does not match its certificate.
    Broken,
    /// Signed by an installation not trusted here.
    UnknownIssuer,
    /// No PDF signature, and not a Yishi file that verifies the older way.
    Unsigned,
    /// Signed, but it does not match the record here (a different fingerprint, a meeting
    /// missing, a file that differs from the record).
    Mismatch,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum VerifyOutcome {
    Cancelled,
    Checked {
        file_name: String,
        verdict: FileVerdict,
        /// Who signed it, as its certificate says (none: no readable signature).
        signer: Option<String>,
        /// Events and amendments recorded after the file was made.
        later_events: u32,
        later_amendments: u32,
        /// What was checked, one line each, as the core says it (Chinese, English).
        lines_zh: Vec<String>,
        lines_en: Vec<String>,
    },
}

/// The certificate picked by `pick_certificate`, until it is trusted or another is picked.
#[derive(Default)]
pub struct Pending(Mutex<Option<(String, Vec<u8>)>>);

fn bilingual(code: &str, text: String) -> IpcError {
    let (zh, en) = text.split_once(" / ").map(|(z, e)| (z.to_string(), e.to_string())).unwrap_or((text.clone(), text));
    IpcError::text(code, zh, en)
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn read_limited(path: &std::path::Path, max: u64) -> Result<Vec<u8>, IpcError> {
    let name = file_name(path);
    let unreadable = |e: &dyn std::fmt::Display| {
        IpcError::text("file_unreadable", format!("无法读取 {name}：{e}"), format!("Cannot read {name}: {e}"))
    };
    let size = std::fs::metadata(path).map_err(|e| unreadable(&e))?.len();
    if size > max {
        return Err(IpcError::text(
            "file_too_large",
            format!("{name} 太大（{} KB），不是要找的文件", size / 1024),
            format!("{name} is too large ({} KB) to be the file looked for", size / 1024),
        ));
    }
    std::fs::read(path).map_err(|e| unreadable(&e))
}

fn key(state: &AppState) -> Result<InstallationKey, IpcError> {
    InstallationKey::load_or_create(&state.data_dir).map_err(|e| bilingual("key_unreadable", e.to_string()))
}

/// This installation's issuer name (the profile's) and key id, with the issuers trusted here.
pub fn papers_view(state: &AppState) -> Result<PapersView, IpcError> {
    let profile = crate::profile::load(&state.data_dir)?;
    let signer = key(state)?.document_signer(None).map_err(|e| bilingual("export_failed", e.to_string()))?;
    let trusted = Trusted::load(&state.data_dir)
        .issuers
        .into_iter()
        .map(|(key_id, name)| IssuerView { name, key_id })
        .collect();
    Ok(PapersView { this: IssuerView { name: profile.map(|p| p.issuer).unwrap_or_default(), key_id: signer.key_id() }, trusted })
}

#[tauri::command]
pub async fn papers_status(state: State<'_, AppState>) -> Result<PapersView, IpcError> {
    papers_view(&state)
}

/// Saves this installation's certificate (PEM), naming the profile's issuing body as its PDFs'
/// signatures do, for a street office to trust.
#[tauri::command]
pub async fn export_certificate(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    locale: UiLocale,
) -> Result<CertificateOutcome, IpcError> {
    let profile = crate::profile::load(&state.data_dir)?;
    let issuer = profile.as_ref().map(|p| p.issuer.clone());
    let signer = key(&state)?.document_signer(issuer.as_deref()).map_err(|e| bilingual("export_failed", e.to_string()))?;
    let pem = trust::pem(&signer.certificate_der());
    let suggested = safe_file_name(issuer.as_deref().unwrap_or("yishi"), locale.pick("证书", "certificate"), "pem");
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("导出本机证书", "Export this computer's certificate"))
        .set_file_name(&suggested)
        .add_filter(locale.pick("证书（PEM）", "Certificate (PEM)"), &["pem"]);
    if let Some(dir) = start_dir(&app) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_save_file()).await? else {
        return Ok(CertificateOutcome::Cancelled);
    };
    let path: PathBuf = picked.into_path().map_err(IpcError::internal)?;
    yishi::export::write_atomic(&path, pem.as_bytes()).map_err(|e| bilingual("write_failed", e.to_string()))?;
    log::info!("certificate exported to {}", path.display());
    Ok(CertificateOutcome::Saved {
        file_name: file_name(&path),
        path: path.display().to_string(),
        issuer: IssuerView { name: issuer.unwrap_or_default(), key_id: signer.key_id() },
    })
}

/// Shows the open dialog for another installation's certificate and reads it: its name and
/// fingerprint, for the chair to compare with what the other side says before trusting it.
#[tauri::command]
pub async fn pick_certificate(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    pending: State<'_, Pending>,
    locale: UiLocale,
) -> Result<CertificatePick, IpcError> {
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("选择要信任的证书", "Choose a certificate to trust"))
        .add_filter(locale.pick("证书", "Certificate"), &["pem", "PEM", "crt", "cer", "der"]);
    if let Some(dir) = start_dir(&app) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_pick_file()).await? else {
        return Ok(CertificatePick::Cancelled);
    };
    let path = picked.into_path().map_err(IpcError::internal)?;
    let bytes = read_limited(&path, MAX_CERTIFICATE_BYTES)?;
    let (key_id, name) = trust::read_certificate(&bytes).map_err(|e| bilingual("not_a_certificate", e.to_string()))?;
    let own = key(&state)?.document_signer(None).map(|s| s.key_id() == key_id).unwrap_or(false);
    let trusted_as = Trusted::load(&state.data_dir).name_of(&key_id).map(str::to_string);
    *pending.0.lock().unwrap_or_else(|e| e.into_inner()) = Some((key_id.clone(), bytes));
    Ok(CertificatePick::Read { file_name: file_name(&path), issuer: IssuerView { name, key_id }, trusted_as, own })
}

/// Trusts the certificate picked last, if it is still the one shown (`key_id`).
#[tauri::command]
pub async fn trust_certificate(state: State<'_, AppState>, pending: State<'_, Pending>, key_id: String) -> Result<PapersView, IpcError> {
    let picked = pending.0.lock().unwrap_or_else(|e| e.into_inner()).take();
    let Some((id, bytes)) = picked.filter(|(id, _)| *id == key_id) else {
        return Err(IpcError::text(
            "certificate_not_picked",
            "没有待确认的证书，请重新选择证书文件。",
            "No certificate is waiting to be confirmed; choose the certificate file again.",
        ));
    };
    let (trusted, name) = trust::trust(&state.data_dir, &bytes).map_err(|e| bilingual("trust_failed", e.to_string()))?;
    debug_assert_eq!(trusted, id);
    log::info!("trusted the issuer {name} (key {})", &id[..16]);
    papers_view(&state)
}

/// What a report says, as the panel's headline.
pub fn verdict(bytes: &[u8], report: &Report, trusted: &Trusted, own_key: &str) -> FileVerdict {
    match pdfsig::check(bytes) {
        Err(SigProblem::Changed | SigProblem::Appended) => FileVerdict::Changed,
        Err(SigProblem::Broken | SigProblem::Forged) => FileVerdict::Broken,
        Ok(s) if s.key_id != own_key && trusted.name_of(&s.key_id).is_none() => FileVerdict::UnknownIssuer,
        Err(SigProblem::Unsigned) if !report.ok => FileVerdict::Unsigned,
        _ if !report.ok => FileVerdict::Mismatch,
        _ if report.later_events > 0 => FileVerdict::AmendedSince,
        _ => FileVerdict::Valid,
    }
}

/// Checks a PDF with the record and the issuers of this installation.
pub fn check_file(state: &AppState, bytes: &[u8]) -> Result<(FileVerdict, Option<String>, Report), IpcError> {
    let key = key(state)?;
    let report = verify::verify_pdf(bytes, &state.store, &key);
    let own = key.document_signer(None).map(|s| s.key_id()).unwrap_or_default();
    let verdict = verdict(bytes, &report, &Trusted::load(&state.data_dir), &own);
    Ok((verdict, pdfsig::check(bytes).ok().map(|s| s.signer), report))
}

/// Shows the open dialog for a PDF and checks it: its signature and issuer, then the record.
#[tauri::command]
pub async fn verify_document(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    locale: UiLocale,
) -> Result<VerifyOutcome, IpcError> {
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(locale.pick("选择要核验的 PDF 文件", "Choose a PDF to verify"))
        .add_filter("PDF", &["pdf", "PDF"]);
    if let Some(dir) = start_dir(&app) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = in_dialog(move || dialog.blocking_pick_file()).await? else {
        return Ok(VerifyOutcome::Cancelled);
    };
    let path = picked.into_path().map_err(IpcError::internal)?;
    let bytes = read_limited(&path, MAX_PDF_BYTES)?;
    let (verdict, signer, report) = check_file(&state, &bytes)?;
    log::info!("verified {}: {verdict:?}", path.display());
    let (lines_zh, lines_en) = report
        .lines
        .iter()
        .map(|l| l.split_once(" / ").map(|(z, e)| (z.to_string(), e.to_string())).unwrap_or((l.clone(), l.clone())))
        .unzip();
    Ok(VerifyOutcome::Checked {
        file_name: file_name(&path),
        verdict,
        signer,
        later_events: u32::try_from(report.later_events).unwrap_or(u32::MAX),
        later_amendments: report.later_amendments as u32,
        lines_zh,
        lines_en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use yishi::export::{Options, Source};

    /// A store with the demo's sealed meeting, its minutes signed by `issuer`, and the state.
    fn setup(dir: &std::path::Path) -> (AppState, Vec<u8>) {
        let store = yishi::Store::open(dir).unwrap();
        yishi::demo::install(&store, chrono::Local::now().fixed_offset()).unwrap();
        let sealed = store.list().unwrap().into_iter().find(|m| m.phase == yishi::state::Phase::Sealed).unwrap().id;
        let snap = store.snapshot(sealed).unwrap();
        let key = InstallationKey::load_or_create(dir).unwrap();
        let blob = |h: &str| store.blob(h).ok().flatten();
        let opts = Options { issuer: Some("莲花一村社区居民委员会".into()), ..Options::default() };
        let pdf = yishi::export::minutes(&Source { snap: &snap, blob: &blob }, &key, &opts).unwrap();
        (AppState { data_dir: dir.to_path_buf(), store }, pdf)
    }

    #[test]
    fn a_report_is_sorted_into_what_a_recorder_needs_to_know() {
        let dir = std::env::temp_dir().join(format!("yishi-papers-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (state, pdf) = setup(&dir);
        let (v, signer, report) = check_file(&state, &pdf).unwrap();
        assert_eq!((v, signer.as_deref()), (FileVerdict::Valid, Some("莲花一村社区居民委员会")), "{:#?}", report.lines);
        // The record goes on after the file was made: a true copy up to its fingerprint.
        let sealed = state.store.list().unwrap().into_iter().find(|m| m.phase == yishi::state::Phase::Sealed).unwrap();
        let at = state.store.snapshot(sealed.id).unwrap().meeting.last_at + chrono::Duration::hours(1);
        let amend = yishi::Intent::Amend { by: "谢雨婷".into(), reason: "笔误".into(), text: "第二项应为 19:55".into() };
        state.store.apply(&yishi::Command { meeting: sealed.id, at, intent: amend }).unwrap();
        let (v, _, report) = check_file(&state, &pdf).unwrap();
        assert_eq!((v, report.later_amendments), (FileVerdict::AmendedSince, 1), "{:#?}", report.lines);
        // One byte inside the signed range changed.
        let mut bad = pdf.clone();
        let at = bad.len() / 3;
        bad[at] ^= 0x20;
        assert_eq!(check_file(&state, &bad).unwrap().0, FileVerdict::Changed);
        // Another installation's file: unknown until its certificate is trusted.
        let other = dir.join("other");
        std::fs::create_dir_all(&other).unwrap();
        let (elsewhere, theirs) = setup(&other);
        drop(elsewhere);
        assert_eq!(check_file(&state, &theirs).unwrap().0, FileVerdict::UnknownIssuer);
        let cert = InstallationKey::load(&other).unwrap().document_signer(Some("莲花二村社区居民委员会")).unwrap().certificate_der();
        trust::trust(&dir, &cert).unwrap();
        let (v, _, report) = check_file(&state, &theirs).unwrap();
        // Trusted; the meeting is not recorded here: the signature is what is checked.
        assert_eq!(v, FileVerdict::Valid, "{:#?}", report.lines);
        assert!(report.lines.iter().any(|l| l.contains("未核对记录指纹")), "{:#?}", report.lines);
        assert_eq!(papers_view(&state).unwrap().trusted.len(), 1);
        // Not a PDF at all.
        assert_eq!(check_file(&state, b"%PDF-1.4 nothing").unwrap().0, FileVerdict::Unsigned);
        drop(state);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
