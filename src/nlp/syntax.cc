#include "nlp/syntax.h"

#include <algorithm>
#include <iterator>

namespace storyline {
namespace {

template <size_t N>
int IndexIn(const std::string_view (&table)[N], std::string_view name) {
  const auto* it = std::find(std::begin(table), std::end(table), name);
  return it == std::end(table) ? -1 : int(it - std::begin(table));
}

}  // namespace

int UposIndex(std::string_view tag) { return IndexIn(kUposTags, tag); }
int XposIndex(std::string_view tag) { return IndexIn(kXposTags, tag); }
int DeprelIndex(std::string_view label) { return IndexIn(kDeprels, label); }

}  // namespace storyline
