// What `analyze` finds in one article. Every span is a UTF-8 byte range [start, end)
// into Article::text, so each fact can be traced back to the words it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace storyline {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;  // exclusive
};

struct EntityMention {
  Span span;
  std::string text;
  std::string type;     // PERSON, ORG, PLACE (other types allowed)
  std::string entity;   // stable id of the real-world entity, e.g. "joe-biden"
  std::string name;     // its canonical name, e.g. "Joe Biden"
  std::string title;    // title or role given before a person's name, e.g. "U.S. President"
  std::string country;  // entity id of the country a demonym or title gives, e.g. "israel"
};

struct TimeExpression {
  Span span;
  std::string text;
  std::string kind;                  // DATE, TIME, DURATION, SET
  std::optional<std::string> value;  // ISO 8601 at the text's precision; nullopt if unresolved
};

struct Quantity {
  Span span;
  std::string text;
  double value = 0;
  std::string unit;          // unit or counted noun ("tunnel"); empty when none
  bool approximate = false;  // "about 9 miles", "hundreds of", "more than 40"
};

struct Quote {
  Span span;
  std::string text;
  std::optional<std::string> speaker;         // canonical name or descriptor
  std::optional<std::string> speaker_entity;  // entity id when the speaker is an entity
  bool partial = false;  // a fragment or scare quote inside the writer's sentence, not a statement
};

struct EventActor {
  std::string role;    // agent, partner, patient
  std::string entity;  // entity id
};

struct Event {
  Span span;         // the trigger
  std::string type;  // CALL, MEET, STATEMENT, ... (see CONTRACT.md)
  std::string trigger;
  std::vector<EventActor> actors;
  std::optional<std::string> time;
  std::optional<std::string> place;
  // What was said, for a STATEMENT of indirect speech: "Hamas said [the proposal meets
  // Netanyahu's conditions]", "[Harris also joined the call], the White House said".
  std::optional<Span> content;
  // Put in the future or made conditional by the text rather than reported as done:
  // "will speak", "is scheduled to visit", "would withdraw", "the upcoming call".
  bool planned = false;
  // Denied by the text: "did not meet", "never called", "has not released". Reported so
  // that readers see the denial; it is not a happening.
  bool negated = false;
};

struct Analysis {
  std::vector<EntityMention> entities;
  std::vector<TimeExpression> times;
  std::vector<Quantity> quantities;
  std::vector<Quote> quotes;
  std::vector<Event> events;
};

}  // namespace storyline
