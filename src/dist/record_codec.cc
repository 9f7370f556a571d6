#include "dist/record_codec.h"

#include <fmt/format.h>

#include <bit>

namespace storyline {
namespace {

class Writer {
 public:
  void U8(uint8_t value) { bytes_.push_back(static_cast<char>(value)); }
  void U64(uint64_t value) {
    for (int i = 0; i < 8; ++i) U8(static_cast<uint8_t>(value >> (8 * i)));
  }
  void U32(uint32_t value) {
    for (int i = 0; i < 4; ++i) U8(static_cast<uint8_t>(value >> (8 * i)));
  }
  void Bool(bool value) { U8(value ? 1 : 0); }
  void Double(double value) { U64(std::bit_cast<uint64_t>(value)); }
  void String(std::string_view value) {
    U32(static_cast<uint32_t>(value.size()));
    bytes_.append(value);
  }
  void OptionalString(const std::optional<std::string>& value) {
    Bool(value.has_value());
    if (value) String(*value);
  }
  void Span(const storyline::Span& span) {
    U32(span.start);
    U32(span.end);
  }
  std::string Take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  uint8_t U8() {
    Need(1);
    return static_cast<uint8_t>(bytes_[at_++]);
  }
  uint32_t U32() {
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) value |= uint32_t{U8()} << (8 * i);
    return value;
  }
  uint64_t U64() {
    uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value |= uint64_t{U8()} << (8 * i);
    return value;
  }
  bool Bool() {
    const uint8_t value = U8();
    if (value > 1) throw RecordCodecError("record: not a boolean");
    return value == 1;
  }
  double Double() { return std::bit_cast<double>(U64()); }
  std::string String() {
    const uint32_t size = U32();
    Need(size);
    std::string value(bytes_.substr(at_, size));
    at_ += size;
    return value;
  }
  std::optional<std::string> OptionalString() {
    if (!Bool()) return std::nullopt;
    return String();
  }
  storyline::Span Span() {
    storyline::Span span;
    span.start = U32();
    span.end = U32();
    return span;
  }
  // A count of items each at least `min_bytes` long, checked against what is left so
  // that a corrupt count cannot ask for a huge allocation.
  size_t Count(size_t min_bytes) {
    const uint32_t count = U32();
    if (count > (bytes_.size() - at_) / min_bytes) throw RecordCodecError("record: bad count");
    return count;
  }
  bool AtEnd() const { return at_ == bytes_.size(); }

 private:
  void Need(size_t size) const {
    if (bytes_.size() - at_ < size) throw RecordCodecError("record: truncated");
  }

