#include "extract/article_analyzer.h"

#include <cstdlib>

#include "extract/entities/company_evidence.h"
#include "extract/entities/contradicted_people.h"
#include "extract/entities/country_lexicon.h"
#include "extract/entities/datelines.h"
#include "extract/entities/defined_acronyms.h"
#include "extract/entities/demonyms.h"
#include "extract/entities/descriptor_organizations.h"
#include "extract/entities/entity_senses.h"
#include "extract/entities/entity_type_rules.h"
#include "extract/entities/entity_type_votes.h"
#include "extract/entities/mention_propagation.h"
#include "extract/entities/name_edges.h"
#include "extract/entities/name_particles.h"
#include "extract/entities/news_outlets.h"
#include "extract/entities/organization_heads.h"
#include "extract/entities/page_furniture.h"
#include "extract/entities/photo_credits.h"
#include "extract/entities/place_contexts.h"
#include "extract/entities/product_names.h"
#include "extract/entities/role_named_people.h"
#include "extract/entities/speaker_names.h"
#include "extract/entities/storm_names.h"
#include "extract/entities/street_names.h"
#include "extract/events/event_finder.h"
#include "extract/events/event_lexicon.h"
#include "extract/links/entity_linker.h"
#include "extract/quantities/quantity_finder.h"
#include "extract/quotes/quote_finder.h"
#include "extract/times/time_expression_finder.h"
#include "nlp/dependency_parser.h"
#include "nlp/entity_recognizer.h"
#include "nlp/pos_tagger.h"
#include "text/ascii.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

bool IsTriggerWord(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return LookupEventTrigger(lower, TriggerWordClass::kVerb) ||
         LookupEventTrigger(lower, TriggerWordClass::kNoun);
}

// Parses the sentences the event finder can use a parse in: those with an event word of
// the lexicon and an entity mention. The parser costs more than the rest of the analysis
// together, and most sentences of news hold no event. Tokens of other sentences get an
// empty label (event_words.h).
std::vector<Dependency> ParseEventSentences(const DependencyParser& parser, std::string_view text,
                                            const TokenizedText& tokens,
                                            std::span<const PosTag> tags,
                                            std::span<const EntityMention> entities) {
  std::vector<Dependency> deps(tokens.tokens.size());
  std::vector<std::string_view> forms;
  auto entity = entities.begin();
  for (const Sentence& s : tokens.sentences) {
    if (s.first_token >= s.end_token) continue;
    const uint32_t start = tokens.tokens[s.first_token].start;
    const uint32_t end = tokens.tokens[s.end_token - 1].end;
    while (entity != entities.end() && entity->span.start < start) ++entity;
    if (entity == entities.end() || entity->span.start >= end) continue;
    forms.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      forms.push_back(tokens.tokens[t].In(text));
    }
    if (std::none_of(forms.begin(), forms.end(), IsTriggerWord)) continue;
    const std::span<Dependency> out =
        std::span<Dependency>(deps).subspan(s.first_token, forms.size());
    parser.ParseSentence(forms, tags.subspan(s.first_token, forms.size()), out);
    for (Dependency& d : out) {
      if (d.head >= 0) d.head += static_cast<int32_t>(s.first_token);
    }
  }
  return deps;
}

}  // namespace

// Every model the pipeline loads, shared read-only by all threads.
struct ArticleAnalyzer::Models {
  Tokenizer tokenizer;
  PosTagger tagger;
  DependencyParser parser;
  EntityRecognizer entity_recognizer;
  CountryLexicon countries;
  NewsOutletLexicon news_outlets;
};

ArticleAnalyzer::ArticleAnalyzer(const std::filesystem::path& models_dir)
    : models_(std::make_unique<Models>(Models{
          Tokenizer(), PosTagger::Load(models_dir / "pos.model"),
          DependencyParser::Load(models_dir / "parser.model"), EntityRecognizer::Load(models_dir),
          CountryLexicon::Load(models_dir), NewsOutletLexicon::Load(models_dir)})) {}

ArticleAnalyzer::~ArticleAnalyzer() = default;

Analysis ArticleAnalyzer::Analyze(const Article& article) const {
  Analysis analysis;
  if (article.language != "en") return analysis;
  const std::string_view text = article.text;
  const TokenizedText tokens = models_->tokenizer.Tokenize(text);
  std::vector<PosTag> tags;
  models_->tagger.Tag(text, tokens, tags);
  analysis.entities = models_->entity_recognizer.Recognize(text, tokens);
  RepairNameEdges(text, tokens, analysis.entities);
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
  RetypeCompaniesReadAsPeople(text, analysis.entities);
  DropPageFurniture(text, analysis.entities);
  DropStormNames(text, analysis.entities);
  DropProductNames(text, analysis.entities);
  TagStreetNames(text, analysis.entities);
  LinkEntitiesInArticle(text, analysis.entities);
  VoteEntityTypes(gazetteer, analysis.entities);
  DropContradictedPeople(text, tokens, tags, gazetteer, analysis.entities);
  ApplyDemonyms(text, tokens, tags, models_->countries, analysis.entities);
  ResolveCapitalSenses(text, tokens, tags, models_->countries, analysis.entities);
  analysis.times = FindTimeExpressions(text, article.published);
  analysis.quantities = FindQuantities(text, tokens, tags, analysis.times);
  // Quotes run on their word cues alone: with the tagger's tags, descriptor speakers
  // ("a senior administration official") were lost on the seeds; see quote_finder.h.
  analysis.quotes = FindQuotes(text, tokens, {}, {}, analysis.entities);
  const std::vector<Dependency> deps =
      ParseEventSentences(models_->parser, text, tokens, tags, analysis.entities);
  analysis.events =
      FindEvents(text, tokens, tags, deps, analysis.entities, analysis.times, analysis.quotes);
  return analysis;
}

std::filesystem::path DefaultModelsDir() {
  if (const char* dir = std::getenv("STORYLINE_MODELS"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return std::filesystem::path(STORYLINE_SOURCE_DIR) / "models";
}

}  // namespace storyline
