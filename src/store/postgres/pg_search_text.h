// What the PostgreSQL store indexes and searches for, in the words SQLite's full-text
// index sees (tokenizer `porter unicode61 remove_diacritics 2`): PostgreSQL's own text
// parser keeps "cease-fire", "U.S." and "example.com" as tokens of their own, so the
// store hands it text whose punctuation is already spaces, and turns the query parser's
// FTS5 query (store/search_query.h) into the same search as a tsquery.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// `text` with every punctuation mark, symbol and space character (ASCII and the common
// Unicode blocks) as a space, and accented Latin-1 letters as their base letters
// ("café" -> "cafe"), as SQLite's tokenizer separates and folds them. Letters, digits
// and other characters pass through.
std::string SearchableText(std::string_view text);

// The index term of one word of SearchableText: lower case, stemmed by Snowball English
// (the stemmer of PostgreSQL's `english` configuration). The store makes the terms
// itself, for the text and for the query alike, so they always agree, and the server
// does not run its text parser and dictionary over every article (what made ingest slow).
std::string Lexeme(std::string_view word);

// The tsvector literal of `text`'s words (SearchableText), positions from 1, each
// position of weight `weight` ('A' to 'D'), within PostgreSQL's limits (positions up to
// 16383, 256 per term, terms shorter than 2 KiB).
std::string TsVectorLiteral(std::string_view text, char weight);

// The tsquery literal that finds what `fts5_query`, as ToFts5Query writes it, finds in
// SQLite: phrases as <-> chains of Lexeme terms, prefixes as :*, AND, OR and NOT as &, |
// and & !. Nullopt when it can match nothing (a phrase of no words).
std::optional<std::string> ToTsQuery(std::string_view fts5_query);

// Up to `max_words` words of `text` around the most words a query (ToTsQuery's literal)
// names, those words in [ ], "…" where the text goes on, as SQLite's snippet() shows them;
// empty when no word of `text` matches. Made here because PostgreSQL's ts_headline reads
// the text with its own parser, which takes "U.S." for a file name and marks nothing.
std::string Snippet(std::string_view text, std::string_view tsquery, size_t max_words = 24);

}  // namespace storyline
