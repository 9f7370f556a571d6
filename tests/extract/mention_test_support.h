// What the tests of the entity rules share: a mention placed at the first occurrence of
// its words, the committed POS tagger, and mentions written "text/TYPE" for comparing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/test_paths.h"
#include "core/analysis.h"
#include "nlp/pos_tagger.h"

namespace storyline::testing {

inline EntityMention Mention(const std::string& text, const std::string& words, std::string type) {
  EntityMention mention;
  const auto at = static_cast<uint32_t>(text.find(words));
  mention.span = {at, at + static_cast<uint32_t>(words.size())};
  mention.text = words;
  mention.type = std::move(type);
  return mention;
}

// Loaded once per test binary.
inline const PosTagger& CommittedTagger() {
  static const PosTagger tagger = PosTagger::Load(
      std::filesystem::path(storyline::test_paths::SourceDir()) / "models" / "pos.model");
  return tagger;
}

inline std::vector<std::string> TextsAndTypes(const std::vector<EntityMention>& mentions) {
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) out.push_back(m.text + "/" + m.type);
  return out;
}

}  // namespace storyline::testing
