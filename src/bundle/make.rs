//! Writing a bundle of this installation's sealed meetings.

use super::format::{self, Part};
use super::manifest::{self, Listed, Manifest};
use super::BundleError;
use crate::export::{self, InstallationKey, Options, Source};
use crate::ids::{MeetingId, Time};
use crate::state::Phase;
use crate::store::Store;

pub struct MakeOptions {
    /// The community's name (its profile's), shown at the street office.
    pub community: Option<String>,
    /// The community's issuing body: the certificate's name and the PDFs' signer.
    pub issuer: Option<String>,
    /// Carry each meeting's signed minutes and poster (on by default; off for a bundle of records
    /// only, e.g. a very large archive).
    pub documents: bool,
    /// Names the bundle's time (the core reads no clock).
    pub now: chrono::DateTime<chrono::FixedOffset>,
}

/// A finished bundle and what it holds.
pub struct Made {
    pub bytes: Vec<u8>,
    pub manifest: Manifest,
}

/// This installation's own sealed meetings scheduled on or after `since`, oldest first.
pub fn sealed_since(store: &Store, since: Time) -> Result<Vec<MeetingId>, BundleError> {
    let mut list: Vec<_> = store
        .list()?
        .into_iter()
        .filter(|s| s.phase == Phase::Sealed && s.scheduled_at >= since && store.received(s.id).is_none())
        .collect();
    list.sort_by_key(|s| s.scheduled_at);
    Ok(list.into_iter().map(|s| s.id).collect())
}

/// Writes a bundle of `meetings` (each sealed and this installation's own), calling
/// `progress(done, total)` as each is added.
pub fn make(store: &Store, key: &InstallationKey, meetings: &[MeetingId], opts: &MakeOptions, progress: &dyn Fn(usize, usize)) -> Result<Made, BundleError> {
    if meetings.is_empty() {
        return Err(BundleError::Nothing);
    }
    let signer = key.document_signer(opts.issuer.as_deref())?;
    let summaries = store.list()?;
    let export_opts = Options { issuer: opts.issuer.clone(), ..Options::default() };
    let mut listed = Vec::new();
    let mut parts = Vec::new();
    for (i, &id) in meetings.iter().enumerate() {
        let s = summaries.iter().find(|s| s.id == id).ok_or(crate::store::StoreError::UnknownMeeting(id))?;
        if let Some(o) = store.received(id) {
            return Err(BundleError::NotOurs { meeting: id, title: s.title.clone(), community: o.community });
        }
        if s.phase != Phase::Sealed {
            return Err(BundleError::NotSealed { meeting: id, title: s.title.clone() });
        }
        let journal = store.journal_copy(s).ok_or_else(|| crate::store::StoreError::ChainBroken(crate::store::ChainBreak {
            meeting: id,
            position: 1,
            kind: crate::store::BreakKind::JournalDamaged,
        }))?;
        let mut documents = Vec::new();
        if opts.documents {
            let snap = store.snapshot(id)?;
            let blob = |h: &str| store.blob(h).ok().flatten();
            let src = Source { snap: &snap, blob: &blob };
            for (kind, bytes) in [("minutes", export::minutes(&src, key, &export_opts)?), ("poster", export::poster(&src, key, &export_opts)?)] {
                let name = manifest::document_part(id, kind);
                documents.push(name.clone());
                parts.push(Part { name, bytes });
            }
        }
        let name = manifest::journal_part(id);
        parts.push(Part { name: name.clone(), bytes: journal });
        listed.push(Listed {
            id,
            title: s.title.clone(),
            level: s.level,
            form: s.form,
            scheduled_at: s.scheduled_at,
            events: s.events,
            head: s.head.clone(),
            journal: name,
            documents,
        });
        progress(i + 1, meetings.len());
    }
    let escalations = store
        .topics()?
        .into_iter()
        .filter(|t| t.level == crate::setup::Level::Street && t.escalated_from.as_ref().is_some_and(|r| meetings.contains(&r.meeting)))
        .collect();
    let manifest = Manifest { format: manifest::FORMAT, created_at: opts.now.to_rfc3339(), issuer: signer_name(&signer), community: opts.community.clone(), meetings: listed, escalations };
    let json = serde_json::to_vec_pretty(&manifest).map_err(crate::store::StoreError::from)?;
    parts.insert(0, Part { name: manifest::NAME.into(), bytes: json });
    Ok(Made { bytes: format::write(&parts, &signer), manifest })
}

fn signer_name(signer: &crate::export::pdfsig::DocSigner) -> String {
    crate::export::trust::read_certificate(&signer.certificate_der()).map(|(_, n)| n).unwrap_or_default()
}
