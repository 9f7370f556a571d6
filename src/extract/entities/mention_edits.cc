#include "extract/entities/mention_edits.h"

#include <algorithm>

namespace storyline {

bool StartsUpper(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

bool FollowsBySpace(std::string_view text, const TokenizedText& tokens, size_t i) {
  if (i == 0 || i >= tokens.tokens.size()) return false;
  const uint32_t gap_start = tokens.tokens[i - 1].end;
  return tokens.tokens[i].start == gap_start + 1 && text[gap_start] == ' ';
}

std::pair<size_t, size_t> TokensInSpan(const TokenizedText& tokens, Span span) {
  const auto begin = tokens.tokens.begin();
  const auto first = std::lower_bound(begin, tokens.tokens.end(), span.start,
                                      [](const Token& t, uint32_t at) { return t.start < at; });
  auto end = first;
  while (end != tokens.tokens.end() && end->end <= span.end) ++end;
  return {static_cast<size_t>(first - begin), static_cast<size_t>(end - begin)};
}

// A mention's place in the text order: by start, then as given or put.
struct MentionEditor::Key {
  uint32_t start = 0;
  int64_t order = 0;  // its index as given; below zero for those put
  size_t index = 0;   // into the mentions given, then into those put
};

bool MentionEditor::KeyOrder::operator()(const Key& a, const Key& b) const {
  return a.start != b.start ? a.start < b.start : a.order < b.order;
}

MentionEditor::MentionEditor(std::string_view text, const TokenizedText& tokens,
                             std::vector<EntityMention>& mentions)
    : text_(text),
      tokens_(tokens),
      mentions_(mentions),
      memory_(buffer_.data(), buffer_.size()),
      keys_(&memory_) {
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Span span = mentions[i].span;
    keys_.insert(keys_.end(), Key{span.start, int64_t(i), i});
    longest_ = std::max(longest_, span.end - std::min(span.start, span.end));
  }
}

MentionEditor::~MentionEditor() {
  if (!changed_) return;
  std::vector<EntityMention> in_order;
  in_order.reserve(keys_.size());
  for (const Key& key : keys_) {
    in_order.push_back(std::move(key.order >= 0 ? mentions_[key.index] : added_[key.index]));
  }
  mentions_ = std::move(in_order);
}

Span MentionEditor::TokenSpan(size_t first, size_t end) const {
  return {tokens_.tokens[first].start, tokens_.tokens[end - 1].end};
}

const EntityMention& MentionEditor::At(Position at) const {
  return at->order >= 0 ? mentions_[at->index] : added_[at->index];
}

uint32_t MentionEditor::StartOf(Position at) const { return at->start; }

MentionEditor::Position MentionEditor::FirstFrom(uint32_t start) const {
  return keys_.lower_bound(Key{start, INT64_MIN, 0});
}

// A mention overlapping `span` ends after its start, so starts no more than `longest_`
// bytes before it.
MentionEditor::Position MentionEditor::FirstThatMayOverlap(Span span) const {
  return FirstFrom(span.start > longest_ ? span.start - longest_ : 0);
}

bool MentionEditor::ReachesOutside(size_t first, size_t end) const {
  const Span span = TokenSpan(first, end);
  return AnyOverlapping(span, [&](const EntityMention& m) {
    return m.span.start < span.start || m.span.end > span.end;
  });
}

void MentionEditor::Put(size_t first, size_t end, std::string type) {
  Put(TokenSpan(first, end), std::move(type));
}

void MentionEditor::Put(Span span, std::string type) {
  for (Position at = FirstThatMayOverlap(span); at != keys_.end() && at->start < span.end;) {
    at = span.start < At(at).span.end ? keys_.erase(at) : std::next(at);
  }
  EntityMention& mention = added_.emplace_back();
  mention.span = span;
  mention.text = std::string(text_.substr(span.start, span.end - span.start));
  mention.type = std::move(type);
  keys_.insert(Key{span.start, next_put_order_--, added_.size() - 1});
  longest_ = std::max(longest_, span.end - span.start);
  changed_ = true;
}

}  // namespace storyline
