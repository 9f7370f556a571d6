// Products are named like companies ("MacBook Pro", "Mac Pro", "Mavic Mini", "Radeon
// Pro") and the recognizer types them ORG or PERSON; a product is none of PERSON, ORG or
// PLACE. Two signs in the name give one away:
//   - a tier word ends it: "Pro", "Max", "Mini", "Ultra", "Lite", "XL" (no company is
//     named so; "Air" and "Plus" are left out, as airlines and broadcasters end in them:
//     "Norwegian Air", "Canal Plus");
//   - a screen or wheel size comes right before it: "the 16-inch MacBook".
// Such an ORG or PERSON mention is dropped, and so is every ORG or PERSON mention of the
// product's name without its tier word ("MacBook" beside "MacBook Pro"): the line of
// products, no company either.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace storyline {

// `mentions` in text order; kept in text order, some dropped.
void DropProductNames(std::string_view text, std::vector<EntityMention>& mentions);

}  // namespace storyline
