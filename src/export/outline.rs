//! Text drawn as the outlines of its glyphs, filled: it looks like the letters, and it is not
//! text. The draft watermark is drawn so: as text, its letters ("草稿 DRAFT", set at 45°) mixed
//! into what pdftotext, a reader's search and copy give for the page, and poppler ignores the
//! /Artifact mark that says a watermark is not content. Outlines are the one way every reader
//! leaves out.

use azul_core::resources::GlyphOutlineOperation as Seg;
use printpdf::{LinePoint, Point, PolygonRing, Pt};

use crate::font::{face, fonts};

/// Units of the outlines returned: a thousandth of an em, whatever the face's own units.
pub const UNITS_PER_EM: f32 = 1000.0;

/// The contours of `text`'s glyphs laid side by side from the origin (baseline at y = 0), in
/// thousandths of an em, each face's outlines scaled to that unit: one ring per contour, cubic
/// curves as printpdf's control points, quadratic ones (TrueType faces) raised to cubic.
pub fn rings(text: &str) -> Vec<PolygonRing> {
    let f = fonts();
    let mut out = Vec::new();
    let mut pen = 0.0f32;
    for c in text.chars() {
        let advance = f.advance(c) * UNITS_PER_EM;
        let glyph = face(f.face_drawing(c)).and_then(|fc| Some((fc, fc.glyph(c)?)));
        if let Some((fc, gid)) = glyph {
            let parsed = fc.parsed();
            let k = UNITS_PER_EM / f32::from(parsed.font_metrics.units_per_em.max(1));
            if let Some(g) = parsed.get_or_decode_glyph(gid) {
                let at = |x: i16, y: i16| Point { x: Pt((pen + f32::from(x) * k).round()), y: Pt((f32::from(y) * k).round()) };
                for contour in &g.outline {
                    let mut points: Vec<LinePoint> = Vec::new();
                    let mut current = Point { x: Pt(pen), y: Pt(0.0) };
                    for seg in contour.operations.as_ref() {
                        match seg {
                            Seg::MoveTo(m) => {
                                if points.len() > 1 {
                                    out.push(PolygonRing { points: std::mem::take(&mut points) });
                                }
                                points.clear();
                                current = at(m.x, m.y);
                                points.push(LinePoint { p: current, bezier: false });
                            }
                            Seg::LineTo(l) => {
                                current = at(l.x, l.y);
                                points.push(LinePoint { p: current, bezier: false });
                            }
                            Seg::CubicCurveTo(c) => {
                                points.push(LinePoint { p: at(c.ctrl_1_x, c.ctrl_1_y), bezier: true });
                                points.push(LinePoint { p: at(c.ctrl_2_x, c.ctrl_2_y), bezier: true });
                                current = at(c.end_x, c.end_y);
                                points.push(LinePoint { p: current, bezier: false });
                            }
                            Seg::QuadraticCurveTo(q) => {
                                let (ctrl, end) = (at(q.ctrl_1_x, q.ctrl_1_y), at(q.end_x, q.end_y));
                                let two_thirds = |a: Point, b: Point| Point {
                                    x: Pt((a.x.0 + (b.x.0 - a.x.0) * 2.0 / 3.0).round()),
                                    y: Pt((a.y.0 + (b.y.0 - a.y.0) * 2.0 / 3.0).round()),
                                };
                                points.push(LinePoint { p: two_thirds(current, ctrl), bezier: true });
                                points.push(LinePoint { p: two_thirds(end, ctrl), bezier: true });
                                current = end;
                                points.push(LinePoint { p: current, bezier: false });
                            }
                            Seg::ClosePath => {}
                        }
                    }
                    if points.len() > 1 {
                        out.push(PolygonRing { points });
                    }
                }
            }
        }
        pen += advance;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn letters_have_contours_within_their_advance_and_a_space_has_none() {
        assert!(super::rings(" ").is_empty());
        let o = super::rings("O");
        assert_eq!(o.len(), 2, "an O is an outer and an inner contour");
        let xs: Vec<f32> = o.iter().flat_map(|r| r.points.iter().map(|p| p.p.x.0)).collect();
        let advance = crate::font::fonts().advance('O') * super::UNITS_PER_EM;
        assert!(xs.iter().all(|&x| x >= 0.0 && x <= advance), "{xs:?} within 0..{advance}");
        // the second of two letters starts where the first one's advance ends
        let two = super::rings("OO");
        assert_eq!(two.len(), 4);
        let first_x = two[2].points[0].p.x.0 - advance;
        assert!((first_x - o[0].points[0].p.x.0).abs() <= 1.0);
        assert!(super::rings("草稿").len() > 10, "ideographs are many strokes");
    }
}
