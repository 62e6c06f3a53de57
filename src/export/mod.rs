//! Exports of a meeting's record: signed minutes (会议记录, R-MINUTES/R-SIGN), the notice-board
//! poster (公示, R-PUBLISH), the meeting notice (会议通知, R-NOTICE5) as PDF, and the online
//! text. Every PDF is deterministic — the same record at the same chain head gives the same
//! bytes — and carries the record's fingerprint on every page and a signed verification string
//! (QR code and PDF metadata), so `yishi verify` can regenerate it and compare (R-OPENNESS).
//!
//! Map: `font` (shipped CJK font, glyph checks) → `linebreak` (CJK line breaking) → `layout`
//! (page layout engine) → `pdf` (printpdf ops; `outline`: the watermark as shapes) →
//! `pdfwrite` (the file's bytes); `locality` (社区 or 村 on the papers); `seal` (installation key,
//! verification string); `catalog` (printed labels); `minutes`, `poster`, `notice`, `text`
//! (the documents); `verify` (checking a PDF against the store); `cli` (`yishi export`).
//! Nothing here reads the clock: every date printed or written comes from the record.

pub mod catalog;
pub mod error;
mod glyphs;
/// The faces, at their old path (the intents' check at the door reads them too).
pub use crate::font;
pub mod layout;
pub mod linebreak;
mod locality;
mod minutes;
mod notice;
mod outline;
pub mod pdf;
pub mod pdfsig;
mod pdfwrite;
pub mod trust;
mod poster;
pub mod seal;
pub mod verify;

use std::path::Path;

use base64::Engine;

pub use catalog::Locale;
pub use error::{ExportError, Result};
pub use layout::Paper;
pub use seal::{InstallationKey, Seal};

use crate::state::Snapshot;

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Minutes,
    Poster,
    Notice,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Minutes => "minutes",
            Kind::Poster => "poster",
            Kind::Notice => "notice",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "minutes" => Some(Kind::Minutes),
            "poster" => Some(Kind::Poster),
            "notice" => Some(Kind::Notice),
            _ => None,
        }
    }
}

/// How a document is produced. Written into the PDF so `verify` can regenerate it.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub paper: Paper,
    /// Allow an unsealed meeting, printed with a 草稿 DRAFT watermark.
    pub draft: bool,
    pub locale: Locale,
    /// Issuing body printed on the poster and notice (blank line for a stamp when absent).
    pub issuer: Option<String>,
    /// How residents book an observer seat (a phone number, an online channel), printed on the
    /// notice; none leaves a line to write on.
    pub booking_contact: Option<String>,
    /// Where bookings are taken in person (the community's profile); none: the meeting's place.
    pub booking_venue: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { paper: Paper::A4, draft: false, locale: Locale::Zh, issuer: None, booking_contact: None, booking_venue: None }
    }
}

impl Options {
    /// What was not given explicitly, from the community's profile (`community::profile`): the
    /// issuing body (also the name in the signature's certificate), the booking channel and
    /// venue. An explicit value — a CLI argument, the export panel's field — wins.
    pub fn with_profile(mut self, profile: Option<&crate::community::profile::Profile>) -> Options {
        if let Some(p) = profile {
            let given = |o: &Option<String>| o.as_deref().is_some_and(|s| !s.trim().is_empty());
            if !given(&self.issuer) {
                self.issuer = Some(p.issuer.clone()).filter(|s| !s.trim().is_empty());
            }
            if !given(&self.booking_contact) {
                self.booking_contact = p.booking().map(str::to_string);
            }
            if !given(&self.booking_venue) {
                self.booking_venue = p.booking_venue().map(str::to_string);
            }
        }
        self
    }
}

impl Options {
    fn encode(&self, kind: Kind) -> String {
        let paper = match self.paper {
            Paper::A4 => "a4",
            Paper::A3 => "a3",
        };
        let issuer = self
            .issuer
            .as_ref()
            .map(|s| base64::engine::general_purpose::STANDARD.encode(s.as_bytes()))
            .unwrap_or_default();
        let mut s = format!(
            "kind={};paper={paper};draft={};lang={};issuer={issuer}",
            kind.code(),
            u8::from(self.draft),
            catalog::locale_code(self.locale)
        );
        // The notice's booking lines, only when set: files made without them keep their bytes.
        for (k, v) in [("booking", &self.booking_contact), ("venue", &self.booking_venue)] {
            if let Some(v) = v {
                s.push_str(&format!(";{k}={}", base64::engine::general_purpose::STANDARD.encode(v.as_bytes())));
            }
        }
        s
    }

