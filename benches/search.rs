//! Search benchmarks (issue 13, "Benchmarks"): `cargo bench --bench search`. Figures, not tests.
//!
//! An archive of 10,000 sealed meetings from 30 communities: each meeting is `demo::sealed_meeting`
//! (the script the record bench's archive is made of: three items, ten speaking turns, three
//! votes, 21 signatures, sealed) with its texts made its own — the community's name and people,
//! three of 24 topics with their background, speeches and motions — so that words are spread
//! over the archive as in a street office's, not the same in every meeting. Built once under the
//! target dir (reused while its fingerprint matches) the way the record bench builds its archive:
//! the same `decide` / `seal_event` / fold / index entry as `Store::apply`, one sled batch per
//! meeting, checked byte for byte against `Store::apply` for the first meeting.
//!
//! Then, each in a fresh process of this binary (page cache warm): the index built from scratch
//! (`Archive::open` with no `search/`), its size on disk; queries timed (p50/p99 over every run
//! of a fixed set); `Store::open` + `Archive::open` as the app and `yishi search` start; the
//! no-op catch-up a query may be preceded by; the catch-up of one changed meeting.
//!
//! Environment: `YISHI_BENCH_MEETINGS` (10000), `YISHI_BENCH_QUERY_RUNS` (30 per query),
//! `YISHI_BENCH_REBUILD=1`, `YISHI_BENCH_DOC=0` (leave docs/performance.md alone).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use yishi::search::Archive;
use yishi::store::{chain, journal};
use yishi::{demo, Intent, MeetingId, Store};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn scratch_root() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
}

// ---------------------------------------------------------------- the archive's texts

const COMMUNITIES: [&str; 30] = [
    "幸福", "和平", "光明", "春华", "翠竹", "莲花", "景田", "梅林", "南园", "沙头", "香蜜", "园岭", "华富", "华强", "通新岭",
    "皇岗", "水围", "石厦", "新洲", "益田", "东海", "竹子林", "侨香", "安托山", "农园", "碧海", "上步", "下沙", "渔农", "福民",
];

const SURNAMES: [&str; 40] = [
    "李", "王", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余",
];
const GIVEN: [&str; 48] = [
    "卫东", "秀英", "敏", "德明", "桂兰", "立新", "红梅", "永强", "淑珍", "志刚", "美玲", "建华", "建国", "淑芬", "志强",
    "丽华", "晓燕", "德才", "丽娜", "哲", "玉兰", "浩", "雨婷", "磊", "晓峰", "国平", "宏伟", "海涛", "文斌", "佳怡",
    "子涵", "欣怡", "梓轩", "雅静", "俊杰", "思远", "春生", "秋菊", "冬梅", "金凤", "玉珍", "国强", "家豪", "嘉欣", "一鸣",
    "犇", "鑫", "𠮷祥",
];

