//! The community's profile (社区信息, issue 12): its name, issuing body, booking channel and
//! venue, saved whole in the data folder and read back; bad input refused naming the field in
//! both languages; used by the exports — the notice's booking lines (R-OBSERVE) and the name the
//! PDF signature's certificate gives, as `pdfsig` shows it — by the `yishi` tool when no
//! `--issuer`/`--booking-contact` is given, and carried by backups.

mod export_support;

use export_support::*;
use std::path::Path;
use yishi::community::profile::{Profile, ProfileError, ProfileField, FILE};
use yishi::export::pdfsig;
use yishi::export::{Options, Source};
use yishi::refusal::CharProblem;

const COMMUNITY: &str = "莲花街道莲花一村社区";
const ISSUER: &str = "莲花街道莲花一村社区居民委员会";
const BOOKING: &str = "电话 0755-8321 6600；线上：莲花一村社区公众号“预约旁听”栏目";
const VENUE: &str = "莲花一村社区党群服务中心一楼服务台";

fn lianhua() -> Profile {
    Profile::new(COMMUNITY, "", BOOKING, VENUE).unwrap()
}

#[test]
fn a_profile_is_saved_whole_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Profile::load(dir.path()).unwrap(), None, "none before the first start's form");
    let p = Profile::new(&format!("  {COMMUNITY} "), " ", BOOKING, VENUE).unwrap();
    assert_eq!(p.issuer, ISSUER, "the issuer the name suggests when left blank");
    assert_eq!(p.community, COMMUNITY, "trimmed");
    p.save(dir.path()).unwrap();
    assert_eq!(Profile::load(dir.path()).unwrap(), Some(p.clone()));
    let edited = Profile::new(COMMUNITY, "莲花一村社区党委", "", "").unwrap();
    edited.save(dir.path()).unwrap();
    assert_eq!(Profile::load(dir.path()).unwrap(), Some(edited.clone()));
    assert_eq!((edited.booking(), edited.booking_venue()), (None, None));
    // Written through a temporary file renamed into place: nothing else is left in the folder.
    let names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec![FILE.to_string()]);
}

#[test]
fn bad_input_is_refused_naming_the_field_in_both_languages() {
    use CharProblem as P;
    use ProfileField as F;
    let long = "社".repeat(61);
    // (community, issuer, booking, venue) → the field, what is wrong, the Chinese message's start
    let cases: [([&str; 4], F, &str, &str); 7] = [
        (["", "", "", ""], F::Community, "empty", "“社区名称”不能为空"),
        ([COMMUNITY, "居委会\u{202E}", "", ""], F::Issuer, "bad_character", "“发布单位”中含有不能使用的字符"),
        ([COMMUNITY, "", "电话\n0755", ""], F::Booking, "bad_character", "“预约旁听方式”中含有不能使用的字符"),
        ([COMMUNITY, "", "", "服务台\u{200B}"], F::BookingVenue, "bad_character", "“预约地点”中含有不能使用的字符"),
        (["莲花\u{E000}社区", "", "", ""], F::Community, "bad_character", "“社区名称”中含有不能使用的字符"),
        ([COMMUNITY, &long, "", ""], F::Issuer, "too_long", "“发布单位”最多 60 个字，现为 61 个"),
        ([COMMUNITY, "", &"约".repeat(201), ""], F::Booking, "too_long", "“预约旁听方式”最多 200 个字"),
    ];
    for ([c, i, b, v], field, code, zh) in cases {
        let e = Profile::new(c, i, b, v).unwrap_err();
        assert_eq!((e.field(), e.code()), (Some(field), code), "{e}");
        let text = e.to_string();
        let (z, en) = text.split_once(" / ").unwrap();
        assert!(z.starts_with(zh), "{z}");
        assert!(en.contains(field.en()), "the English names the field too: {en}");
    }
    match Profile::new(COMMUNITY, "", "电话\n0755", "").unwrap_err() {
        ProfileError::BadCharacter { ch: '\n', problem: P::LineBreak, .. } => {}
        e => panic!("{e:?}"),
    }
    // Nothing is saved past the check, and a file edited by hand is checked when read.
    let dir = tempfile::tempdir().unwrap();
    let bad = Profile { community: COMMUNITY.into(), issuer: "居委会\u{202E}".into(), ..Profile::default() };
    assert!(matches!(bad.save(dir.path()), Err(ProfileError::BadCharacter { field: F::Issuer, .. })));
    assert!(!dir.path().join(FILE).exists());
    std::fs::write(dir.path().join(FILE), serde_json::to_vec(&bad).unwrap()).unwrap();
    assert_eq!(Profile::load(dir.path()).unwrap_err().field(), Some(F::Issuer));
    std::fs::write(dir.path().join(FILE), b"{ not json").unwrap();
    let e = Profile::load(dir.path()).unwrap_err();
    assert_eq!(e.code(), "profile_unreadable");
    assert!(e.to_string().contains(FILE), "names the file: {e}");
}

