//! Turns laid-out pages into PDF bytes with printpdf, deterministically: fixed resource names,
//! dates and title from the record, a document /ID derived from the content's identity, no
//! clock and no random ids. Every face used is embedded as a subset (printpdf `text_layout`):
//! the main font always, a fallback face only when some character is drawn with it. printpdf
//! makes the objects; `pdfwrite` writes the file (object and cross-reference streams).

use std::collections::BTreeSet;

use printpdf::{
    Color, CurTransMat, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, RawImage, RawImageData, RawImageFormat, Rect, TextItem, TextRenderingMode, XObject,
    XObjectId, XObjectTransform,
};
use sha2::{Digest, Sha256};

use crate::font::{face, fonts, FaceIndex, FACES};
use super::layout::{Draw, Page, Paper, Raster};

/// Document information written into the PDF.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// Producer program and version ("Yishi 0.1.0").
    pub creator: String,
    /// Creation and modification date, seconds since the Unix epoch (from the record).
    pub unix_time: i64,
    /// Extra ASCII entries for the document information dictionary (`/YishiVerification` …).
    pub custom: Vec<(String, String)>,
    /// A signature field with room for the signature (`pdfsig::fill` writes it).
    pub signature: Option<SignatureField>,
}

/// What the signature field says besides the signature: who signs, why, where.
#[derive(Debug, Clone, Default)]
pub struct SignatureField {
    pub name: String,
    pub reason: String,
    pub location: String,
}

/// A PDF text string: ASCII as is, anything else UTF-16BE with its byte-order mark.
fn text_string(s: &str) -> lopdf::Object {
    if s.is_ascii() {
        return lopdf::Object::String(s.as_bytes().to_vec(), lopdf::StringFormat::Literal);
    }
    let mut b = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        b.extend_from_slice(&u.to_be_bytes());
    }
    lopdf::Object::String(b, lopdf::StringFormat::Hexadecimal)
}

/// Adds the signature dictionary (byte range and contents still placeholders), its field as
/// an invisible widget on page 1, and the form that lists it.
fn add_signature_field(lo: &mut lopdf::Document, f: &SignatureField, unix_time: i64) -> lopdf::ObjectId {
    use super::pdfsig::{BYTE_RANGE_PLACEHOLDER as P, CONTENTS_LEN};
    use lopdf::{dictionary, Object};
    let when = chrono::DateTime::from_timestamp(unix_time, 0).unwrap_or_default().format("D:%Y%m%d%H%M%SZ").to_string();
    let sig = lo.add_object(dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "adbe.pkcs7.detached",
        "ByteRange" => vec![Object::Integer(0), Object::Integer(P), Object::Integer(P), Object::Integer(P)],
        "Contents" => Object::String(vec![0u8; CONTENTS_LEN], lopdf::StringFormat::Hexadecimal),
        "M" => Object::String(when.into_bytes(), lopdf::StringFormat::Literal),
        "Name" => text_string(&f.name),
        "Reason" => text_string(&f.reason),
        "Location" => text_string(&f.location),
    });
    let Some((_, &page)) = lo.get_pages().iter().next().map(|(n, id)| (*n, id)) else { return sig };
    let field = lo.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => text_string("Yishi"),
        "V" => Object::Reference(sig),
        "Rect" => vec![Object::Integer(0), Object::Integer(0), Object::Integer(0), Object::Integer(0)],
        "F" => 132,
        "P" => Object::Reference(page),
    });
    if let Ok(Object::Dictionary(d)) = lo.get_object_mut(page) {
        match d.get_mut(b"Annots") {
            Ok(Object::Array(a)) => a.push(Object::Reference(field)),
            _ => d.set("Annots", vec![Object::Reference(field)]),
        }
    }
    if let Ok(root) = lo.trailer.get(b"Root").and_then(|o| o.as_reference()) {
        if let Ok(Object::Dictionary(cat)) = lo.get_object_mut(root) {
            cat.set("AcroForm", dictionary! { "Fields" => vec![Object::Reference(field)], "SigFlags" => 3 });
        }
    }
    sig
}

