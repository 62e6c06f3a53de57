//! Why a search did not run, in both languages; bad input names its field.

use super::MAX_LIMIT;
use crate::i18n::Locale;
use crate::store::StoreError;

/// Bad input names its field (`query`, `limit`); the UI branches on `code`.
#[derive(Debug)]
pub enum SearchError {
    EmptyQuery,
    NothingToFind(String),
    Limit(usize),
    Store(StoreError),
    Index(String),
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SearchError::Store(e) => write!(f, "{e}"),
            _ => write!(f, "{} / {}", self.message(Locale::Zh), self.message(Locale::En)),
        }
    }
}

impl std::error::Error for SearchError {}

impl From<StoreError> for SearchError {
    fn from(e: StoreError) -> Self {
        SearchError::Store(e)
    }
}

impl SearchError {
    /// What the UI branches on.
    pub fn code(&self) -> &'static str {
        match self {
            SearchError::EmptyQuery => "search_query_empty",
            SearchError::NothingToFind(_) => "search_query_nothing",
            SearchError::Limit(_) => "search_limit",
            SearchError::Store(_) => "store_error",
            SearchError::Index(_) => "search_index",
        }
    }

    pub fn message(&self, l: Locale) -> String {
        let zh = l == Locale::Zh;
        match self {
            SearchError::EmptyQuery if zh => "搜索内容（query）为空：请输入要查找的字词".into(),
            SearchError::EmptyQuery => "the search text (query) is empty: type a word to look for".into(),
            SearchError::NothingToFind(q) if zh => format!("搜索内容（query）“{q}”中没有可查找的汉字、字母或数字"),
            SearchError::NothingToFind(q) => format!("the search text (query) \"{q}\" has no character, letter or digit to look for"),
            SearchError::Limit(n) if zh => format!("结果条数（limit）须在 1 到 {MAX_LIMIT} 之间，收到 {n}"),
            SearchError::Limit(n) => format!("the number of results (limit) must be 1 to {MAX_LIMIT}, got {n}"),
            // The store's messages carry both languages already.
            SearchError::Store(e) => e.to_string(),
            SearchError::Index(e) if zh => format!("搜索索引错误：{e}"),
            SearchError::Index(e) => format!("search index error: {e}"),
        }
    }
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Index(e.to_string())
    }
}

impl From<std::io::Error> for SearchError {
    fn from(e: std::io::Error) -> Self {
        SearchError::Index(e.to_string())
    }
}
