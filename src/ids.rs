//! Identifiers. The caller chooses every id (the core never invents one), so a
//! meeting replayed from its intents yields the same record.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Wall-clock time as the caller saw it, with its UTC offset (Shenzhen is +08:00).
pub type Time = chrono::DateTime<chrono::FixedOffset>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeetingId(pub Uuid);

impl MeetingId {
    pub fn new_random() -> Self {
        MeetingId(Uuid::new_v4())
    }
}

impl fmt::Display for MeetingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for MeetingId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(MeetingId)
    }
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    };
}

string_id!(
    /// A person on the community roster and in a meeting's participant list.
    PersonId
);
string_id!(
    /// An agenda item within one meeting.
    ItemId
);

/// An id is 1–64 characters of letters, digits, `-`, `_` or `.`: safe in file
/// names, URLs and CSV, and unambiguous when printed in the minutes.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
