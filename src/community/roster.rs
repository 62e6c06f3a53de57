//! The community roster and its CSV import. An import is all or nothing: every
//! bad row is reported by line with the field at fault, and nothing is stored
//! unless every row is good.

use crate::i18n::Locale;
use crate::ids::{is_valid_id, PersonId};
use crate::people::{PartyGroup, Person};
use crate::refusal::Field;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One bad row of an import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// 1-based line in the file (the header is line 1).
    pub line: usize,
    pub field: Field,
    pub message_zh: String,
    pub message_en: String,
}

fn row_error(line: usize, field: Field, zh: String, en: String) -> RowError {
    RowError {
        line,
        field,
        message_zh: format!("第 {line} 行“{}”：{zh}", field.label(Locale::Zh)),
        message_en: format!("line {line}, {}: {en}", field.label(Locale::En)),
    }
}

/// A group from its serde name, its number (1–6 as in 三.(一)–(六)), or its Chinese label.
pub fn parse_group(s: &str) -> Option<PartyGroup> {
    let s = s.trim();
    let by_number = |n: usize| PartyGroup::ALL.get(n.checked_sub(1)?).copied();
    if let Ok(n) = s.parse::<usize>() {
        return by_number(n);
    }
    let circled = ["①", "②", "③", "④", "⑤", "⑥"];
    if let Some(n) = circled.iter().position(|c| s.starts_with(c)) {
        return by_number(n + 1);
    }
    PartyGroup::ALL.into_iter().find(|&g| {
        serde_json::to_value(g).ok().and_then(|v| v.as_str().map(|x| x == s)).unwrap_or(false)
            || crate::i18n::group_short(g, Locale::Zh) == s
            || crate::i18n::group_label(g, Locale::Zh) == s
    })
}

fn parse_flag(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "否" | "0" | "false" | "no" | "n" => Some(false),
        "是" | "1" | "true" | "yes" | "y" => Some(true),
        _ => None,
    }
}

/// The text of a roster file: UTF-8 (with or without Excel's BOM), else GB18030 — what Excel on a
/// Chinese Windows saves as "CSV". Returns the text and the encoding's name. One decoder for the
/// app and the `yishi` tool, so a file imports the same way in both.
pub fn decode_csv(bytes: &[u8]) -> (String, &'static str) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            (text.into_owned(), "GB18030")
        }
    }
}

