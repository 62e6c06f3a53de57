//! Full-text search of the archive: every meeting's title, agenda, background, speeches'
//! summaries, resolutions, amendments and names, in Chinese (`tokenizer`: CJK unigrams and
//! bigrams) and across every meeting the store holds.
//!
//! The index (tantivy) lives in `<data dir>/search/` and is derived: it holds nothing the
//! record does not, so it is never backed up, verified or repaired — it is built anew when it is
//! missing, of another format, or unreadable (`index::open` checks every file's checksum), and a
//! damaged index never stops the store from opening. `stamp` keeps each meeting's chain head as
//! indexed; `Archive::refresh` re-indexes the meetings whose head moved and drops the ones gone.
//!
//! Layer: above `store` (it reads `Store::list` and the meetings' records), below nothing else.

mod error;
pub mod hit;
pub mod index;
pub mod passages;
pub mod source;
pub mod stamp;
pub mod tokenizer;

pub use error::SearchError;
pub use hit::{Hit, Segment};
pub use passages::Field;

use crate::ids::MeetingId;
use crate::store::{MeetingSummary, Store};
use index::{About, Fields};
use stamp::Stamp;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The index's folder under the data directory.
pub const DIR: &str = "search";
/// Where tantivy's files are, under `DIR` (the stamp is beside it).
const INDEX_DIR: &str = "index";
/// The most results one query returns.
pub const MAX_LIMIT: usize = 1000;

/// How the index was found when the archive opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The index on disk was usable and was caught up with the record.
    Kept,
    /// There was none: built from the record.
    Created,
    /// It could not be used (why): thrown away and built from the record.
    Rebuilt(String),
}

/// What one catch-up did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refreshed {
    /// Meetings (re-)indexed: new, or their chain head moved.
    pub indexed: usize,
    /// Meetings no longer in the store, dropped from the index.
    pub removed: usize,
    /// Meetings whose record could not be read (damaged): left as they were indexed, if at all.
    pub unreadable: usize,
}

/// The searchable archive: the index and what it was made from.
pub struct Archive {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    stamp: Stamp,
    /// Meetings whose record could not be read at this head: not tried again until it moves.
    unreadable: HashMap<MeetingId, String>,
    opened: Opened,
}

impl Archive {
    /// Opens the index of the store's data directory — building it when missing, of another
    /// format or damaged — and catches it up with the record.
    pub fn open(store: &Store) -> Result<Archive, SearchError> {
        let dir = store.dir().join(DIR);
        let existed = dir.exists();
        // A damaged file may make tantivy panic rather than fail: either way, it is rebuilt.
        let found = catch_unwind(|| Archive::open_existing(&dir))
            .unwrap_or_else(|_| Err("the index could not be read (a panic while opening it)".into()));
        let kept = match found.and_then(|(index, stamp)| Archive::with(dir.clone(), index, stamp, Opened::Kept).map_err(|e| e.to_string())) {
            Ok(kept) => kept,
            Err(why) => return Archive::fresh(store, dir, if existed { Opened::Rebuilt(why) } else { Opened::Created }),
        };
        // What the checksums cannot see (a file tantivy fails on while writing) also means anew;
        // the kept index is dropped (its files unmapped) before its folder is removed.
        let caught_up = catch_unwind(AssertUnwindSafe(move || {
            let mut kept = kept;
            kept.refresh(store).map(|_| kept)
        }));
        match caught_up {
            Ok(Ok(archive)) => Ok(archive),
            Ok(Err(SearchError::Index(why))) => Archive::fresh(store, dir, Opened::Rebuilt(why)),
            Ok(Err(e)) => Err(e),
            Err(_) => Archive::fresh(store, dir, Opened::Rebuilt("a panic while catching the index up".into())),
        }
    }

