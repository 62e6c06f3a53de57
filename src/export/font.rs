//! The shipped Simplified Chinese font (Noto Sans SC, OFL 1.1, `assets/fonts/`): glyph look-up
//! and advances for line breaking. The PDF embeds only the glyphs used (printpdf `text_layout`).

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::error::{ExportError, Result};

/// The font file, built into the binary so an export never depends on what the OS has installed.
pub const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular.otf");
/// PostScript name of the face, as it appears in `pdffonts`.
pub const FONT_NAME: &str = "NotoSansSC-Regular";

pub struct Font {
    parsed: ParsedFont,
    upem: f32,
    ascent: f32,
    descent: f32,
}

static FONT: OnceLock<Font> = OnceLock::new();

/// The font, parsed once per process.
pub fn font() -> &'static Font {
    FONT.get_or_init(|| {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(FONT_BYTES, 0, &mut warnings)
            .expect("the shipped font parses (checked by tests)");
        let m = &parsed.font_metrics;
        let upem = f32::from(m.units_per_em.max(1));
        let (ascent, descent) = (m.ascent / upem, m.descent.abs() / upem);
        Font { parsed, upem, ascent, descent }
    })
}

impl Font {
    pub fn parsed(&self) -> &ParsedFont {
        &self.parsed
    }

    /// Glyph id of a character, `None` when the font cannot draw it (never glyph 0, .notdef).
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.parsed.lookup_glyph_index(c as u32).filter(|&g| g != 0)
    }

    /// Advance of a character in em (multiply by the font size in pt). Whitespace is drawn as
    /// a space.
    pub fn advance(&self, c: char) -> f32 {
        let c = if c.is_whitespace() { ' ' } else { c };
        match self.glyph(c) {
            Some(g) => f32::from(self.parsed.get_horizontal_advance(g)) / self.upem,
            None => 1.0,
        }
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Ascender and descender (positive), in em.
    pub fn ascent(&self) -> f32 {
        self.ascent
    }
    pub fn descent(&self) -> f32 {
        self.descent
    }

    /// Checks that every character of `text` has a glyph; whitespace is always fine (it is
    /// drawn as a space). `place` says where the text comes from, for the error.
    pub fn check(&self, text: &str, place: &str) -> Result<()> {
        for ch in text.chars() {
            if ch == ' ' || ch == '\n' || ch == '\t' || ch == '\u{3000}' {
                continue;
            }
            if self.glyph(ch).is_none() {
                return Err(ExportError::MissingGlyph { ch, place: place.to_string() });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_chinese_latin_digits_and_punctuation() {
        let f = font();
        let text = "深圳市基层议事协商会议记录 ABC xyz 0123456789，。、；：？！（）《》“”‘’…—％";
        f.check(text, "test").unwrap();
        // rare characters seen in names
        f.check("堃喆昇珺犇淼焱垚燚䶮", "rare names").unwrap();
    }

    #[test]
    fn ideographs_are_one_em_and_latin_narrower() {
        let f = font();
        assert!((f.advance('议') - 1.0).abs() < 0.01);
        assert!(f.advance('a') < 0.7 && f.advance('a') > 0.3);
    }

    #[test]
    fn missing_glyph_names_the_character_and_the_place() {
        let f = font();
        // U+E000 (private use) has no glyph in Noto Sans SC
        let err = f.check("王\u{E000}明", "participant name 3").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("U+E000"), "{msg}");
        assert!(msg.contains("participant name 3"), "{msg}");
        // a control character is not printable either
        assert!(f.check("a\u{7}", "x").is_err());
    }
}
