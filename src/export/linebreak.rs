//! Chinese line breaking from measured glyph advances.
//!
//! Rules (GB/T 15834 and common CJK typesetting practice, as asked by issue 4):
//! - a line may break between two CJK characters;
//! - a run of Latin letters / digits (a word, a number, `2025-06-01`, `A3`) stays whole,
//!   unless it alone is wider than the line, then it is broken between characters;
//! - no line starts with closing punctuation (，。、；：？！）》」』】〕…— and ASCII , . ) etc.);
//! - no line ends with opening punctuation (（《「『【〔“‘ and ASCII ( [ etc.);
//! - spaces are break opportunities and are dropped at the ends of a line;
//! - text joined by `KEEP` (U+2060 WORD JOINER, put there by `keep`) is never broken: a name,
//!   a role such as 协商成员;
//! - a paragraph does not end with one character alone on its last line when the lines before
//!   can give it company (the paragraph is set a little narrower instead).
//!
//! The breaker knows nothing about fonts: the caller passes a measure for one character.

/// Punctuation that must not start a line (行首禁则).
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '》' | '」' | '』' | '】' | '〕'
            | '〉' | '］' | '｝' | '”' | '’' | '…' | '—' | '～' | '·' | '％' | '‰' | '℃'
            | '．' | '〗' | '〙' | '〛' | '｠' | '｡' | '､' | 'ー' | '〜' | '・'
            | ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']' | '}' | '%' | '>'
    )
}

/// Punctuation that must not end a line (行尾禁则).
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '《' | '「' | '『' | '【' | '〔' | '〈' | '［' | '｛' | '“' | '‘' | '〖' | '〘'
            | '〚' | '｟' | '(' | '[' | '{' | '<' | '￥' | '$' | '#'
    )
}

/// Characters after or before which a line may break: ideographs, kana, hangul, fullwidth forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x303F    // CJK symbols and punctuation
        | 0x3040..=0x30FF    // kana
        | 0x3100..=0x312F    // bopomofo
        | 0x3130..=0x318F    // hangul compatibility jamo
        | 0x31A0..=0x31FF
        | 0x3200..=0x33FF    // enclosed, compatibility
        | 0x3400..=0x4DBF    // ext A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xAC00..=0xD7AF    // hangul syllables
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // compatibility forms
        | 0xFF00..=0xFFEF    // fullwidth forms
        | 0x20000..=0x3FFFF  // ext B and beyond
    ) || c == '“' || c == '”' || c == '‘' || c == '’' || c == '…' || c == '—'
}

/// Joins the characters on either side: no line break falls there. Never drawn.
pub const KEEP: char = '\u{2060}';

/// `text` as one unbreakable run (a person's name, a role): broken only if wider than a line.
pub fn keep(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 4);
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            out.push(KEEP);
        }
        out.push(c);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Space,
    Cjk,
    Word,
}

#[derive(Debug, Clone)]
struct Token {
    text: String,
    width: f32,
    kind: Kind,
    /// Joined to the token before it by `KEEP`.
    kept: bool,
}

fn tokenize(text: &str, measure: &dyn Fn(char) -> f32) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut kept = false;
    for c in text.chars() {
        if c == KEEP {
            kept = true;
            continue;
        }
        let kind = if c.is_whitespace() {
            Kind::Space
        } else if c.is_ascii() {
            // ASCII punctuation belongs to its Latin run: `20:30`, `A-12.`, `(R-VOTE)` stay whole.
            Kind::Word
        } else if is_cjk(c) || is_closing(c) || is_opening(c) {
            // Every CJK character and every punctuation mark is its own token; the gluing
            // below decides where a break may fall around it.
            Kind::Cjk
        } else {
            Kind::Word
        };
        let w = measure(if kind == Kind::Space { ' ' } else { c });
        match out.last_mut() {
            Some(t) if t.kind == kind && kind != Kind::Cjk && !kept => {
                if kind == Kind::Word {
                    t.text.push(c);
                } else {
                    // collapse runs of spaces to one
                    continue;
                }
                t.width += w;
            }
            _ => out.push(Token {
                text: if kind == Kind::Space { " ".into() } else { c.to_string() },
                width: w,
                kind,
                kept: std::mem::take(&mut kept),
            }),
        }
        kept = false;
    }
    out
}

/// A group of tokens between which no break is allowed.
#[derive(Debug, Clone)]
struct Group {
    text: String,
    width: f32,
    space: bool,
}

