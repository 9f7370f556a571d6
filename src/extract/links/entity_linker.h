// Gives every mention of one real-world entity within an article the same id, and that
// entity a canonical name: "President Joe Biden", "Biden" and "Joe Biden" -> "Joe Biden",
// id "joe-biden". Titles and roles before a person's name ("U.S. President",
// "Secretary of State") are stripped from the name and kept as the mention's title.
// An acronym takes its expansion's id when the article shows both ("Israel Defense
// Forces (IDF)", or initials that match a longer name of the same type).
//
// Ids are slugs of canonical names, so the same name in two articles gets the same id
// without any shared state; a surname alone links to the full name only when the article
// (or, in the store, the corpus) names the person in full.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace storyline {

// "Joe Biden" -> "joe-biden"; "Ḥamās" -> "hamas"-like ASCII folding of Latin letters.
std::string EntitySlug(std::string_view name);

// Sets `entity` (and, for people with a title before their name, `title`) on every
// mention; may narrow a PERSON mention's span to drop a leading title, and drops mentions
// that are only a role ("Sheriff", "County Sheriff", "Police"): no one's name.
void LinkEntitiesInArticle(std::string_view text, std::vector<EntityMention>& mentions);

}  // namespace storyline
