//! The community's profile (社区信息): its name, the issuing body that signs what it prints
//! (发布单位), how residents book an observer seat (预约旁听方式: phone, online, free text) and
//! where bookings are taken in person. Asked at the app's first start, editable later, and
//! used by every export: the notice's booking lines (R-OBSERVE), the issuer printed on the
//! poster and notice, and the name in the PDF signature's certificate.
//!
//! A setting of this installation, not a fact of the record: it is one small file in the data
//! folder (`community.json`), written whole and renamed into place, and copied by backups.
//! Its text is checked at the door like every text of the record (`decide::char_problem`): it
//! is printed on every document, so a character that cannot be printed is refused here.

use crate::decide::char_problem;
use crate::i18n::{bad_character, Locale};
use crate::refusal::CharProblem;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The profile's file in the data folder.
pub const FILE: &str = "community.json";

pub const MAX_COMMUNITY: usize = 60;
pub const MAX_ISSUER: usize = 60;
pub const MAX_BOOKING: usize = 200;
pub const MAX_VENUE: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// 社区名称, e.g. 莲花街道莲花一村社区.
    pub community: String,
    /// 发布单位: who issues and signs the documents (default: `default_issuer(community)`).
    pub issuer: String,
    /// 预约旁听方式: a phone number and/or an online channel, as residents should read it.
    #[serde(default)]
    pub booking: String,
    /// Where bookings are taken in person (e.g. the community service centre's front desk).
    #[serde(default)]
    pub booking_venue: String,
}

/// The profile's fields, as its errors name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    Community,
    Issuer,
    Booking,
    BookingVenue,
}

impl ProfileField {
    pub fn zh(self) -> &'static str {
        match self {
            ProfileField::Community => "社区名称",
            ProfileField::Issuer => "发布单位",
            ProfileField::Booking => "预约旁听方式",
            ProfileField::BookingVenue => "预约地点",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            ProfileField::Community => "community name",
            ProfileField::Issuer => "issuing body",
            ProfileField::Booking => "booking channel",
            ProfileField::BookingVenue => "booking venue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("“{}”不能为空 / the {} is required", .0.zh(), .0.en())]
    Empty(ProfileField),
    #[error("“{}”最多 {max} 个字，现为 {len} 个 / the {}: {len} characters, at most {max} allowed", .field.zh(), .field.en())]
    TooLong { field: ProfileField, len: usize, max: usize },
    #[error("“{}”中{} / the {}: {}", .field.zh(), bad_character(*.ch, *.problem, Locale::Zh), .field.en(), bad_character(*.ch, *.problem, Locale::En))]
    BadCharacter { field: ProfileField, ch: char, problem: CharProblem },
    #[error("社区信息文件 {path} 无法读取：{reason} / the community profile {path} cannot be read: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("社区信息无法保存到 {path}：{reason} / the community profile cannot be saved to {path}: {reason}")]
    Write { path: PathBuf, reason: String },
}

impl ProfileError {
    /// The field at fault, for a form to point at.
    pub fn field(&self) -> Option<ProfileField> {
        match self {
            ProfileError::Empty(f) => Some(*f),
            ProfileError::TooLong { field, .. } | ProfileError::BadCharacter { field, .. } => Some(*field),
            _ => None,
        }
    }

    /// A stable code for the UI, like a refusal's.
    pub fn code(&self) -> &'static str {
        match self {
            ProfileError::Empty(_) => "empty",
            ProfileError::TooLong { .. } => "too_long",
            ProfileError::BadCharacter { .. } => "bad_character",
            ProfileError::Read { .. } => "profile_unreadable",
            ProfileError::Write { .. } => "write_failed",
        }
    }

    /// The message in one language (the Display text holds both, "中文 / English").
    pub fn message(&self, loc: Locale) -> String {
        let text = self.to_string();
        let (zh, en) = text.split_once(" / ").unwrap_or((&text, &text));
        match loc {
            Locale::Zh => zh.to_string(),
            Locale::En => en.to_string(),
        }
    }
}