fn group(tokens: Vec<Token>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut prev: Option<(Kind, char)> = None; // kind and last char of the previous token
    for t in tokens {
        let first = t.text.chars().next().unwrap_or(' ');
        let glue = match prev {
            None => false,
            Some((Kind::Space, _)) => false,
            Some((_, last)) if t.kind == Kind::Space => {
                // a space after opening punctuation: keep them together is pointless;
                let _ = last;
                false
            }
            Some(_) if t.kept => true,
            Some((pk, last)) => {
                is_closing(first)
                    || is_opening(last)
                    // a Latin word directly followed by closing/opening ASCII is one token already;
                    // two Word tokens never follow each other.
                    || (pk == Kind::Word && t.kind == Kind::Word)
            }
        };
        let last = t.text.chars().last().unwrap_or(' ');
        let kind = t.kind;
        if glue {
            let g = groups.last_mut().expect("glue needs a previous group");
            g.text.push_str(&t.text);
            g.width += t.width;
        } else {
            groups.push(Group { text: t.text, width: t.width, space: kind == Kind::Space });
        }
        prev = Some((kind, last));
    }
    groups
}

/// Breaks one paragraph (no newlines expected; a `\n` is treated as a space) into lines no wider
/// than `max_width`, measuring each character with `measure` (same unit as `max_width`).
/// An empty paragraph gives one empty line.
pub fn break_lines(text: &str, max_width: f32, measure: &dyn Fn(char) -> f32) -> Vec<String> {
    let lines = break_at(text, max_width, measure);
    if !orphan(&lines) {
        return lines;
    }
    // One character alone on the last line (免, 见): set the paragraph a little narrower so the
    // line before gives it company, if that keeps the number of lines.
    let step = lines.last().and_then(|l| l.chars().next()).map(measure).unwrap_or(0.0);
    for k in 1..=3 {
        let narrower = break_at(text, max_width - step * k as f32, measure);
        if narrower.len() == lines.len() && !orphan(&narrower) {
            return narrower;
        }
    }
    lines
}

/// The last of several lines holds a single character (closing punctuation after it aside).
fn orphan(lines: &[String]) -> bool {
    let Some(last) = lines.last() else { return false };
    lines.len() > 1 && last.trim_end_matches(is_closing).chars().filter(|c| !c.is_whitespace()).count() == 1 && last.chars().next().is_some_and(is_cjk)
}

