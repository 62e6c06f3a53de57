//! The file's bytes: PDF 1.5 with the small objects (pages, fonts' dictionaries, resources, the
//! form) packed into one compressed object stream and a compressed cross-reference stream
//! instead of a table — what a text-only document spends outside its font shrinks by a few KB.
//!
//! Two objects stay outside, written as plain text in the file: the signature dictionary, whose
//! byte range and contents `pdfsig::fill` writes in place after the file is laid out, and the
//! document information dictionary, which `verify` reads from the raw bytes (a damaged file
//! still says what it claims). Streams cannot go into an object stream (ISO 32000-1, 7.5.7).
//! Deterministic: the same objects give the same bytes.

use std::collections::BTreeMap;
use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// Serializes `doc` (its objects and trailer's /Root, /Info, /ID); `plain` lists the objects
/// that must stay readable in the file.
pub fn write(doc: &lopdf::Document, plain: &[ObjectId]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n".to_vec();
    // offsets of objects written directly; index in the object stream of the others
    let mut direct: BTreeMap<u32, usize> = BTreeMap::new();
    let mut packed: Vec<(u32, Vec<u8>)> = Vec::new();
    for (&(id, gen), obj) in &doc.objects {
        let inline = gen == 0 && !matches!(obj, Object::Stream(_)) && !plain.contains(&(id, gen));
        if inline {
            let mut b = Vec::new();
            object(&mut b, obj);
            packed.push((id, b));
        } else {
            direct.insert(id, out.len());
            indirect(&mut out, id, gen, obj);
        }
    }
    let max_id = doc.objects.keys().map(|k| k.0).max().unwrap_or(0);
    let stm_id = max_id + 1;
    let xref_id = max_id + 2;
    if !packed.is_empty() {
        direct.insert(stm_id, out.len());
        indirect(&mut out, stm_id, 0, &Object::Stream(object_stream(&packed)));
    }
    let index: BTreeMap<u32, u32> = packed.iter().enumerate().map(|(i, (id, _))| (*id, i as u32)).collect();

    // The cross-reference stream: type 1 (offset), 2 (object stream, index), 0 (free).
    let xref_at = out.len();
    direct.insert(xref_id, xref_at);
    let size = xref_id + 1;
    let width = bytes_for(xref_at.max(stm_id as usize).max(packed.len()));
    let mut rows = Vec::with_capacity(size as usize * (2 + width));
    for id in 0..size {
        let (kind, a, b) = match (direct.get(&id), index.get(&id)) {
            (Some(&off), _) => (1u8, off, 0u32),
            (None, Some(&i)) => (2, stm_id as usize, i),
            (None, None) => (0, 0, if id == 0 { 65535 } else { 0 }),
        };
        rows.push(kind);
        rows.extend_from_slice(&(a as u64).to_be_bytes()[8 - width..]);
        // the generation (type 1) or the index in the object stream (type 2): two bytes
        rows.extend_from_slice(&(b as u16).to_be_bytes());
    }
    let mut trailer = Dictionary::new();
    trailer.set("Type", Object::Name(b"XRef".to_vec()));
    trailer.set("Size", i64::from(size));
    trailer.set("W", vec![Object::Integer(1), Object::Integer(width as i64), Object::Integer(2)]);
    for key in [&b"Root"[..], b"Info", b"ID"] {
        if let Ok(v) = doc.trailer.get(key) {
            trailer.set(key.to_vec(), v.clone());
        }
    }
    let mut xref = lopdf::Stream::new(trailer, rows);
    xref.compress().ok();
    indirect(&mut out, xref_id, 0, &Object::Stream(xref));
    let _ = write!(out, "startxref\n{xref_at}\n%%EOF\n");
    out
}

/// The fewest bytes that hold `n` (at least 1).
fn bytes_for(n: usize) -> usize {
    (1..8).find(|&k| n < 1usize << (8 * k)).unwrap_or(8)
}

/// One object stream holding `objects`: the pairs "number offset", then the objects.
fn object_stream(objects: &[(u32, Vec<u8>)]) -> lopdf::Stream {
    let mut head = Vec::new();
    let mut body = Vec::new();
    for (id, bytes) in objects {
        let _ = write!(head, "{id} {} ", body.len());
        body.extend_from_slice(bytes);
        body.push(b'\n');
    }
    let first = head.len();
    head.extend_from_slice(&body);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"ObjStm".to_vec()));
    dict.set("N", objects.len() as i64);
    dict.set("First", first as i64);
    let mut s = lopdf::Stream::new(dict, head);
    s.compress().ok();
    s
}

