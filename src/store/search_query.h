// Reads a search query the way people type it into a news search box and writes it as an
// FTS5 query for the full-text index (tokenizer `porter unicode61`, which splits words at
// every punctuation mark).
//
//   cease-fire  U.S.  AT&T  Biden's  $9  3-year-old  50%  9:30  #tag  @handle
//       punctuation inside a word is text: each becomes the phrase of its parts
//       ("cease fire", "u s", "at t"), so it finds the words as written.
//   "a phrase"  the words in this order; a quote left open is closed at the end.
//   a OR b      either; AND is implied between the other terms.
//   -word       articles without it ("-" before a phrase too); NOT needs a positive term.
//   prefix*     words starting so.
//
// Spelling variants meet: a hyphenated compound also matches its closed form
// (`cease-fire` and `e-mail` find "ceasefire" and "email"), and a closed compound also
// matches the open one where the index holds it (`ceasefire` finds "cease-fire" and "cease
// fire"): the caller says which two-word phrases occur.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace storyline {

// Whether the phrase of these two words occurs in the index.
using PhraseOccurs = std::function<bool(std::string_view first, std::string_view second)>;

// The FTS5 query for `query`. Throws SearchQueryError (store/store.h) with one plain
// sentence saying how to write a query when it holds no word to search for.
std::string ToFts5Query(std::string_view query, const PhraseOccurs& phrase_occurs);

}  // namespace storyline
