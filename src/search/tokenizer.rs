//! Chinese text cut into what the index holds: every CJK character alone and every two adjacent
//! ones (unigrams + bigrams), and each run of Latin letters or digits as one lowercased word.
//!
//! Why bigrams and not a dictionary (jieba): a word of the archive is found by any two of its
//! characters in a row, whatever a dictionary knows — names (李卫东), places (幸福花园) and
//! coined terms (民生微实事) alike — and the tokenizer is a page of code with no dictionary to
//! load (jieba's is ~5 MB, read at every start). A bigram and the unigram of its first character
//! share a position, so a query of n characters is the phrase of its n−1 bigrams at consecutive
//! positions (one character: its unigram), which matches exactly that string.
//!
//! Characters are Unicode scalar values: one outside the Basic Multilingual Plane (𠮷 U+20BB7) is
//! one character like any other. Full-width Latin letters and digits (ＡＢＣ１２３) are folded to
//! ASCII, as a Chinese input method may type either.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The name the index's text fields give their tokenizer.
pub const NAME: &str = "yishi_cjk";

/// Ideographs (with the extensions outside the BMP), kana and hangul: cut into unigrams and bigrams.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF       // hiragana, katakana
        | 0x3400..=0x4DBF     // extension A
        | 0x4E00..=0x9FFF     // unified ideographs
        | 0xAC00..=0xD7AF     // hangul syllables
        | 0xF900..=0xFAFF     // compatibility ideographs
        | 0x20000..=0x3FFFF   // extensions B–J, compatibility supplement (planes 2 and 3)
    ) || c == '〇'
}

/// A full-width ASCII letter or digit as ASCII, lowercased; anything else lowercased.
fn fold(c: char) -> impl Iterator<Item = char> {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_lowercase()
}

/// `text` folded as its tokens are (lowercased, full-width ASCII made ASCII): every token's text is
/// a substring of it, which makes a quick test of whether a passage may hold a term.
pub fn folded(text: &str) -> String {
    text.chars().flat_map(fold).collect()
}

fn is_word(c: char) -> bool {
    !is_cjk(c) && c.is_alphanumeric()
}

/// What a character is for cutting: part of a CJK run, of a word, or a separator.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Cjk,
    Word,
    Other,
}

fn class(c: char) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if is_word(c) {
        Class::Word
    } else {
        Class::Other
    }
}

/// One token: its text, its position, and its bytes in the text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub position: usize,
    pub from: usize,
    pub to: usize,
}

/// The tokens of `text` as the index holds them, in order of position (separators take none).
/// With `bigrams_only`, a CJK run of two or more characters gives only its bigrams: what a query
/// looks for (its unigrams would add nothing and widen the phrase).
pub fn pieces(text: &str, bigrams_only: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut position = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |(b, _)| *b);
    let mut i = 0;
    while i < chars.len() {
        let kind = class(chars[i].1);
        let mut j = i;
        while j + 1 < chars.len() && class(chars[j + 1].1) == kind {
            j += 1;
        }
        match kind {
            Class::Other => {}
            Class::Word => {
                let word: String = chars[i..=j].iter().flat_map(|(_, c)| fold(*c)).collect();
                out.push(Piece { text: word, position, from: chars[i].0, to: end_of(j) });
                position += 1;
            }
            Class::Cjk => {
                let run = j - i + 1;
                for k in i..=j {
                    let (from, c) = chars[k];
                    if !(bigrams_only && run > 1) {
                        out.push(Piece { text: c.to_string(), position, from, to: end_of(k) });
                    }
                    if k < j {
                        let text: String = [c, chars[k + 1].1].iter().collect();
                        out.push(Piece { text, position, from, to: end_of(k + 1) });
                    }
                    position += 1;
                }
            }
        }
        i = j + 1;
    }
    out
}

/// One word of a query: the terms that must stand at these offsets from one another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub terms: Vec<(usize, String)>,
}

/// A query cut into words at whitespace and punctuation; each word is matched as a phrase.
/// Words that repeat are kept once.
pub fn query_words(query: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for part in query.split(|c: char| class(c) == Class::Other).filter(|p| !p.is_empty()) {
        let pieces = pieces(part, true);
        let Some(first) = pieces.first().map(|p| p.position) else { continue };
        let terms: Vec<(usize, String)> = pieces.into_iter().map(|p| (p.position - first, p.text)).collect();
        if !out.iter().any(|w| w.terms == terms) {
            out.push(Word { text: part.to_string(), terms });
        }
    }
    out
}

/// The tantivy tokenizer over `pieces`.
#[derive(Clone, Default)]
pub struct CjkTokenizer;

pub struct CjkTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for CjkTokenizer {
    type TokenStream<'a> = CjkTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkTokenStream {
        let tokens = pieces(text, false)
            .into_iter()
            .map(|p| Token { offset_from: p.from, offset_to: p.to, position: p.position, text: p.text, position_length: 1 })
            .collect();
        CjkTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for CjkTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(String, usize)> {
        pieces(text, false).into_iter().map(|p| (p.text, p.position)).collect()
    }

    #[test]
    fn cjk_runs_give_unigrams_and_bigrams_latin_words_one_lowercased_token() {
        let got = texts("加装电梯 WiFi6，３栋");
        let want: Vec<(String, usize)> = [
            ("加", 0), ("加装", 0), ("装", 1), ("装电", 1), ("电", 2), ("电梯", 2), ("梯", 3),
            ("wifi6", 4), ("3", 5), ("栋", 6),
        ]
        .iter()
        .map(|(t, p)| (t.to_string(), *p))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_character_outside_the_bmp_is_one_character_with_its_own_bytes() {
        let text = "𠮷明发言";
        let p = pieces(text, false);
        assert_eq!(p[0].text, "𠮷");
        assert_eq!(&text[p[0].from..p[0].to], "𠮷");
        assert_eq!(p[1].text, "𠮷明");
        assert_eq!(&text[p[1].from..p[1].to], "𠮷明");
    }

    #[test]
    fn a_query_is_cut_at_spaces_and_punctuation_into_phrases_of_bigrams() {
        let w = query_words("加装电梯，  补贴 电梯 加装电梯");
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(w[0].terms, vec![(0, "加装".into()), (1, "装电".into()), (2, "电梯".into())]);
        assert_eq!(w[1].terms, vec![(0, "补贴".into())]);
        assert_eq!(query_words("梯")[0].terms, vec![(0, "梯".into())]);
        assert_eq!(query_words("3栋")[0].terms, vec![(0, "3".into()), (1, "栋".into())]);
        assert!(query_words("，。!? ").is_empty());
    }
}