fn indirect(out: &mut Vec<u8>, id: u32, gen: u16, obj: &Object) {
    let _ = write!(out, "{id} {gen} obj\n");
    object(out, obj);
    out.extend_from_slice(b"\nendobj\n");
}

/// Whether a token of this object needs white space before it (it starts with a regular
/// character); names, strings, arrays and dictionaries start with a delimiter.
fn bare(obj: &Object) -> bool {
    matches!(obj, Object::Null | Object::Boolean(_) | Object::Integer(_) | Object::Real(_) | Object::Reference(_))
}

/// An object in PDF syntax (ISO 32000-1, 7.3), with white space only where tokens need it.
fn object(out: &mut Vec<u8>, obj: &Object) {
    match obj {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        Object::Real(r) => real(out, *r),
        Object::Name(n) => name(out, n),
        Object::String(s, StringFormat::Literal) => {
            out.push(b'(');
            for &c in s {
                match c {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', c]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(c),
                }
            }
            out.push(b')');
        }
        Object::String(s, StringFormat::Hexadecimal) => {
            out.push(b'<');
            out.extend_from_slice(hex::encode_upper(s).as_bytes());
            out.push(b'>');
        }
        Object::Array(a) => {
            out.push(b'[');
            for (i, o) in a.iter().enumerate() {
                if i > 0 && bare(o) {
                    out.push(b' ');
                }
                object(out, o);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d),
        Object::Stream(s) => {
            let mut dict = s.dict.clone();
            dict.set("Length", s.content.len() as i64);
            dictionary(out, &dict);
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&s.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, gen)) => {
            let _ = write!(out, "{id} {gen} R");
        }
    }
}

fn dictionary(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (k, v) in d.iter() {
        name(out, k);
        if bare(v) {
            out.push(b' ');
        }
        object(out, v);
    }
    out.extend_from_slice(b">>");
}

fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &c in n {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&c) || !(33..=126).contains(&c) {
            let _ = write!(out, "#{c:02X}");
        } else {
            out.push(c);
        }
    }
}

/// A real number as PDF wants it: no exponent, no needless digits.
fn real(out: &mut Vec<u8>, r: f32) {
    let r = if r.is_finite() { r } else { 0.0 };
    if r == r.trunc() && r.abs() < 1e9 {
        let _ = write!(out, "{}", r as i64);
    } else {
        let _ = write!(out, "{r}");
    }
}

#[cfg(test)]
mod tests {
    use lopdf::{dictionary, Object};

    #[test]
    fn objects_are_written_in_pdf_syntax_and_read_back() {
        let mut doc = lopdf::Document::with_version("1.5");
        let pages = doc.new_object_id();
        let content = doc.add_object(lopdf::Stream::new(dictionary! {}, b"0 0 m 10 10 l S".to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(595.5), 842.into()],
        });
        doc.objects.insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
        let info = doc.add_object(dictionary! { "Title" => Object::string_literal("a (b) \\ c") });
        let root = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", root);
        doc.trailer.set("Info", info);
        let bytes = super::write(&doc, &[info]);
        assert!(bytes.starts_with(b"%PDF-1.5\n"));
        // the information dictionary is readable in the file; the page is packed
        let info_text = b"/Title(a \\(b\\) \\\\ c)>>\nendobj";
        assert!(bytes.windows(info_text.len()).any(|w| w == info_text));
        assert!(!bytes.windows(10).any(|w| w == b"/Type/Page"));
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        let p = back.get_object(page).unwrap().as_dict().unwrap();
        assert_eq!(p.get(b"MediaBox").unwrap().as_array().unwrap()[2].as_float().unwrap(), 595.5);
        let title = back.get_object(info).unwrap().as_dict().unwrap().get(b"Title").unwrap().as_str().unwrap().to_vec();
        assert_eq!(title, b"a (b) \\ c");
        assert_eq!(back.get_pages().len(), 1);
    }

    #[test]
    fn widths_of_the_cross_reference_fields() {
        assert_eq!(super::bytes_for(0), 1);
        assert_eq!(super::bytes_for(255), 1);
        assert_eq!(super::bytes_for(256), 2);
        assert_eq!(super::bytes_for(120_000), 3);
    }
}
