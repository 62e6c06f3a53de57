//! Issuers this installation trusts: a street office verifies the PDFs of its communities once
//! it has their certificates (`yishi key export` there, `yishi key trust` here). Kept in the
//! data folder as `trusted-issuers.json`: the key id (SHA-256 of the public key) and the name.

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use der::{Decode, Encode};
use p256::pkcs8::DecodePublicKey;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

use super::error::{ExportError, Result};

pub const FILE: &str = crate::store::TRUSTED_ISSUERS_FILE;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trusted {
    /// Key id → the name its certificate gives.
    pub issuers: BTreeMap<String, String>,
}

impl Trusted {
    pub fn load(data_dir: &Path) -> Trusted {
        std::fs::read(data_dir.join(FILE)).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    pub fn name_of(&self, key_id: &str) -> Option<&str> {
        self.issuers.get(key_id).map(String::as_str)
    }
}

fn bad(reason: impl std::fmt::Display) -> ExportError {
    ExportError::Signature { reason: reason.to_string() }
}

/// A certificate as PEM text, to hand to another installation.
pub fn pem(der: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

/// Reads a certificate (PEM or DER): its key id and the name it gives.
pub fn read_certificate(bytes: &[u8]) -> Result<(String, String)> {
    let der = match std::str::from_utf8(bytes).ok().filter(|t| t.contains("-----BEGIN CERTIFICATE-----")) {
        Some(text) => {
            let body: String = text
                .lines()
                .skip_while(|l| !l.starts_with("-----BEGIN CERTIFICATE-----"))
                .skip(1)
                .take_while(|l| !l.starts_with("-----END"))
                .collect();
            base64::engine::general_purpose::STANDARD.decode(body.trim()).map_err(|e| bad(format!("证书不是有效的 PEM / not a PEM certificate: {e}")))?
        }
        None => bytes.to_vec(),
    };
    let cert = Certificate::from_der(&der).map_err(|e| bad(format!("不是证书文件 / not a certificate: {e}")))?;
    let spki = cert.tbs_certificate.subject_public_key_info.to_der().map_err(bad)?;
    p256::ecdsa::VerifyingKey::from_public_key_der(&spki).map_err(|_| bad("证书的密钥不是 P-256 / the certificate's key is not P-256"))?;
    let name = cert
        .tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == der::asn1::ObjectIdentifier::new_unwrap("2.5.4.3"))
        .and_then(|atv| atv.value.decode_as::<der::asn1::Utf8StringRef>().ok().map(|s| s.as_str().to_string()))
        .unwrap_or_default();
    Ok((hex::encode(Sha256::digest(&spki)), name))
}

/// Trusts the issuer of a certificate from now on; returns its key id and name.
pub fn trust(data_dir: &Path, certificate: &[u8]) -> Result<(String, String)> {
    let (id, name) = read_certificate(certificate)?;
    let mut t = Trusted::load(data_dir);
    t.issuers.insert(id.clone(), name.clone());
    let json = serde_json::to_vec_pretty(&t).map_err(bad)?;
    super::write_atomic(&data_dir.join(FILE), &json)?;
    Ok((id, name))
}
