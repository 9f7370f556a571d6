#include "extract/article_analyzer.h"

#include <cstdlib>

#include "extract/country_lexicon.h"
#include "extract/datelines.h"
#include "extract/defined_acronyms.h"
#include "extract/demonyms.h"
#include "extract/descriptor_organizations.h"
#include "extract/entity_linker.h"
#include "extract/entity_senses.h"
#include "extract/entity_type_rules.h"
#include "extract/event_finder.h"
#include "extract/mention_propagation.h"
#include "extract/name_particles.h"
#include "extract/news_outlets.h"
#include "extract/organization_heads.h"
#include "extract/photo_credits.h"
#include "extract/place_contexts.h"
#include "extract/quantity_finder.h"
#include "extract/quote_finder.h"
#include "extract/role_named_people.h"
#include "extract/speaker_names.h"
#include "extract/time_expression_finder.h"
#include "nlp/entity_recognizer.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {

// Every model the pipeline loads, shared read-only by all threads.
struct ArticleAnalyzer::Models {
  Tokenizer tokenizer;
  PosTagger tagger;
  EntityRecognizer entity_recognizer;
  CountryLexicon countries;
  NewsOutletLexicon news_outlets;
};

// The dependency parser (models/parser.model) is not loaded yet: no extractor relies on
// it so far, and it would cost more than the rest of the pipeline together.
ArticleAnalyzer::ArticleAnalyzer(const std::filesystem::path& models_dir)
    : models_(std::make_unique<Models>(
          Models{Tokenizer(), PosTagger::Load(models_dir / "pos.model"),
                 EntityRecognizer::Load(models_dir), CountryLexicon::Load(models_dir),
                 NewsOutletLexicon::Load(models_dir)})) {}

ArticleAnalyzer::~ArticleAnalyzer() = default;

Analysis ArticleAnalyzer::Analyze(const Article& article) const {
  Analysis analysis;
  if (article.language != "en") return analysis;
  const std::string_view text = article.text;
  const TokenizedText tokens = models_->tokenizer.Tokenize(text);
  std::vector<PosTag> tags;
  models_->tagger.Tag(text, tokens, tags);
  analysis.entities = models_->entity_recognizer.Recognize(text, tokens);
  const Gazetteer& gazetteer = models_->entity_recognizer.gazetteer();
  ApplyEntityTypeRules(text, tokens, analysis.entities);
  TagDatelines(text, tokens, gazetteer, analysis.entities);
  TagPhotoCredits(text, tokens, analysis.entities);
  TagNewsOutlets(text, tokens, models_->news_outlets, article.source, analysis.entities);
  JoinOrganizationNames(text, tokens, tags, analysis.entities);
  TagDescriptorOrganizations(text, tokens, tags, gazetteer, analysis.entities);
  TagRoleNamedPeople(text, tokens, tags, analysis.entities);
  JoinNameParticles(text, tokens, tags, analysis.entities);
  TagPlacesInContext(text, tokens, gazetteer, analysis.entities);
  TagSpeakerNames(text, tokens, tags, gazetteer, analysis.entities);
  TagDefinedAcronyms(text, tokens, analysis.entities);
  PropagateMentions(text, tokens, analysis.entities);
  LinkEntitiesInArticle(text, analysis.entities);
  ApplyDemonyms(text, tokens, tags, models_->countries, analysis.entities);
  ResolveCapitalSenses(text, tokens, tags, models_->countries, analysis.entities);
  analysis.times = FindTimeExpressions(text, article.published);
  analysis.quantities = FindQuantities(text, tokens, tags, analysis.times);
  // Quotes run on their word cues alone: with the tagger's tags, descriptor speakers
  // ("a senior administration official") were lost on the seeds; see quote_finder.h.
  analysis.quotes = FindQuotes(text, tokens, {}, {}, analysis.entities);
  analysis.events =
      FindEvents(text, tokens, tags, analysis.entities, analysis.times, analysis.quotes);
  return analysis;
}

std::filesystem::path DefaultModelsDir() {
  if (const char* dir = std::getenv("STORYLINE_MODELS"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return std::filesystem::path(STORYLINE_SOURCE_DIR) / "models";
}

}  // namespace storyline
