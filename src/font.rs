//! Fonts of the exports. The shipped Simplified Chinese font (Noto Sans SC, OFL 1.1,
//! `assets/fonts/`) draws almost everything; a character it lacks (CJK Extension B and beyond,
//! seen in a few personal names: 𠮷, 𡒄 …) is drawn with a fallback face, the Hanazono Mincho
//! fonts of the Debian package `fonts-hanazono` (HanaMinA for the BMP and some of plane 2,
//! HanaMinB for plane 2; OFL 1.1 / Hanazono licence, 54 MB together, so they are not shipped
//! in the binary). Each character gets the main font if it has the glyph, else the first
//! fallback that has it; the PDF embeds a subset of every face actually used.
//!
//! The fallback files are read and parsed only when a document contains a character the main
//! font lacks, once per process. They are looked up in `$YISHI_FALLBACK_FONT_DIR`, else in
//! `/usr/share/fonts/truetype/hanazono/` (Linux) or the `fonts` folder beside the program, where the
//! Windows installer and portable zip put the same files (Windows has no such package, and the
//! same files keep an export byte-identical on both systems). A character no face can draw, or one the main font
//! lacks while the fallback files are absent, is an error naming the character and where it
//! occurs (and, in the latter case, how to install the fallback) — never a blank or a box.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use printpdf::ParsedFont;


/// The font file, built into the binary so an export never depends on what the OS has installed.
pub const FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.otf");
/// PostScript name of the face, as it appears in `pdffonts`.
pub const FONT_NAME: &str = "NotoSansSC-Regular";

/// Environment variable naming the directory of the fallback font files.
pub const FALLBACK_DIR_ENV: &str = "YISHI_FALLBACK_FONT_DIR";
/// Where Debian's `fonts-hanazono` installs them.
pub const FALLBACK_DIR_DEFAULT: &str = "/usr/share/fonts/truetype/hanazono";
/// Where Fedora's `hanazono-fonts` (the release workflow's .rpm depends on it) installs them.
const FALLBACK_DIR_FEDORA: &str = "/usr/share/fonts/hanazono";
/// The fallback faces, in the order they are tried.
pub const FALLBACK_FILES: [&str; 2] = ["HanaMinA.ttf", "HanaMinB.ttf"];
/// The Debian package that provides them.
pub const FALLBACK_PACKAGE: &str = "fonts-hanazono";

/// One font face: parsed font and the metrics layout needs.
pub struct Font {
    parsed: ParsedFont,
    upem: f32,
    ascent: f32,
    descent: f32,
}

static FONT: OnceLock<Font> = OnceLock::new();

/// The main font, parsed once per process.
pub fn font() -> &'static Font {
    FONT.get_or_init(|| Font::parse(FONT_BYTES).expect("the shipped font parses (checked by tests)"))
}

/// The directory the fallback faces are read from: `$YISHI_FALLBACK_FONT_DIR` if set, else
/// where this system's packages put them. Read once per process, with the faces.
pub fn fallback_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| match std::env::var_os(FALLBACK_DIR_ENV) {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => default_fallback_dir(),
    })
}

/// Linux: Debian's `fonts-hanazono` (Fedora's `hanazono-fonts` where that is what is there). Windows and macOS have no such package, so their packages
/// carry the files: `fonts\` beside `yishi.exe` and `yishi-app.exe`, `Resources/fonts/` in the
/// macOS app bundle.
fn default_fallback_dir() -> PathBuf {
    let beside_exe = |rel: &str| {
        std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join(rel))).unwrap_or_else(|| PathBuf::from(rel))
    };
    if cfg!(windows) {
        beside_exe("fonts")
    } else if cfg!(target_os = "macos") {
        beside_exe("../Resources/fonts")
    } else {
        [FALLBACK_DIR_DEFAULT, FALLBACK_DIR_FEDORA]
            .into_iter()
            .map(PathBuf::from)
            .find(|d| d.is_dir())
            .unwrap_or_else(|| PathBuf::from(FALLBACK_DIR_DEFAULT))
    }
}

static FALLBACK: [OnceLock<Option<Font>>; FALLBACK_FILES.len()] = [const { OnceLock::new() }; FALLBACK_FILES.len()];

/// A fallback face, loaded on first use; `None` when its file is absent or unreadable.
fn fallback(i: usize) -> Option<&'static Font> {
    FALLBACK[i]
        .get_or_init(|| {
            let bytes = std::fs::read(fallback_dir().join(FALLBACK_FILES[i])).ok()?;
            Font::parse(&bytes)
        })
        .as_ref()
}

