// Speaker names: the canonical form of a name within one article, and the id slug
// that stands for a speaker entity until the entity linker supplies real ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// The id of a speaker entity: "Antony Blinken" -> "antony-blinken". The one place
// quote speakers get ids from.
std::string SpeakerEntityId(std::string_view canonical_name);

// The words of a name without the titles and offices in front of it and a final
// possessive: "Secretary of State Antony Blinken" -> {"Antony", "Blinken"},
// "U.S. President Joe Biden's" -> {"Joe", "Biden"}. A name that is nothing but
// title words ("Prime Minister") keeps them all.
std::vector<std::string_view> NameWords(std::string_view name);

// The fullest form among `article_names` of the name `name`: the longest one whose
// words (after NameWords) end with the same word and contain every word of `name`
// ("Blinken" -> "Antony Blinken"), when every such form belongs to that one ("Davis"
// with "Frederick Davis" and "Mariah Davis" has none). Nothing when no fuller form is
// there.
std::optional<std::string> FullerName(std::string_view name,
                                      const std::vector<std::string_view>& article_names);

// FullerName, else NameWords(name) joined by spaces.
std::string CanonicalName(std::string_view name,
                          const std::vector<std::string_view>& article_names);

}  // namespace storyline
