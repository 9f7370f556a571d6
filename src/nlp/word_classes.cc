#include "nlp/word_classes.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <stdexcept>
#include <string>

#include "nlp/averaged_perceptron.h"

namespace storyline {

WordClasses WordClasses::Load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot open word classes");
  WordClasses classes;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const std::string_view rest(line);
    const size_t tab = rest.find('\t');
    std::array<uint16_t, kGranularities> clusters{};
    bool ok = tab != 0 && tab != std::string_view::npos;
    const char* p = ok ? line.data() + tab : line.data();  // never past the end
    const char* end = line.data() + line.size();
    for (int g = 0; ok && g < kGranularities; ++g) {
      ok = p < end && *p == '\t';
      if (!ok) break;
      const auto [next, error] = std::from_chars(p + 1, end, clusters[g]);
      ok = error == std::errc() && next != p + 1 && clusters[g] < UINT16_MAX;
      p = next;
    }
    if (!ok || p != end) {
      throw std::runtime_error(path.string() + ":" + std::to_string(number) +
                               ": expected word<TAB>c64<TAB>c256<TAB>c1024");
    }
    classes.Add(rest.substr(0, tab), clusters);
  }
  if (classes.size() == 0) throw std::runtime_error(path.string() + ": no word classes");
  return classes;
}

void WordClasses::Add(std::string_view word, const std::array<uint16_t, kGranularities>& clusters) {
  if (2 * (size_ + 1) > slots_.size()) Grow();
  const uint64_t key = FeatureHash(word);
  size_t i = key & mask_;
  while (slots_[i].ids[0] != 0 && slots_[i].key != key) i = (i + 1) & mask_;
  size_ += slots_[i].ids[0] == 0;
  slots_[i].key = key;
  for (int g = 0; g < kGranularities; ++g) slots_[i].ids[g] = uint16_t(clusters[g] + 1);
}

void WordClasses::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(1024, 2 * old.size()), Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.ids[0] == 0) continue;
    size_t i = slot.key & mask_;
    while (slots_[i].ids[0] != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

}  // namespace storyline
