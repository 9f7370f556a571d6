// WARC archives (.warc, .warc.gz; ISO 28500): every HTTP response record holding an
// HTML page with article text becomes an article, streamed record by record so an
// archive of any size never sits in memory. Other records (requests, metadata, images,
// non-200 responses, pages without article text) are skipped without complaint.
//
// A malformed record is one error naming its record number, and reading goes on: a
// header without a valid Content-Length (missing, negative, "12abc") is skipped to the
// next line that starts with "WARC/"; a Content-Length that runs into the next record is
// cut there; one that ends short of the record's end is an error, never a truncated
// page. A record's id, and its url, is the address `follow` names the page's article by
// (PageAddress in io/canonical_url.h: the page's own rel=canonical/og:url on the same
// site, else the canonical WARC-Target-URI), so an archive `follow` wrote reads back with
// the ids it stored, and two captures of one page are versions of one article. A record
// without an http(s) target URI is named by its WARC-Record-ID (a UUID), else
// "<id stem>-<record number>".
#pragma once

#include <string>

#include "io/input_path.h"
#include "io/input_reader.h"

namespace storyline {

void ReadWarc(const InputFile& file, const ReadOptions& options, const ArticleSink& on_article,
              const ErrorSink& on_error);

}  // namespace storyline
