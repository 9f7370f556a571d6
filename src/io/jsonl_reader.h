// JSON Lines articles: one object per line, the shape of CONTRACT.md. Only "text" is
// required; "id" defaults to "<id stem>-<line>". Blank lines and a UTF-8 byte-order mark
// at the start are skipped, but more blank bytes in a row than the record limit end the
// file with an error (a gzip of nothing but line ends is a decompression bomb, not a
// feed). "published" is normalised (io/published_date.h); a value that names no real
// date is a warning and leaves the date unknown.
#pragma once

#include <string>

#include "io/input_path.h"
#include "io/input_reader.h"

namespace storyline {

void ReadJsonLines(const InputFile& file, const ReadOptions& options, const ArticleSink& on_article,
                   const ErrorSink& on_error);

}  // namespace storyline
