#include "extract/entities/country_lexicon.h"

namespace storyline {

CountryLexicon::CountryLexicon(EntityAliases names, EntityAliases demonyms, EntityAliases capitals)
    : names_(std::move(names)), demonyms_(std::move(demonyms)), capitals_(std::move(capitals)) {}

CountryLexicon CountryLexicon::Load(const std::filesystem::path& models_dir) {
  return CountryLexicon(EntityAliases::Load(models_dir / "entity_aliases.tsv"),
                        EntityAliases::Load(models_dir / "demonyms.tsv"),
                        EntityAliases::Load(models_dir / "capitals.tsv"));
}

std::optional<std::string_view> CountryLexicon::CountryOfDemonym(std::string_view word) const {
  if (const auto country = demonyms_.Canonical(word)) return country;
  if (word.size() > 1 && word.back() == 's')
    return demonyms_.Canonical(word.substr(0, word.size() - 1));
  return std::nullopt;
}

std::optional<std::string_view> CountryLexicon::CountryOfAlias(std::string_view name) const {
  return names_.Canonical(name);
}

std::optional<std::string_view> CountryLexicon::CountryOfCapital(std::string_view name) const {
  return capitals_.Canonical(name);
}

}  // namespace storyline