/// A topic: subject, background, parties concerned, the motion, and four speeches.
type Topic = (&'static str, &'static str, &'static str, &'static str, [&'static str; 4]);

const TOPICS: [Topic; 24] = [
    ("加装电梯", "楼龄超过二十年的七层住宅无电梯，60岁以上住户占四成，业主意愿征集同意比例超过三分之二，拟申请市区两级补贴。", "全体业主，低层住户代表，业委会，物业服务企业",
     "同意加装电梯，按业委会分摊方案申报补贴，低层住户按方案减免",
     ["意愿征集已经完成，建议尽快申报补贴。", "施工期间需临时调整消防通道，费用分摊方案需书面确认。", "结构满足加装条件，建议采用钢结构井道，工期约4个月。", "一楼住户担心采光和噪音，希望分摊方案给予减免。"]),
    ("调整临时停车收费标准", "物业提出将临时停车收费由每小时3元调整为5元，以缓解外来车辆占用车位问题，部分居民认为涨幅过大。", "业主、物业服务企业、周边商户",
     "同意临时停车收费调整为每小时5元",
     ["外来车辆长期占用车位，建议调整收费，业主车辆不受影响。", "涨幅过大，影响探亲访友，建议首小时免费。", "建议先做一个月车流统计，再确定收费标准。", "可以错峰共享周边学校的停车位。"]),
    ("设立长者饭堂", "社区60岁以上老人较多，独居老人近百人，拟利用党群服务中心闲置场地设立长者饭堂，由社会组织运营。", "社区老人及家属、社会组织、党群服务中心",
     "同意设立长者饭堂，由社会组织运营，年内完成改造",
     ["机构有长者饭堂运营经验，可提供午餐和晚餐，老人优惠价12元。", "场地需满足餐饮消防和排烟要求，建议先做改造评估。", "很多独居老人盼望有饭堂，支持尽快设立。", "建议为行动不便的老人提供送餐上门。"]),
    ("垃圾分类投放点调整", "现有投放点靠近住户窗口，夏季异味投诉较多，拟迁至小区东门和北门绿化带旁。", "投放点周边住户、物业服务企业、环卫站",
     "同意将垃圾分类投放点迁至东门和北门绿化带旁",
     ["夏天异味太重，窗户都不敢开。", "新位置离部分楼栋较远，老人投放不便。", "建议增加定时定点督导员。", "厨余垃圾桶要每天清洗消毒。"]),
    ("篮球场夜间开放时间", "篮球场夜间开放至22:30，周边住户反映噪音扰民，青年居民希望延长开放。", "周边住户、青年居民、社区体育协会",
     "同意篮球场夜间开放至22:00，周末延长至22:30",
     ["晚上打球声音很大，影响孩子休息。", "年轻人下班后只有晚上有时间运动。", "可以加装隔音围网，灯光朝向场内。", "建议实行预约制，控制人数。"]),
    ("电动自行车集中充电点建设", "楼道内电动自行车充电存在火灾隐患，拟在小区西侧空地建设集中充电棚，配备智能断电和烟感报警。", "电动车车主、物业服务企业、消防站",
     "同意建设电动自行车集中充电棚，收费标准由物业公示",
     ["楼道里充电太危险，去年隔壁小区就出过事。", "充电收费要合理，每小时不超过0.5元。", "充电棚要有喷淋和监控。", "建议同时清理楼道堆放的杂物。"]),
    ("老旧小区雨污分流改造", "小区排水管网建于上世纪九十年代，雨天经常倒灌，列入区雨污分流改造计划，需居民配合开挖施工。", "全体住户、施工单位、水务部门",
     "同意配合雨污分流改造施工，施工期间设置临时通道",
     ["每次下暴雨一楼都进水，早该改了。", "施工要分段进行，不能同时封堵出入口。", "开挖后要及时恢复绿化和路面。", "希望公布施工进度和投诉电话。"]),
    ("增设社区健身器材", "社区现有健身器材老化，部分存在安全隐患，拟使用民生微实事资金更新并增设适老化器材。", "社区居民、老年人协会、体育部门",
     "同意使用民生微实事资金更新健身器材",
     ["单杠已经生锈，小孩玩很危险。", "希望多增加适合老人的器材。", "器材下面要铺设防滑地垫。", "建议明确维护责任单位。"]),
    ("楼道堆物清理", "多栋楼道长期堆放杂物，堵塞消防通道，拟开展集中清理并建立长效巡查机制。", "各楼栋住户、楼长、物业服务企业",
     "同意开展楼道堆物集中清理，建立楼长巡查制度",
     ["楼道里的纸箱和旧家具太多了。", "清理前要提前通知，给住户留出时间。", "建议设置临时存放点。", "楼长每周巡查一次并拍照记录。"]),
    ("小区门禁系统升级", "现有门禁卡容易复制，外来人员随意进出，拟升级为人脸识别门禁，同时保留刷卡方式。", "全体住户、物业服务企业、租户",
     "同意升级人脸识别门禁并保留刷卡方式",
     ["人脸信息要保护好，不能泄露。", "老人不会用新系统，要保留刷卡。", "租户的信息由谁录入要讲清楚。", "快递和外卖进出要有管理办法。"]),
    ("社区图书角建设", "党群服务中心二楼有闲置房间，拟改造为社区图书角，面向儿童和老人开放。", "社区居民、学校、志愿者",
     "同意在二楼设立社区图书角，由志愿者管理",
     ["孩子放学后没有地方看书写作业。", "建议接入区图书馆的通借通还。", "开放时间要照顾上班族。", "可以招募退休教师做志愿者。"]),
    ("违规养犬整治", "小区犬只增多，不拴绳遛狗和犬只扰民投诉频繁，拟制定文明养犬公约。", "养犬户、全体住户、派出所",
     "同意制定文明养犬公约，在小区内遛狗须拴绳",
     ["晚上经常有狗叫，影响休息。", "遛狗一定要拴绳，及时清理粪便。", "建议划定宠物活动区域。", "未登记的犬只要督促办理登记。"]),
    ("绿化带改造为停车位", "小区停车位紧张，有居民提议将部分绿化带改造为停车位，另有居民反对减少绿地。", "有车业主、无车住户、物业服务企业",
     "同意将北侧部分绿化带改造为停车位，同时补种乔木",
     ["车位太少，每天晚上都找不到地方停。", "绿化是大家的，不能随便占用。", "可以用植草砖，兼顾绿化和停车。", "改造方案要经过业主大会表决。"]),
    ("物业服务费调整", "物业公司提出人工成本上涨，申请将物业服务费由每平方米1.8元调整为2.2元。", "全体业主、业委会、物业服务企业",
     "同意物业服务费调整为每平方米2元，服务标准同步提升",
     ["服务质量没有提高，不同意涨价。", "物业要公开收支账目。", "可以适当上调，但要有服务承诺。", "建议引入第三方评估服务质量。"]),
    ("社区WiFi信号覆盖", "党群服务中心和广场的公共WiFi信号差，居民办事和老人视频通话不便，拟增设无线接入点。", "社区居民、运营商、党群服务中心",
     "同意在广场和服务中心增设WiFi接入点",
     ["在服务中心排队办事时手机没信号。", "老人和子女视频通话经常断线。", "要注意网络安全，设置实名认证。", "建议由运营商免费建设维护。"]),
    ("高空抛物治理", "近期发生多起高空抛物事件，险些伤人，拟安装仰拍监控并开展宣传教育。", "全体住户、物业服务企业、派出所",
     "同意安装高空抛物仰拍监控",
     ["上个月差点砸到楼下的小孩。", "监控要覆盖所有高层楼栋。", "要保护住户隐私，监控不能拍到室内。", "加强宣传，抓到要依法处理。"]),
    ("儿童游乐设施改造", "小区儿童游乐设施老旧，地面硬化，存在安全隐患，拟更新设施并铺设软质地面。", "儿童家长、物业服务企业、社区妇联",
     "同意更新儿童游乐设施并铺设塑胶地面",
     ["滑梯边缘有裂缝，容易划伤孩子。", "地面要铺软的，摔倒不会受伤。", "建议增加遮阳棚。", "施工期间要设置围挡。"]),
    ("外墙脱落维修", "部分楼栋外墙瓷砖脱落，存在坠落风险，拟使用住宅专项维修资金进行维修。", "相关楼栋业主、业委会、物业服务企业",
     "同意使用专项维修资金维修外墙",
     ["下雨后经常有瓷砖掉下来。", "维修资金的使用要公示。", "先拉警戒线，防止伤人。", "施工单位要有相应资质。"]),
    ("社区食堂价格调整", "社区食堂运营成本上升，运营方申请将套餐价格由12元调整为15元，老人优惠保持不变。", "就餐居民、运营方、社区老人",
     "同意套餐价格调整为14元，老人优惠价不变",
     ["菜的分量和质量要保证。", "涨价幅度太大，希望控制在两元以内。", "老人优惠一定要保留。", "建议公开成本核算。"]),
    ("消防通道整治", "小区消防通道被私家车长期占用，消防车无法通行，拟划设禁停标线并安装地锁。", "有车住户、物业服务企业、消防站",
     "同意划设消防通道禁停标线，违停车辆依法处理",
     ["上次救护车都进不来，太危险了。", "划线后要有人管理，不然没用。", "可以在周边协调临时停车位。", "建议定期开展消防演练。"]),
    ("老年大学分校设立", "社区老年人学习需求大，拟与区老年大学合作设立分校，开设书法、合唱、智能手机课程。", "社区老人、区老年大学、党群服务中心",
     "同意与区老年大学合作设立社区分校",
     ["很多老人想学用智能手机。", "课程时间安排在上午比较好。", "教室要有无障碍设施。", "可以请社区里的能人来授课。"]),
    ("二次供水设施改造", "小区二次供水水箱老化，水质投诉较多，拟纳入优质饮用水入户工程改造。", "全体住户、水务集团、物业服务企业",
     "同意实施二次供水设施改造",
     ["水龙头里的水有时发黄。", "改造期间要提前通知停水时间。", "水箱要定期清洗并公示水质报告。", "改造费用由政府承担的部分要讲清楚。"]),
    ("菜市场周边交通疏导", "菜市场早高峰人车混行，占道经营严重，拟设置临时摊位区并调整交通标志。", "菜市场商户、周边住户、交警",
     "同意设置临时摊位区并调整早高峰交通组织",
     ["早上买菜人太多，车都过不去。", "流动摊贩要统一管理。", "建议早高峰禁止货车进入。", "设置人行通道，保障老人安全。"]),
    ("无障碍设施建设", "社区内多处台阶缺少坡道，轮椅和婴儿车通行困难，拟在主要出入口建设无障碍坡道。", "残障人士、老人、婴幼儿家长",
     "同意在主要出入口建设无障碍坡道和扶手",
     ["坐轮椅出门要别人抬，非常不方便。", "坡道坡度要符合规范。", "扶手两侧都要装。", "建议同时改造公共卫生间。"]),
];

/// 30 people of a community: the demo's roles, names of its own (one community has a resident
/// whose name needs a character outside the BMP).
fn roster(c: usize) -> Vec<String> {
    (0..30).map(|p| format!("{}{}", SURNAMES[(c * 7 + p * 3) % SURNAMES.len()], GIVEN[(c * 5 + p * 11) % GIVEN.len()])).collect()
}

// ---------------------------------------------------------------- building the archive

fn archived_id(i: u64) -> MeetingId {
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let bytes = ((mix(2 * i + 77) as u128) << 64 | mix(2 * i + 78) as u128).to_be_bytes();
    MeetingId(uuid::Builder::from_random_bytes(bytes).into_uuid())
}

fn shenzhen(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("a time")
}

/// Meeting `i` is community `i % 30`'s meeting number `i / 30`, one a week going back.
fn archived_start(i: u64) -> DateTime<FixedOffset> {
    shenzhen("2026-11-01T19:30:00+08:00") - chrono::Duration::days(7 * (i / 30) as i64) - chrono::Duration::minutes((i % 30) as i64)
}

struct Template {
    start: DateTime<FixedOffset>,
    script: Vec<yishi::Command>,
    /// Small signature images (the demo's are 240×80 and stored in every journal).
    signatures: HashMap<String, String>,
}

impl Template {
    fn new() -> Template {
        use base64::Engine;
        let start = archived_start(0);
        let signatures = (1..=30)
            .map(|p| {
                let id = format!("p{p:02}");
                let png = yishi::png::scribble(&id, 60, 20);
                (id, base64::engine::general_purpose::STANDARD.encode(png))
            })
            .collect();
        Template { start, script: demo::sealed_meeting(archived_id(0), start), signatures }
    }

    /// Meeting `i`: the template moved to its id and time, with its community's texts. The
    /// minutes text is redrafted from the record as it stands when written (`record_of`).
    fn script(&self, i: u64) -> Vec<yishi::Command> {
        let (c, k) = ((i % 30) as usize, (i / 30) as usize);
        let names = roster(c);
        let topics: Vec<&Topic> = (0..3).map(|n| &TOPICS[(k * 5 + c * 7 + n * 11) % TOPICS.len()]).collect();
        let estate = format!("{}{}", COMMUNITIES[c], ["花园", "家园", "新村", "雅苑"][k % 4]);
        let delta = archived_start(i) - self.start;
        let id = archived_id(i);
        let mut item = 0usize;
        let mut turn = 0usize;
        let mut out = self.script.clone();
        for cmd in out.iter_mut() {
            cmd.meeting = id;
            cmd.at += delta;
            match &mut cmd.intent {
                Intent::CreateMeeting(setup) => {
                    setup.scheduled_at += delta;
                    let at = setup.scheduled_at;
                    setup.title = format!("{}社区{}年第{}次居民代表会议", COMMUNITIES[c], chrono::Datelike::year(&at), k + 1);
                    setup.place = format!("{}社区党群服务中心会议室", COMMUNITIES[c]);
                    for (p, person) in setup.participants.iter_mut().enumerate() {
                        person.name = names[p].clone();
                    }
                    for (n, a) in setup.agenda.iter_mut().enumerate() {
                        let t = topics[n];
                        a.title = format!("关于{estate}{}的议题", t.0);
                        a.background = t.1.to_string();
                        a.stakeholders = t.2.to_string();
                    }
                }
                Intent::RecordNotice { published_at, invitations_sent_at } => {
                    for t in [published_at, invitations_sent_at].into_iter().flatten() {
                        *t += delta;
                    }
                }
                Intent::OpenItem { .. } => {
                    item += 1;
                    turn = 0;
                }
                Intent::EndTurn { summary } => {
                    *summary = Some(topics[item - 1].4[turn % 4].to_string());
                    turn += 1;
                }
                Intent::OpenVote { motion, .. } => *motion = topics[item - 1].3.to_string(),
                Intent::RecordWitness { name, .. } => *name = names[24].clone(),
                Intent::Sign { person, image_png_base64 } => {
                    *image_png_base64 = self.signatures[&person.to_string()].clone();
                }
                _ => {}
            }
        }
        out
    }
}

/// A meeting's record as `Store::apply` writes it: sled's keys and values, and its journal.
struct Record {
    kv: Vec<(Vec<u8>, Vec<u8>)>,
    journal: Vec<u8>,
    events: u64,
}

fn record_of(script: &mut [yishi::Command]) -> Record {
    let mut meeting: Option<yishi::Meeting> = None;
    let mut head = [0u8; 32];
    let (mut events, mut intents) = (0u64, 0u64);
    let mut kv = std::collections::BTreeMap::new();
    let mut journal_bytes = journal::MAGIC.to_vec();
    for (n, cmd) in script.iter_mut().enumerate() {
        if let (Intent::EditMinutes { text, .. }, Some(m)) = (&mut cmd.intent, &meeting) {
            *text = yishi::minutes::draft(m);
        }
        let decision = yishi::decide(meeting.as_ref(), cmd)
            .unwrap_or_else(|e| panic!("intent {} of the archived meeting was refused: {e}", n + 1));
        if meeting.is_none() {
            let Intent::CreateMeeting(setup) = &cmd.intent else { panic!("the script creates the meeting first") };
            meeting = Some(yishi::Meeting::create(cmd.meeting, setup, cmd.at));
            head = chain::genesis(cmd.meeting);
        }
        let m = meeting.as_mut().expect("created above");
        intents += 1;
        for blob in decision.blobs {
            journal_bytes.extend(journal::frame(journal::BLOB, &blob.bytes));
            kv.insert(chain::blob_key(&blob.sha256), blob.bytes);
        }
        for event in decision.events {
            events += 1;
            let stored = chain::StoredEvent { meeting: cmd.meeting, seq: events, intent: intents, at: cmd.at, event };
            let (value, hash) = chain::seal_event(&head, &stored).expect("encode an event");
            journal_bytes.extend(journal::frame(journal::EVENT, &value));
            kv.insert(chain::event_key(cmd.meeting, events).to_vec(), value);
            head = hash;
            m.apply(&stored.event, stored.at);
        }
    }
    let m = meeting.expect("a non-empty script");
    let mut summary = yishi::store::MeetingSummary::of(&m, &head, events, intents);
    summary.journal_len = Some(journal_bytes.len() as u64);
    kv.insert(chain::index_key(m.id).to_vec(), serde_json::to_vec(&summary).expect("encode the index entry"));
    Record { kv: kv.into_iter().collect(), journal: journal_bytes, events }
}

/// The first meeting through `Store::apply` on a fresh store: the same bytes as `record_of`.
fn check_against_store(template: &Template) {
    let mut script = template.script(0);
    let record = record_of(&mut script);
    let dir = tempfile::tempdir_in(scratch_root()).expect("a temp dir");
    let store = Store::open(dir.path()).expect("a fresh store");
    for cmd in &script {
        store.apply(cmd).expect("the archived script applies");
    }
    let stored: Vec<(Vec<u8>, Vec<u8>)> =
        store.log_tree().iter().map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())).expect("read the log")).collect();
    assert!(stored == record.kv, "the bench's record builder no longer matches Store::apply: fix record_of");
    let journal = std::fs::read(store.journals().path(&script[0].meeting.to_string())).expect("the journal");
    assert!(journal == record.journal, "the bench's journal no longer matches Store::apply: fix record_of");
}

