//! What the index was made from: each meeting's chain head when it was indexed, and the commit
//! of the index this holds for. Written after each commit; a stamp that does not name the index's
//! last commit (a crash between the two, a damaged file) makes the index be built anew.

use crate::ids::MeetingId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Bumped whenever what goes into the index changes (schema, tokenizer, passages): an index of
/// another format is built anew.
pub const FORMAT: u32 = 1;

pub const FILE: &str = "stamp.json";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub format: u32,
    /// The index commit these heads were indexed in.
    pub opstamp: u64,
    pub heads: BTreeMap<MeetingId, String>,
}

impl Stamp {
    pub fn new() -> Stamp {
        Stamp { format: FORMAT, ..Stamp::default() }
    }

    pub fn load(dir: &Path) -> Result<Stamp, String> {
        let bytes = std::fs::read(dir.join(FILE)).map_err(|e| format!("{FILE}: {e}"))?;
        let stamp: Stamp = serde_json::from_slice(&bytes).map_err(|e| format!("{FILE}: {e}"))?;
        if stamp.format != FORMAT {
            return Err(format!("{FILE}: format {} (this program writes {FORMAT})", stamp.format));
        }
        Ok(stamp)
    }

    /// Written whole, then renamed over the old one.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let tmp = dir.join(format!("{FILE}.tmp"));
        std::fs::write(&tmp, serde_json::to_vec(self)?)?;
        std::fs::rename(&tmp, dir.join(FILE))
    }
}
