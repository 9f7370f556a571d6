// Other names of one place or international organization, mapped to the name the engine
// uses for it: "U.S.", "USA", "America" and "United States of America" -> "United
// States"; "Britain", "UK" -> "United Kingdom"; "Russian Federation" -> "Russia"; "U.N."
// -> "United Nations"; "EU" -> "European Union". Country names are
// models/entity_aliases.tsv, built from Debian iso-codes by
// scripts/build-entity-aliases.py; organizations are models/organization_aliases.tsv, a
// short hand list (see its header).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace storyline {

class EntityAliases {
 public:
  EntityAliases() = default;

  // Reads `alias<TAB>canonical` lines ('#' starts a comment line). Throws
  // std::runtime_error naming the file and line when it cannot be read or a line is bad.
  static EntityAliases Load(const std::filesystem::path& path);

  // The tables the entity linkers read from `models_dir`: entity_aliases.tsv (countries)
  // and organization_aliases.tsv. Throws as Load does.
  static EntityAliases LoadNames(const std::filesystem::path& models_dir);

  // Adds one alias; a later alias with the same spelling replaces the earlier one.
  void Add(std::string_view alias, std::string_view canonical);

  // The canonical name for `name`, matched case-sensitively, with or without the dots of
  // an abbreviation ("U.S." and "US" alike); nullopt when `name` is no known alias.
  std::optional<std::string_view> Canonical(std::string_view name) const;

  // Whether `name` is the canonical name of some alias ("United States", "United
  // Nations"), matched exactly.
  bool IsCanonicalName(std::string_view name) const {
    return canonical_names_.contains(std::string(name));
  }

  size_t size() const { return canonical_.size(); }

 private:
  void AddTable(const std::filesystem::path& path);

  std::unordered_map<std::string, std::string> canonical_;  // alias without dots -> name
  std::unordered_set<std::string> canonical_names_;         // the names aliases map to
};

}  // namespace storyline
