// Turns the bytes of an HTML page into UTF-8 before parsing. The encoding comes from a
// byte-order mark, else from a <meta charset> or <meta http-equiv content="...charset=">
// near the top of the page; a page with neither that is not valid UTF-8 is read as
// windows-1252, the fallback browsers use for Western pages, and so is a page declared
// UTF-8 whose high bytes form no UTF-8 sequence at all (a mislabelled single-byte page;
// one stray byte in real UTF-8 stays a replacement character). Labels are mapped as the
// WHATWG Encoding standard does (latin-1 and ascii mean windows-1252) and converted
// with ICU; a label ICU does not know is read as UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

std::string HtmlBytesToUtf8(std::string_view bytes);

// Whether the bytes are not text at all (an image, an archive, random data): more than
// 2% control characters other than whitespace in the first 8 KiB, not counting pages
// that start with a UTF-16 byte-order mark.
bool LooksLikeBinary(std::string_view bytes);

}  // namespace storyline
