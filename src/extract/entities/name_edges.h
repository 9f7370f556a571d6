// Repairs of the recognizer's spans at their edges, before any rule reads them. The
// tagger labels word by word, and on unseen news it sometimes runs a name into the
// connective after it or stops inside a longer name:
//   - A name never ends in a connective ("and", "or", "of", "for", "&", ...): "the Sabres
//     and Linus Ullmark" gives "Sabres". When the word after a connective other than
//     "and"/"or" is capitalized, the tagger stopped inside a longer name ("House of |
//     Representatives Speaker"), and the piece is dropped rather than offered as a name
//     of its own.
//   - Nor does a name start with one ("and Thomas" gives "Thomas").
//   - Two people joined by "and" or "&" ("Noel and Thomas were the officers") are two
//     people. Organizations ("Procter & Gamble") and places ("Bosnia and Herzegovina")
//     keep their connectives.
//   - A name is not run into the weekday after it ("shot in Waterbury Saturday"), does
//     not start with a possessive ("Department['s Homicide] Unit": a piece glued to the
//     name before it), and is not a street's type word alone ("709 Gordon Smith
//     [Boulevard]", the rest missed).
//   - A "person" named for a local government's area ("Henry County Prosecutor") is the
//     place.
//   - A person's name holds no number: "Artemis 2", "iPhone 11" and "Apollo 13" name
//     things, and are dropped rather than typed by guess. Nor is a model or a code an
//     organization: "Boeing 787", "Airbus A380", "MS08-078", "Q2" (a number of three or
//     four digits, or a code of three digits, ends them; "Local 1199" and "Highway 101"
//     keep theirs). A rank ("the No. 5 seed") is no name at all.
//   - An institution's head word alone after a possessive ("Children's [Hospital]", "the
//     State's Attorney's [Office]") is a piece of the name the recognizer cut, dropped;
//     a company's suffix alone ("Walt Disney [Co.]") joins the name one space before
//     it, which is then an ORG, stays after a comma and a name ("Acme Corporation,
//     Inc."), and goes when no name comes before it.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "text/token.h"

namespace storyline {

// `mentions` in text order, as the recognizer gives them; kept in text order.
void RepairNameEdges(std::string_view text, const TokenizedText& tokens,
                     std::vector<EntityMention>& mentions);

}  // namespace storyline