    fn decode(s: &str) -> Option<(Kind, Options)> {
        let mut kind = None;
        let mut o = Options::default();
        for part in s.split(';') {
            let (k, v) = part.split_once('=')?;
            match k {
                "kind" => kind = Kind::parse(v),
                "paper" => o.paper = Paper::parse(v)?,
                "draft" => o.draft = v == "1",
                "lang" => o.locale = catalog::parse_locale(v)?,
                "issuer" if !v.is_empty() => {
                    let b = base64::engine::general_purpose::STANDARD.decode(v).ok()?;
                    o.issuer = Some(String::from_utf8(b).ok()?);
                }
                "booking" | "venue" => {
                    let b = base64::engine::general_purpose::STANDARD.decode(v).ok()?;
                    let text = Some(String::from_utf8(b).ok()?);
                    if k == "booking" {
                        o.booking_contact = text;
                    } else {
                        o.booking_venue = text;
                    }
                }
                _ => {}
            }
        }
        Some((kind?, o))
    }
}

/// Entry names in the PDF's document information dictionary.
pub const INFO_SEAL: &str = "YishiVerification";
pub const INFO_DOC: &str = "YishiDocument";
pub const INFO_EVENTS: &str = "YishiEvents";

/// What a document is made from: the meeting at one chain head, and the signature images.
pub struct Source<'a> {
    pub snap: &'a Snapshot,
    /// A signature image by its SHA-256 hex (`Store::blob`).
    pub blob: &'a dyn Fn(&str) -> Option<Vec<u8>>,
}

/// Produces a PDF. `seal` must be the seal of (meeting id, `snap.record.head`).
pub fn render(kind: Kind, src: &Source, seal: &Seal, opts: &Options) -> Result<Vec<u8>> {
    let body = match kind {
        Kind::Minutes => minutes::build(src, seal, opts)?,
        Kind::Poster => poster::build(src, seal, opts)?,
        Kind::Notice => notice::build(src, seal, opts)?,
    };
    let m = &src.snap.meeting;
    let meta = pdf::Meta {
        title: body.title.clone(),
        author: m.name_of(&m.recorder),
        subject: seal.to_string(),
        keywords: vec![seal.to_string()],
        creator: format!("Yishi 议事 {}", env!("CARGO_PKG_VERSION")),
        unix_time: m.last_at.timestamp(),
        custom: vec![
            (INFO_SEAL.to_string(), seal.to_string()),
            (INFO_DOC.to_string(), opts.encode(kind)),
            (INFO_EVENTS.to_string(), src.snap.record.events.to_string()),
        ],
        signature: Some(pdf::SignatureField {
            name: opts.issuer.clone().unwrap_or_else(|| "议事 Yishi".to_string()),
            reason: format!("{}{}", catalog::t(catalog::L::Fingerprint, opts.locale), &src.snap.record.head[..16.min(src.snap.record.head.len())]),
            location: m.place.clone(),
        }),
    };
    Ok(pdf::render(opts.paper, &body.pages, &body.rasters, &meta))
}

/// Renders and signs: the document as `render` makes it, with the PDF signature of the
/// installation (`pdfsig`) filled in.
pub fn render_signed(kind: Kind, src: &Source, key: &InstallationKey, opts: &Options) -> Result<Vec<u8>> {
    let bytes = render(kind, src, &seal_of(src.snap, key), opts)?;
    pdfsig::fill(bytes, &key.document_signer(opts.issuer.as_deref())?)
}

/// 会议记录 (R-MINUTES, R-SIGN). An unsealed meeting is refused unless `opts.draft`, and then
/// carries a watermark.
pub fn minutes(src: &Source, key: &InstallationKey, opts: &Options) -> Result<Vec<u8>> {
    render_signed(Kind::Minutes, src, key, opts)
}

/// 公示 (R-PUBLISH), A4 or A3.
pub fn poster(src: &Source, key: &InstallationKey, opts: &Options) -> Result<Vec<u8>> {
    render_signed(Kind::Poster, src, key, opts)
}

/// 会议通知 (R-NOTICE5).
pub fn notice(src: &Source, key: &InstallationKey, opts: &Options) -> Result<Vec<u8>> {
    render_signed(Kind::Notice, src, key, opts)
}

