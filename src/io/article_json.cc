#include "io/article_json.h"

#include <nlohmann/json.hpp>

namespace storyline {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

std::string Dump(const Json& json) {
  // Inputs are validated as UTF-8 by the readers; replacing keeps a stray byte from ever
  // turning into an exception halfway through a run.
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json SpanFields(const std::string& text, const Span& span) {
  return Json{{"text", text}, {"start", span.start}, {"end", span.end}};
}

Json EntitiesJson(const std::vector<EntityMention>& entities) {
  Json out = Json::array();
  for (const EntityMention& e : entities) {
    Json item = SpanFields(e.text, e.span);
    item["type"] = e.type;
    item["entity"] = e.entity;
    item["name"] = e.name;
    if (!e.title.empty()) item["title"] = e.title;
    if (!e.country.empty()) item["country"] = e.country;
    out.push_back(std::move(item));
  }
  return out;
}

Json TimesJson(const std::vector<TimeExpression>& times) {
  Json out = Json::array();
  for (const TimeExpression& t : times) {
    Json item = SpanFields(t.text, t.span);
    item["value"] = OrNull(t.value);
    item["kind"] = t.kind;
    out.push_back(std::move(item));
  }
  return out;
}

Json QuantitiesJson(const std::vector<Quantity>& quantities) {
  Json out = Json::array();
  for (const Quantity& q : quantities) {
    Json item = SpanFields(q.text, q.span);
    item["value"] = q.value;
    item["unit"] = q.unit;
    item["approximate"] = q.approximate;
    out.push_back(std::move(item));
  }
  return out;
}

Json QuotesJson(const std::vector<Quote>& quotes) {
  Json out = Json::array();
  for (const Quote& q : quotes) {
    Json item = SpanFields(q.text, q.span);
    item["speaker"] = OrNull(q.speaker);
    item["speaker_entity"] = OrNull(q.speaker_entity);
    item["partial"] = q.partial;
    out.push_back(std::move(item));
  }
  return out;
}

Json EventsJson(const std::vector<Event>& events) {
  Json out = Json::array();
  for (const Event& e : events) {
    Json actors = Json::array();
    for (const EventActor& actor : e.actors) {
      actors.push_back(Json{{"role", actor.role}, {"entity", actor.entity}});
    }
    Json item{{"type", e.type},
              {"trigger", e.trigger},
              {"start", e.span.start},
              {"end", e.span.end},
              {"actors", std::move(actors)},
              {"time", OrNull(e.time)},
              {"place", OrNull(e.place)},
              {"content", e.content ? Json{{"start", e.content->start}, {"end", e.content->end}}
                                    : Json(nullptr)},
              {"planned", e.planned}};
    // Only when true: a denied event is rare, and older readers know no such field.
    if (e.negated) item["negated"] = true;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

std::string ArticleJsonLine(const Article& article) {
  return Dump(Json{{"id", article.id},
                   {"source", article.source},
                   {"published", OrNull(article.published)},
                   {"url", article.url},
                   {"title", article.title},
                   {"author", article.author},
                   {"language", article.language},
                   {"text", article.text}});
}

std::string AnalysisJsonLine(const Article& article, const Analysis& analysis) {
  return Dump(Json{{"id", article.id},
                   {"source", article.source},
                   {"published", OrNull(article.published)},
                   {"language", article.language},
                   {"entities", EntitiesJson(analysis.entities)},
                   {"times", TimesJson(analysis.times)},
                   {"quantities", QuantitiesJson(analysis.quantities)},
                   {"quotes", QuotesJson(analysis.quotes)},
                   {"events", EventsJson(analysis.events)}});
}

}  // namespace storyline
