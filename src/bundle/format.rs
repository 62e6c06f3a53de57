//! The bundle file (`.yishi`): named parts, then the installation's signature over all of them.
//!
//! `MAGIC ‖ count: u32 ‖ (name_len: u16 ‖ name ‖ len: u64 ‖ bytes)* ‖ ECDSA P-256 signature (r ‖ s)`,
//! little-endian. The signing key is the one that signs the installation's PDFs, and its
//! certificate is a part (`CERTIFICATE`): the signature covers every byte but its own 64, the
//! certificate and the framing included, so a changed byte anywhere is found.

use crate::export::pdfsig::DocSigner;
use crate::export::trust;
use p256::ecdsa::signature::Verifier;
use p256::pkcs8::DecodePublicKey;

pub const MAGIC: &[u8; 8] = b"YISHIB1\n";
/// The signer's certificate (DER).
pub const CERTIFICATE: &str = "issuer.cer";
const SIGNATURE_LEN: usize = 64;

/// One named file in a bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Who signed a bundle, from its certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer {
    pub name: String,
    pub key_id: String,
    pub certificate_der: Vec<u8>,
}

/// Why a file is not a bundle, or not one signed as it claims.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("不是议事数据包（文件开头不对） / not a Yishi bundle (wrong start of file)")]
    NotABundle,
    #[error("数据包不完整或结构损坏（第 {0} 字节） / the bundle is cut short or its structure is damaged (byte {0})")]
    Framing(u64),
    #[error("数据包没有签发者证书 / the bundle carries no issuer certificate")]
    NoCertificate,
    #[error("数据包的签名不符：签名之后有内容被改动 / the bundle's signature does not match: something was changed after it was signed")]
    Changed,
}

/// The parts, with the signer's certificate added first, and the signature after them.
pub fn write(parts: &[Part], signer: &DocSigner) -> Vec<u8> {
    let cert = Part { name: CERTIFICATE.into(), bytes: signer.certificate_der() };
    let all: Vec<&Part> = std::iter::once(&cert).chain(parts).collect();
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(all.len() as u32).to_le_bytes());
    for p in all {
        out.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
        out.extend_from_slice(p.name.as_bytes());
        out.extend_from_slice(&(p.bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(&p.bytes);
    }
    let sig = signer.sign_raw(&out);
    out.extend_from_slice(&sig);
    out
}

/// Reads a bundle and checks its signature against the certificate it carries: the parts (the
/// certificate apart), and who signed them. Whether to trust the signer is the caller's.
pub fn read(bytes: &[u8]) -> Result<(Vec<Part>, Signer), FormatError> {
    if !bytes.starts_with(MAGIC) {
        return Err(FormatError::NotABundle);
    }
    let signed_end = bytes.len().checked_sub(SIGNATURE_LEN).filter(|&n| n >= MAGIC.len() + 4).ok_or(FormatError::Framing(bytes.len() as u64))?;
    let body = &bytes[..signed_end];
    let mut at = MAGIC.len();
    let take = |at: &mut usize, n: usize| -> Result<&[u8], FormatError> {
        let s = body.get(*at..at.checked_add(n).ok_or(FormatError::Framing(*at as u64))?).ok_or(FormatError::Framing(*at as u64))?;
        *at += n;
        Ok(s)
    };
    let count = u32::from_le_bytes(take(&mut at, 4)?.try_into().expect("4 bytes"));
    let mut parts = Vec::new();
    for _ in 0..count {
        let name_len = u16::from_le_bytes(take(&mut at, 2)?.try_into().expect("2 bytes")) as usize;
        let name_at = at;
        let name = std::str::from_utf8(take(&mut at, name_len)?).map_err(|_| FormatError::Framing(name_at as u64))?.to_string();
        let len_at = at;
        let len = usize::try_from(u64::from_le_bytes(take(&mut at, 8)?.try_into().expect("8 bytes"))).map_err(|_| FormatError::Framing(len_at as u64))?;
        parts.push(Part { name, bytes: take(&mut at, len)?.to_vec() });
    }
    if at != signed_end {
        return Err(FormatError::Framing(at as u64));
    }
    let cert = match parts.first() {
        Some(p) if p.name == CERTIFICATE => parts.remove(0).bytes,
        _ => return Err(FormatError::NoCertificate),
    };
    let (key_id, name) = trust::read_certificate(&cert).map_err(|_| FormatError::Changed)?;
    let spki = {
        use der::{Decode, Encode};
        let c = x509_cert::Certificate::from_der(&cert).map_err(|_| FormatError::Changed)?;
        c.tbs_certificate.subject_public_key_info.to_der().map_err(|_| FormatError::Changed)?
    };
    let key = p256::ecdsa::VerifyingKey::from_public_key_der(&spki).map_err(|_| FormatError::Changed)?;
    let sig = p256::ecdsa::Signature::from_slice(&bytes[signed_end..]).map_err(|_| FormatError::Changed)?;
    key.verify(body, &sig).map_err(|_| FormatError::Changed)?;
    Ok((parts, Signer { name, key_id, certificate_der: cert }))
}