  std::string_view bytes_;
  size_t at_ = 0;
};

void WriteArticle(Writer& out, const Article& article) {
  out.String(article.id);
  out.String(article.source);
  out.OptionalString(article.published);
  out.String(article.url);
  out.String(article.title);
  out.String(article.author);
  out.String(article.text);
  out.String(article.language);
  out.String(article.origin);
}

Article ReadArticle(Reader& in) {
  Article article;
  article.id = in.String();
  article.source = in.String();
  article.published = in.OptionalString();
  article.url = in.String();
  article.title = in.String();
  article.author = in.String();
  article.text = in.String();
  article.language = in.String();
  article.origin = in.String();
  return article;
}

void WriteAnalysis(Writer& out, const Analysis& analysis) {
  out.U32(static_cast<uint32_t>(analysis.entities.size()));
  for (const EntityMention& m : analysis.entities) {
    out.Span(m.span);
    for (const std::string* s : {&m.text, &m.type, &m.entity, &m.name, &m.title, &m.country}) {
      out.String(*s);
    }
  }
  out.U32(static_cast<uint32_t>(analysis.times.size()));
  for (const TimeExpression& t : analysis.times) {
    out.Span(t.span);
    out.String(t.text);
    out.String(t.kind);
    out.OptionalString(t.value);
  }
  out.U32(static_cast<uint32_t>(analysis.quantities.size()));
  for (const Quantity& q : analysis.quantities) {
    out.Span(q.span);
    out.String(q.text);
    out.Double(q.value);
    out.String(q.unit);
    out.Bool(q.approximate);
  }
  out.U32(static_cast<uint32_t>(analysis.quotes.size()));
  for (const Quote& q : analysis.quotes) {
    out.Span(q.span);
    out.String(q.text);
    out.OptionalString(q.speaker);
    out.OptionalString(q.speaker_entity);
    out.Bool(q.partial);
  }
  out.U32(static_cast<uint32_t>(analysis.events.size()));
  for (const Event& e : analysis.events) {
    out.Span(e.span);
    out.String(e.type);
    out.String(e.trigger);
    out.U32(static_cast<uint32_t>(e.actors.size()));
    for (const EventActor& actor : e.actors) {
      out.String(actor.role);
      out.String(actor.entity);
    }
    out.OptionalString(e.time);
    out.OptionalString(e.place);
    out.Bool(e.content.has_value());
    if (e.content) out.Span(*e.content);
    out.Bool(e.planned);
    out.Bool(e.negated);
  }
}

// The smallest encoding of one item of each list: bounds a count read from the bytes.
constexpr size_t kMinItemBytes = 8;

Analysis ReadAnalysis(Reader& in) {
  Analysis analysis;
  analysis.entities.resize(in.Count(kMinItemBytes));
  for (EntityMention& m : analysis.entities) {
    m.span = in.Span();
    for (std::string* s : {&m.text, &m.type, &m.entity, &m.name, &m.title, &m.country}) {
      *s = in.String();
    }
  }
  analysis.times.resize(in.Count(kMinItemBytes));
  for (TimeExpression& t : analysis.times) {
    t.span = in.Span();
    t.text = in.String();
    t.kind = in.String();
    t.value = in.OptionalString();
  }
  analysis.quantities.resize(in.Count(kMinItemBytes));
  for (Quantity& q : analysis.quantities) {
    q.span = in.Span();
    q.text = in.String();
    q.value = in.Double();
    q.unit = in.String();
    q.approximate = in.Bool();
  }
  analysis.quotes.resize(in.Count(kMinItemBytes));
  for (Quote& q : analysis.quotes) {
    q.span = in.Span();
    q.text = in.String();
    q.speaker = in.OptionalString();
    q.speaker_entity = in.OptionalString();
    q.partial = in.Bool();
  }
  analysis.events.resize(in.Count(kMinItemBytes));
  for (Event& e : analysis.events) {
    e.span = in.Span();
    e.type = in.String();
    e.trigger = in.String();
    e.actors.resize(in.Count(kMinItemBytes));
    for (EventActor& actor : e.actors) {
      actor.role = in.String();
      actor.entity = in.String();
    }
    e.time = in.OptionalString();
    e.place = in.OptionalString();
    if (in.Bool()) e.content = in.Span();
    e.planned = in.Bool();
    e.negated = in.Bool();
  }
  return analysis;
}

void WriteHeader(Writer& out, RecordKind kind) {
  out.U8(kRecordCodecVersion);
  out.U8(static_cast<uint8_t>(kind));
}

}  // namespace

std::string EncodeArticleRecord(const Article& article, RecordKind kind) {
  Writer out;
  WriteHeader(out, kind);
  WriteArticle(out, article);
  return out.Take();
}

std::string EncodeAnalyzedRecord(const PreparedArticle& prepared) {
  Writer out;
  WriteHeader(out, RecordKind::kAnalyzed);
  WriteArticle(out, prepared.article);
  WriteAnalysis(out, prepared.analysis);
  out.U64(prepared.content_hash.high);
  out.U64(prepared.content_hash.low);
  const DuplicateFingerprint& fingerprint = prepared.fingerprint;
  out.U64(fingerprint.normalized_hash);
  out.Bool(fingerprint.has_signature);
  for (uint32_t slot : fingerprint.signature) out.U32(slot);
  for (uint64_t key : fingerprint.band_keys) out.U64(key);
  return out.Take();
}

DistRecord DecodeRecord(std::string_view bytes) {
  Reader in(bytes);
  const uint8_t version = in.U8();
  if (version != kRecordCodecVersion) {
    throw RecordCodecError(fmt::format(
        "record of format version {}, this storyline reads {}: run one build on every machine",
        version, kRecordCodecVersion));
  }
  DistRecord record;
  const uint8_t kind = in.U8();
  if (kind < static_cast<uint8_t>(RecordKind::kArticle) ||
      kind > static_cast<uint8_t>(RecordKind::kUnreadable)) {
    throw RecordCodecError(fmt::format("record of unknown kind {}", kind));
  }
  record.kind = static_cast<RecordKind>(kind);
  record.prepared.article = ReadArticle(in);
  if (record.kind == RecordKind::kAnalyzed) {
    record.prepared.analysis = ReadAnalysis(in);
    record.prepared.content_hash.high = in.U64();
    record.prepared.content_hash.low = in.U64();
    DuplicateFingerprint& fingerprint = record.prepared.fingerprint;
    fingerprint.normalized_hash = in.U64();
    fingerprint.has_signature = in.Bool();
    for (uint32_t& slot : fingerprint.signature) slot = in.U32();
    for (uint64_t& key : fingerprint.band_keys) key = in.U64();
  }
  if (!in.AtEnd()) throw RecordCodecError("record: trailing bytes");
  return record;
}

}  // namespace storyline