fn notice(store: &yishi::store::Store, opts: &Options) -> Vec<u8> {
    let snap = store.snapshot(upcoming_id()).unwrap();
    let blob = |h: &str| store.blob(h).ok().flatten();
    yishi::export::notice(&Source { snap: &snap, blob: &blob }, &key(), opts).unwrap()
}

fn text_of(dir: &Path, name: &str, pdf: &[u8]) -> String {
    let f = write_tmp(dir, name, pdf);
    // One line per paragraph's line; joined, a sentence broken across lines reads whole.
    tool("pdftotext", &[f.to_str().unwrap(), "-"]).stdout.replace('\n', "")
}

#[test]
fn exports_take_the_booking_lines_and_the_signers_name_from_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("data"));
    let p = lianhua();
    let opts = Options::default().with_profile(Some(&p));
    assert_eq!(
        (opts.issuer.as_deref(), opts.booking_contact.as_deref(), opts.booking_venue.as_deref()),
        (Some(ISSUER), Some(BOOKING), Some(VENUE))
    );
    let pdf = notice(&store, &opts);
    let text = text_of(dir.path(), "notice.pdf", &pdf);
    for needle in [BOOKING, &format!("或到{VENUE}现场预约旁听"), ISSUER] {
        assert!(text.contains(needle), "{needle} missing from the notice: {text}");
    }
    // The signature names the issuing body: pdfsig reads it from the certificate.
    let f = write_tmp(dir.path(), "notice.pdf", &pdf);
    let out = tool("pdfsig", &[f.to_str().unwrap()]);
    assert!(out.stdout.contains(&format!("Signer Certificate Common Name: {ISSUER}")), "{}", out.stdout);
    assert!(out.stdout.contains("Signature Validation: Signature is Valid."), "{}", out.stdout);
    let snap = store.snapshot(sealed_id()).unwrap();
    assert_eq!(pdfsig::check(&minutes_pdf(&store, &snap, &opts).unwrap()).unwrap().signer, ISSUER, "the minutes too");
    // What was given for this export wins over the profile.
    let given = Options { issuer: Some("莲花一村社区党委".into()), booking_contact: Some("电话 8321 0000".into()), ..Options::default() }.with_profile(Some(&p));
    assert_eq!((given.issuer.as_deref(), given.booking_contact.as_deref(), given.booking_venue.as_deref()), (Some("莲花一村社区党委"), Some("电话 8321 0000"), Some(VENUE)));
    assert_eq!(pdfsig::check(&notice(&store, &given)).unwrap().signer, "莲花一村社区党委");
    // Without a profile: the meeting's place, and a line to write the channel on.
    let bare = text_of(dir.path(), "bare.pdf", &notice(&store, &Options::default().with_profile(None)));
    assert!(bare.contains("或到幸福社区党群服务中心三楼会议室现场预约旁听") && bare.contains("预约方式：____"), "{bare}");
    assert!(!bare.contains(VENUE));
    // The booking lines are written into the file, so `verify` makes it again byte for byte.
    let report = yishi::export::verify::verify_pdf(&pdf, &store, &key());
    assert!(report.ok, "{:#?}", report.lines);
    assert!(report.lines.iter().any(|l| l.contains("逐字节一致")), "{:#?}", report.lines);
}

