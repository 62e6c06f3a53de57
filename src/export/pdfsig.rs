//! The PDF signature any reader checks (pdfsig, Acrobat, Foxit, WPS): a signature field whose
//! value is a detached CMS SignedData (`adbe.pkcs7.detached`) over the file's byte range, made
//! with an ECDSA P-256 key in a self-signed certificate naming the issuer.
//!
//! The key is derived from the installation's Ed25519 seed (`seal`), so it is backed up and
//! restored with it and needs no file of its own; the certificate's dates are fixed and its
//! serial derived, and ECDSA here is deterministic (RFC 6979): the same record still gives the
//! same bytes, and `yishi verify` can regenerate a file and compare. Exports read no clock.

use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::ContentInfo;
use cms::signed_data::{EncapsulatedContentInfo, SignedData, SignerIdentifier};
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use p256::ecdsa::{DerSignature, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use std::str::FromStr;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{AlgorithmIdentifierOwned, EncodePublicKey, SubjectPublicKeyInfoOwned};
use x509_cert::time::{Time, Validity};
use x509_cert::Certificate;

use super::error::{ExportError, Result};

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_SHA_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");

/// Room reserved in the file for the CMS signature (the certificate and one ECDSA signature
/// take about 730 bytes; a long issuer name adds a few dozen).
pub const CONTENTS_LEN: usize = 1536;
/// What the byte range reads before it is filled in: wide enough for any file size.
pub const BYTE_RANGE_PLACEHOLDER: i64 = 9_999_999_999;

/// The installation's document-signing key and its certificate.
pub struct DocSigner {
    key: SigningKey,
    cert: Certificate,
}

fn sig_err(reason: impl std::fmt::Display) -> ExportError {
    ExportError::Signature { reason: reason.to_string() }
}

impl DocSigner {
    /// The key derived from the installation's seed, in a certificate naming `issuer` (the
    /// community's issuing body; a generic name when none is set).
    pub fn derive(seed: &[u8; 32], issuer: Option<&str>) -> Result<DocSigner> {
        let key = (0u32..)
            .find_map(|i| {
                let mut h = Sha256::new();
                h.update(b"yishi-pdf-signing-p256");
                h.update(seed);
                h.update(i.to_be_bytes());
                SigningKey::from_bytes(&h.finalize()).ok()
            })
            .expect("a valid scalar within a few tries");
        let name = issuer.map(clean).filter(|n| !n.is_empty()).unwrap_or_else(|| "议事 Yishi".to_string());
        let subject = Name::from_str(&format!("CN={name},O=Yishi")).map_err(sig_err)?;
        let public = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).map_err(sig_err)?;
        let mut serial = Sha256::digest([public.to_der().map_err(sig_err)?.as_slice(), name.as_bytes()].concat())[..12].to_vec();
        serial[0] &= 0x7f;
        serial[0] |= 0x10;
        // Fixed dates: the certificate is made again for every export, the same each time.
        let validity = Validity {
            not_before: Time::UtcTime(der::asn1::UtcTime::from_unix_duration(std::time::Duration::from_secs(1_704_067_200)).map_err(sig_err)?),
            not_after: Time::UtcTime(der::asn1::UtcTime::from_unix_duration(std::time::Duration::from_secs(2_524_607_999)).map_err(sig_err)?),
        };
        // A leaf (digitalSignature, nonRepudiation) that issues itself.
        let profile = Profile::Leaf { issuer: subject.clone(), enable_key_agreement: false, enable_key_encipherment: false };
        let builder = CertificateBuilder::new(
            profile,
            SerialNumber::new(&serial).map_err(sig_err)?,
            validity,
            subject,
            public,
            &key,
        )
        .map_err(sig_err)?;
        let cert = builder.build::<DerSignature>().map_err(sig_err)?;
        Ok(DocSigner { key, cert })
    }

    pub fn certificate_der(&self) -> Vec<u8> {
        self.cert.to_der().expect("a built certificate encodes")
    }

    /// SHA-256 of the public key (its SubjectPublicKeyInfo), in hex: what `key trust` records.
    pub fn key_id(&self) -> String {
        key_id_of(self.key.verifying_key())
    }

    /// A plain ECDSA P-256 signature (r ‖ s, 64 bytes) of `message`, for files whose signed bytes
    /// hold the certificate themselves (bundles).
    pub fn sign_raw(&self, message: &[u8]) -> Vec<u8> {
        use p256::ecdsa::signature::Signer;
        let sig: p256::ecdsa::Signature = self.key.sign(message);
        sig.to_bytes().to_vec()
    }

    /// The detached CMS signature of a document whose signed bytes hash to `digest`.
    pub fn cms(&self, digest: &[u8; 32]) -> Result<Vec<u8>> {
        let econtent = EncapsulatedContentInfo { econtent_type: ID_DATA, econtent: None };
        let digest_alg = AlgorithmIdentifierOwned { oid: ID_SHA_256, parameters: None };
        let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: self.cert.tbs_certificate.issuer.clone(),
            serial_number: self.cert.tbs_certificate.serial_number.clone(),
        });
        let signer = SignerInfoBuilder::new(&self.key, sid, digest_alg.clone(), &econtent, Some(digest)).map_err(sig_err)?;
        let info = SignedDataBuilder::new(&econtent)
            .add_digest_algorithm(digest_alg)
            .map_err(sig_err)?
            .add_certificate(CertificateChoices::Certificate(self.cert.clone()))
            .map_err(sig_err)?
            .add_signer_info::<SigningKey, DerSignature>(signer)
            .map_err(sig_err)?
            .build()
            .map_err(sig_err)?;
        info.to_der().map_err(sig_err)
    }
}

