#include "synth/comparison_json.h"

namespace storyline {
namespace {

nlohmann::json OptionalString(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json NumbersToJson(const std::vector<NumberClaim>& claims) {
  nlohmann::json list = nlohmann::json::array();
  for (const NumberClaim& claim : claims) {
    nlohmann::json reports = nlohmann::json::array();
    for (const NumberReport& report : claim.reports) {
      nlohmann::json entry = CitationToJson(report.where);
      entry["value"] = report.value;
      entry["approximate"] = report.approximate;
      entry["sentence"] = report.sentence;
      reports.push_back(std::move(entry));
    }
    list.push_back({{"unit", claim.unit},
                    {"context", claim.context},
                    {"disagreement", claim.disagreement},
                    {"same_day", claim.same_day},
                    {"reports", std::move(reports)}});
  }
  return list;
}

nlohmann::json ContradictionsToJson(const std::vector<Contradiction>& contradictions) {
  nlohmann::json list = nlohmann::json::array();
  for (const Contradiction& c : contradictions) {
    list.push_back({{"entity", c.entity},
                    {"name", c.name},
                    {"shared", c.shared},
                    {"denial", CitationToJson(c.denial)},
                    {"assertion", CitationToJson(c.assertion)}});
  }
  return list;
}

nlohmann::json FirstReportsToJson(const FirstReports& first_reports) {
  nlohmann::json events = nlohmann::json::array();
  for (const EventFirstReport& event : first_reports.events) {
    nlohmann::json reports = nlohmann::json::array();
    for (const EventReport& report : event.reports) {
      reports.push_back({{"source", report.source},
                         {"article", report.article},
                         {"published", OptionalString(report.published)}});
    }
    events.push_back({{"id", event.event},
                      {"type", event.type},
                      {"date", OptionalString(event.date)},
                      {"summary", event.summary},
                      {"first", event.first},
                      {"reports", std::move(reports)}});
  }
  nlohmann::json outlets = nlohmann::json::array();
  for (const OutletEvents& outlet : first_reports.outlets) {
    outlets.push_back(
        {{"source", outlet.source}, {"events", outlet.events}, {"first", outlet.first}});
  }
  return {{"events", std::move(events)}, {"outlets", std::move(outlets)}};
}

nlohmann::json FramingToJson(const std::vector<EntityFraming>& framings) {
  nlohmann::json list = nlohmann::json::array();
  for (const EntityFraming& framing : framings) {
    nlohmann::json descriptors = nlohmann::json::array();
    for (const Descriptor& descriptor : framing.descriptors) {
      nlohmann::json outlets = nlohmann::json::array();
      for (const OutletUsage& usage : descriptor.outlets) {
        outlets.push_back({{"source", usage.source},
                           {"count", usage.count},
                           {"example", CitationToJson(usage.example)}});
      }
      descriptors.push_back(
          {{"text", descriptor.text}, {"kind", descriptor.kind}, {"outlets", std::move(outlets)}});
    }
    list.push_back({{"entity", framing.entity},
                    {"name", framing.name},
                    {"type", framing.type},
                    {"descriptors", std::move(descriptors)}});
  }
  return list;
}

}  // namespace

nlohmann::json CitationToJson(const Citation& citation) {
  return {{"source", citation.source},
          {"article", citation.article},
          {"published", OptionalString(citation.published)},
          {"start", citation.span.start},
          {"end", citation.span.end},
          {"text", citation.text}};
}

nlohmann::json ComparisonToJson(const StoryComparison& comparison) {
  const Story& story = comparison.story;
  return {{"story", {{"id", story.id}, {"label", story.label}, {"articles", story.articles}}},
          {"outlets", comparison.outlets},
          {"unknown_source_articles", comparison.unknown_source_articles},
          {"numbers", NumbersToJson(comparison.numbers)},
          {"contradictions", ContradictionsToJson(comparison.contradictions)},
          {"first_reports", FirstReportsToJson(comparison.first_reports)},
          {"framing", FramingToJson(comparison.framing)}};
}

}  // namespace storyline