    /// An empty index in place of whatever was in `dir`, built from the record.
    fn fresh(store: &Store, dir: PathBuf, opened: Opened) -> Result<Archive, SearchError> {
        match std::fs::remove_dir_all(&dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
        let index = index::create(&dir.join(INDEX_DIR))?;
        let stamp = Stamp::new();
        stamp.save(&dir)?;
        let mut archive = Archive::with(dir, index, stamp, opened)?;
        archive.refresh(store)?;
        Ok(archive)
    }

    fn with(dir: PathBuf, index: Index, stamp: Stamp, opened: Opened) -> Result<Archive, SearchError> {
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(Archive { dir, index, reader, fields: index::schema().1, stamp, unreadable: HashMap::new(), opened })
    }

    fn open_existing(dir: &Path) -> Result<(Index, Stamp), String> {
        if !dir.exists() {
            return Err("no index yet".into());
        }
        let stamp = Stamp::load(dir)?;
        let index = index::open(&dir.join(INDEX_DIR))?;
        let committed = index.load_metas().map_err(|e| e.to_string())?.opstamp;
        if committed != stamp.opstamp {
            return Err(format!("the stamp is of commit {}, the index of commit {committed}", stamp.opstamp));
        }
        Ok((index, stamp))
    }

    /// How the index was found when the archive opened.
    pub fn opened(&self) -> &Opened {
        &self.opened
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How many meetings are indexed.
    pub fn len(&self) -> usize {
        self.stamp.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stamp.heads.is_empty()
    }

    /// Brings the index in line with the record: meetings whose chain head is not the one
    /// indexed are indexed again, meetings gone are dropped. With nothing changed it only reads
    /// the store's list (`Store::list`) and writes nothing.
    pub fn refresh(&mut self, store: &Store) -> Result<Refreshed, SearchError> {
        let list = store.list()?;
        let changed: Vec<&MeetingSummary> = list
            .iter()
            .filter(|s| {
                self.stamp.heads.get(&s.id) != Some(&s.head) && self.unreadable.get(&s.id) != Some(&s.head)
            })
            .collect();
        let here: std::collections::HashSet<MeetingId> = list.iter().map(|s| s.id).collect();
        let removed: Vec<MeetingId> = self.stamp.heads.keys().filter(|id| !here.contains(id)).copied().collect();
        let mut done = Refreshed::default();
        if changed.is_empty() && removed.is_empty() {
            return Ok(done);
        }
        // Two indexing threads for a whole archive; one (the least memory) for a few meetings.
        let threads = if changed.len() > 200 { 2 } else { 1 };
        let mut writer: IndexWriter = self.index.writer_with_num_threads(threads, threads * 24_000_000)?;
        let mut heads = self.stamp.heads.clone();
        for id in removed {
            writer.delete_term(index::meeting_term(&self.fields, id));
            heads.remove(&id);
            done.removed += 1;
        }
        for s in changed {
            match source::read(store, s) {
                Ok((meeting, head)) => {
                    writer.delete_term(index::meeting_term(&self.fields, s.id));
                    writer.add_document(index::document(&self.fields, &meeting))?;
                    heads.insert(s.id, head);
                    self.unreadable.remove(&s.id);
                    done.indexed += 1;
                }
                // A damaged record is `doctor`'s business; what was indexed of it stays.
                Err(_) => {
                    self.unreadable.insert(s.id, s.head.clone());
                    done.unreadable += 1;
                }
            }
        }
        if done.indexed + done.removed == 0 {
            return Ok(done);
        }
        let opstamp = writer.commit()?;
        writer.wait_merging_threads()?;
        self.stamp = Stamp { heads, opstamp, ..Stamp::new() };
        self.stamp.save(&self.dir)?;
        self.reader.reload()?;
        Ok(done)
    }

    /// The meetings matching every word of `text` (words: split at spaces and punctuation; a
    /// word of several characters matches only as written), best first, at most `limit`.
    /// Nothing found is an empty list; an empty query is an error naming the field.
    pub fn query(&self, text: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        if text.trim().is_empty() {
            return Err(SearchError::EmptyQuery);
        }
        if limit == 0 || limit > MAX_LIMIT {
            return Err(SearchError::Limit(limit));
        }
        let words = tokenizer::query_words(text);
        if words.is_empty() {
            return Err(SearchError::NothingToFind(text.trim().to_string()));
        }
        catch_unwind(AssertUnwindSafe(|| self.run(&words, limit)))
            .unwrap_or_else(|_| Err(SearchError::Index("the index could not be read (a panic while searching)".into())))
    }

    /// How many meetings match every word of `text` (all of them, not only the best).
    pub fn count(&self, text: &str) -> Result<usize, SearchError> {
        let words = tokenizer::query_words(text);
        if words.is_empty() {
            return Err(if text.trim().is_empty() { SearchError::EmptyQuery } else { SearchError::NothingToFind(text.trim().into()) });
        }
        Ok(self.reader.searcher().search(&self.query_of(&words), &tantivy::collector::Count)?)
    }

    /// Every word must be found (in any field); each field's match weighs by its boost.
    fn query_of(&self, words: &[tokenizer::Word]) -> BooleanQuery {
        let per_word: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| {
                let fields: Vec<(Occur, Box<dyn Query>)> = Field::ALL
                    .into_iter()
                    .map(|f| {
                        let q = word_query(self.fields.of(f), w);
                        (Occur::Should, Box::new(BoostQuery::new(q, f.boost())) as Box<dyn Query>)
                    })
                    .collect();
                (Occur::Must, Box::new(BooleanQuery::new(fields)) as Box<dyn Query>)
            })
            .collect();
        BooleanQuery::new(per_word)
    }

    fn run(&self, words: &[tokenizer::Word], limit: usize) -> Result<Vec<Hit>, SearchError> {
        let query = self.query_of(words);
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            hits.push(self.hit(&doc, words, score)?);
        }
        // Equal scores (the same words in the same fields): the later meeting first.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.scheduled_at.cmp(&a.scheduled_at)));
        Ok(hits)
    }

    fn hit(&self, doc: &TantivyDocument, words: &[tokenizer::Word], score: f32) -> Result<Hit, SearchError> {
        let text = |f: tantivy::schema::Field| doc.get_first(f).and_then(|v| v.as_str().map(str::to_string));
        let bad = || SearchError::Index("a document of the index lacks its meeting".into());
        let meeting: MeetingId = text(self.fields.meeting).and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let about: About = text(self.fields.about).and_then(|s| serde_json::from_str(&s).ok()).ok_or_else(bad)?;
        let passages: Vec<(Field, String)> = Field::ALL
            .into_iter()
            .flat_map(|f| {
                doc.get_all(self.fields.of(f)).filter_map(move |v| v.as_str().map(|s| (f, s.to_string())))
            })
            .collect();
        let (field, snippet) = hit::best_passage(&passages, words);
        Ok(Hit {
            meeting,
            title: about.title,
            scheduled_at: about.scheduled_at,
            level: about.level,
            form: about.form,
            field,
            snippet,
            score,
        })
    }
}

/// One word in one field: its single term, or the phrase of its terms at their offsets.
fn word_query(field: tantivy::schema::Field, word: &tokenizer::Word) -> Box<dyn Query> {
    let terms: Vec<(usize, Term)> =
        word.terms.iter().map(|(off, t)| (*off, Term::from_field_text(field, t))).collect();
    match terms.as_slice() {
        [(_, one)] => Box::new(TermQuery::new(one.clone(), IndexRecordOption::WithFreqs)),
        _ => Box::new(PhraseQuery::new_with_offset(terms)),
    }
}