/// A coordinate or length rounded to 1/100 pt (0.0035 mm): nothing a printer or a screen can
/// show, and the content streams compress better than with the six or seven decimals of an
/// f32 (`142.65782` becomes `142.66`).
fn r(v: f32) -> Pt {
    Pt((v * 100.0).round() / 100.0)
}

fn pt(x: f32, y: f32) -> Point {
    Point { x: r(x), y: r(y) }
}

fn grey(g: f32) -> Color {
    Color::Greyscale(Greyscale::new(g.clamp(0.0, 1.0), None))
}

/// The characters drawn with each face (each distinct character looked up once).
fn chars_by_face(pages: &[Page]) -> Vec<BTreeSet<char>> {
    let mut all = BTreeSet::new();
    for p in pages {
        for d in &p.draws {
            if let Draw::Text { text, .. } = d {
                all.extend(text.chars());
            }
        }
    }
    let f = fonts();
    let mut used = vec![BTreeSet::new(); FACES];
    for c in all {
        used[f.face_drawing(c)].insert(c);
    }
    used
}

/// A six-letter subset tag derived from the glyphs used (PDF 9.6.4 wants one per subset),
/// also the font's resource name. A fallback face's tag hashes its index too, so two faces
/// never share a tag.
fn subset_tag(face: FaceIndex, chars: &BTreeSet<char>, salt: u32) -> String {
    let s: String = chars.iter().collect();
    let mut h = Sha256::new();
    if face > 0 || salt > 0 {
        h.update(format!("face{face}.{salt}:").as_bytes());
    }
    h.update(s.as_bytes());
    h.finalize().iter().take(6).map(|b| (b'A' + b % 26) as char).collect()
}

/// Text as PDF ops inside a text section, starting at `pos`: one run per face, each with its
/// own font; the pen advances across runs by the embedded widths, which are the advances
/// layout measured with. `ids[0]` alone: the document uses only the main face, one run.
fn show_text(ops: &mut Vec<Op>, ids: &[Option<FontId>], text: &str, size: f32, pos: Point) {
    let runs = if ids[1..].iter().all(Option::is_none) { vec![(0, text)] } else { fonts().runs(text) };
    for (n, (i, run)) in runs.into_iter().enumerate() {
        let id = ids[i].clone().expect("a face that draws text has a font resource");
        ops.push(Op::SetFont { font: PdfFontHandle::External(id), size: Pt(size) });
        if n == 0 {
            ops.push(Op::SetTextCursor { pos });
        }
        ops.push(Op::ShowText { items: vec![TextItem::Text(run.to_string())] });
    }
}

/// A QR code's dark modules, in grid units: each row one stroke a module wide whose dash
/// pattern is the row's runs and gaps (`[7 1 3 1 1] 0 d 0 100.5 m 13 100.5 l S`), with butt
/// ends, so every run is exactly its modules. A rectangle per run took ~12 bytes a run and most
/// of the page's content stream; a dash array takes ~2 (the minutes' last page: 8.7 → 4.3 KB).
/// Dash patterns are part of every renderer's stroking (ISO 32000-1, 8.4.3.6); poppler draws
/// the code as it drew the rectangles, up to anti-aliased edges, and zbar reads it from a
/// 150 dpi rendering (tests/export_qr.rs).
fn module_rows(ops: &mut Vec<Op>, rows: u32, runs: &[[u32; 3]]) {
    ops.push(Op::SetOutlineColor { col: grey(0.0) });
    ops.push(Op::SetOutlineThickness { pt: Pt(1.0) });
    ops.push(Op::SetLineCapStyle { cap: printpdf::LineCapStyle::Butt });
    let mut row_runs: std::collections::BTreeMap<u32, Vec<(u32, u32)>> = std::collections::BTreeMap::new();
    for [col, row, len] in runs {
        row_runs.entry(*row).or_default().push((*col, *len));
    }
    let mut last: Option<Vec<f32>> = None;
    for (row, mut rr) in row_runs {
        rr.sort_unstable();
        let start = rr[0].0;
        let mut pattern = Vec::with_capacity(rr.len() * 2);
        let mut end = start;
        for (col, len) in rr {
            if col > end {
                pattern.push((col - end) as f32);
            }
            pattern.push(len as f32);
            end = col + len;
        }
        // the same pattern as the row before: the dash state carries over
        if last.as_ref() != Some(&pattern) {
            ops.push(Op::SetLineDashPattern { dash: printpdf::LineDashPattern::new(0.0, &pattern) });
            last = Some(pattern);
        }
        let y = (rows - 1 - row) as f32 + 0.5;
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint { p: Point { x: Pt(start as f32), y: Pt(y) }, bezier: false },
                    LinePoint { p: Point { x: Pt(end as f32), y: Pt(y) }, bezier: false },
                ],
                is_closed: false,
            },
        });
    }
}

