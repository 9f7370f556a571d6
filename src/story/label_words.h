// Words for story labels: how a label surface splits into the words the story features
// count, and which words no label should show in any language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// The words of `surface`, lower-cased, split where the story features split them
// ("Hong Kong" -> "hong", "kong"; "O'Brien" -> "o", "brien").
std::vector<std::string> LabelWords(std::string_view surface);

// True for a function word (article, pronoun, preposition, conjunction, auxiliary) of
// English, German, French, Spanish, Italian, Portuguese or Dutch, lower-cased: articles
// in those languages are read with English features, so "der", "les" or "los" would
// otherwise pass for names and content words.
bool IsStopwordInAnyLanguage(std::string_view lower);

}  // namespace storyline
