// Finds the spans of text between quotation marks, before anyone asks who said them.
//
// Double marks (straight ", curly “ ”, low „, guillemets « », and `` '' of tokenized
// text) open and close quotations. A straight mark's direction comes from its
// neighbours (a space before and a letter after opens, the reverse closes), except that
// after punctuation and a space it closes the quotation that is open (text rebuilt from
// tokens writes `help, "said Thompson`); so does `` there before an attribution, as some
// tokenized texts write it for both marks (``I never dreamed it, ``Hansbrough said). Single marks
// (' ‘ ’) are far more often apostrophes, so a single quotation is only taken when a mark that can
// only open (after a space or a double mark, before a letter) later meets one that can only close,
// within the same paragraph and a short distance; inside a double quotation such a pair
// is a nested quotation.
//
// A paragraph is a line. A quotation left open at the end of a paragraph continues
// when the next paragraph starts with an opening mark (the journalistic convention for
// a quotation that runs over several paragraphs); otherwise it ends there, unless a
// straight mark opened it before an attribution ("he said.", "said Capt. Roe"): that
// mark closed a quotation begun in an earlier paragraph, and nothing is quoted. When the
// next paragraph's first double mark closes rather than opens, the line break fell inside
// the quotation ("``It's hard to say.\nEverything is speculation,'' he said.", as text
// with one sentence a line writes it): the words up to that mark are the quotation's next
// part. Either way no quotation ever runs past its paragraph, so a stray mark cannot
// swallow the article.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace storyline {

struct QuoteMarkSpan {
  Span content;         // the quoted text, marks excluded, surrounding spaces trimmed
  Span outer;           // content with its marks (up to the paragraph end when left open)
  bool nested = false;  // a single-mark quotation inside a double-mark one
  bool closed = true;   // false when the paragraph ended before a closing mark
  // Index (in the returned vector) of the previous paragraph's part of the same
  // quotation, or -1.
  int continues = -1;
};

// All quotations of `text` in text order (a nested one after the one that holds it).
// Empty quotations ("" or a mark pair around spaces only) are left out.
std::vector<QuoteMarkSpan> FindQuoteMarkSpans(std::string_view text);

}  // namespace storyline