fn key_id_of(key: &VerifyingKey) -> String {
    let der = key.to_public_key_der().map(|d| d.as_bytes().to_vec()).unwrap_or_default();
    hex::encode(Sha256::digest(der))
}

/// A name as an X.500 attribute value: without the characters RFC 4514 would need escaped.
fn clean(name: &str) -> String {
    name.chars().filter(|c| !matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=' | '#')).collect::<String>().trim().to_string()
}

/// Fills in the signature of a PDF written with the placeholders (`pdf::render` with a
/// signature): the byte range, then the CMS signature over it.
pub fn fill(mut pdf: Vec<u8>, signer: &DocSigner) -> Result<Vec<u8>> {
    let placeholder = format!("{BYTE_RANGE_PLACEHOLDER} {BYTE_RANGE_PLACEHOLDER} {BYTE_RANGE_PLACEHOLDER}");
    let br = find(&pdf, placeholder.as_bytes()).ok_or_else(|| sig_err("no byte range placeholder"))?;
    let open = find(&pdf, format!("<{}>", "0".repeat(CONTENTS_LEN * 2)).as_bytes()).ok_or_else(|| sig_err("no contents placeholder"))?;
    let close = open + CONTENTS_LEN * 2 + 2;
    let range = format!("{open} {close} {}", pdf.len() - close);
    let padded = format!("{range:<width$}", width = placeholder.len());
    pdf[br..br + placeholder.len()].copy_from_slice(padded.as_bytes());
    let digest: [u8; 32] = Sha256::new().chain_update(&pdf[..open]).chain_update(&pdf[close..]).finalize().into();
    let cms = signer.cms(&digest)?;
    if cms.len() > CONTENTS_LEN {
        return Err(sig_err(format!("signature of {} bytes exceeds the {CONTENTS_LEN} reserved", cms.len())));
    }
    let hexed = hex::encode_upper(&cms);
    pdf[open + 1..open + 1 + hexed.len()].copy_from_slice(hexed.as_bytes());
    Ok(pdf)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// What a PDF's signature says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// The signer's public key (`DocSigner::key_id`).
    pub key_id: String,
    /// The certificate's subject common name.
    pub signer: String,
    pub certificate_der: Vec<u8>,
}

/// Why a PDF's signature does not hold, in a recorder's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigProblem {
    #[error("文件没有签名（不是议事导出的文件，或由旧版议事导出） / the file carries no signature (not a Yishi export, or made by an earlier Yishi)")]
    Unsigned,
    #[error("签名已损坏，无法读取 / the signature is broken and cannot be read")]
    Broken,
    #[error("文件在签名之后被改动过 / the file was changed after it was signed")]
    Changed,
    #[error("签名之后文件末尾又追加了内容（可能加了页或改了内容） / content was added to the file after it was signed (pages or changes appended)")]
    Appended,
    #[error("签名与签发者的证书不符 / the signature does not match the issuer's certificate")]
    Forged,
}

