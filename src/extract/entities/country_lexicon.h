// Words that stand for a country, from the tables in models/: its other names
// (entity_aliases.tsv: "U.S." -> "United States"), its demonyms (demonyms.tsv: "Israeli"
// -> "Israel") and its capital (capitals.tsv: "Washington" -> "United States"). The two
// last are built from the world-countries data package by scripts/build-country-words.py;
// country names are the alias table's canonical ones, so a word's country has the same
// entity id as the country's own mentions.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "extract/links/entity_aliases.h"

namespace storyline {

class CountryLexicon {
 public:
  CountryLexicon() = default;
  CountryLexicon(EntityAliases names, EntityAliases demonyms, EntityAliases capitals);

  // Reads the three tables from `models_dir`; throws std::runtime_error as
  // EntityAliases::Load does.
  static CountryLexicon Load(const std::filesystem::path& models_dir);

  // The country a demonym names, in the singular or plural ("Israeli", "Israelis").
  std::optional<std::string_view> CountryOfDemonym(std::string_view word) const;

  // The country another name of it stands for ("U.S.", "Britain"); nullopt for the
  // canonical name itself, which needs no lookup.
  std::optional<std::string_view> CountryOfAlias(std::string_view name) const;

  // The sovereign state whose capital `name` is ("Washington" -> "United States").
  std::optional<std::string_view> CountryOfCapital(std::string_view name) const;

 private:
  EntityAliases names_;
  EntityAliases demonyms_;
  EntityAliases capitals_;
};

}  // namespace storyline
