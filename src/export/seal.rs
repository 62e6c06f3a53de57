//! The installation's seal: an Ed25519 key generated once per installation and kept in the data
//! directory (file mode 0600), and the verification string printed on every export
//!
//! `YISHI1|<meeting uuid>|<chain head hex>|<signature b64>|<public key fingerprint>`
//!
//! where the signature covers `YISHI1|<meeting uuid>|<chain head hex>` and the fingerprint is the
//! first 16 hex digits of SHA-256 of the 32-byte public key (R-OPENNESS: every exported document
//! carries the record's fingerprint so a reader can check it against the record).

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use super::error::{ExportError, Result};

pub const PREFIX: &str = "YISHI1";
/// File name of the key inside the data directory.
pub const KEY_FILE: &str = crate::store::SEAL_KEY_FILE;

pub struct InstallationKey {
    signing: SigningKey,
    path: PathBuf,
}

fn key_err(path: &Path, reason: impl Into<String>) -> ExportError {
    ExportError::Key { path: path.to_path_buf(), reason: reason.into() }
}

impl InstallationKey {
    /// Loads the key from `dir/KEY_FILE`, creating it (from OS randomness, mode 0600) the first
    /// time. A key file readable by group or others is refused: anyone who can read it can forge
    /// seals.
    pub fn load_or_create(dir: &Path) -> Result<InstallationKey> {
        let path = dir.join(KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::parse(&path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::create(&path),
            Err(e) => Err(key_err(&path, e.to_string())),
        }
    }

    /// Loads an existing key; never creates one (used by `verify`).
    pub fn load(dir: &Path) -> Result<InstallationKey> {
        let path = dir.join(KEY_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| key_err(&path, e.to_string()))?;
        Self::parse(&path, &text)
    }

    fn parse(path: &Path, text: &str) -> Result<InstallationKey> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path).map_err(|e| key_err(path, e.to_string()))?.permissions().mode();
            if mode & 0o077 != 0 {
                return Err(key_err(path, format!("权限 {:o} 过宽，应为 600 / permissions {:o} too open, must be 600", mode & 0o777, mode & 0o777)));
            }
        }
        let hexed = text.trim().strip_prefix("ed25519-seed:").ok_or_else(|| key_err(path, "unknown format"))?;
        let bytes = hex::decode(hexed).map_err(|e| key_err(path, e.to_string()))?;
        let seed: [u8; 32] = bytes.try_into().map_err(|_| key_err(path, "seed is not 32 bytes"))?;
        Ok(InstallationKey { signing: SigningKey::from_bytes(&seed), path: path.to_path_buf() })
    }

    fn create(path: &Path) -> Result<InstallationKey> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| key_err(path, e.to_string()))?;
        }
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| key_err(path, e.to_string()))?;
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = match opts.open(path) {
            Ok(f) => f,
            // another process created it first: use theirs
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let text = std::fs::read_to_string(path).map_err(|e| key_err(path, e.to_string()))?;
                return Self::parse(path, &text);
            }
            Err(e) => return Err(key_err(path, e.to_string())),
        };
        writeln!(f, "ed25519-seed:{}", hex::encode(seed)).and_then(|_| f.sync_all()).map_err(|e| key_err(path, e.to_string()))?;
        Ok(InstallationKey { signing: SigningKey::from_bytes(&seed), path: path.to_path_buf() })
    }

    /// A key from a fixed seed (tests, benches).
    pub fn from_seed(seed: [u8; 32]) -> InstallationKey {
        InstallationKey { signing: SigningKey::from_bytes(&seed), path: PathBuf::new() }
    }

    /// The document-signing key and certificate (see `pdfsig`), derived from this key's seed:
    /// the same installation always signs PDFs with the same P-256 key.
    pub fn document_signer(&self, issuer: Option<&str>) -> Result<super::pdfsig::DocSigner> {
        super::pdfsig::DocSigner::derive(&self.signing.to_bytes(), issuer)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(&self.verifying_key())
    }

    /// Signs (meeting id, chain head). Ed25519 signatures are deterministic, so the same record
    /// always gets the same seal and the same PDF bytes.
    pub fn seal(&self, meeting_id: &str, chain_head: &str) -> Seal {
        let sig = self.signing.sign(signed_message(meeting_id, chain_head).as_bytes());
        Seal {
            meeting_id: meeting_id.to_string(),
            chain_head: chain_head.to_string(),
            signature: sig.to_bytes(),
            key_fingerprint: self.fingerprint(),
        }
    }
}