/// The results as Markdown (also readable as plain text) for WeChat groups and websites.
pub fn text(snap: &Snapshot, key: &InstallationKey, opts: &Options) -> Result<String> {
    poster::markdown(snap, &seal_of(snap, key), opts)
}

pub fn seal_of(snap: &Snapshot, key: &InstallationKey) -> Seal {
    key.seal(&snap.meeting.id.to_string(), &snap.record.head)
}

/// A laid-out document before it becomes PDF bytes.
pub(crate) struct Body {
    pub title: String,
    pub pages: Vec<layout::Page>,
    pub rasters: Vec<layout::Raster>,
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, flushed, then
/// renamed over the target. On any failure the temporary file is removed, so no partial file
/// is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let err = |source| ExportError::Write { path: path.to_path_buf(), source };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| err(std::io::Error::other("no file name")))?;
    let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}

// ---- helpers shared by the documents

pub(crate) fn when(t: &crate::ids::Time, loc: Locale) -> String {
    match loc {
        Locale::Zh => t.format("%Y年%-m月%-d日 %H:%M").to_string(),
        Locale::En => t.format("%Y-%m-%d %H:%M").to_string(),
    }
}

pub(crate) fn day(t: &crate::ids::Time, loc: Locale) -> String {
    match loc {
        Locale::Zh => t.format("%Y年%-m月%-d日").to_string(),
        Locale::En => t.format("%Y-%m-%d").to_string(),
    }
}

pub(crate) fn clock(t: &crate::ids::Time) -> String {
    t.format("%H:%M").to_string()
}

/// Chinese ordinal numerals for item headings (一、二、…).
pub(crate) fn cn_num(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10..=19 => format!("十{}", if n > 10 { D[n - 10] } else { "" }),
        20..=99 => format!("{}十{}", D[n / 10], if !n.is_multiple_of(10) { D[n % 10] } else { "" }),
        _ => n.to_string(),
    }
}