/// Checks a PDF's signature: the CMS signature over the byte range, the byte range over the
/// whole file. Says who signed (the certificate); whether to trust them is the caller's.
pub fn check(pdf: &[u8]) -> std::result::Result<Signed, SigProblem> {
    let at = find(pdf, b"/ByteRange").ok_or(SigProblem::Unsigned)?;
    let open = pdf[at..].iter().position(|&b| b == b'[').ok_or(SigProblem::Broken)? + at;
    let end = pdf[open..].iter().position(|&b| b == b']').ok_or(SigProblem::Broken)? + open;
    let nums: Vec<usize> = std::str::from_utf8(&pdf[open + 1..end])
        .map_err(|_| SigProblem::Broken)?
        .split_ascii_whitespace()
        .map(|n| n.parse().map_err(|_| SigProblem::Broken))
        .collect::<std::result::Result<_, _>>()?;
    let [a, b, c, d] = nums[..] else { return Err(SigProblem::Broken) };
    if a != 0 || b >= c || c > pdf.len() || c + d > pdf.len() {
        return Err(SigProblem::Changed);
    }
    let contents = pdf.get(b..c).filter(|s| s.first() == Some(&b'<') && s.last() == Some(&b'>')).ok_or(SigProblem::Changed)?;
    let hexed: Vec<u8> = contents[1..contents.len() - 1].to_vec();
    let raw = hex::decode(&hexed).map_err(|_| SigProblem::Broken)?;
    // The DER value is followed by the zeros that fill the room reserved for it.
    let der_len = der_length(&raw).ok_or(SigProblem::Broken)?;
    // The room after the signature is zeros as written: nothing may hide there.
    if raw.get(der_len..).is_none_or(|rest| rest.iter().any(|&b| b != 0)) {
        return Err(SigProblem::Changed);
    }
    let digest: [u8; 32] = Sha256::new().chain_update(&pdf[..b]).chain_update(&pdf[c..c + d]).finalize().into();
    let signed = check_cms(raw.get(..der_len).ok_or(SigProblem::Broken)?, &digest)?;
    if c + d != pdf.len() {
        return Err(SigProblem::Appended);
    }
    Ok(signed)
}

/// Checks a detached CMS signature (as `DocSigner::cms` makes) over bytes hashing to `digest`,
/// and says who signed it. Used for PDFs and for bundles.
pub fn check_cms(der: &[u8], digest: &[u8; 32]) -> std::result::Result<Signed, SigProblem> {
    let ci = ContentInfo::from_der(der).map_err(|_| SigProblem::Broken)?;
    if ci.content_type != ID_SIGNED_DATA {
        return Err(SigProblem::Broken);
    }
    let sd: SignedData = ci.content.decode_as().map_err(|_| SigProblem::Broken)?;
    let cert = sd
        .certificates
        .as_ref()
        .and_then(|set| set.0.iter().find_map(|c| if let CertificateChoices::Certificate(c) = c { Some(c.clone()) } else { None }))
        .ok_or(SigProblem::Broken)?;
    let si = sd.signer_infos.0.iter().next().ok_or(SigProblem::Broken)?;
    let attrs = si.signed_attrs.as_ref().ok_or(SigProblem::Broken)?;
    let claimed = attrs
        .iter()
        .find(|a| a.oid == ID_MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<der::asn1::OctetString>().ok())
        .ok_or(SigProblem::Broken)?;
    if claimed.as_bytes() != digest.as_slice() {
        return Err(SigProblem::Changed);
    }
    let spki = cert.tbs_certificate.subject_public_key_info.to_der().map_err(|_| SigProblem::Broken)?;
    let key = VerifyingKey::from_public_key_der(&spki).map_err(|_| SigProblem::Broken)?;
    let signed = attrs.to_der().map_err(|_| SigProblem::Broken)?;
    let sig = p256::ecdsa::Signature::from_der(si.signature.as_bytes()).map_err(|_| SigProblem::Forged)?;
    use p256::ecdsa::signature::Verifier;
    key.verify(&signed, &sig).map_err(|_| SigProblem::Forged)?;
    // The certificate issues itself: its own key signs it, so its name cannot be edited either.
    let tbs = cert.tbs_certificate.to_der().map_err(|_| SigProblem::Broken)?;
    let cert_sig = cert.signature.as_bytes().and_then(|b| p256::ecdsa::Signature::from_der(b).ok()).ok_or(SigProblem::Forged)?;
    key.verify(&tbs, &cert_sig).map_err(|_| SigProblem::Forged)?;
    let signer = cert
        .tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == ObjectIdentifier::new_unwrap("2.5.4.3"))
        .and_then(|atv| atv.value.decode_as::<der::asn1::Utf8StringRef>().ok().map(|s| s.as_str().to_string()))
        .unwrap_or_default();
    Ok(Signed { key_id: key_id_of(&key), signer, certificate_der: cert.to_der().map_err(|_| SigProblem::Broken)? })
}

use p256::pkcs8::DecodePublicKey;

/// The length of the DER value at the start of `raw` (tag, length, contents).
fn der_length(raw: &[u8]) -> Option<usize> {
    let first = *raw.get(1)?;
    if first < 0x80 {
        return Some(2 + first as usize);
    }
    let n = (first & 0x7f) as usize;
    if n == 0 || n > 4 {
        return None;
    }
    let len = raw.get(2..2 + n)?.iter().fold(0usize, |acc, b| (acc << 8) | *b as usize);
    Some(2 + n + len)
}