/// First 16 hex digits of SHA-256 of the public key.
pub fn fingerprint(key: &VerifyingKey) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))[..16].to_string()
}

fn signed_message(meeting_id: &str, chain_head: &str) -> String {
    format!("{PREFIX}|{meeting_id}|{chain_head}")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub meeting_id: String,
    pub chain_head: String,
    pub signature: [u8; 64],
    pub key_fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("验证串格式不对 / the verification string is malformed: {0}")]
    Malformed(String),
    #[error("签名密钥不是本机的（文件上的公钥指纹 {found}，本机 {ours}）/ sealed by another installation's key (fingerprint {found}, ours {ours})")]
    OtherKey { found: String, ours: String },
    #[error("签名不符：会议编号或记录指纹被改动过 / the signature does not match: the meeting id or fingerprint was altered")]
    BadSignature,
}

impl std::fmt::Display for Seal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{PREFIX}|{}|{}|{}|{}",
            self.meeting_id,
            self.chain_head,
            base64::engine::general_purpose::STANDARD.encode(self.signature),
            self.key_fingerprint
        )
    }
}

impl Seal {
    pub fn parse(s: &str) -> std::result::Result<Seal, SealError> {
        let parts: Vec<&str> = s.trim().split('|').collect();
        if parts.len() != 5 || parts[0] != PREFIX {
            return Err(SealError::Malformed(format!("expected 5 fields starting with {PREFIX}")));
        }
        let sig = base64::engine::general_purpose::STANDARD
            .decode(parts[3])
            .map_err(|e| SealError::Malformed(format!("signature: {e}")))?;
        let signature: [u8; 64] = sig.try_into().map_err(|_| SealError::Malformed("signature is not 64 bytes".into()))?;
        if parts[4].len() != 16 || !parts[4].bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(SealError::Malformed("key fingerprint is not 16 hex digits".into()));
        }
        Ok(Seal {
            meeting_id: parts[1].to_string(),
            chain_head: parts[2].to_string(),
            signature,
            key_fingerprint: parts[4].to_string(),
        })
    }

    /// Checks the signature with `key`, which must be the key the fingerprint names.
    pub fn verify(&self, key: &VerifyingKey) -> std::result::Result<(), SealError> {
        let ours = fingerprint(key);
        if ours != self.key_fingerprint {
            return Err(SealError::OtherKey { found: self.key_fingerprint.clone(), ours });
        }
        let sig = Signature::from_bytes(&self.signature);
        key.verify(signed_message(&self.meeting_id, &self.chain_head).as_bytes(), &sig)
            .map_err(|_| SealError::BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_round_trips_and_verifies() {
        let k = InstallationKey::from_seed([7; 32]);
        let s = k.seal("0b6f7c1e-2d3a-4c5b-8e9f-001122334455", &"ab".repeat(32));
        let text = s.to_string();
        assert!(text.starts_with("YISHI1|0b6f7c1e-"));
        assert_eq!(text.split('|').count(), 5);
        let back = Seal::parse(&text).unwrap();
        assert_eq!(back, s);
        back.verify(&k.verifying_key()).unwrap();
        // deterministic
        assert_eq!(k.seal(&s.meeting_id, &s.chain_head).to_string(), text);
    }

    #[test]
    fn a_forged_head_or_another_key_fails() {
        let k = InstallationKey::from_seed([7; 32]);
        let mut s = k.seal("m1", &"ab".repeat(32));
        s.chain_head = "cd".repeat(32);
        assert_eq!(s.verify(&k.verifying_key()), Err(SealError::BadSignature));
        let other = InstallationKey::from_seed([8; 32]);
        let s = other.seal("m1", &"ab".repeat(32));
        assert!(matches!(s.verify(&k.verifying_key()), Err(SealError::OtherKey { .. })));
        assert!(Seal::parse("YISHI1|a|b").is_err());
    }

    #[test]
    fn key_file_is_created_once_with_0600() {
        let dir = tempfile::tempdir().unwrap();
        let a = InstallationKey::load_or_create(dir.path()).unwrap();
        let b = InstallationKey::load_or_create(dir.path()).unwrap();
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint().len(), 16);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            std::fs::set_permissions(dir.path().join(KEY_FILE), std::fs::Permissions::from_mode(0o644)).unwrap();
            assert!(InstallationKey::load(dir.path()).is_err(), "a world-readable key is refused");
        }
    }
}
