//! Glyph coverage for characters seen in Chinese personal names: the shipped font's, and the
//! fallback faces' for what it lacks (a character no face has is an error naming it and where
//! it occurs, never tofu).

use yishi::export::font::{face_of, font, fonts};

#[test]
fn common_rare_name_characters_render() {
    // 堃 喆 昇 珺 犇 淼 焱 垚 燚 䶮 (Ext A) 赟 翀 禤 麹 闫 鑫 嫚 婕 彧 甦 曌
    let f = font();
    f.check("堃喆昇珺犇淼焱垚燚䶮赟翀禤麹闫鑫嫚婕彧甦曌", "rare names").unwrap();
    // the 8105 general-standard list's tail and traditional forms used in Shenzhen names
    f.check("鍾麗華陳劉黃張偉東", "traditional forms").unwrap();
}

#[test]
fn extension_b_name_characters_render_with_the_fallback_faces() {
    // Extension B characters occur in a few names (𠮷 U+20BB7 in 吉's variant, 𡒄, 𨭉 …). The
    // shipped font lacks them; the Hanazono fallback faces (fonts-hanazono) draw them.
    let main = font();
    for c in ['𠮷', '𡒄', '𪚥'] {
        let err = main.check(&c.to_string(), "participant name 1").unwrap_err().to_string();
        assert!(err.contains(&format!("U+{:04X}", c as u32)) && err.contains("participant name 1"), "{err}");
        assert!(face_of(c).unwrap() > 0, "{c} from a fallback face");
    }
    // more from the general-standard list and Extensions C–E: every one drawn by some face
    fonts().check("𠮷𡒄𪚥𨭉𬌗𬍛𫓧𬱖𠙶𣲗𡈽", "participant name 1").unwrap();
}
