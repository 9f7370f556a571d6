// What the tagger and the parser say about each token, and the tag sets they use.
//
// Tags and relation labels are string_views into the static tables below, so they stay
// valid for the life of the program and compare as plain strings (tag.xpos == "VBD",
// dep.label == "nsubj:pass"). The tables are the Universal Dependencies v2 universal
// POS tags, the Penn Treebank tags with the additions UD English uses, and the UD v2
// relations with the subtypes UD English uses. Model files store tag names, not table
// positions, so reordering a table never silently changes a model's meaning.
#pragma once

#include <cstdint>
#include <string_view>

namespace storyline {

inline constexpr std::string_view kUposTags[] = {"ADJ",   "ADP",   "ADV", "AUX",  "CCONJ", "DET",
                                                 "INTJ",  "NOUN",  "NUM", "PART", "PRON",  "PROPN",
                                                 "PUNCT", "SCONJ", "SYM", "VERB", "X"};

inline constexpr std::string_view kXposTags[] = {
    "CC",  "CD",   "DT",    "EX",    "FW",  "IN",   "JJ",   "JJR", "JJS", "LS",  "MD",  "NN", "NNS",
    "NNP", "NNPS", "PDT",   "POS",   "PRP", "PRP$", "RB",   "RBR", "RBS", "RP",  "SYM", "TO", "UH",
    "VB",  "VBD",  "VBG",   "VBN",   "VBP", "VBZ",  "WDT",  "WP",  "WP$", "WRB", ".",   ",",  ":",
    "``",  "''",   "-LRB-", "-RRB-", "$",   "#",    "HYPH", "NFP", "ADD", "AFX", "GW",  "XX"};

inline constexpr std::string_view kDeprels[] = {
    "acl",        "acl:relcl",    "advcl",      "advcl:relcl",   "advmod",    "amod",
    "appos",      "aux",          "aux:pass",   "case",          "cc",        "cc:preconj",
    "ccomp",      "clf",          "compound",   "compound:prt",  "conj",      "cop",
    "csubj",      "csubj:outer",  "csubj:pass", "dep",           "det",       "det:predet",
    "discourse",  "dislocated",   "expl",       "fixed",         "flat",      "flat:foreign",
    "goeswith",   "iobj",         "list",       "mark",          "nmod",      "nmod:desc",
    "nmod:npmod", "nmod:poss",    "nmod:tmod",  "nmod:unmarked", "nsubj",     "nsubj:outer",
    "nsubj:pass", "nummod",       "obj",        "obl",           "obl:agent", "obl:npmod",
    "obl:tmod",   "obl:unmarked", "orphan",     "parataxis",     "punct",     "reparandum",
    "root",       "vocative",     "xcomp"};

// Positions in the tables above, or -1 for a name that is not there.
int UposIndex(std::string_view tag);
int XposIndex(std::string_view tag);
int DeprelIndex(std::string_view label);

struct PosTag {
  std::string_view upos;  // universal tag, e.g. "AUX"
  std::string_view xpos;  // Penn Treebank tag, e.g. "VBZ"
};

struct Dependency {
  int32_t head = -1;       // index of the head token in the same TokenizedText; -1 at the root
  std::string_view label;  // UD relation, e.g. "nsubj"; "root" at the root
};

}  // namespace storyline
