//! `yishi profile`: the community's profile (社区信息) the exports and the PDF signature use —
//! shown, or set field by field (the others are kept). The desktop app asks for it at its first
//! start and edits it in 设置与核验.

use std::path::Path;
use std::process::ExitCode;

use yishi::community::profile::Profile;

#[derive(Debug, clap::Args)]
pub struct ProfileArgs {
    /// 社区名称, e.g. 莲花街道莲花一村社区
    #[arg(long)]
    pub community: Option<String>,
    /// 发布单位 (default: the community's residents' committee, from its name)
    #[arg(long)]
    pub issuer: Option<String>,
    /// 预约旁听方式: phone and/or online channel, as printed on the notice ("" clears it)
    #[arg(long)]
    pub booking: Option<String>,
    /// Where bookings are taken in person ("" clears it)
    #[arg(long)]
    pub venue: Option<String>,
}

pub fn run(data_dir: &Path, args: &ProfileArgs) -> ExitCode {
    let old = match Profile::load(data_dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("yishi: {e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    let setting = args.community.is_some() || args.issuer.is_some() || args.booking.is_some() || args.venue.is_some();
    let profile = if setting {
        let old = old.unwrap_or_default();
        // A new name without a new issuer: the issuer follows the name if it was the default.
        let issuer = match (&args.issuer, &args.community) {
            (Some(i), _) => i.clone(),
            (None, Some(_)) if old.issuer == yishi::community::profile::default_issuer(&old.community) => String::new(),
            (None, _) => old.issuer.clone(),
        };
        let made = Profile::new(
            args.community.as_deref().unwrap_or(&old.community),
            &issuer,
            args.booking.as_deref().unwrap_or(&old.booking),
            args.venue.as_deref().unwrap_or(&old.booking_venue),
        );
        match made.and_then(|p| p.save(data_dir).map(|_| p)) {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("yishi: {e}");
                return ExitCode::from(super::EXIT_INPUT);
            }
        }
    } else {
        old
    };
    match profile {
        None => println!("尚未填写社区信息 / no community profile yet (yishi profile --community NAME)"),
        Some(p) => {
            println!("社区名称 / community: {}", p.community);
            println!("发布单位 / issuer: {}", p.issuer);
            println!("预约旁听方式 / booking: {}", p.booking);
            println!("预约地点 / booking venue: {}", p.booking_venue);
        }
    }
    ExitCode::SUCCESS
}