pub fn render(paper: Paper, pages: &[Page], rasters: &[Raster], meta: &Meta) -> Vec<u8> {
    let (pw, ph) = paper.size();
    let mut doc = PdfDocument::new(&meta.title);
    // one font resource per face that draws something (the main font always: page numbers)
    let used = chars_by_face(pages);
    let mut font_ids: Vec<Option<FontId>> = vec![None; FACES];
    for (i, chars) in used.iter().enumerate() {
        if i > 0 && chars.is_empty() {
            continue;
        }
        // a fallback face drawing text was loaded when layout checked that text
        let Some(f) = face(i) else { continue };
        let mut salt = 0;
        let mut tag = subset_tag(i, chars, salt);
        while font_ids.iter().flatten().any(|id| id.0 == tag) {
            salt += 1;
            tag = subset_tag(i, chars, salt);
        }
        let id = FontId(tag);
        doc.resources.fonts.map.insert(id.clone(), printpdf::PdfFont::new(f.parsed().clone()));
        font_ids[i] = Some(id);
    }
    let image_ids: Vec<XObjectId> = rasters
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let id = XObjectId(format!("Im{}", i + 1));
            let raw = RawImage {
                pixels: RawImageData::U8(r.grey.clone()),
                width: r.width,
                height: r.height,
                data_format: RawImageFormat::R8,
                tag: Vec::new(),
            };
            doc.resources.xobjects.map.insert(id.clone(), XObject::Image(raw));
            id
        })
        .collect();

    let mut out_pages = Vec::with_capacity(pages.len());
    for page in pages {
        let mut ops = Vec::with_capacity(page.draws.len() * 6);
        for d in &page.draws {
            match d {
                Draw::Text { x, y, size, grey: g, bold, text } => {
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFillColor { col: grey(*g) });
                    if *bold {
                        ops.push(Op::SetOutlineColor { col: grey(*g) });
                        ops.push(Op::SetOutlineThickness { pt: r(size * 0.035) });
                        ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
                    }
                    show_text(&mut ops, &font_ids, text, *size, pt(*x, *y));
                    if *bold {
                        ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
                    }
                    ops.push(Op::EndTextSection);
                }
                Draw::Outlined { x, y, size, grey: g, angle, text } => {
                    // marked as a watermark (ISO 32000-1, 14.8.2.2) for readers that heed it;
                    // being shapes, not text, is what keeps it out of the page's text
                    let watermark = [("Type", "Pagination"), ("Subtype", "Watermark")]
                        .map(|(k, v)| (k.to_string(), printpdf::DictItem::Name(v.as_bytes().to_vec())));
                    ops.push(Op::BeginMarkedContentWithProperties {
                        tag: "Artifact".into(),
                        properties: printpdf::DictItem::Dict { map: watermark.into_iter().collect() },
                    });
                    let a = angle.to_radians();
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetTransformationMatrix {
                        matrix: CurTransMat::Raw([a.cos(), a.sin(), -a.sin(), a.cos(), *x, *y]),
                    });
                    // outlines come in thousandths of an em: one more matrix scales them to the size
                    let k = size / super::outline::UNITS_PER_EM;
                    ops.push(Op::SetTransformationMatrix { matrix: CurTransMat::Raw([k, 0.0, 0.0, k, 0.0, 0.0]) });
                    ops.push(Op::SetFillColor { col: grey(*g) });
                    let rings = super::outline::rings(text);
                    if !rings.is_empty() {
                        let polygon = printpdf::Polygon { rings, mode: PaintMode::Fill, winding_order: printpdf::WindingOrder::NonZero };
                        ops.push(Op::DrawPolygon { polygon });
                    }
                    ops.push(Op::RestoreGraphicsState);
                    ops.push(Op::EndMarkedContent);
                }
                Draw::Rect { x, y, w, h, fill, stroke } => {
                    let mode = match (fill, stroke) {
                        (Some(f), Some((sw, sg))) => {
                            ops.push(Op::SetFillColor { col: grey(*f) });
                            ops.push(Op::SetOutlineColor { col: grey(*sg) });
                            ops.push(Op::SetOutlineThickness { pt: Pt(*sw) });
                            PaintMode::FillStroke
                        }
                        (Some(f), None) => {
                            ops.push(Op::SetFillColor { col: grey(*f) });
                            PaintMode::Fill
                        }
                        (None, Some((sw, sg))) => {
                            ops.push(Op::SetOutlineColor { col: grey(*sg) });
                            ops.push(Op::SetOutlineThickness { pt: Pt(*sw) });
                            PaintMode::Stroke
                        }
                        (None, None) => continue,
                    };
                    let mut rect = Rect::from_xywh(r(*x), r(*y), r(*w), r(*h));
                    rect.mode = Some(mode);
                    ops.push(Op::DrawRectangle { rectangle: rect });
                }
                Draw::Line { x1, y1, x2, y2, width, grey: g } => {
                    ops.push(Op::SetOutlineColor { col: grey(*g) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint { p: pt(*x1, *y1), bezier: false },
                                LinePoint { p: pt(*x2, *y2), bezier: false },
                            ],
                            is_closed: false,
                        },
                    });
                }
                Draw::Modules { x, y, module, rows, runs } => {
                    // grid units, origin at the bottom left of the code, y up
                    ops.push(Op::SaveGraphicsState);
                    let m = [*module, 0.0, 0.0, *module, *x, *y - *rows as f32 * *module];
                    ops.push(Op::SetTransformationMatrix { matrix: CurTransMat::Raw(m) });
                    module_rows(&mut ops, *rows, runs);
                    ops.push(Op::RestoreGraphicsState);
                }
                Draw::Image { index, x, y, w, h } => {
                    ops.push(Op::SaveGraphicsState);
                    let m = [*w, 0.0, 0.0, *h, *x, *y].map(|v| r(v).0);
                    ops.push(Op::SetTransformationMatrix { matrix: CurTransMat::Raw(m) });
                    ops.push(Op::UseXobject {
                        id: image_ids[*index].clone(),
                        transform: XObjectTransform { no_auto_scale: true, ..Default::default() },
                    });
                    ops.push(Op::RestoreGraphicsState);
                }
            }
        }
        out_pages.push(PdfPage::new(printpdf::Mm(pw / super::layout::MM), printpdf::Mm(ph / super::layout::MM), ops));
    }

    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = meta.creator.clone();
    info.producer = meta.creator.clone();
    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.unix_time)
        .unwrap_or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0).expect("epoch"));
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    doc.with_pages(out_pages);

    let opts = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);

    // Deterministic document id: a hash of what identifies the document, instead of printpdf's
    // process-global pseudo-random counter.
    let mut h = Sha256::new();
    h.update(meta.title.as_bytes());
    h.update(meta.subject.as_bytes());
    for (k, v) in &meta.custom {
        h.update(k.as_bytes());
        h.update(v.as_bytes());
    }
    let id = hex::encode(&h.finalize()[..16]).into_bytes();
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal),
        ]),
    );
    if let Ok(info_ref) = lo.trailer.get(b"Info").and_then(|o| o.as_reference()) {
        if let Ok(lopdf::Object::Dictionary(d)) = lo.get_object_mut(info_ref) {
            // printpdf writes an empty /GTS_PDFXVersion, which makes readers take the file for
            // PDF/X (a prepress format it is not).
            d.remove(b"GTS_PDFXVersion");
        }
    }
    if !meta.custom.is_empty() {
        if let Ok(info_ref) = lo.trailer.get(b"Info").and_then(|o| o.as_reference()) {
            if let Ok(lopdf::Object::Dictionary(d)) = lo.get_object_mut(info_ref) {
                for (k, v) in &meta.custom {
                    d.set(k.as_bytes().to_vec(), lopdf::Object::String(v.as_bytes().to_vec(), lopdf::StringFormat::Literal));
                }
            }
        }
    }
    drop_default_widths(&mut lo);
    share_resources(&mut lo);
    // Flate every stream without a filter, images included (printpdf leaves raw image samples
    // uncompressed, which made 30 signatures weigh 600 KB).
    for obj in lo.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = obj {
            let _ = stream.compress();
        }
    }
    let mut plain = Vec::new();
    if let Ok(info_ref) = lo.trailer.get(b"Info").and_then(|o| o.as_reference()) {
        if let Ok(lopdf::Object::Dictionary(d)) = lo.get_object_mut(info_ref) {
            ascii_as_literals(d);
        }
        plain.push(info_ref);
    }
    if let Some(f) = &meta.signature {
        plain.push(add_signature_field(&mut lo, f, meta.unix_time));
    }
    super::pdfwrite::write(&lo, &plain)
}

