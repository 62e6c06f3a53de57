//! The tantivy index: its schema, one document per meeting, and opening the folder — or saying
//! why it cannot be used as it is (then the caller builds it anew: it is derived).

use super::passages::{passages, Field};
use super::tokenizer::{CjkTokenizer, NAME};
use crate::ids::{MeetingId, Time};
use crate::setup::{Form, Level};
use crate::state::Meeting;
use serde::{Deserialize, Serialize};
use std::path::Path;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING};
use tantivy::{Index, TantivyDocument};

/// The index's fields: the meeting id (a term, to replace or delete its document), what a hit
/// shows of the meeting, and one text field per searched `Field`.
#[derive(Clone)]
pub struct Fields {
    pub meeting: tantivy::schema::Field,
    pub about: tantivy::schema::Field,
    pub text: Vec<(Field, tantivy::schema::Field)>,
}

impl Fields {
    pub fn of(&self, f: Field) -> tantivy::schema::Field {
        self.text.iter().find(|(x, _)| *x == f).map(|(_, t)| *t).expect("every Field has a text field")
    }
}

pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let meeting = b.add_text_field("meeting", STRING | STORED);
    let about = b.add_text_field("about", STORED);
    // Positions, for phrases of bigrams; stored, for the snippet.
    let text_options = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(NAME).set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let text = Field::ALL.into_iter().map(|f| (f, b.add_text_field(f.name(), text_options.clone()))).collect();
    (b.build(), Fields { meeting, about, text })
}

/// What a hit shows of its meeting without reading the record.
#[derive(Serialize, Deserialize)]
pub struct About {
    pub title: String,
    pub scheduled_at: Time,
    pub level: Level,
    pub form: Form,
}

pub fn document(fields: &Fields, m: &Meeting) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.meeting, m.id.to_string());
    let about = About { title: m.title.clone(), scheduled_at: m.scheduled_at, level: m.level, form: m.form };
    doc.add_text(fields.about, serde_json::to_string(&about).unwrap_or_default());
    for (f, text) in passages(m) {
        doc.add_text(fields.of(f), text);
    }
    doc
}

pub fn meeting_term(fields: &Fields, id: MeetingId) -> tantivy::Term {
    tantivy::Term::from_field_text(fields.meeting, &id.to_string())
}

fn register(index: &Index) {
    index.tokenizers().register(NAME, CjkTokenizer);
}

/// A new, empty index in `dir` (which must be empty or absent).
pub fn create(dir: &Path) -> tantivy::Result<Index> {
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, schema().0)?;
    register(&index);
    Ok(index)
}

/// The index in `dir` if it can be used: the same schema, every file's checksum right.
/// Why not, otherwise.
pub fn open(dir: &Path) -> Result<Index, String> {
    let index = Index::open_in_dir(dir).map_err(|e| e.to_string())?;
    if index.schema() != schema().0 {
        return Err("the index was made with another schema".into());
    }
    let damaged = index.validate_checksum().map_err(|e| e.to_string())?;
    if !damaged.is_empty() {
        let names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
        return Err(format!("damaged files: {}", names.join(", ")));
    }
    register(&index);
    Ok(index)
}
