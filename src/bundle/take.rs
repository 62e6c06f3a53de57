//! Importing a bundle on another installation: all of it, or nothing of it.
//!
//! In order: the file's signature against the certificate it carries (any changed byte fails
//! here), the issuer trusted on this installation (`yishi key trust`), the manifest naming
//! exactly the parts there are, each PDF signed by the same issuer, then each meeting's chain
//! from its genesis (`store::receive`, which also refuses a record that forks from one held).
//! Only then is anything written: the archive's log, the journals, then the PDFs under
//! `received/` in the data folder.

use super::format::{self, Part};
use super::manifest::{self, Manifest};
use super::BundleError;
use crate::community::archive::Issuer;
use crate::community::{CommunityCommand, CommunityIntent};
use crate::export::{pdfsig, trust, InstallationKey};
use crate::ids::Time;
use crate::store::receive::{Arrival, Taken};
use crate::store::Store;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// Where received PDFs are kept, under the data folder: `received/<meeting>/<kind>.pdf`.
pub const RECEIVED_DIR: &str = "received";

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Imported {
    /// The issuing community.
    pub community: String,
    pub key_id: String,
    pub meetings: Vec<Taken>,
    pub documents: usize,
    /// Matters escalated to the street that joined the pool with this import.
    pub escalations: usize,
}

pub fn take(store: &Store, bytes: &[u8], at: Time, progress: &dyn Fn(usize, usize)) -> Result<Imported, BundleError> {
    let data_dir = store.dir().to_path_buf();
    let (parts, signer) = format::read(bytes)?;
    let own = InstallationKey::load(&data_dir).ok().and_then(|k| k.document_signer(None).ok()).map(|s| s.key_id());
    let trusted = trust::Trusted::load(&data_dir);
    if own.as_deref() != Some(signer.key_id.as_str()) && trusted.name_of(&signer.key_id).is_none() {
        return Err(BundleError::Untrusted { name: signer.name, key: signer.key_id });
    }
    let manifest = read_manifest(&parts)?;
    let part = |name: &str| parts.iter().find(|p| p.name == name);
    let mut arrivals = Vec::new();
    let mut documents: Vec<(&Part, std::path::PathBuf)> = Vec::new();
    let total = manifest.meetings.len();
    for (i, m) in manifest.meetings.iter().enumerate() {
        let journal = part(&m.journal).filter(|_| m.journal == manifest::journal_part(m.id));
        let journal = journal.ok_or_else(|| BundleError::Contents(format!("缺少“{}”的记录 / the record of \"{}\" is missing", m.title, m.title)))?;
        for name in &m.documents {
            let doc = part(name).ok_or_else(|| BundleError::Contents(format!("缺少文件 {name} / {name} is missing")))?;
            // Each PDF carries the same issuer's signature, over the whole file.
            match pdfsig::check(&doc.bytes) {
                Ok(s) if s.key_id == signer.key_id => {}
                Ok(_) => return Err(BundleError::Document { name: name.clone(), problem: "签发者与数据包不同 / signed by another issuer than the bundle".into() }),
                Err(p) => return Err(BundleError::Document { name: name.clone(), problem: p.to_string() }),
            }
            let file = name.rsplit('/').next().unwrap_or(name);
            documents.push((doc, data_dir.join(RECEIVED_DIR).join(m.id.to_string()).join(file)));
        }
        arrivals.push(Arrival { id: m.id, journal: journal.bytes.clone() });
        progress(i + 1, total * 2);
    }
    // R-ESCALATE: each forwarded matter joins this pool under an id of its community's key, so
    // two communities' topic ids never meet; checked like any proposed topic, before anything
    // is written.
    let escalations: Vec<crate::topic::Topic> = manifest
        .escalations
        .iter()
        .map(|t| crate::topic::Topic { id: format!("{:.8}-{}", signer.key_id, t.id), decided_at: None, withdrawn: None, ..t.clone() })
        .collect();
    for t in &escalations {
        crate::topic::propose(t).map_err(|r| BundleError::Contents(format!("{}：{}", t.title, r.message(crate::i18n::Locale::Zh))))?;
    }
    let community = manifest.community.clone().filter(|c| !c.trim().is_empty());
    let issuer = Issuer { name: signer.name.clone(), key_id: signer.key_id.clone(), certificate: trust::pem(&signer.certificate_der), community: community.clone() };
    let taken = store.receive(&issuer, &hex::encode(Sha256::digest(bytes)), &arrivals, at)?;
    // The PDFs are copies of what the records say (they can be made again from them); written
    // last, each atomically.
    for (i, (doc, path)) in documents.iter().enumerate() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| crate::export::ExportError::Write { path: dir.to_path_buf(), source: e })?;
        }
        crate::export::write_atomic(path, &doc.bytes)?;
        progress(total + (i + 1) * total / documents.len().max(1), total * 2);
    }
    let mut forwarded = 0;
    for t in escalations {
        if store.topic(&t.id)?.is_none() {
            let cmd = CommunityCommand { at, intent: CommunityIntent::ProposeTopic { topic: t } };
            store.record(&cmd).map_err(|e| match e {
                crate::ApplyError::Store(e) => BundleError::Store(e),
                crate::ApplyError::Refused(r) => BundleError::Contents(r.message(crate::i18n::Locale::Zh)),
            })?;
            forwarded += 1;
        }
    }
    progress(total * 2, total * 2);
    Ok(Imported { community: community.unwrap_or(signer.name), key_id: signer.key_id, meetings: taken, documents: documents.len(), escalations: forwarded })
}

/// The manifest, and a check that it names exactly the parts the bundle holds.
fn read_manifest(parts: &[Part]) -> Result<Manifest, BundleError> {
    let m = parts.iter().find(|p| p.name == manifest::NAME).ok_or_else(|| BundleError::Contents(format!("没有 {} / no {}", manifest::NAME, manifest::NAME)))?;
    let manifest: Manifest = serde_json::from_slice(&m.bytes).map_err(|e| BundleError::Contents(format!("{}: {e}", manifest::NAME)))?;
    if manifest.format != manifest::FORMAT {
        return Err(BundleError::Contents(format!("格式 {} 需要更新版本的议事 / format {} needs a newer Yishi", manifest.format, manifest.format)));
    }
    let named: BTreeSet<&str> = std::iter::once(manifest::NAME)
        .chain(manifest.meetings.iter().flat_map(|m| std::iter::once(m.journal.as_str()).chain(m.documents.iter().map(String::as_str))))
        .collect();
    let held: BTreeSet<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    if named != held || held.len() != parts.len() {
        return Err(BundleError::Contents("清单与内容不符 / the manifest does not match the contents".into()));
    }
    Ok(manifest)
}

/// The PDFs received for a meeting, if any.
pub fn received_documents(data_dir: &Path, meeting: crate::ids::MeetingId) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(data_dir.join(RECEIVED_DIR).join(meeting.to_string()))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.sort();
    out
}
