//! Who takes part (R-PARTIES): the six groups of 协商主体, the 两委 flag, and the
//! role a person holds in one meeting.

use crate::ids::PersonId;
use serde::{Deserialize, Serialize};

/// The six groups of 协商主体 in 三.(一)–(六) of the guideline. R-PARTIES
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyGroup {
    /// ① 党代表、人大代表、政协委员
    Deputies,
    /// ② 政府及派出机关、企事业单位、党组织、群团、社会组织、业委会、物业、第三方、其他利益相关方代表
    Organisations,
    /// ③ 两委成员、居务监督委员会、下设委员会、居民小组长、居民代表、集体经济/合作组织负责人
    Residents,
    /// ④ 挂点干部、民警、法律顾问、“五老”、社工、志愿者
    Supporters,
    /// ⑤ 专家学者、专业技术人员
    Experts,
    /// ⑥ 受邀社会公众
    Public,
}

impl PartyGroup {
    pub const ALL: [PartyGroup; 6] = [
        PartyGroup::Deputies,
        PartyGroup::Organisations,
        PartyGroup::Residents,
        PartyGroup::Supporters,
        PartyGroup::Experts,
        PartyGroup::Public,
    ];
}

/// A person's role in one meeting. Only members vote and count for quorum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 协商成员: expected to attend, counts for quorum (R-QUORUM), votes (R-VOTE).
    Member,
    /// 列席: attends and may speak, does not vote.
    Attendee,
    /// 旁听: observes from a booked seat; neither speaks nor votes.
    Observer,
}

/// A person on the community roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub group: PartyGroup,
    /// 社区（村）“两委”成员 — matters for the seat share of R-SEATS.
    #[serde(default)]
    pub two_committees: bool,
}

/// A person as invited to one meeting. The meeting keeps its own copy, so the
/// minutes show names as they were on the day even if the roster changes later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: PersonId,
    pub name: String,
    pub group: PartyGroup,
    #[serde(default)]
    pub two_committees: bool,
    pub role: Role,
}
