#include "extract/entities/product_names.h"

#include <array>
#include <set>
#include <string>

#include "extract/entities/mention_edits.h"
#include "extract/entities/name_parts.h"

namespace storyline {
namespace {

constexpr std::array<std::string_view, 6> kTierWords = {"Pro",   "Max",  "Mini",
                                                        "Ultra", "Lite", "XL"};

bool IsCompanyOrPerson(const EntityMention& m) { return m.type == "ORG" || m.type == "PERSON"; }

// "16-inch " (or "13-in. ", "15.6-inch ") ends right before byte `start`.
bool FollowsASize(std::string_view text, size_t start) {
  for (std::string_view unit : {std::string_view("-inch "), std::string_view("-in. ")}) {
    if (start < unit.size() + 1 || text.substr(start - unit.size(), unit.size()) != unit) continue;
    const char digit = text[start - unit.size() - 1];
    if (digit >= '0' && digit <= '9') return true;
  }
  return false;
}

}  // namespace

void DropProductNames(std::string_view text, std::vector<EntityMention>& mentions) {
  std::set<std::string, std::less<>> products;  // the names and their lines of products
  for (const EntityMention& m : mentions) {
    if (!IsCompanyOrPerson(m) || m.span.end > text.size()) continue;
    const std::vector<std::string_view> words = SplitNameWords(m.text);
    if (words.empty()) continue;
    const bool tiered = words.size() >= 2 && InWordList(kTierWords, words.back());
    if (!tiered && !FollowsASize(text, m.span.start)) continue;
    products.insert(m.text);
    if (tiered) {
      products.insert(JoinNameWords({words.begin(), words.end() - 1}));
    }
  }
  if (products.empty()) return;
  std::erase_if(mentions, [&](const EntityMention& m) {
    return IsCompanyOrPerson(m) && products.contains(m.text);
  });
}

}  // namespace storyline