fn dir_size(p: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(p) else { return 0 };
    rd.flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

struct Built {
    dir: PathBuf,
    meetings: u64,
    events: u64,
    build: Duration,
    reused: bool,
}

fn archive(n: u64) -> Built {
    let template = Template::new();
    check_against_store(&template);
    let first = record_of(&mut template.script(0));
    let head = first.kv.iter().find(|(k, _)| k[0] == chain::INDEX_PREFIX).map(|(_, v)| v.clone()).unwrap_or_default();
    let fingerprint =
        format!("meetings {n}\ncommunities 30\ntopics {}\nfirst index entry {}\n", TOPICS.len(), hex::encode(sha(&head)));
    let dir = scratch_root().join(format!("search-archive-{n}"));
    let marker = scratch_root().join(format!("search-archive-{n}.built"));
    if std::env::var_os("YISHI_BENCH_REBUILD").is_none() && dir.join("db").is_file() {
        if let Some(rest) = std::fs::read_to_string(&marker).ok().and_then(|t| t.strip_prefix(&fingerprint).map(str::to_string)) {
            let get = |key: &str| rest.lines().find_map(|l| l.strip_prefix(key)?.trim().parse().ok()).unwrap_or(0);
            return Built { dir, meetings: n, events: get("events"), build: Duration::from_millis(get("build ms")), reused: true };
        }
    }
    let _ = std::fs::remove_file(&marker);
    let _ = std::fs::remove_dir_all(&dir);
    let begun = Instant::now();
    let mut events = 0;
    {
        let store = Store::open(&dir).expect("create the archive store");
        let tree = store.log_tree();
        let journals = journal::Journals::open(&dir).expect("the journal folder");
        let mut blobs = std::collections::HashSet::new();
        let (tx, rx) = std::sync::mpsc::sync_channel::<Record>(64);
        std::thread::scope(|scope| {
            for w in 0..2u64 {
                let (tx, template) = (tx.clone(), &template);
                scope.spawn(move || {
                    for i in (w..n).step_by(2) {
                        if tx.send(record_of(&mut template.script(i))).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(tx);
            for (i, record) in rx.iter().enumerate() {
                let id = record.kv.iter().find_map(|(k, _)| chain::parse_event_key(k)).expect("events").0;
                std::fs::write(journals.path(&id.to_string()), &record.journal).expect("write a journal");
                events += record.events;
                let mut batch = sled::Batch::default();
                for (k, v) in record.kv {
                    if k[0] == chain::BLOB_PREFIX && !blobs.insert(k.clone()) {
                        continue;
                    }
                    batch.insert(k, v);
                }
                tree.apply_batch(batch).expect("write an archived meeting");
                if (i + 1) % 1000 == 0 {
                    tree.flush().expect("flush");
                    eprintln!("   built {}/{n} meetings ({:.0} s)", i + 1, begun.elapsed().as_secs_f64());
                }
            }
        });
        tree.flush().expect("flush");
    }
    let build = begun.elapsed();
    std::fs::write(&marker, format!("{fingerprint}events {events}\nbuild ms {}\n", build.as_millis())).expect("the marker");
    Built { dir, meetings: n, events, build, reused: false }
}

fn sha(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

// ---------------------------------------------------------------- probes (fresh processes)

fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let get = |key: &str| {
        status.lines().find_map(|l| l.strip_prefix(key)?.trim().trim_end_matches("kB").trim().parse().ok()).unwrap_or(0)
    };
    (get("VmHWM:"), get("VmRSS:"))
}

/// The queries timed: common and rare words, phrases, several words, names, a community, a
/// character outside the BMP, Latin letters, and words found nowhere.
fn queries() -> Vec<String> {
    let name = roster(3)[5].clone();
    let mut q: Vec<String> = [
        "电梯", "加装电梯", "停车 收费", "长者饭堂", "补贴", "梯", "垃圾分类 异味 投放点", "莲花社区", "消防通道",
        "wifi", "𠮷祥", "无障碍坡道 扶手", "火箭发射", "电梯 篮球场 图书角",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    q.push(name);
    q
}

/// Builds the index from scratch: what the first start after installing does.
fn probe_build(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir.join(yishi::search::DIR));
    let store = Store::open(dir).expect("open the archive");
    let t = Instant::now();
    let archive = Archive::open(&store).expect("build the index");
    let build = t.elapsed();
    assert_eq!(archive.opened(), &yishi::search::Opened::Created);
    let (hwm, rss) = memory_kib();
    println!("build_ns {}\nindexed {}\nhwm_kib {hwm}\nrss_kib {rss}", build.as_nanos(), archive.len());
    drop(archive);
    println!("index_bytes {}", dir_size(&dir.join(yishi::search::DIR)));
    // The reading part alone, again (files and sled's cache warm now): what indexing adds is the rest.
    let t = Instant::now();
    for s in store.list().expect("list") {
        yishi::search::source::read(&store, &s).expect("read a meeting");
    }
    println!("read_all_ns {}", t.elapsed().as_nanos());
}

/// What the app and `yishi search` do on start, then the queries.
fn probe_open(dir: &Path) {
    let t = Instant::now();
    let store = Store::open(dir).expect("open the archive");
    let store_open = t.elapsed();
    let t = Instant::now();
    let mut archive = Archive::open(&store).expect("open the index");
    let archive_open = t.elapsed();
    assert_eq!(archive.opened(), &yishi::search::Opened::Kept);
    let (hwm, rss) = memory_kib();
    println!("store_open_ns {}\narchive_open_ns {}\nhwm_open_kib {hwm}\nrss_open_kib {rss}", store_open.as_nanos(), archive_open.as_nanos());
    let mut lists = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        store.list().expect("list");
        lists.push(t.elapsed());
    }
    lists.sort();
    println!("list_ns {}", lists[lists.len() / 2].as_nanos());
    // The check before a query when the record may have changed: nothing to do.
    let mut noop = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let r = archive.refresh(&store).expect("refresh");
        noop.push(t.elapsed());
        assert_eq!(r, yishi::search::Refreshed::default());
    }
    noop.sort();
    println!("noop_refresh_ns {}", noop[noop.len() / 2].as_nanos());
    let runs = env_usize("YISHI_BENCH_QUERY_RUNS", 30);
    let mut all = Vec::new();
    for (n, q) in queries().iter().enumerate() {
        let t = Instant::now();
        let hits = archive.query(q, 20).expect("query");
        let first = t.elapsed();
        let mut samples = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let again = archive.query(q, 20).expect("query");
            samples.push(t.elapsed());
            assert_eq!(again.len(), hits.len());
        }
        samples.sort();
        // How many meetings hold it at all (the 20 shown are the best of these).
        let total = archive.count(q).expect("count");
        println!("q{n}_first_ns {}\nq{n}_p50_ns {}\nq{n}_max_ns {}", first.as_nanos(), samples[samples.len() / 2].as_nanos(), samples[samples.len() - 1].as_nanos());
        println!("q{n}_hits {}\nq{n}_total {total}", hits.len());
        all.extend(samples);
    }
    all.sort();
    let rank = |p: f64| all[((p * all.len() as f64).ceil() as usize).clamp(1, all.len()) - 1];
    println!("samples {}\np50_ns {}\np99_ns {}\nmax_ns {}", all.len(), rank(0.5).as_nanos(), rank(0.99).as_nanos(), all[all.len() - 1].as_nanos());
    let (hwm, rss) = memory_kib();
    println!("hwm_query_kib {hwm}\nrss_query_kib {rss}");
}

/// One meeting's stamp taken out (as if its record had moved on): the catch-up at open.
fn probe_one(dir: &Path) {
    let stamp_path = dir.join(yishi::search::DIR).join(yishi::search::stamp::FILE);
    let mut stamp: yishi::search::stamp::Stamp =
        serde_json::from_slice(&std::fs::read(&stamp_path).expect("the stamp")).expect("a stamp");
    let id = *stamp.heads.keys().next().expect("a meeting");
    stamp.heads.insert(id, "moved".into());
    std::fs::write(&stamp_path, serde_json::to_vec(&stamp).expect("encode")).expect("write the stamp");
    let store = Store::open(dir).expect("open the archive");
    let t = Instant::now();
    let archive = Archive::open(&store).expect("open the index");
    println!("one_ns {}", t.elapsed().as_nanos());
    assert_eq!(archive.opened(), &yishi::search::Opened::Kept);
}

fn child(args: &[&str]) -> HashMap<String, u64> {
    let exe = std::env::current_exe().expect("this binary");
    let out = std::process::Command::new(exe).args(args).output().expect("run the probe");
    assert!(out.status.success(), "probe {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(' ')?;
            Some((k.to_string(), v.trim().parse().ok()?))
        })
        .collect()
}

// ---------------------------------------------------------------- the doc

const DOC_START: &str = "<!-- search-bench:start -->";
const DOC_END: &str = "<!-- search-bench:end -->";

fn ms(ns: u64) -> String {
    let v = ns as f64 / 1e6;
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// 1110000 → "1,110,000".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

fn git(args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git").current_dir(env!("CARGO_MANIFEST_DIR")).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg").unwrap_or_default().split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

struct Results {
    built: Built,
    build: HashMap<String, u64>,
    opens: Vec<HashMap<String, u64>>,
    one: HashMap<String, u64>,
    load_start: String,
}

fn section(r: &Results) -> String {
    use std::fmt::Write as _;
    let mut d = String::new();
    let date = chrono::Local::now().format("%Y-%m-%d %H:%M %:z");
    let commit = git(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "unknown".into());
    let dirty = git(&["status", "--porcelain", "--", "src", "benches", "Cargo.toml"]).is_some_and(|s| !s.is_empty());
    let mut idx: Vec<usize> = (0..r.opens.len()).collect();
    idx.sort_by_key(|&i| r.opens[i]["p99_ns"]);
    let m = &r.opens[idx[idx.len() / 2]];
    let b = &r.build;
    let _ = writeln!(d, "{DOC_START}");
    let _ = writeln!(d, "## Search\n");
    let _ = writeln!(
        d,
        "Written by `cargo bench --bench search` (`benches/search.rs`), which rewrites only the part of this file between its markers.\n"
    );
    let _ = writeln!(
        d,
        "- **Measured** {date} at commit `{commit}`{}; load average {} at the start, {} at the end (2 cores shared with other builds).",
        if dirty { " with uncommitted changes" } else { "" },
        r.load_start,
        loadavg()
    );
    let _ = writeln!(
        d,
        "- **Archive**: {} sealed meetings from 30 communities ({} events), each `demo::sealed_meeting` with its community's name and people and three of {} topics (background, four speeches, a motion), built the way the record bench builds its archive ({:.0} s{}).",
        thousands(r.built.meetings),
        thousands(r.built.events),
        TOPICS.len(),
        r.built.build.as_secs_f64(),
        if r.built.reused { ", an earlier run's, reused" } else { "" }
    );
    let _ = writeln!(d, "- Each figure below is from a fresh process of the bench binary, files in the page cache.\n");
    let _ = writeln!(d, "| what | figure |\n|---|---:|");
    let _ = writeln!(d, "| index built from scratch (`Archive::open` without `search/`: every meeting read, checked, folded and indexed) | {} ms |", ms(b["build_ns"]));
    let _ = writeln!(d, "| of which reading the meetings (`search::source::read`, every chain checked, folded; timed again after the build, warm) | {} ms |", ms(b["read_all_ns"]));
    let _ = writeln!(d, "| peak RSS of that process | {} MiB |", mib(b["hwm_kib"] * 1024));
    let _ = writeln!(d, "| index size on disk (`search/`) | {} MiB ({} bytes a meeting) |", mib(b["index_bytes"]), b["index_bytes"] / b["indexed"].max(1));
    let _ = writeln!(d, "| `Store::open` | {} ms |", ms(m["store_open_ns"]));
    let _ = writeln!(d, "| `Archive::open` after it (index kept: checksums of every file, stamp, catch-up check) | {} ms |", ms(m["archive_open_ns"]));
    let _ = writeln!(d, "| **store + archive open** | **{} ms** |", ms(m["store_open_ns"] + m["archive_open_ns"]));
    let _ = writeln!(d, "| catch-up with nothing changed (`Archive::refresh`: `Store::list` and the heads compared), median of 10 | {} ms (`Store::list` alone {} ms) |", ms(m["noop_refresh_ns"]), ms(m["list_ns"]));
    let _ = writeln!(d, "| `Archive::open` with one meeting's head moved (it is read and indexed again, one commit) | {} ms |", ms(r.one["one_ns"]));
    let _ = writeln!(d, "| peak RSS after open / after the queries | {} / {} MiB |", mib(m["hwm_open_kib"] * 1024), mib(m["hwm_query_kib"] * 1024));
    let _ = writeln!(
        d,
        "| **search, {} runs over {} queries (limit 20): p50 / p99 / max** | **{} / {} / {} ms** (goal p99 ≤ 50 ms: {}) |",
        m["samples"],
        queries().len(),
        ms(m["p50_ns"]),
        ms(m["p99_ns"]),
        ms(m["max_ns"]),
        if m["p99_ns"] <= 50_000_000 { "met" } else { "missed" }
    );
    let _ = writeln!(d, "\nPer query (the median run's process; *meetings* is how many hold every word, of which the best 20 are returned):\n");
    let _ = writeln!(d, "| query | meetings | first run ms | p50 ms | max ms |\n|---|---:|---:|---:|---:|");
    for (n, q) in queries().iter().enumerate() {
        let _ = writeln!(
            d,
            "| {q} | {} | {} | {} | {} |",
            m[&format!("q{n}_total")],
            ms(m[&format!("q{n}_first_ns")]),
            ms(m[&format!("q{n}_p50_ns")]),
            ms(m[&format!("q{n}_max_ns")])
        );
    }
    let runs: Vec<String> = r
        .opens
        .iter()
        .map(|o| format!("{} + {} ms open, p99 {} ms", ms(o["store_open_ns"]), ms(o["archive_open_ns"]), ms(o["p99_ns"])))
        .collect();
    let _ = writeln!(d, "\nAll open-and-query runs: {}.", runs.join("; "));
    let _ = writeln!(d, "{DOC_END}");
    d
}

fn write_doc(section: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join("performance.md");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let new = match (old.find(DOC_START), old.find(DOC_END)) {
        (Some(a), Some(b)) if a < b => {
            let end = b + DOC_END.len();
            let end = if old[end..].starts_with('\n') { end + 1 } else { end };
            format!("{}{}{}", &old[..a], section, &old[end..])
        }
        _ => format!("{}\n{}", old.trim_end_matches('\n').to_string() + "\n", section),
    };
    std::fs::write(&path, new).expect("write docs/performance.md");
    path
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, dir] if flag == "--probe-build" => return probe_build(Path::new(dir)),
        [flag, dir] if flag == "--probe-open" => return probe_open(Path::new(dir)),
        [flag, dir] if flag == "--probe-one" => return probe_one(Path::new(dir)),
        _ => {}
    }
    let load_start = loadavg();
    let n = env_usize("YISHI_BENCH_MEETINGS", 10_000) as u64;
    let built = archive(n);
    println!(
        "1. archive of {} meetings, {} events, {} ({:.0} s to build)",
        built.meetings,
        built.events,
        built.dir.display(),
        built.build.as_secs_f64()
    );
    let dir = built.dir.to_str().expect("a UTF-8 path").to_string();
    let build = child(&["--probe-build", &dir]);
    println!(
        "2. index built in {} ms, {} MiB on disk, peak RSS {} MiB",
        ms(build["build_ns"]),
        mib(build["index_bytes"]),
        mib(build["hwm_kib"] * 1024)
    );
    let opens: Vec<_> = (0..3).map(|_| child(&["--probe-open", &dir])).collect();
    for o in &opens {
        println!(
            "3. store open {} ms + archive open {} ms; no-op refresh {} ms; search p50 {} ms, p99 {} ms, max {} ms",
            ms(o["store_open_ns"]),
            ms(o["archive_open_ns"]),
            ms(o["noop_refresh_ns"]),
            ms(o["p50_ns"]),
            ms(o["p99_ns"]),
            ms(o["max_ns"])
        );
    }
    let one = child(&["--probe-one", &dir]);
    println!("4. open with one meeting to index again: {} ms", ms(one["one_ns"]));
    let r = Results { built, build, opens, one, load_start };
    if std::env::var("YISHI_BENCH_DOC").is_ok_and(|v| v == "0") || n != 10_000 {
        println!("5. docs/performance.md left alone");
    } else {
        println!("5. wrote the \"Search\" section of {}", write_doc(&section(&r)).display());
    }
}