fn cli(data: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_yishi")).arg("--data-dir").arg(data).args(args).output().unwrap()
}

#[test]
fn the_yishi_tool_sets_the_profile_and_exports_with_it_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    drop(demo_store(&data));
    let out = cli(&data, &["profile"]);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("尚未填写社区信息"));
    let out = cli(&data, &["profile", "--community", COMMUNITY, "--booking", BOOKING, "--venue", VENUE]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("发布单位 / issuer: {ISSUER}")));
    assert_eq!(Profile::load(&data).unwrap(), Some(lianhua()));
    // Refused, naming the field; the profile stays as it was.
    let out = cli(&data, &["profile", "--venue", "服务台\u{202E}"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("“预约地点”中含有不能使用的字符"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(Profile::load(&data).unwrap(), Some(lianhua()));

    let f = dir.path().join("notice.pdf");
    let out = cli(&data, &["export", "notice", UPCOMING, "-o", f.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(&f).unwrap();
    assert_eq!(pdfsig::check(&pdf).unwrap().signer, ISSUER);
    let text = text_of(dir.path(), "n.pdf", &pdf);
    assert!(text.contains(BOOKING) && text.contains(VENUE), "{text}");
    let out = cli(&data, &["export", "notice", UPCOMING, "-o", f.to_str().unwrap(), "--issuer", "莲花一村社区党委", "--booking-contact", "电话 8321 0000"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(&f).unwrap();
    assert_eq!(pdfsig::check(&pdf).unwrap().signer, "莲花一村社区党委");
    let text = text_of(dir.path(), "n2.pdf", &pdf);
    assert!(text.contains("预约方式：电话 8321 0000") && text.contains(VENUE), "{text}");

    // The certificate a street office trusts names the same issuing body.
    let cert = dir.path().join("cert.pem");
    assert!(cli(&data, &["key", "export", "-o", cert.to_str().unwrap()]).status.success());
    let (_, name) = yishi::export::trust::read_certificate(&std::fs::read(&cert).unwrap()).unwrap();
    assert_eq!(name, ISSUER);
    assert!(cli(&data, &["key", "export", "-o", cert.to_str().unwrap(), "--issuer", "莲花一村社区党委"]).status.success());
    assert_eq!(yishi::export::trust::read_certificate(&std::fs::read(&cert).unwrap()).unwrap().1, "莲花一村社区党委");
}

#[test]
fn backups_carry_the_profile_to_a_new_computer_without_overwriting_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = demo_store(&data);
    lianhua().save(&data).unwrap();
    let to = dir.path().join("usb");
    let made = store.backup(&to, 10, chrono::Utc::now(), &|_, _| {}).unwrap();
    assert!(made.path.join(FILE).is_file(), "the backup holds the profile");
    let fresh = dir.path().join("new-computer");
    let restored = yishi::store::backup::restore_into(&made.path, &fresh, &Default::default(), &|_, _| {}).unwrap();
    assert!(restored.profile);
    assert_eq!(Profile::load(&fresh).unwrap(), Some(lianhua()));
    // A folder with a profile of its own keeps it.
    let other = dir.path().join("other");
    let own = Profile::new("莲花二村社区", "", "", "").unwrap();
    own.save(&other).unwrap();
    let restored = yishi::store::backup::restore_into(&made.path, &other, &Default::default(), &|_, _| {}).unwrap();
    assert!(!restored.profile);
    assert_eq!(Profile::load(&other).unwrap(), Some(own));
}