/// The QR code and the verification lines, as printed at the end of every document.
/// A message of the core for residents' eyes: without the rule ids ("（R-QUORUM）") it ends with,
/// which mean something to the app's users, not to the people reading the paper.
pub(crate) fn without_rule_ids(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(i) = rest.find(['（', '(']) {
        let open = rest[i..].chars().next().unwrap_or('(');
        let close = if open == '（' { '）' } else { ')' };
        let inner_start = i + open.len_utf8();
        match rest[inner_start..].find(close) {
            Some(j) if is_rule_list(&rest[inner_start..inner_start + j]) => {
                out.push_str(rest[..i].trim_end_matches(' '));
                rest = &rest[inner_start + j + close.len_utf8()..];
            }
            _ => {
                out.push_str(&rest[..inner_start]);
                rest = &rest[inner_start..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// "R-QUORUM", "R-SIGN, R-PUBLISH", "R-30DAYS" …
fn is_rule_list(s: &str) -> bool {
    !s.is_empty()
        && s.split([',', '、', ' ']).filter(|p| !p.is_empty()).all(|p| {
            p.strip_prefix("R-").is_some_and(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
        })
}

/// What a phone shows when it scans the QR code: the meeting, when and where, each item's
/// result with its counts, the short fingerprint and the issuer — then the verification string
/// (`yishi verify` checks it against the record). Titles are shortened to keep the code small
/// enough to scan from paper.
pub(crate) fn qr_text(m: &crate::state::Meeting, seal: &Seal, issuer: Option<&str>, loc: Locale) -> String {
    use crate::agenda::ItemStatus;
    let short = |s: &str, n: usize| -> String {
        let mut t: String = s.chars().take(n).collect();
        if s.chars().count() > n {
            t.push('…');
        }
        t
    };
    let start = m.opened_at.as_ref().unwrap_or(&m.scheduled_at);
    let mut lines = vec![short(&m.title, 30), format!("{} {}", day(start, loc), short(&m.place, 20))];
    for (n, item) in m.agenda.iter().enumerate().take(12) {
        let result = match (item.status, loc) {
            (ItemStatus::Voted, _) => match (item.vote.as_ref().and_then(|v| v.tally.zip(v.outcome)), loc) {
                (Some((t, o)), Locale::Zh) => format!("{}（同意{} 反对{} 弃权{}）", if o.passed { "通过" } else { "未通过" }, t.yes, t.no, t.abstain),
                (Some((t, o)), Locale::En) => format!("{} ({} yes, {} no, {} abstain)", if o.passed { "passed" } else { "failed" }, t.yes, t.no, t.abstain),
                (None, _) => crate::i18n::item_status_label(item.status, loc).to_string(),
            },
            (ItemStatus::Consensus, Locale::Zh) => "协商一致".to_string(),
            (ItemStatus::Consensus, Locale::En) => "agreed by consensus".to_string(),
            _ => crate::i18n::item_status_label(item.status, loc).to_string(),
        };
        lines.push(match loc {
            Locale::Zh => format!("{}、{}：{result}", cn_num(n + 1), short(&item.spec.title, 16)),
            Locale::En => format!("{}. {}: {result}", n + 1, short(&item.spec.title, 24)),
        });
    }
    let (fp, by) = if loc == Locale::Zh { ("记录指纹", "签发") } else { ("Fingerprint", "Issued by") };
    lines.push(format!("{fp} {}", &seal.chain_head[..16.min(seal.chain_head.len())]));
    if let Some(i) = issuer.filter(|i| !i.trim().is_empty()) {
        lines.push(format!("{by} {}", short(i, 30)));
    }
    lines.push(seal.to_string());
    // A byte-order mark first: readers that guess the text's encoding (zbar took it for
    // Shift-JIS) then read UTF-8, and the others skip it.
    format!("\u{FEFF}{}", lines.join("\n"))
}

/// The verification block; `readable` is what the QR code carries instead of the bare
/// verification string (see `qr_text`).
pub(crate) fn seal_block_with(doc: &mut layout::Doc, seal: &Seal, loc: Locale, size: f32, qr_mm: f32, readable: Option<&str>) -> Result<()> {
    use catalog::{t, L};
    doc.place("核验信息 / verification");
    let sep = if loc == Locale::Zh { "：" } else { ": " };
    let caption = vec![
        t(L::Verification, loc).to_string(),
        format!("{}{sep}{}", t(L::MeetingId, loc), seal.meeting_id),
        format!("{}{sep}{}", t(L::Fingerprint, loc), seal.chain_head),
        format!("{}{sep}{}", t(L::KeyFp, loc), seal.key_fingerprint),
        match (readable.is_some(), loc) {
            (true, Locale::Zh) => "用手机扫描二维码，可读到会议名称、日期、各议题结果及记录指纹；用 yishi verify 核对本文件与会议记录库。".to_string(),
            (true, Locale::En) => "Scanning the QR code with a phone shows the meeting, its date, each item's result and the fingerprint; yishi verify checks this file against the record.".to_string(),
            (false, _) => t(L::VerifyHint, loc).to_string(),
        },
    ];
    doc.qr(readable.unwrap_or(&seal.to_string()), qr_mm, &caption, size)
}

pub(crate) fn furniture(title: &str, seal: &Seal, loc: Locale, watermark: bool) -> layout::Furniture {
    use catalog::{t, L};
    layout::Furniture {
        running_head: Some(title.to_string()),
        footer_line: format!(
            "{} {}  ·  {} {}",
            t(L::FooterFp, loc),
            seal.chain_head,
            t(L::KeyFp, loc),
            seal.key_fingerprint
        ),
        page_label: t(L::Page, loc).to_string(),
        watermark: watermark.then(|| t(L::Watermark, loc).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residents_read_messages_without_rule_ids() {
        assert_eq!(without_rule_ids("法定人数已达到（R-QUORUM）。"), "法定人数已达到。");
        assert_eq!(without_rule_ids("逾期 (R-IMPLEMENT, R-EVALUATE)."), "逾期.");
        assert_eq!(without_rule_ids("王（社区工作站）负责（R-30DAYS）"), "王（社区工作站）负责");
        assert_eq!(without_rule_ids("（见附件）(R-x)"), "（见附件）(R-x)");
    }

    #[test]
    fn options_round_trip() {
        let o = Options { paper: Paper::A3, draft: true, locale: Locale::En, issuer: Some("幸福社区居民委员会".into()), booking_contact: None, booking_venue: None };
        let s = o.encode(Kind::Poster);
        assert!(s.is_ascii());
        assert_eq!(Options::decode(&s), Some((Kind::Poster, o)));
        let booked = Options { booking_contact: Some("电话 0755-1234 5678".into()), booking_venue: Some("社区服务中心一楼".into()), ..Options::default() };
        assert_eq!(Options::decode(&booked.encode(Kind::Notice)), Some((Kind::Notice, booked)));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_num(1), "一");
        assert_eq!(cn_num(10), "十");
        assert_eq!(cn_num(12), "十二");
        assert_eq!(cn_num(21), "二十一");
    }
}
