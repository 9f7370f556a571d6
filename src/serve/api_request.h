// What every resource of the JSON API (serve/api.h) shares: the error a refused request
// raises, the reading of its query parameters, and the writing of its answer.
#pragma once

#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "serve/api.h"

namespace storyline::api {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// A request the API refuses: its status and a sentence saying why.
struct ApiError : std::runtime_error {
  ApiError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
  int status;
};

// The query parameters of one request, each read at most once; a parameter the endpoint
// does not know, given twice or too long is a bad request (ApiError 400) rather than
// silently ignored.
class Params {
 public:
  static constexpr size_t kMaxParameterBytes = 1000;

  Params(const ApiParams& params, std::initializer_list<std::string_view> known);

  // Absent and empty are the same: no value.
  std::optional<std::string> Text(const std::string& name) const;
  std::optional<int> Int(const std::string& name, int min, int max) const;
  int Int(const std::string& name, int min, int max, int fallback) const;
  // A day as YYYY-MM-DD.
  std::optional<std::string> Date(const std::string& name) const;
  // One of `choices`; the first when absent.
  std::string OneOf(const std::string& name, std::initializer_list<std::string_view> choices) const;
  // "1" or "true"; "0", "false" or absent is false.
  bool Flag(const std::string& name) const;

  static int ParseInt(const std::string& name, std::string_view text, int min, int max);

 private:
  std::map<std::string, std::string> values_;
};

// `json` as the API sends it: compact, invalid UTF-8 replaced rather than refused.
template <typename J>
std::string Dump(const J& json) {
  return json.dump(-1, ' ', false, J::error_handler_t::replace);
}

// A page of a list: `json` with "total", "limit" and "offset" added.
Json Paged(Json json, size_t total, int limit, int offset);

std::string Lower(std::string_view text);

}  // namespace storyline::api
