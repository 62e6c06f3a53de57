//! Sealed records carried between installations (R-PUBLISH, R-ESCALATE: a community's results to
//! its street office): a bundle file (`format`) holds the meetings' journals — their hash chains
//! and signature images, exactly as recorded — and their signed PDFs, signed as a whole by the
//! issuing installation. `make` writes one; `take` checks one on another installation (the
//! signature, a trusted issuer, every chain and PDF) and hands the meetings to the store, which
//! keeps them read-only under their community (`store::receive`).

pub mod format;
mod make;
mod manifest;
pub mod office;
mod take;

pub use make::{make, sealed_since, MakeOptions, Made};
pub use manifest::{Listed, Manifest};
pub use take::{received_documents, take, Imported, RECEIVED_DIR};

use crate::ids::MeetingId;

/// The file name extension of a bundle.
pub const EXT: &str = "yishi";

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{0}")]
    Format(#[from] format::FormatError),
    #[error("签发者“{name}”（密钥 {key:.16}）尚未被本机信任：先取得该社区导出的证书，核对指纹后执行 yishi key trust 证书文件（或在议事的“设置与核验”中信任其他单位的证书），再导入 / the issuer \"{name}\" (key {key:.16}) is not trusted here yet: get that community's certificate, check its fingerprint, trust it (yishi key trust FILE), then import")]
    Untrusted { name: String, key: String },
    #[error("数据包内容不完整：{0} / the bundle's contents are incomplete: {0}")]
    Contents(String),
    #[error("数据包中的文件“{name}”：{problem}")]
    Document { name: String, problem: String },
    #[error("“{title}”尚未封存，不能送出；只有签字封存的记录才能导出给街道 / \"{title}\" is not sealed: only signed, sealed records go into a bundle")]
    NotSealed { meeting: MeetingId, title: String },
    #[error("“{title}”是从{community}收到的记录，由该社区送出，本机不再转发 / \"{title}\" was received from {community}; that community sends it, not this installation")]
    NotOurs { meeting: MeetingId, title: String, community: String },
    #[error("没有可以导出的会议（所选时间之后没有已封存的会议） / no meeting to export (no sealed meeting in the period chosen)")]
    Nothing,
    #[error(transparent)]
    Receive(#[from] crate::store::receive::ReceiveError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
}
