// What the story clusterer sees of one article: a bag of weighted features and the day
// the reported happening took place.
//
// Features are strings in a few namespaces, so the same surface word can count both as
// content and as a name:
//   "w:<stem>"    content words (lowercased, Snowball-stemmed, stopwords dropped)
//   "e:<name>"    entity mentions: Analysis entity ids, and the lowercased words of
//                 capitalized phrases (which also match a surname to a full name)
//   "n:<number>"  numbers that are not years or dates (casualty counts, scores, sums)
//   "y:<year>"    years mentioned
//   "v:<TYPE>"    event frames from Analysis.events
// Counts are raw term frequencies; weighting (sublinear tf, idf) is the clusterer's job.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "story/calendar_day.h"
#include "story/event_frames.h"

namespace storyline {

struct StoryFeatures {
  std::vector<std::pair<std::string, float>> counts;  // sorted by feature, unique

  // The happenings it reports (story/event_frames.h).
  ArticleFrames frames;
  // The day of the happening: the first full date in the article's opening (dateline,
  // first lines), else the main event frame's day, else the most frequent day-precision
  // time in the analysis, else the published day. nullopt when none is known.
  std::optional<CalendarDay> event_day;
  // The day an event of this article carries when no frame dates it: the main frame's
  // day, else the date of a dateline or date line opening the text, else the published
  // day. Unlike `event_day`, which only places the article near others, never a day the
  // text merely mentions (a background "Oct. 7, 2023", a caption's date): an undated
  // article's events stay undated.
  std::optional<CalendarDay> dated_day;
  std::optional<CalendarDay> published_day;

  // Readable material for labels and event records.
  // (e: feature, surface) in order; an entity's surface is its canonical name, else its
  // longest mention.
  std::vector<std::pair<std::string, std::string>> names;
  std::vector<std::string> entity_names;  // the e: features of the analysis's entities, sorted
  // The e: features places give (a PLACE entity's id and the words of its mentions) that
  // are no other entity's id, sorted: a place is where many unrelated things happen, so
  // sharing one is no sign of one story by itself (story_clusterer.h, step 3).
  std::vector<std::string> place_names;
  // (w: feature, the first word written for it, lower-cased), sorted by feature: labels
  // show "police", not the stem "polic".
  std::vector<std::pair<std::string, std::string>> words;
  std::vector<std::string> actors;  // entity ids (or names) of PERSON/ORG mentions
  // (e: feature of a person, the age the text gives them: "Klitschko, 32,", "the
  // 36-year-old Klitschko"), sorted, each person once; a person given two ages is left
  // out. Two reports giving one person ages years apart are of occasions years apart.
  std::vector<std::pair<std::string, int>> ages;
  // (an office, the e: feature of its holder's surname): "Interior Secretary Dirk
  // Kempthorne" gives ("interior secretary|", "e:kempthorne"), the office with the country
  // a demonym or title gives it after the bar. Only offices of one holder at a time: two
  // words or more, no rank many hold at once ("Police Sgt."), none held no longer
  // ("former President"), and holders named in full. Sorted, each office once; an office
  // given two holders is left out. Two reports naming different holders of one office
  // are of different terms of it.
  std::vector<std::pair<std::string, std::string>> office_holders;
  std::optional<std::string> place;       // most mentioned PLACE, when the analysis has one
  std::optional<std::string> event_type;  // most frequent Analysis event type
  std::string headline;                   // title, else the first line of the text (trimmed)
};

StoryFeatures ExtractStoryFeatures(const Article& article, const Analysis& analysis);

}  // namespace storyline
