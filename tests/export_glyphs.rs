//! Glyph coverage of the shipped font for characters seen in Chinese personal names, and the
//! error for one it lacks (it must name the character and where it occurs, never print tofu).

use yishi::export::font::font;

#[test]
fn common_rare_name_characters_render() {
    // 堃 喆 昇 珺 犇 淼 焱 垚 燚 䶮 (Ext A) 赟 翀 禤 麹 闫 鑫 嫚 婕 彧 甦 曌
    let f = font();
    f.check("堃喆昇珺犇淼焱垚燚䶮赟翀禤麹闫鑫嫚婕彧甦曌", "rare names").unwrap();
    // the 8105 general-standard list's tail and traditional forms used in Shenzhen names
    f.check("鍾麗華陳劉黃張偉東", "traditional forms").unwrap();
}

#[test]
fn coverage_report_for_extension_b() {
    // Extension B characters occur in a few names (𠮷 U+20BB7 in 吉's variant, 𡒄, 𨭉 …);
    // whether the font has them decides between printing and a clear error.
    let f = font();
    for c in ['𠮷', '𡒄', '𨭉', '𬌗', '𬍛'] {
        match f.check(&c.to_string(), "participant name 1") {
            Ok(()) => eprintln!("U+{:04X} {c}: glyph present", c as u32),
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.contains(&format!("U+{:04X}", c as u32)) && msg.contains("participant name 1"), "{msg}");
                eprintln!("U+{:04X} {c}: {msg}", c as u32);
            }
        }
    }
}
