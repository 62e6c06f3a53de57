//! On-the-spot confirmation (R-SIGN), the seal, and what may follow it: amendments
//! and publication records, appended and never edited.

use crate::ids::{PersonId, Time};
use serde::{Deserialize, Serialize};

/// Largest signature image accepted, in bytes: a pad drawing is a few KB.
pub const MAX_SIGNATURE_BYTES: usize = 512 * 1024;

/// R-SIGN: a signature must show a hand's strokes. An image with fewer dark, opaque pixels than
/// this (a blank pad, a tap, a transparent 1×1) would put a signing time beside an empty box.
pub const MIN_INK_PIXELS: u64 = 40;
/// …and at least this share of the image, per mille (a 900×240 pad: 216 pixels, a short stroke).
pub const MIN_INK_PER_MILLE: u64 = 1;

/// The drawing in a signature image: its size and how many of its pixels carry ink (opaque
/// enough and dark enough to print), or why it cannot be read.
pub fn ink(png_bytes: &[u8]) -> Result<(u32, u32, u64), String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let (w, h) = (reader.info().width, reader.info().height);
    if u64::from(w) * u64::from(h) > 16_000_000 {
        return Err(format!("{w}×{h} pixels is too large"));
    }
    let mut buf = vec![0; reader.output_buffer_size().ok_or("too large")?];
    let frame = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let px = &buf[..frame.buffer_size()];
    let (luma, alpha): (fn(&[u8]) -> u32, fn(&[u8]) -> u8) = match frame.color_type {
        png::ColorType::Grayscale => (|p| u32::from(p[0]), |_| 255),
        png::ColorType::GrayscaleAlpha => (|p| u32::from(p[0]), |p| p[1]),
        png::ColorType::Rgb => (|p| (u32::from(p[0]) * 3 + u32::from(p[1]) * 6 + u32::from(p[2])) / 10, |_| 255),
        png::ColorType::Rgba => (|p| (u32::from(p[0]) * 3 + u32::from(p[1]) * 6 + u32::from(p[2])) / 10, |p| p[3]),
        png::ColorType::Indexed => return Err("palette not expanded".into()),
    };
    let n = frame.color_type.samples();
    let ink = px.chunks_exact(n).filter(|p| alpha(p) >= 128 && luma(p) <= 160).count() as u64;
    Ok((w, h, ink))
}

/// Whether a drawing of `ink` pixels on a `w`×`h` image is a signature (R-SIGN).
pub fn enough_ink(w: u32, h: u32, ink: u64) -> bool {
    ink >= MIN_INK_PIXELS && ink * 1000 >= u64::from(w) * u64::from(h) * MIN_INK_PER_MILLE
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WitnessKind {
    /// 律师见证
    Lawyer,
    /// 公证
    Notary,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Confirmation {
    /// The image is kept in the store by its SHA-256; the record holds the hash.
    Signed { image_sha256: String, image_bytes: u32 },
    Declined { reason: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignatureEntry {
    pub person: PersonId,
    pub name: String,
    pub at: Time,
    #[serde(flatten)]
    pub confirmation: Confirmation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Witness {
    pub name: String,
    pub kind: WitnessKind,
    pub statement: Option<String>,
    pub at: Time,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amendment {
    pub no: u32,
    pub by: String,
    pub reason: String,
    pub text: String,
    pub at: Time,
}

/// R-PUBLISH: where a result was posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 线下公示栏
    NoticeBoard,
    /// 线上（公众号、网站、微信群）
    Online,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub channel: Channel,
    pub place: String,
    pub at: Time,
}
