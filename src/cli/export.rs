//! `yishi export minutes|poster|notice|text MEETING -o FILE [--paper a4|a3] [--draft]` and
//! `yishi verify FILE.pdf`. The binary's CLI only hooks these in.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use yishi::export::{self as ex, catalog, seal::InstallationKey, verify, Kind, Options, Paper, Source};
use yishi::community::profile::Profile;
use yishi::ids::MeetingId;
use yishi::store::Store;

/// Same meaning as the `yishi` tool's exit codes (`yishi --help`): 1 usage, storage or output
/// error; 4 a file that does not verify.
const EXIT_USAGE: u8 = 1;
const EXIT_NOT_VERIFIED: u8 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// 会议记录 (A4)
    Minutes,
    /// 公示 for the notice board (A4 or A3)
    Poster,
    /// 会议通知
    Notice,
    /// The results as Markdown / plain text for online posting
    Text,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    pub what: What,
    /// Meeting id, unique prefix, or "latest"
    pub meeting: String,
    /// Output file ("-" writes the text export to stdout)
    #[arg(short, long)]
    pub output: PathBuf,
    #[arg(long, default_value = "a4")]
    pub paper: String,
    /// Export an unsealed meeting as a watermarked draft
    #[arg(long)]
    pub draft: bool,
    /// Issuing body printed on the poster and notice, and named by the PDF signature (default:
    /// the community's profile, `yishi profile`; without one, a blank line for a stamp)
    #[arg(long)]
    pub issuer: Option<String>,
    /// How residents book an observer seat, printed on the notice (default: the profile's
    /// booking channel; without one, a blank line)
    #[arg(long)]
    pub booking_contact: Option<String>,
    /// zh (default) or en
    #[arg(long, default_value = "zh")]
    pub lang: String,
}

fn die(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("yishi: {msg}");
    ExitCode::from(EXIT_USAGE)
}

/// Finds a meeting from what the user typed (id, prefix, "latest").
pub type Resolver<'a> = dyn Fn(&str) -> Result<MeetingId, Box<dyn std::error::Error>> + 'a;

pub fn export(store: &Store, data_dir: &Path, args: &ExportArgs, resolve: &Resolver<'_>) -> ExitCode {
    let Some(paper) = Paper::parse(&args.paper) else { return die(format!("纸张只能是 a4 或 a3 / --paper must be a4 or a3, not {}", args.paper)) };
    let Some(locale) = catalog::parse_locale(&args.lang) else { return die(format!("--lang must be zh or en, not {}", args.lang)) };
    let id = match resolve(&args.meeting) {
        Ok(id) => id,
        Err(e) => return die(e),
    };
    let snap = match store.snapshot(id) {
        Ok(s) => s,
        Err(e) => return die(e),
    };
    let key = match InstallationKey::load_or_create(data_dir) {
        Ok(k) => k,
        Err(e) => return die(e),
    };
    let profile = match Profile::load(data_dir) {
        Ok(p) => p,
        Err(e) => return die(e),
    };
    let opts = Options {
        paper,
        draft: args.draft,
        locale,
        issuer: args.issuer.clone(),
        booking_contact: args.booking_contact.clone(),
        booking_venue: None,
    }
    .with_profile(profile.as_ref());
    let blob = |h: &str| store.blob(h).ok().flatten();
    let src = Source { snap: &snap, blob: &blob };
    let bytes = match args.what {
        What::Minutes => ex::minutes(&src, &key, &opts),
        What::Poster => ex::poster(&src, &key, &opts),
        What::Notice => ex::notice(&src, &key, &opts),
        What::Text => ex::text(&snap, &key, &opts).map(String::into_bytes),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return die(e),
    };
    if args.what == What::Text && args.output.as_os_str() == "-" {
        print!("{}", String::from_utf8_lossy(&bytes));
        return ExitCode::SUCCESS;
    }
    if let Err(e) = ex::write_atomic(&args.output, &bytes) {
        return die(e);
    }
    let kind = match args.what {
        What::Minutes => Kind::Minutes.code(),
        What::Poster => Kind::Poster.code(),
        What::Notice => Kind::Notice.code(),
        What::Text => "text",
    };
    println!(
        "已导出 / exported {kind}: {}（{} 字节 bytes）记录指纹 fingerprint {}",
        args.output.display(),
        bytes.len(),
        snap.record.head
    );
    ExitCode::SUCCESS
}

/// Whether a `yishi verify` argument names a PDF file rather than a meeting.
pub fn is_pdf_arg(arg: &str) -> bool {
    arg.to_ascii_lowercase().ends_with(".pdf") || Path::new(arg).is_file()
}

/// Checks a PDF. `store` is None where no record is kept (then only its signature and issuer).
pub fn verify_file(store: Option<&Store>, data_dir: &Path, file: &Path) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return die(ex::ExportError::Read { path: file.to_path_buf(), source: e }),
    };
    let report = match (store, InstallationKey::load(data_dir)) {
        (Some(store), Ok(key)) => verify::verify_pdf(&bytes, store, &key),
        _ => verify::verify_elsewhere(&bytes, data_dir),
    };
    for l in &report.lines {
        println!("{l}");
    }
    if report.ok {
        println!("通过 / VERIFIED  {}", file.display());
        ExitCode::SUCCESS
    } else {
        println!("未通过 / NOT VERIFIED  {}", file.display());
        ExitCode::from(EXIT_NOT_VERIFIED)
    }
}

/// `yishi key export`: this installation's certificate, for another installation to trust. It
/// names `issuer`, else the profile's issuing body (as the exports' signatures do).
pub fn key_export(data_dir: &Path, output: &Path, issuer: Option<&str>) -> ExitCode {
    let key = match InstallationKey::load_or_create(data_dir) {
        Ok(k) => k,
        Err(e) => return die(e),
    };
    let profile = match Profile::load(data_dir) {
        Ok(p) => p,
        Err(e) => return die(e),
    };
    let issuer = issuer.filter(|i| !i.trim().is_empty()).or(profile.as_ref().map(|p| p.issuer.as_str()));
    let signer = match key.document_signer(issuer) {
        Ok(s) => s,
        Err(e) => return die(e),
    };
    if let Err(e) = ex::write_atomic(output, yishi::export::trust::pem(&signer.certificate_der()).as_bytes()) {
        return die(e);
    }
    println!("已导出证书 / certificate exported: {}  密钥 key {}", output.display(), &signer.key_id()[..16]);
    ExitCode::SUCCESS
}

/// `yishi key trust`: PDFs signed with this certificate's key verify here from now on.
pub fn key_trust(data_dir: &Path, file: &Path) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return die(ex::ExportError::Read { path: file.to_path_buf(), source: e }),
    };
    if let Err(e) = std::fs::create_dir_all(data_dir) {
        return die(ex::ExportError::Write { path: data_dir.to_path_buf(), source: e });
    }
    match yishi::export::trust::trust(data_dir, &bytes) {
        Ok((id, name)) => {
            println!("已信任 / trusted: {name}  密钥 key {}", &id[..16]);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("yishi: {e}");
            ExitCode::from(super::EXIT_INPUT)
        }
    }
}
