// Companies and brands the recognizer reads as people ("Audi", "Nissan North America"):
// their names are short and capitalized like surnames, and a brand is often also a first
// name. The article itself usually gives the company away somewhere; one strong sign
// anywhere retypes every PERSON mention written the same way as an ORG (one name, one
// reading, by the strongest evidence):
//   - a corporate suffix right after the name: "Nissan North America Inc.", "Acme Corp.",
//     "Foo Ltd" (the name itself is then an ORG whatever it was read as, "at Nissan North
//     America Inc." read as a place too; and a "person" starting with its first word is
//     the company or a piece of its name: "Nissan", "Nissan Sales"). A mention after
//     another capitalized word ("Sierra Nevada Corp." read as "Nevada") is a piece of
//     the company's name, and is dropped;
//   - a model year right before it after a determiner ("the 2020 Audi e-tron"), when the
//     article also has it speak ("Audi says", "Audi has revealed"). A model year alone
//     says a car's model or its maker ("the 2020 Sentra gets"): such "people" are dropped.
//   - a company's possession right after it: "Audi's CEO", "Tesla's shareholders"
//     (CEO, founder, headquarters, subsidiary, app, shareholders, IPO).
// A name the article gives a person's title ("Mr. Ford") or writes as the surname of a
// person named in full ("Bill Ford ... Ford") stays a person: the evidence then reads
// another sense of the name ("Ford Motor Co."). A handle or a tag ("@MattBevin") is left
// alone, its spelling whatever it is.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace storyline {

// `mentions` in text order; types change and pieces go, nothing is added.
void RetypeCompaniesReadAsPeople(std::string_view text, std::vector<EntityMention>& mentions);

}  // namespace storyline
