// A made-up stream for story clustering tests: 200 topics of two reports each, whose
// words come from a small pool that later topics draw from too, so that newer topics keep
// pushing older ones out of the posting lists of every word they have, while any two
// topics share too little to be one story.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/article.h"

namespace storyline::testing {

inline Article MakeArticle(std::string id, std::string published, std::string text) {
  Article article;
  article.id = std::move(id);
  article.published = std::move(published);
  article.text = std::move(text);
  return article;
}

// A made-up word, distinct per n < 512.
inline std::string Word(size_t n) {
  static const std::vector<std::string> kSyllables = {"ka", "lo",  "mi", "ren",
                                                      "tu", "sal", "vo", "dre"};
  std::string word;
  for (size_t i = 0; i < 3; ++i, n /= kSyllables.size()) word += kSyllables[n % kSyllables.size()];
  return word;
}

inline constexpr size_t kTopics = 200;

// Report `report` of topic `topic`: the topic's eight words, paired by the report.
inline Article TopicArticle(size_t topic, size_t report) {
  constexpr size_t kTopicWords = 8;
  constexpr size_t kPool = 100;
  std::vector<std::string> words;
  for (size_t j = 0; j < kTopicWords; ++j) {
    words.push_back(Word((topic * 7919 + j * j * 104729 + j * 31) % kPool));
  }
  std::string text = words[0] + " " + words[1] + "\n";
  for (size_t i = 0; i < kTopicWords; ++i) {
    text += words[i] + " " + words[(i + report + 1) % kTopicWords] + ". ";
  }
  return MakeArticle("t" + std::to_string(topic) + "-" + std::to_string(report), "", text);
}

// Every topic's two reports, in topic order.
inline std::vector<Article> TopicStream() {
  std::vector<Article> stream;
  for (size_t topic = 0; topic < kTopics; ++topic) {
    for (size_t report = 0; report < 2; ++report) stream.push_back(TopicArticle(topic, report));
  }
  return stream;
}

}  // namespace storyline::testing