fn break_at(text: &str, max_width: f32, measure: &dyn Fn(char) -> f32) -> Vec<String> {
    let groups = group(tokenize(text, measure));
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0f32;
    let mut pending_space: Option<f32> = None;
    const EPS: f32 = 1e-3;

    let flush = |lines: &mut Vec<String>, cur: &mut String, cur_w: &mut f32| {
        lines.push(std::mem::take(cur));
        *cur_w = 0.0;
    };

    for g in groups {
        if g.space {
            if !cur.is_empty() {
                pending_space = Some(g.width);
            }
            continue;
        }
        let space_w = pending_space.take().unwrap_or(0.0);
        if !cur.is_empty() && cur_w + space_w + g.width <= max_width + EPS {
            if space_w > 0.0 {
                cur.push(' ');
            }
            cur.push_str(&g.text);
            cur_w += space_w + g.width;
            continue;
        }
        if g.width <= max_width + EPS {
            if !cur.is_empty() {
                flush(&mut lines, &mut cur, &mut cur_w);
            }
            cur.push_str(&g.text);
            cur_w = g.width;
            continue;
        }
        // The group alone is wider than a line: break it between characters, filling the
        // current line first, and never leaving closing punctuation at a line start.
        if !cur.is_empty() && space_w > 0.0 && cur_w + space_w < max_width {
            cur.push(' ');
            cur_w += space_w;
        }
        let chars: Vec<char> = g.text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let w = measure(c);
            if cur_w + w > max_width + EPS && !cur.is_empty() {
                // Move trailing opening punctuation / pull leading closing punctuation.
                if is_closing(c) {
                    // take the last char of this line along to the next line
                    if let Some(last) = cur.pop() {
                        cur_w -= measure(last);
                        if !cur.is_empty() {
                            flush(&mut lines, &mut cur, &mut cur_w);
                        }
                        cur.push(last);
                        cur_w = measure(last);
                    } else {
                        flush(&mut lines, &mut cur, &mut cur_w);
                    }
                } else {
                    let mut carry = String::new();
                    while cur.chars().last().is_some_and(is_opening) && cur.chars().count() > 1 {
                        let o = cur.pop().unwrap();
                        cur_w -= measure(o);
                        carry.insert(0, o);
                    }
                    flush(&mut lines, &mut cur, &mut cur_w);
                    cur_w = carry.chars().map(measure).sum();
                    cur = carry;
                }
            }
            cur.push(c);
            cur_w += w;
            i += 1;
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Width of a string by the same measure.
pub fn width(text: &str, measure: &dyn Fn(char) -> f32) -> f32 {
    text.chars().filter(|c| *c != KEEP).map(measure).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(_: char) -> f32 {
        1.0
    }

    #[test]
    fn a_kept_name_is_never_split() {
        // "旁听 1 人：韦佳怡。" at 7 characters a line would split the name after 韦佳.
        let text = format!("列席 2 人：{}、{}。", keep("谢雨婷"), keep("韦佳怡"));
        let lines = break_lines(&text, 9.0, &one);
        assert!(lines.iter().any(|l| l.contains("谢雨婷")) && lines.iter().any(|l| l.contains("韦佳怡")), "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains(KEEP)), "the joiner is never drawn: {lines:?}");
        // without it the same text splits a name
        let plain = break_lines("列席 2 人：谢雨婷、韦佳怡。", 9.0, &one);
        assert!(!plain.iter().any(|l| l.contains("谢雨婷")), "{plain:?}");
    }

    #[test]
    fn no_single_character_is_left_alone_on_the_last_line() {
        // 13 characters at 6 a line: 6 + 6 + 1.
        let text = "会议通知全体成员按时参加免";
        let lines = break_lines(text, 6.0, &one);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines.last().unwrap().chars().count() >= 2, "{lines:?}");
        // a line of one character is fine when it is the only line
        assert_eq!(break_lines("免", 6.0, &one), ["免"]);
    }

    /// CJK characters and fullwidth punctuation 1.0 wide, everything else 0.5 (like a real CJK
    /// font: ideographs are 1 em, Latin about half).
    fn m(c: char) -> f32 {
        if is_cjk(c) || (c as u32) > 0x2000 {
            1.0
        } else {
            0.5
        }
    }

    fn check(text: &str, width: f32, expect: &[&str]) {
        let got = break_lines(text, width, &m);
        assert_eq!(got, expect, "text {text:?} at width {width}");
        for (i, l) in got.iter().enumerate() {
            if i > 0 {
                let first = l.chars().next().unwrap();
                assert!(!is_closing(first), "line {i} of {text:?} starts with closing {first}");
            }
            if i + 1 < got.len() {
                let last = l.chars().last().unwrap();
                assert!(!is_opening(last), "line {i} of {text:?} ends with opening {last}");
            }
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, f32, &[&str])] = &[
            // plain CJK: break anywhere between characters
            ("一二三四五六七", 3.0, &["一二三", "四五六", "七"]),
            // fits exactly
            ("一二三", 3.0, &["一二三"]),
            // empty paragraph stays one empty line
            ("", 5.0, &[""]),
            // closing punctuation never starts a line: the character before moves with it
            ("一二三，四五", 3.0, &["一二", "三，", "四五"]),
            ("一二三。", 3.0, &["一二", "三。"]),
            ("一二三、四", 3.0, &["一二", "三、四"]),
            ("一二三）四", 3.0, &["一二", "三）四"]),
            ("一二三》》四", 3.0, &["一二", "三》》", "四"]),
            ("同意……好", 3.0, &["同", "意……", "好"]),
            ("赞成——反对", 3.0, &["赞", "成——", "反对"]),
            // opening punctuation never ends a line: it moves to the next line
            ("一二（三四）", 3.0, &["一二", "（三", "四）"]),
            ("一二（三四）", 4.0, &["一二（三", "四）"]),
            ("一二《三》", 3.0, &["一二", "《三》"]),
            ("一“二”三四", 3.0, &["一", "“二”", "三四"]),
            // Latin words and numbers stay whole
            ("共30人到会", 3.0, &["共30人", "到会"]),
            ("hello world", 3.0, &["hello", "world"]),
            ("投票 2025-06-01 通过", 6.0, &["投票", "2025-06-01", "通过"]),
            ("A3纸张", 3.0, &["A3纸张"]),
            ("A3纸张", 2.5, &["A3纸", "张"]),
            // a Latin word wider than the line is broken by characters
            ("abcdefghij", 2.0, &["abcd", "efgh", "ij"]),
            ("一abcdefgh", 2.0, &["一ab", "cdef", "gh"]),
            // mixed: spaces are dropped at line ends
            ("同意 agree 反对", 3.0, &["同意", "agree", "反对"]),
            ("a b c d", 1.5, &["a b", "c d"]),
            // a closing ASCII mark after a CJK char is glued to it
            ("一二三(A)四", 3.0, &["一二三", "(A)四"]),
            ("一二三四,", 3.0, &["一二三", "四,"]),
            // times, ids and references are Latin runs: never split at their punctuation
            ("2026年11月19日 20:26", 7.0, &["2026年11月19日", "20:26"]),
            ("签字于20:26。", 4.0, &["签字于", "20:26。"]),
            ("见R-VOTE规则", 4.0, &["见R-VOTE", "规则"]),
        ];
        for (text, w, expect) in cases {
            check(text, *w, expect);
        }
    }

    #[test]
    fn never_wider_than_the_line_unless_one_glyph_is() {
        let text = "会议于2025年6月1日上午9:30在社区党群服务中心召开，应到成员15人，实到12人（含列席3人），符合三分之二以上的法定人数要求。Resolution passed unanimously; see appendix A-12.";
        for w in [2.0f32, 3.0, 4.5, 7.0, 10.0, 20.0] {
            let lines = break_lines(text, w, &m);
            for l in &lines {
                // glued punctuation can add at most two glyphs beyond the width
                assert!(width(l, &m) <= w + 2.0, "{l:?} too wide for {w}");
            }
            let joined: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let orig: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(joined, orig, "no character lost at width {w}");
        }
    }
}