/// printpdf writes every information entry as UTF-16 (`<FEFF0059…>`, four hex digits a letter);
/// an ASCII one — the verification string in /Subject and /Keywords — reads the same as a
/// literal string in a quarter of the room.
fn ascii_as_literals(info: &mut lopdf::Dictionary) {
    use lopdf::{Object, StringFormat};
    for (_, v) in info.iter_mut() {
        let Object::String(bytes, _) = v else { continue };
        let Some(units) = bytes.strip_prefix(&[0xFE, 0xFF][..]) else { continue };
        if units.len() % 2 != 0 || !units.chunks(2).all(|u| u[0] == 0 && u[1].is_ascii() && !u[1].is_ascii_control()) {
            continue;
        }
        let ascii: Vec<u8> = units.chunks(2).map(|u| u[1]).collect();
        *v = Object::String(ascii, StringFormat::Literal);
    }
}

/// printpdf gives every page a resource dictionary of its own, each naming empty /XObject,
/// /ExtGState and /Shading dictionaries: the empty ones are dropped and pages with the same
/// resources share one dictionary.
fn share_resources(doc: &mut lopdf::Document) {
    use lopdf::Object;
    let empty: std::collections::BTreeSet<lopdf::ObjectId> =
        doc.objects.iter().filter(|(_, o)| matches!(o, Object::Dictionary(d) if d.is_empty())).map(|(id, _)| *id).collect();
    let mut shared: Vec<(lopdf::Dictionary, lopdf::ObjectId)> = Vec::new();
    let mut replace = std::collections::BTreeMap::new();
    for page in doc.get_pages().into_values() {
        let Some(res_id) = doc.get_dictionary(page).ok().and_then(|p| p.get(b"Resources").ok()).and_then(|r| r.as_reference().ok()) else {
            continue;
        };
        let Ok(Object::Dictionary(res)) = doc.get_object_mut(res_id) else { continue };
        let drop: Vec<Vec<u8>> =
            res.iter().filter(|(_, v)| v.as_reference().is_ok_and(|r| empty.contains(&r))).map(|(k, _)| k.clone()).collect();
        for k in drop {
            res.remove(&k);
        }
        let res = res.clone();
        match shared.iter().find(|(d, _)| *d == res) {
            Some((_, first)) => {
                replace.insert(page, *first);
                doc.objects.remove(&res_id);
            }
            None => shared.push((res, res_id)),
        }
    }
    for (page, res) in replace {
        if let Ok(Object::Dictionary(p)) = doc.get_object_mut(page) {
            p.set("Resources", Object::Reference(res));
        }
    }
    // the empty dictionaries nothing names any more
    for id in empty {
        let named = doc.objects.values().any(|o| refers_to(o, id));
        if !named {
            doc.objects.remove(&id);
        }
    }
}

