//! What the exports cannot draw, as their error: the font module knows which face has which
//! glyph (and is read by the intents' own check at the door); here its answer becomes an
//! `ExportError` naming the character and where it occurs.

use super::error::{ExportError, Result};
use crate::font::{blank, covers, fallback_missing_files, Font, Fonts};

impl Fonts {
    /// Checks that some face can draw every character of `text`; whitespace is always fine
    /// (it is drawn as a space). `place` says where the text comes from, for the error, which
    /// also names the fallback files that could not be read, if any.
    pub fn check(&self, text: &str, place: &str) -> Result<()> {
        for ch in text.chars().filter(|c| *c != super::linebreak::KEEP) {
            if !covers(ch) {
                let fallback_missing = fallback_missing_files();
                return Err(ExportError::MissingGlyph { ch, place: place.to_string(), fallback_missing });
            }
        }
        Ok(())
    }
}

impl Font {
    /// Checks that every character of `text` has a glyph in this face alone; whitespace is
    /// always fine (it is drawn as a space). `place` says where the text comes from, for the
    /// error. Layout checks against all faces with [`Fonts::check`].
    pub fn check(&self, text: &str, place: &str) -> Result<()> {
        for ch in text.chars() {
            if blank(ch) || ch == super::linebreak::KEEP {
                continue;
            }
            if self.glyph(ch).is_none() {
                return Err(ExportError::MissingGlyph { ch, place: place.to_string(), fallback_missing: Vec::new() });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::*;
    use std::path::PathBuf;

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

    // These need the fallback faces (Debian fonts-hanazono, scripts/setup-system.sh).
    #[test]
    fn rare_characters_come_from_the_fallback_faces() {
        let f = fonts();
        f.check("𠮷明 𡒄 䶮", "rare names").unwrap();
        assert_eq!(face_of('吉'), Some(0));
        assert_eq!(face_of('𠮷'), Some(1), "U+20BB7 from HanaMinA");
        assert_eq!(face_of('𡒄'), Some(2), "U+21484 only in HanaMinB");
        assert_eq!(f.runs("吉𠮷明 a𡒄"), vec![(0, "吉"), (1, "𠮷"), (0, "明 a"), (2, "𡒄")]);
        // ideographs are one em in every face, so mixed lines measure as they draw
        assert!((f.advance('𠮷') - 1.0).abs() < 0.01);
        assert!((f.width("𠮷明", 10.0) - 20.0).abs() < 0.1);
        assert_eq!(face(1).unwrap().name(), "HanaMinA");
    }

    #[test]
    fn a_character_no_face_has_is_refused_without_an_install_hint() {
        // U+4DB6 (Extension A, Unicode 13): in neither Noto Sans SC nor Hanazono
        let err = fonts().check("张\u{4DB6}", "participant name 3").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("U+4DB6") && msg.contains("participant name 3"), "{msg}");
        assert!(!msg.contains("fonts-hanazono"), "{msg}");
    }

    #[test]
    fn the_install_hint_names_how_to_get_the_files_on_this_system() {
        let err = ExportError::MissingGlyph {
            ch: '𠮷',
            place: "参会人员表 / attendance table 第4行「姓名」".into(),
            fallback_missing: vec![PathBuf::from("/nowhere/HanaMinA.ttf")],
        };
        let msg = err.to_string();
        assert!(msg.contains("U+20BB7") && msg.contains("第4行「姓名」"), "{msg}");
        assert!(msg.contains("/nowhere/HanaMinA.ttf"), "{msg}");
        if cfg!(target_os = "linux") {
            assert!(msg.contains("sudo apt install fonts-hanazono"), "{msg}");
        } else {
            // no such package on Windows or macOS: their packages carry the files
            assert!(msg.contains("重新安装议事") && msg.contains("reinstall Yishi"), "{msg}");
        }
        assert!(msg.contains("YISHI_FALLBACK_FONT_DIR"), "{msg}");
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
