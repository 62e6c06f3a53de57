//! 社区 or 村 on the papers (R-LEVEL, R-FORMS). The guideline's umbrella terms — 社区（村）协商,
//! 居（村）民议事会 — are for the app's users; residents read the one they live in. The form
//! says it where it can (居民代表会议 is a community's, 村民代表会议 a village's); for the forms
//! held in both, the names the record and the issuer give do ("…村民委员会", "…村委…"), and
//! otherwise a community: every village of Shenzhen became a 社区 in 2004.

use crate::i18n::Locality;
use crate::state::Meeting;

pub(crate) fn of(m: &Meeting, issuer: Option<&str>) -> Locality {
    Locality::of_meeting(m, issuer)
}
