// Storms are named like people ("Hurricane Katrina", "Typhoon Haiyan", "Tropical Storm
// Maria") and the recognizer reads the name after the storm word as a person or a place;
// a storm is none of PERSON, ORG or PLACE. A name written once right after a storm word
// ("Hurricane", "Typhoon", "Cyclone", "Storm", "Superstorm") is the storm all through
// the article ("Katrina flooded New Orleans"), so every mention written the same way is
// dropped, whether or not the recognizer tagged the one after the storm word. A mention that
// reaches before the storm word ("Hurricane Katrina Relief Fund") is a name of its own and stays.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace storyline {

// `mentions` in text order; kept in text order.
void DropStormNames(std::string_view text, std::vector<EntityMention>& mentions);

}  // namespace storyline