/// Parses a roster CSV: columns 编号/id, 姓名/name, 类别/group, 两委/two_committees
/// (header names in Chinese or English, in any order; the 两委 column is optional).
pub fn parse_csv(text: &str) -> Result<Vec<Person>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text); // Excel's BOM
    let mut rdr = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![row_error(1, Field::Participants, format!("无法读取表头：{e}"), format!("cannot read the header: {e}"))]),
    };
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.to_lowercase().as_str()));
    let (Some(c_id), Some(c_name), Some(c_group)) =
        (col(&["编号", "id"]), col(&["姓名", "name"]), col(&["类别", "协商主体类别", "group"]))
    else {
        return Err(vec![row_error(
            1,
            Field::Participants,
            "表头须包含“编号、姓名、类别”三列（“两委”列可选）".into(),
            "the header must have id, name and group columns (two_committees optional)".into(),
        )]);
    };
    let c_two = col(&["两委", "两委成员", "two_committees"]);
    let (mut people, mut errors, mut seen) = (Vec::new(), Vec::new(), HashSet::new());
    for (n, rec) in rdr.records().enumerate() {
        let line = n + 2;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(row_error(line, Field::Participants, format!("无法解析：{e}"), format!("cannot parse: {e}")));
                continue;
            }
        };
        if rec.iter().all(|f| f.is_empty()) {
            continue;
        }
        let get = |c: usize| rec.get(c).unwrap_or("");
        let id = get(c_id);
        if !is_valid_id(id) {
            errors.push(row_error(line, Field::PersonId, format!("“{id}”不是有效编号"), format!("\"{id}\" is not a valid id")));
            continue;
        }
        if !seen.insert(id.to_string()) {
            errors.push(row_error(line, Field::PersonId, format!("“{id}”重复"), format!("\"{id}\" appears twice")));
            continue;
        }
        let name = get(c_name);
        let len = name.chars().count();
        if name.is_empty() || len > crate::decide::MAX_NAME {
            errors.push(row_error(
                line,
                Field::Name,
                format!("姓名须为1至{}字", crate::decide::MAX_NAME),
                format!("a name has 1 to {} characters", crate::decide::MAX_NAME),
            ));
            continue;
        }
        // Issue 11: a name the meetings would refuse (controls, text-direction controls, invisible
        // or private-use characters, one the exports cannot print) is refused here too.
        if let Some((ch, problem)) = name.chars().find_map(|c| crate::decide::char_problem(c, false).map(|p| (c, p))) {
            errors.push(row_error(
                line,
                Field::Name,
                crate::i18n::bad_character(ch, problem, Locale::Zh),
                crate::i18n::bad_character(ch, problem, Locale::En),
            ));
            continue;
        }
        let Some(group) = parse_group(get(c_group)) else {
            errors.push(row_error(
                line,
                Field::Participants,
                format!("类别“{}”无效，应为1–6或六类协商主体之一（R-PARTIES）", get(c_group)),
                format!("group \"{}\" is not 1–6 or one of the six groups (R-PARTIES)", get(c_group)),
            ));
            continue;
        };
        let Some(two_committees) = parse_flag(c_two.map(get).unwrap_or("")) else {
            errors.push(row_error(line, Field::Participants, "两委一栏应填“是”或“否”".into(), "two_committees must be yes or no".into()));
            continue;
        };
        people.push(Person { id: PersonId(id.to_string()), name: name.to_string(), group, two_committees });
    }
    if errors.is_empty() {
        Ok(people)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_parties_csv_import_reads_chinese_and_english_headers() {
        let csv = "\u{feff}编号,姓名,类别,两委\np1,李卫东,3,是\np2,\"陈, 建国\",①,否\np3,许哲,experts,\n";
        let people = parse_csv(csv).unwrap();
        assert_eq!(people.len(), 3);
        assert_eq!(people[0].group, PartyGroup::Residents);
        assert!(people[0].two_committees);
        assert_eq!(people[1].name, "陈, 建国");
        assert_eq!(people[1].group, PartyGroup::Deputies);
        assert_eq!(people[2].group, PartyGroup::Experts);
        let en = parse_csv("name,id,group\nAnna,a1,专家\n").unwrap();
        assert_eq!(en[0].id.as_str(), "a1");
        assert_eq!(en[0].group, PartyGroup::Experts);
    }

    #[test]
    fn r_parties_csv_import_reports_every_bad_row_by_line_and_keeps_nothing() {
        let csv = "编号,姓名,类别,两委\np1,李卫东,3,是\n坏 编号,张三,3,否\np3,,3,否\np4,王五,9,否\np1,重复,3,否\np6,赵六,2,也许\n";
        let errs = parse_csv(csv).unwrap_err();
        let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7]);
        assert!(errs[0].message_zh.starts_with("第 3 行“人员编号”"));
        assert!(errs[2].message_zh.contains("R-PARTIES"));
        assert!(errs[3].message_en.contains("appears twice"));
        assert!(parse_csv("姓名,电话\n张三,123\n").is_err());
    }

    #[test]
    fn r_parties_a_person_entered_by_hand_gets_the_participant_checks() {
        let ok = Person { id: PersonId("p31".into()), name: "欧阳建".into(), group: PartyGroup::Public, two_committees: false };
        assert!(crate::decide::person_valid(&ok).is_ok());
        let bad_id = Person { id: PersonId("p 31".into()), ..ok.clone() };
        assert_eq!(crate::decide::person_valid(&bad_id).unwrap_err().code(), "bad_id");
        let blank = Person { name: "  ".into(), ..ok.clone() };
        assert_eq!(crate::decide::person_valid(&blank).unwrap_err().code(), "empty");
        let long = Person { name: "名".repeat(crate::decide::MAX_NAME + 1), ..ok };
        assert_eq!(crate::decide::person_valid(&long).unwrap_err().code(), "too_long");
    }
}
