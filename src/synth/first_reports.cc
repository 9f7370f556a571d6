#include "synth/first_reports.h"

#include <algorithm>

#include "synth/citation.h"

namespace storyline {
namespace {

constexpr size_t kDayLength = 10;  // "2024-05-06"

int Sign(int value) { return (value > 0) - (value < 0); }

std::vector<EventReport> ReportsOf(const StoryEvent& event,
                                   const std::map<std::string, const StoredArticle*>& articles) {
  std::vector<EventReport> reports;
  for (const std::string& id : event.articles) {
    const auto it = articles.find(id);
    if (it == articles.end()) continue;
    const Article& article = it->second->article;
    reports.push_back({OutletOf(article), article.id, article.published});
  }
  std::stable_sort(reports.begin(), reports.end(), [](const EventReport& a, const EventReport& b) {
    return ComparePublished(a.published, b.published) < 0;
  });
  return reports;
}

std::vector<std::string> FirstOutlets(const std::vector<EventReport>& reports) {
  std::vector<std::string> first;
  for (const EventReport& report : reports) {
    if (ComparePublished(report.published, reports.front().published) != 0) break;
    if (std::find(first.begin(), first.end(), report.source) == first.end()) {
      first.push_back(report.source);
    }
  }
  return first;
}

OutletEvents& OutletEntry(std::vector<OutletEvents>& outlets, const std::string& source) {
  for (OutletEvents& outlet : outlets) {
    if (outlet.source == source) return outlet;
  }
  outlets.push_back({source, {}, 0});
  return outlets.back();
}

}  // namespace

int ComparePublished(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return a ? -1 : (b ? 1 : 0);
  const int day = a->compare(0, kDayLength, *b, 0, kDayLength);
  if (day != 0) return Sign(day);
  if (a->size() <= kDayLength || b->size() <= kDayLength) return 0;
  return Sign(a->compare(*b));
}

FirstReports FindFirstReports(const Story& story,
                              const std::map<std::string, const StoredArticle*>& articles) {
  FirstReports result;
  for (const StoryEvent& event : story.events) {
    EventFirstReport entry{event.id,      event.type, event.date,
                           event.summary, {},         ReportsOf(event, articles)};
    if (entry.reports.empty()) continue;
    entry.first = FirstOutlets(entry.reports);
    for (const EventReport& report : entry.reports) {
      std::vector<int>& carried = OutletEntry(result.outlets, report.source).events;
      if (std::find(carried.begin(), carried.end(), event.id) == carried.end()) {
        carried.push_back(event.id);
      }
    }
    for (const std::string& source : entry.first) ++OutletEntry(result.outlets, source).first;
    result.events.push_back(std::move(entry));
  }
  std::stable_sort(result.outlets.begin(), result.outlets.end(),
                   [](const OutletEvents& a, const OutletEvents& b) {
                     return a.events.size() > b.events.size();
                   });
  return result;
}

}  // namespace storyline