fn refers_to(o: &lopdf::Object, id: lopdf::ObjectId) -> bool {
    use lopdf::Object;
    match o {
        Object::Reference(r) => *r == id,
        Object::Array(a) => a.iter().any(|x| refers_to(x, id)),
        Object::Dictionary(d) => d.iter().any(|(_, x)| refers_to(x, id)),
        Object::Stream(s) => s.dict.iter().any(|(_, x)| refers_to(x, id)),
        _ => false,
    }
}

/// Removes from every CID font's `/W` array the widths equal to its `/DW` (printpdf lists every
/// glyph, and CJK ideographs are all 1 em = the default 1000): a viewer uses `/DW` for a glyph
/// `/W` does not list (ISO 32000-1, 9.7.4.3), so the text is laid out the same, in ~4 KB less.
fn drop_default_widths(doc: &mut lopdf::Document) {
    use lopdf::Object;
    fn prune(cid_font: &mut lopdf::Dictionary) {
        let dw = match cid_font.get(b"DW") {
            Ok(Object::Integer(dw)) => *dw,
            _ => 1000,
        };
        let Ok(Object::Array(w)) = cid_font.get(b"W") else { return };
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            // only the `c [w1 w2 …]` form (what printpdf writes); anything else stays as is
            let (Object::Integer(first), Some(Object::Array(ws))) = (&w[i], w.get(i + 1)) else {
                return;
            };
            let mut run: Option<(i64, Vec<Object>)> = None;
            for (k, width) in ws.iter().enumerate() {
                let code = first + k as i64;
                if matches!(width, Object::Integer(v) if *v == dw) {
                    if let Some((c, v)) = run.take() {
                        out.push(Object::Integer(c));
                        out.push(Object::Array(v));
                    }
                    continue;
                }
                run.get_or_insert_with(|| (code, Vec::new())).1.push(width.clone());
            }
            if let Some((c, v)) = run {
                out.push(Object::Integer(c));
                out.push(Object::Array(v));
            }
            i += 2;
        }
        cid_font.set("W", Object::Array(out));
    }
    for obj in doc.objects.values_mut() {
        let Object::Dictionary(font) = obj else { continue };
        if !matches!(font.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Type0") {
            continue;
        }
        if let Ok(Object::Array(descendants)) = font.get_mut(b"DescendantFonts") {
            for d in descendants.iter_mut() {
                if let Object::Dictionary(cid_font) = d {
                    prune(cid_font);
                }
            }
        }
    }
}

