#include "extract/links/entity_aliases.h"

#include <fstream>
#include <stdexcept>

namespace storyline {
namespace {

std::string WithoutDots(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c != '.') out += c;
  }
  return out;
}

}  // namespace

EntityAliases EntityAliases::Load(const std::filesystem::path& path) {
  EntityAliases aliases;
  aliases.AddTable(path);
  return aliases;
}

EntityAliases EntityAliases::LoadNames(const std::filesystem::path& models_dir) {
  EntityAliases aliases;
  aliases.AddTable(models_dir / "entity_aliases.tsv");
  aliases.AddTable(models_dir / "organization_aliases.tsv");
  return aliases;
}

void EntityAliases::AddTable(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot open entity alias table");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string::npos || tab + 1 == line.size() ||
        line.find('\t', tab + 1) != std::string::npos) {
      throw std::runtime_error(path.string() + ":" + std::to_string(number) +
                               ": expected 'alias<TAB>canonical name'");
    }
    Add(std::string_view(line).substr(0, tab), std::string_view(line).substr(tab + 1));
  }
}

void EntityAliases::Add(std::string_view alias, std::string_view canonical) {
  canonical_[WithoutDots(alias)] = std::string(canonical);
  canonical_names_.insert(std::string(canonical));
}

std::optional<std::string_view> EntityAliases::Canonical(std::string_view name) const {
  const auto it = canonical_.find(WithoutDots(name));
  if (it == canonical_.end()) return std::nullopt;
  return std::string_view(it->second);
}

}  // namespace storyline