/// How many fallback files this process has read so far (tried to, at least): 0 as long as
/// every document exported had only characters of the main font.
pub fn fallbacks_loaded() -> usize {
    FALLBACK.iter().filter(|f| f.get().is_some()).count()
}

/// Which face draws a character: 0 is the main font, 1.. the fallbacks in `FALLBACK_FILES` order.
pub type FaceIndex = usize;

/// Number of faces (main + fallbacks).
pub const FACES: usize = 1 + FALLBACK_FILES.len();

/// A face by index, loading a fallback on first use. `None`: a fallback whose file is absent.
pub fn face(i: FaceIndex) -> Option<&'static Font> {
    if i == 0 {
        Some(font())
    } else {
        fallback(i - 1)
    }
}

/// Is `c` drawn as a space whatever the font (and never an error)?
pub fn blank(c: char) -> bool {
    c == ' ' || c == '\n' || c == '\t' || c == '\u{3000}'
}

/// The face that draws `c`: the main font when it has the glyph (the fallbacks are then not
/// even loaded), else the first fallback that has it; `None` when no face has it.
pub fn face_of(c: char) -> Option<FaceIndex> {
    if font().glyph(c).is_some() {
        return Some(0);
    }
    (1..FACES).find(|&i| face(i).is_some_and(|f| f.glyph(c).is_some()))
}

/// Can the exports print `c`? Whitespace the layout draws as a space, or a character some face
/// has (the main font first: the fallbacks are loaded only for a character it lacks). The very
/// test [`Fonts::check`] applies, so what `decide` lets into a record always prints.
/// The fallback files that could not be read (for an error that says how to install them).
pub fn fallback_missing_files() -> Vec<PathBuf> {
    (0..FALLBACK_FILES.len()).filter(|&i| fallback(i).is_none()).map(|i| fallback_dir().join(FALLBACK_FILES[i])).collect()
}

pub fn covers(c: char) -> bool {
    blank(c) || face_of(c).is_some()
}

/// The faces as one font for layout: per-character face choice, advances, glyph checks.
#[derive(Clone, Copy)]
pub struct Fonts;

/// The main font and its fallbacks.
pub fn fonts() -> Fonts {
    Fonts
}

impl Fonts {
    /// Face of a character as drawn: whitespace and anything no face has stay with the main
    /// font (`check` refuses the latter before anything is drawn).
    pub fn face_drawing(&self, c: char) -> FaceIndex {
        if blank(c) {
            return 0;
        }
        face_of(c).unwrap_or(0)
    }

    /// Advance of a character in em, from the face that draws it.
    pub fn advance(&self, c: char) -> f32 {
        let main = font();
        let c = if c.is_whitespace() { ' ' } else { c };
        // one look-up in the main font's cmap: layout measures every character many times
        if let Some(g) = main.glyph(c) {
            return main.glyph_advance(g);
        }
        match face_of(c).and_then(face) {
            Some(f) => f.advance(c),
            None => 1.0,
        }
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// `text` cut into runs of characters drawn by the same face, in order.
    pub fn runs<'t>(&self, text: &'t str) -> Vec<(FaceIndex, &'t str)> {
        let mut out: Vec<(FaceIndex, &'t str)> = Vec::new();
        let mut start = 0;
        let mut cur = None;
        for (i, c) in text.char_indices() {
            let f = self.face_drawing(c);
            match cur {
                Some(g) if g == f => {}
                Some(g) => {
                    out.push((g, &text[start..i]));
                    start = i;
                    cur = Some(f);
                }
                None => cur = Some(f),
            }
        }
        if let Some(g) = cur {
            out.push((g, &text[start..]));
        }
        out
    }

}

impl Font {
    fn parse(bytes: &[u8]) -> Option<Font> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)?;
        let m = &parsed.font_metrics;
        let upem = f32::from(m.units_per_em.max(1));
        let (ascent, descent) = (m.ascent / upem, m.descent.abs() / upem);
        Some(Font { parsed, upem, ascent, descent })
    }

    pub fn parsed(&self) -> &ParsedFont {
        &self.parsed
    }

    /// PostScript name of the face (`pdffonts` shows it after the subset tag).
    pub fn name(&self) -> &str {
        self.parsed.font_name.as_deref().unwrap_or("")
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
            Some(g) => self.glyph_advance(g),
            None => 1.0,
        }
    }

    fn glyph_advance(&self, g: u16) -> f32 {
        f32::from(self.parsed.get_horizontal_advance(g)) / self.upem
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

}
