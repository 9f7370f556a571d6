// Reads CoNLL-U treebanks (Universal Dependencies' format): the training and evaluation
// data of the tagger and the parser.
//
// Only syntactic words are kept: multi-word token lines ("1-2 Zurbarán’s") and empty
// nodes ("8.1") are skipped, because the tokenizer splits clitics the same way UD does,
// so the words are what the models see at run time. Every error names the file and the
// line: "GUM_news_x.conllu:42: expected 10 tab-separated columns".
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct ConlluWord {
  std::string form;
  std::string upos;
  std::string xpos;
  int head = 0;  // 1-based position of the head word in the sentence; 0 for the root
  std::string deprel;
  int line = 0;  // line number in the file, for error messages
};

struct ConlluSentence {
  std::string file;  // the file it came from, for error messages
  std::vector<ConlluWord> words;

  // "file:line", naming one word of this sentence.
  std::string Where(size_t word) const;
};

// Throws std::runtime_error("file:line: what") on a malformed file, and "file: what"
// when it cannot be read.
std::vector<ConlluSentence> ReadConllu(const std::filesystem::path& path);

// The GUM documents of one partition ("train" or "dev"), in docs.tsv order:
// `gum_dir`/docs.tsv names each document and its partition, `gum_dir`/conllu/<doc>.conllu
// holds it. At most `max_docs` documents when it is not negative.
std::vector<ConlluSentence> ReadGumPartition(const std::filesystem::path& gum_dir,
                                             std::string_view partition, int max_docs = -1);

}  // namespace storyline