/// The issuing body a community's name suggests: its residents' committee (居民委员会), or a
/// village's villagers' committee (村民委员会); a name that already is a committee stays.
pub fn default_issuer(community: &str) -> String {
    let name = community.trim();
    if name.is_empty() {
        return String::new();
    }
    if ["委员会", "居委会", "村委会", "工作站", "办事处"].iter().any(|s| name.ends_with(s)) {
        return name.to_string();
    }
    if name.ends_with('村') {
        format!("{name}村民委员会")
    } else {
        format!("{name}居民委员会")
    }
}

impl Profile {
    /// A profile as typed: trimmed, the issuer derived from the name when left blank, then
    /// checked. What `save` writes.
    pub fn new(community: &str, issuer: &str, booking: &str, booking_venue: &str) -> Result<Profile, ProfileError> {
        let community = community.trim().to_string();
        let issuer = match issuer.trim() {
            "" => default_issuer(&community),
            i => i.to_string(),
        };
        let p = Profile { community, issuer, booking: booking.trim().to_string(), booking_venue: booking_venue.trim().to_string() };
        p.check()?;
        Ok(p)
    }

    /// Every field's length and characters; the name and the issuer are required.
    pub fn check(&self) -> Result<(), ProfileError> {
        use ProfileField as F;
        for (field, value, max, required) in [
            (F::Community, &self.community, MAX_COMMUNITY, true),
            (F::Issuer, &self.issuer, MAX_ISSUER, true),
            (F::Booking, &self.booking, MAX_BOOKING, false),
            (F::BookingVenue, &self.booking_venue, MAX_VENUE, false),
        ] {
            if required && value.trim().is_empty() {
                return Err(ProfileError::Empty(field));
            }
            let len = value.chars().count();
            if len > max {
                return Err(ProfileError::TooLong { field, len, max });
            }
            // One line each: they are printed into a sentence, a signature line, a certificate.
            if let Some((ch, problem)) = value.chars().find_map(|ch| char_problem(ch, false).map(|p| (ch, p))) {
                return Err(ProfileError::BadCharacter { field, ch, problem });
            }
        }
        Ok(())
    }

    /// Set and not blank: how residents book, where.
    pub fn booking(&self) -> Option<&str> {
        Some(self.booking.trim()).filter(|s| !s.is_empty())
    }
    pub fn booking_venue(&self) -> Option<&str> {
        Some(self.booking_venue.trim()).filter(|s| !s.is_empty())
    }

    /// The data folder's profile; None before one is saved (the first start). A file that
    /// does not read, or holds text that would be refused, is an error naming the file or the
    /// field: it is printed on every document.
    pub fn load(data_dir: &Path) -> Result<Option<Profile>, ProfileError> {
        let path = data_dir.join(FILE);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(ProfileError::Read { path, reason: e.to_string() }),
        };
        let p: Profile = serde_json::from_slice(&bytes).map_err(|e| ProfileError::Read { path, reason: e.to_string() })?;
        p.check()?;
        Ok(Some(p))
    }

    /// Checks, then writes the profile whole: a temporary file, synced, renamed into place and
    /// the folder synced, so a crash leaves the old profile or the new one.
    pub fn save(&self, data_dir: &Path) -> Result<(), ProfileError> {
        use std::io::Write;
        self.check()?;
        let path = data_dir.join(FILE);
        let err = |e: std::io::Error| ProfileError::Write { path: path.clone(), reason: e.to_string() };
        let json = serde_json::to_vec_pretty(self).map_err(|e| err(std::io::Error::other(e)))?;
        let tmp = data_dir.join(format!(".{FILE}.{}.tmp", std::process::id()));
        let written = (|| {
            std::fs::create_dir_all(data_dir)?;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)?;
            sync_dir(data_dir)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map_err(err)
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}
#[cfg(not(unix))]
fn sync_dir(_: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuer_is_the_committee_of_the_community() {
        assert_eq!(default_issuer("莲花街道莲花一村社区"), "莲花街道莲花一村社区居民委员会");
        assert_eq!(default_issuer(" 大望村 "), "大望村村民委员会");
        assert_eq!(default_issuer("幸福社区居民委员会"), "幸福社区居民委员会");
        assert_eq!(default_issuer(""), "");
    }
}
