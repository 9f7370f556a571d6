// The JSON API of `storyline serve`, apart from HTTP: a request is a path under /api/v1
// (or the contract's /api alias) with its query parameters, the answer a status and a
// JSON body. The shapes are those of the read commands' --json (stories, timeline,
// quotes, search, article, compare), with fields added for the page, none renamed.
//
//   GET stories?sort=id|articles|date&since=&until=&outlet=&entity=&q=&limit=&offset=
//       {"stories": [<stories' story> + "outlets": [names]], "total", "limit", "offset"}
//   GET stories/{id}  {"story": <stories --story>, + "outlets": [names],
//                      "unknown_source_articles", "sources": {article: outlet},
//                      "entity_names": {entity id: name}}
//   GET stories/{id}/compare           compare --json
//   GET events?story=&entity=&limit=&offset=   {"events": [...], "total", "entity_names"}
//                                      (timeline is an alias)
//   GET quotes?speaker=&story=&limit=  quotes --json
//   GET entities?q=&limit=&offset=     {"entities": [{"id", "name", "events", "stories"}],
//                                      "total"} by salience: events that name it, then stories
//   GET entities/{id}  {"entity": {"id", "name", "stories", "events", "entity_names",
//                                  "quotes", "co_occurring", "framing"}}
//   An entity's name is the one its stored mentions give most often (null when none does).
//   GET articles/{id}[?versions=1]     article --json
//   GET search?q=&limit=&offset=&sort=&from=&to=&source=&entity=&story=   search --json
//   GET stats    {"articles", "stories", "outlets", "events", "quotes", "version", "changed",
//                 "last_stored"}: the store keeps no time of ingest, so "changed" is when its
//                 files were last written and "last_stored" the article stored last
//   GET changes  {"version"}: a token that changes whenever the store does
//
// Every failure is a JSON body {"error": {"status", "message"}}: 400 for a bad or unknown
// parameter, 404 for an unknown path or id, 503 when the store cannot be read.
#pragma once

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "serve/encoded_body.h"
#include "serve/store_pool.h"

namespace storyline {

struct ApiResponse {
  int status = 200;
  std::shared_ptr<const EncodedBody> body;  // JSON; shared by every request given it
};

using ApiParams = std::multimap<std::string, std::string>;

class Api {
 public:
  // Opens the store (StoreError when it cannot be read).
  explicit Api(const std::string& db);
  ~Api();

  // `path` is the part after the API prefix ("stories/3"); never throws for bad input.
  // Answers are kept until the store changes (at most kCachedAnswers of them): the store
  // is read-only to the server, so the same request gets the same answer until then.
  // Requests that arrive while the same one is being answered wait for that answer
  // rather than compute it again (a story first asked by many readers at once).
  // Each answer is encoded once (serve/encoded_body.h) and shared by the requests given it.
  ApiResponse Handle(const std::string& path, const ApiParams& params);
  static constexpr size_t kCachedAnswers = 512;

  // Changes whenever the store does (Store::ChangeToken), whatever process wrote it: what
  // caches and the page's polling key on.
  std::string Version();

  struct Snapshot;

 private:
  std::shared_ptr<const Snapshot> Current(Store& store);
  ApiResponse Answer(const std::string& path, const ApiParams& params);

  StorePool pool_;
  std::mutex mutex_;
  std::mutex snapshot_loading_;  // one snapshot loads at a time; the others wait for it
  std::shared_ptr<const Snapshot> snapshot_;
  // Answers being computed, by the same key as `answers_`.
  std::map<std::string, std::shared_future<ApiResponse>> in_flight_;
  std::string answers_version_;
  std::map<std::string, ApiResponse> answers_;  // by path and parameters
};

}  // namespace storyline
