#include "serve/api_request.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace storyline::api {
namespace {

bool IsDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i = 0; i < date.size(); ++i) {
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  }
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

Params::Params(const ApiParams& params, std::initializer_list<std::string_view> known) {
  for (const auto& [name, value] : params) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw ApiError(400, "unknown parameter: " + name.substr(0, 40));
    }
    if (params.count(name) > 1) throw ApiError(400, "parameter given twice: " + name);
    if (value.size() > kMaxParameterBytes) throw ApiError(400, "parameter too long: " + name);
    values_[name] = value;
  }
}

std::optional<std::string> Params::Text(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::optional<int> Params::Int(const std::string& name, int min, int max) const {
  const std::optional<std::string> text = Text(name);
  if (!text) return std::nullopt;
  return ParseInt(name, *text, min, max);
}

int Params::Int(const std::string& name, int min, int max, int fallback) const {
  return Int(name, min, max).value_or(fallback);
}

std::optional<std::string> Params::Date(const std::string& name) const {
  std::optional<std::string> date = Text(name);
  if (date && !IsDate(*date)) throw ApiError(400, name + " is not a date as YYYY-MM-DD");
  return date;
}

std::string Params::OneOf(const std::string& name,
                          std::initializer_list<std::string_view> choices) const {
  const std::optional<std::string> value = Text(name);
  if (!value) return std::string(*choices.begin());
  if (std::find(choices.begin(), choices.end(), *value) == choices.end()) {
    throw ApiError(400, name + " must be one of: " + fmt::format("{}", fmt::join(choices, ", ")));
  }
  return *value;
}

bool Params::Flag(const std::string& name) const {
  const std::string value = OneOf(name, {"0", "1", "false", "true"});
  return value == "1" || value == "true";
}

int Params::ParseInt(const std::string& name, std::string_view text, int min, int max) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw ApiError(400, name + " is not a whole number");
  }
  if (value < min || value > max) {
    throw ApiError(400, fmt::format("{} must be from {} to {}", name, min, max));
  }
  return value;
}

Json Paged(Json json, size_t total, int limit, int offset) {
  json["total"] = total;
  json["limit"] = limit;
  json["offset"] = offset;
  return json;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace storyline::api
