// An extractive summary of a story: a few sentences taken verbatim from its articles,
// each cited with the article, outlet and byte span it came from.
//
// Sentences are chosen by centrality: each is a vector of content words (the story
// clusterer's stemmed "w:" features) weighted by tf-idf over the story's sentences, and
// scores its cosine with the story's centroid, to which every article contributes
// equally. Lead sentences get a bonus, since news writing puts the who, what and when
// first. Sentences that are mostly quotation, very short, very long, or lack final
// punctuation (headlines, captions) are not candidates. Selection is MMR-style: the next
// sentence is the best by score less its redundancy with those already chosen (its
// similarity, or at least a fixed share when it comes from the same article or the same
// published day, so the summary spans the story's outlets and days), and one too close
// to a chosen sentence (a reprint, a paraphrase) is skipped. Articles that are
// near-duplicates of another article of the story are read once.
//
// The result is in date order (article published day, then arrival, then position), so
// it reads as the story unfolded. Deterministic: ties go to the earlier sentence.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "store/store.h"

namespace storyline {

struct SummarySentence {
  std::string text;  // exactly the article's text at `span`
  std::string article;
  std::string source;
  std::optional<std::string> published;
  Span span;
};

struct SummaryOptions {
  int sentences = 3;
};

// `articles` in arrival order. Fewer sentences than asked when the story has fewer
// candidates.
std::vector<SummarySentence> SummarizeStory(std::span<const StoredArticle> articles,
                                            const SummaryOptions& options = {});

}  // namespace storyline
