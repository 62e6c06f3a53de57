//! 社区信息 — the community's profile as the home screen asks for it at the first start and
//! edits it later: read, saved (the core checks and writes it), and the issuing body a name
//! suggests. The core's `community::profile` holds every rule; this only carries it.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;
use yishi::community::profile::{self, Profile, ProfileError};
use yishi::i18n::Locale;

use crate::ipc::IpcError;
use crate::AppState;

/// The profile as the form sends it. A blank issuer takes the one the name suggests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ProfileInput {
    pub community: String,
    pub issuer: String,
    pub booking: String,
    pub booking_venue: String,
}

/// The profile as saved.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProfileView {
    pub community: String,
    pub issuer: String,
    pub booking: String,
    pub booking_venue: String,
}

impl From<Profile> for ProfileView {
    fn from(p: Profile) -> Self {
        ProfileView { community: p.community, issuer: p.issuer, booking: p.booking, booking_venue: p.booking_venue }
    }
}

/// The core's message in each language; the code says what is wrong, the text which field.
pub fn profile_error(e: ProfileError) -> IpcError {
    IpcError::text(e.code(), e.message(Locale::Zh), e.message(Locale::En))
}

/// The data folder's profile (None before the first one is saved).
pub fn load(data_dir: &Path) -> Result<Option<Profile>, IpcError> {
    Profile::load(data_dir).map_err(profile_error)
}

/// The saved profile, or none yet: then the home screen asks for it.
#[tauri::command]
pub async fn get_profile(state: State<'_, AppState>) -> Result<Option<ProfileView>, IpcError> {
    Ok(load(&state.data_dir)?.map(ProfileView::from))
}

/// Checks and saves the profile; resolves to it as saved (trimmed, the issuer filled in).
#[tauri::command]
pub async fn save_profile(state: State<'_, AppState>, profile: ProfileInput) -> Result<ProfileView, IpcError> {
    let p = Profile::new(&profile.community, &profile.issuer, &profile.booking, &profile.booking_venue).map_err(profile_error)?;
    p.save(&state.data_dir).map_err(profile_error)?;
    log::info!("community profile saved: {} / {}", p.community, p.issuer);
    Ok(p.into())
}

/// The issuing body a community's name suggests (its residents' or villagers' committee).
#[tauri::command]
pub fn suggest_issuer(community: String) -> String {
    profile::default_issuer(&community)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_character_is_refused_naming_the_field_in_both_languages() {
        let e = Profile::new("莲花一村社区", "", "电话\u{202E}123", "").map_err(profile_error).unwrap_err();
        assert_eq!(e.code, "bad_character");
        assert!(e.message_zh.starts_with("“预约旁听方式”中含有不能使用的字符"), "{}", e.message_zh);
        assert!(e.message_en.starts_with("the booking channel: contains the character"), "{}", e.message_en);
    }
}
