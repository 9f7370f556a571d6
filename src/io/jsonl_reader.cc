#include "io/jsonl_reader.h"

#include <simdjson.h>

#include "io/compressed_file.h"
#include "io/published_date.h"

namespace storyline {
namespace {

// Copies a string field (a number too, for "id") into `out`. Absent and null fields
// leave `out` untouched. Returns an error text, empty on success.
std::string ReadStringField(const simdjson::dom::object& object, std::string_view key,
                            std::string& out, bool& present) {
  present = false;
  simdjson::dom::element value;
  if (object.at_key(key).get(value)) return {};  // absent
  switch (value.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
      return {};
    case simdjson::dom::element_type::STRING:
      out.assign(std::string_view(value));
      present = true;
      return {};
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
      if (key != "id") break;
      out = simdjson::minify(value);
      present = true;
      return {};
    default:
      break;
  }
  return "field \"" + std::string(key) + "\" is not a string";
}

// Parses one line into `article`, all but "published", which goes to `published` as
// written (empty when absent or null); returns an error text, empty on success.
std::string ParseArticle(simdjson::dom::parser& parser, std::string& line, Article& article,
                         std::string& published) {
  const size_t length = line.size();
  line.resize(length + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element doc;
  if (auto error = parser.parse(line.data(), length, false).get(doc)) {
    return std::string("malformed JSON: ") + simdjson::error_message(error);
  }
  simdjson::dom::object object;
  if (doc.get_object().get(object)) return "not a JSON object";

  struct Field {
    std::string_view key;
    std::string* target;
  };
  const Field fields[] = {{"id", &article.id},       {"source", &article.source},
                          {"published", &published}, {"url", &article.url},
                          {"title", &article.title}, {"author", &article.author},
                          {"text", &article.text}};
  bool has_text = false;
  for (const Field& field : fields) {
    bool present = false;
    std::string error = ReadStringField(object, field.key, *field.target, present);
    if (!error.empty()) return error;
    if (field.key == "text") has_text = present;
  }
  if (!has_text) return "record has no \"text\"";
  return {};
}

}  // namespace

void ReadJsonLines(const InputFile& input, const ReadOptions& options,
                   const ArticleSink& on_article, const ErrorSink& on_error) {
  const std::string& path = input.path;
  CompressedFile file(path, [&](const std::string& what) { on_error({path, what}); });
  if (!file.ok()) return on_error({path, file.error()});
  ChunkReader reader(file, options.max_record_bytes);
  reader.SkipByteOrderMark();
  simdjson::dom::parser parser;
  std::string line;
  size_t line_number = 0;
  size_t records = 0;
  while (true) {
    size_t blank_lines = 0;
    const ChunkReader::Status blank = reader.SkipBlank(blank_lines);
    line_number += blank_lines;
    if (blank == ChunkReader::Status::kEnd) break;
    if (blank == ChunkReader::Status::kError) return on_error({path, file.error()});
    if (blank == ChunkReader::Status::kTooLong) {
      return on_error({path + ":" + std::to_string(line_number + 1),
                       "more than " + std::to_string(options.max_record_bytes) +
                           " bytes of blank lines in a row, file not read further"});
    }
    const ChunkReader::Status status = reader.NextLine(line);
    if (status == ChunkReader::Status::kEnd) break;
    ++line_number;
    const std::string where = path + ":" + std::to_string(line_number);
    if (status == ChunkReader::Status::kError) return on_error({where, file.error()});
    // A line cut by damaged gzip data: the damage has been reported, the line is lost.
    if (status == ChunkReader::Status::kBroken) continue;
    ++records;
    if (status == ChunkReader::Status::kTooLong) {
      on_error({where, "record larger than the limit of " +
                           std::to_string(options.max_record_bytes) + " bytes, skipped"});
      continue;
    }
    Article article;
    article.origin = where;
    std::string published;
    if (std::string error = ParseArticle(parser, line, article, published); !error.empty()) {
      on_error({where, error});
      continue;
    }
    if (!published.empty()) {
      article.published = NormalizePublishedDate(published);
      if (article.published->empty()) {
        article.published.reset();
        on_error({where,
                  "\"published\" is not a date (" + published.substr(0, 64) + "), left unknown",
                  /*warning=*/true});
      }
    }
    if (article.id.empty()) article.id = input.id_stem + "-" + std::to_string(line_number);
    on_article(std::move(article));
  }
  if (records == 0) on_error({path, "empty file: no records"});
}

}  // namespace storyline
