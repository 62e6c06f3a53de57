//! A search result: the meeting, the field its best passage is in, that passage cut around the
//! match with each matched word marked, and the score. The marks are found by the same tokens and
//! positions the index matched with, so what is marked is what was found.

use super::passages::Field;
use super::tokenizer::{pieces, Piece, Word};
use crate::ids::{MeetingId, Time};
use crate::setup::{Form, Level};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;

/// A piece of a snippet: matched text (`mark`) or the text around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub meeting: MeetingId,
    pub title: String,
    pub scheduled_at: Time,
    pub level: Level,
    pub form: Form,
    /// Where the passage shown was found (a hit may match in several fields; this is the one
    /// that holds most of the query's words, the higher-ranked field on a tie).
    pub field: Field,
    pub snippet: Vec<Segment>,
    /// BM25 with field boosts, summed over the query's words: higher is better.
    pub score: f32,
}

impl Hit {
    /// The snippet as one line, each match between `open` and `close` (e.g. 【】).
    pub fn snippet_text(&self, open: &str, close: &str) -> String {
        self.snippet
            .iter()
            .map(|s| if s.mark { format!("{open}{}{close}", s.text) } else { s.text.clone() })
            .collect()
    }
}

/// Characters of context a snippet shows at most, and before the first match.
const WINDOW: usize = 64;
const BEFORE: usize = 16;

/// Where `word` occurs in `text`: its terms at their offsets, as the phrase query finds them.
pub fn occurrences(text: &str, word: &Word) -> Vec<Range<usize>> {
    occurrences_in(&pieces(text, false), word)
}

/// The same, in a text already cut into its tokens.
fn occurrences_in(tokens: &[Piece], word: &Word) -> Vec<Range<usize>> {
    let at: HashMap<(usize, &str), Range<usize>> =
        tokens.iter().map(|p| ((p.position, p.text.as_str()), p.from..p.to)).collect();
    let Some(last) = tokens.last().map(|p| p.position) else { return Vec::new() };
    (0..=last)
        .filter_map(|start| {
            let found: Option<Vec<&Range<usize>>> =
                word.terms.iter().map(|(off, term)| at.get(&(start + off, term.as_str()))).collect();
            let found = found?;
            Some(found.iter().map(|r| r.start).min()?..found.iter().map(|r| r.end).max()?)
        })
        .collect()
}

/// The field and passage that show a hit best, cut to a snippet with its matches marked.
pub fn best_passage(passages: &[(Field, String)], words: &[Word]) -> (Field, Vec<Segment>) {
    // Per passage: which words it holds and where.
    let found: Vec<(Field, &str, Vec<usize>, Vec<Range<usize>>)> = passages
        .iter()
        .map(|(f, text)| {
            // Every token is a substring of the folded text: a passage without any word's first
            // term needs no cutting (most of a meeting's passages, for most queries).
            let folded = super::tokenizer::folded(text);
            if !words.iter().any(|w| folded.contains(&w.terms[0].1)) {
                return (*f, text.as_str(), Vec::new(), Vec::new());
            }
            let tokens = pieces(text, false);
            let mut held = Vec::new();
            let mut ranges = Vec::new();
            for (i, w) in words.iter().enumerate() {
                let r = occurrences_in(&tokens, w);
                if !r.is_empty() {
                    held.push(i);
                    ranges.extend(r);
                }
            }
            (*f, text.as_str(), held, ranges)
        })
        .collect();
    let field_words = |f: Field| {
        let mut all: Vec<usize> = found.iter().filter(|x| x.0 == f).flat_map(|x| x.2.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        all.len()
    };
    // Field::ALL is in rank order: the first of the best wins a tie.
    let field = Field::ALL.into_iter().max_by_key(|f| (field_words(*f), std::cmp::Reverse(rank(*f)))).unwrap_or(Field::Title);
    let best = found
        .iter()
        .filter(|x| x.0 == field)
        .max_by_key(|x| (x.2.len(), std::cmp::Reverse(x.3.first().map_or(usize::MAX, |r| r.start))));
    match best {
        Some((_, text, _, ranges)) => (field, snippet(text, ranges)),
        None => (Field::Title, Vec::new()),
    }
}

fn rank(f: Field) -> usize {
    Field::ALL.iter().position(|x| *x == f).unwrap_or(usize::MAX)
}

/// `text` cut to the window around its first match, the matches marked.
pub fn snippet(text: &str, ranges: &[Range<usize>]) -> Vec<Segment> {
    let mut ranges: Vec<Range<usize>> = ranges.to_vec();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    // The window, in bytes, on character boundaries.
    let bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let chars = bounds.len() - 1;
    let first = merged.first().map_or(0, |r| bounds.iter().position(|b| *b >= r.start).unwrap_or(0));
    let mut start = first.saturating_sub(BEFORE).min(chars.saturating_sub(WINDOW));
    // Cut at a separator (a comma, 、 between names) near the start rather than inside a word.
    if start > 0 {
        let near = text[bounds[start]..bounds[first]].char_indices().take(8).find(|(_, c)| !c.is_alphanumeric());
        if let Some((b, c)) = near {
            start = bounds.iter().position(|x| *x == bounds[start] + b + c.len_utf8()).unwrap_or(start);
        }
    }
    let end = (start + WINDOW).min(chars);
    let (from, to) = (bounds[start], bounds[end]);
    let mut out = Vec::new();
    let mut push = |text: &str, mark: bool| {
        if !text.is_empty() {
            out.push(Segment { text: text.to_string(), mark });
        }
    };
    if start > 0 {
        push("…", false);
    }
    let mut at = from;
    for r in merged.iter().filter(|r| r.end > from && r.start < to) {
        let (a, b) = (r.start.max(from), r.end.min(to));
        push(&text[at..a], false);
        push(&text[a..b], true);
        at = b;
    }
    push(&text[at..to], false);
    if end < chars {
        push("…", false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tokenizer::query_words;

    fn marked(text: &str, query: &str) -> String {
        let words = query_words(query);
        let ranges: Vec<Range<usize>> = words.iter().flat_map(|w| occurrences(text, w)).collect();
        snippet(text, &ranges)
            .iter()
            .map(|s| if s.mark { format!("【{}】", s.text) } else { s.text.clone() })
            .collect()
    }

    #[test]
    fn matches_are_marked_where_the_phrase_stands() {
        assert_eq!(marked("同意3栋、5栋加装电梯，按方案申报", "加装电梯"), "同意3栋、5栋【加装电梯】，按方案申报");
        assert_eq!(marked("电梯与梯子", "梯"), "电【梯】与【梯】子");
        assert_eq!(marked("新的WiFi信号", "wifi"), "新的【WiFi】信号");
        assert_eq!(marked("𠮷明：支持", "𠮷"), "【𠮷】明：支持");
        // A bigram does not match across a separator.
        assert_eq!(marked("电，梯", "电梯"), "电，梯");
    }

    #[test]
    fn a_long_passage_is_cut_around_the_first_match() {
        let text = format!("{}加装电梯{}", "甲".repeat(100), "乙".repeat(100));
        let s = marked(&text, "电梯");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("加装【电梯】"), "{s}");
        assert_eq!(s.chars().filter(|c| *c != '【' && *c != '】').count(), WINDOW + 2);
    }
}
