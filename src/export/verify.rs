//! `yishi verify FILE.pdf`: reads the verification string from the PDF, checks its Ed25519
//! signature with the installation key, finds its chain head in the store, regenerates the
//! document from the record at that head and compares the bytes. A file printed before later
//! amendments verifies as a true copy up to its fingerprint, and the report says what follows.

use ed25519_dalek::VerifyingKey;

use super::{render, Options, Seal, Source, INFO_DOC, INFO_EVENTS, INFO_SEAL};
use crate::ids::MeetingId;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// True only if the signature, the fingerprint and every byte match.
    pub ok: bool,
    /// What was checked and what differs, one line each (zh / en).
    pub lines: Vec<String>,
    /// The record has events after the fingerprint this file carries.
    pub later_events: u64,
    pub later_amendments: usize,
}

/// An ASCII literal entry of the document information dictionary, found in the raw bytes (the
/// information dictionary is never compressed), so a damaged file still says what it claims.
pub fn info_entry(bytes: &[u8], key: &str) -> Option<String> {
    let needle = format!("/{key}");
    let pos = bytes.windows(needle.len()).position(|w| w == needle.as_bytes())?;
    let mut i = pos + needle.len();
    while i < bytes.len() && (bytes[i] as char).is_ascii_whitespace() {
        i += 1;
    }
    if bytes.get(i) != Some(&b'(') {
        return None;
    }
    let start = i + 1;
    let end = start + bytes[start..].iter().position(|&b| b == b')')?;
    String::from_utf8(bytes[start..end].to_vec()).ok()
}

pub fn verify_pdf(bytes: &[u8], store: &Store, key: &VerifyingKey) -> Report {
    let mut r = Report { ok: false, lines: Vec::new(), later_events: 0, later_amendments: 0 };
    macro_rules! fail {
        ($($t:tt)*) => {{
            r.lines.push(format!($($t)*));
            return r;
        }};
    }
    let Some(seal_text) = info_entry(bytes, INFO_SEAL) else {
        fail!("失败：文件中没有议事核验信息（不是议事导出的文件，或文件已损坏） / FAIL: no Yishi verification entry (not a Yishi export, or damaged)")
    };
    let seal = match Seal::parse(&seal_text) {
        Ok(s) => s,
        Err(e) => fail!("失败 / FAIL: {e}"),
    };
    if let Err(e) = seal.verify(key) {
        fail!("失败 / FAIL: {e}");
    }
    r.lines.push(format!("签名有效 / signature valid (key {})", seal.key_fingerprint));
    let Some((kind, opts)) = info_entry(bytes, INFO_DOC).as_deref().and_then(Options::decode) else {
        fail!("失败：文件的文档类型信息缺失或被改动 / FAIL: the document-type entry is missing or altered")
    };
    let Some(events) = info_entry(bytes, INFO_EVENTS).and_then(|s| s.parse::<u64>().ok()) else {
        fail!("失败：文件的记录位置信息缺失或被改动 / FAIL: the record-position entry is missing or altered")
    };
    let Ok(id) = seal.meeting_id.parse::<MeetingId>() else {
        fail!("失败：会议编号无效 / FAIL: invalid meeting id {}", seal.meeting_id)
    };
    let current = match store.snapshot(id) {
        Ok(s) => s,
        Err(e) => fail!("失败：记录库中找不到此会议 / FAIL: the meeting is not in this store: {e}"),
    };
    if events == 0 || events > current.record.events {
        fail!("失败：记录中没有第 {events} 个事件 / FAIL: the record has no event {events}");
    }
    let at = match store.snapshot_at(id, events) {
        Ok(s) => s,
        Err(e) => fail!("失败 / FAIL: {e}"),
    };
    if at.record.head != seal.chain_head {
        fail!(
            "失败：文件上的记录指纹与记录库不符（文件 {}，记录库该位置 {}） / FAIL: the fingerprint does not match the record (file {}, record {})",
            seal.chain_head,
            at.record.head,
            seal.chain_head,
            at.record.head
        );
    }
    r.lines.push(format!("记录指纹与记录库一致 / fingerprint found in the record: {} (event {events})", seal.chain_head));
    let blob = |h: &str| store.blob(h).ok().flatten();
    let src = Source { snap: &at, blob: &blob };
    let regenerated = match render(kind, &src, &seal, &opts) {
        Ok(b) => b,
        Err(e) => fail!("失败：无法按记录重新生成文件 / FAIL: cannot regenerate the document: {e}"),
    };
    if regenerated != bytes {
        let first = regenerated.iter().zip(bytes).position(|(a, b)| a != b).unwrap_or(regenerated.len().min(bytes.len()));
        fail!(
            "失败：文件内容与按记录重新生成的文件不同（第 {first} 字节起；文件 {} 字节，应为 {} 字节）。文件被改动过，或由其他版本的议事生成 / FAIL: the file differs from the document regenerated from the record (from byte {first}; {} bytes, expected {}): it was altered, or made by another Yishi version",
            bytes.len(),
            regenerated.len(),
            bytes.len(),
            regenerated.len()
        );
    }
    r.lines.push(format!("文件内容逐字节一致 / every byte matches ({} {} bytes)", kind.code(), bytes.len()));
    r.later_events = current.record.events - events;
    r.later_amendments = current.meeting.amendments.len().saturating_sub(at.meeting.amendments.len());
    if r.later_events > 0 {
        r.lines.push(format!(
            "注意：本文件是记录截至该指纹的真实副本；此后记录又追加了 {} 个事件（其中更正 {} 条），当前指纹 {} / NOTE: a true copy of the record up to its fingerprint; {} later events follow ({} amendments), current fingerprint {}",
            r.later_events, r.later_amendments, current.record.head, r.later_events, r.later_amendments, current.record.head
        ));
    }
    r.ok = true;
    r
}