/// Reads an ASCII entry of the document information dictionary (as written by `Meta::custom`).
pub fn read_info(bytes: &[u8], key: &str) -> Option<String> {
    let doc = lopdf::Document::load_mem(bytes).ok()?;
    let info_ref = doc.trailer.get(b"Info").ok()?.as_reference().ok()?;
    let d = doc.get_object(info_ref).ok()?.as_dict().ok()?;
    let v = d.get(key.as_bytes()).ok()?;
    match v {
        lopdf::Object::String(b, _) => String::from_utf8(b.clone()).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use lopdf::{dictionary, Object};

    #[test]
    fn widths_equal_to_the_default_are_dropped_and_runs_split_around_them() {
        let mut doc = lopdf::Document::with_version("1.3");
        let w = vec![
            Object::Integer(1),
            Object::Array(vec![224.into(), 1000.into(), 1000.into(), 555.into(), 278.into()]),
            Object::Integer(40),
            Object::Array(vec![1000.into(), 1000.into()]),
            Object::Integer(90),
            Object::Array(vec![521.into()]),
        ];
        let cid = dictionary! { "Subtype" => "CIDFontType0", "DW" => 1000, "W" => w };
        let id = doc.add_object(dictionary! { "Subtype" => "Type0", "DescendantFonts" => vec![Object::Dictionary(cid)] });
        super::drop_default_widths(&mut doc);
        let font = doc.get_object(id).unwrap().as_dict().unwrap();
        let d = font.get(b"DescendantFonts").unwrap().as_array().unwrap()[0].as_dict().unwrap();
        let want = vec![
            Object::Integer(1),
            Object::Array(vec![224.into()]),
            Object::Integer(4),
            Object::Array(vec![555.into(), 278.into()]),
            Object::Integer(90),
            Object::Array(vec![521.into()]),
        ];
        assert_eq!(d.get(b"W").unwrap().as_array().unwrap(), &want);
    }
}
