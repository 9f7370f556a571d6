// Publication dates a web page shows outside its metadata, for pages whose <meta> tags
// and JSON-LD give none: the day in the page's address, where news sites put it
// ("/2019/11/19/", "/2019/nov/18/", "-20191115/"), and the date in a dateline element's
// text ("Published November 19, 2019, 9:02 AM"). Both abstain when unsure: an address
// with a year and month but no day, or a number that merely looks like a date inside a
// longer one, gives nothing.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

// "YYYY-MM-DD" from the path of `url`, empty when it holds no full, real date in years
// 1990-2099.
std::string DateFromUrl(std::string_view url);

// The first date written out in `text` ("November 19, 2019", "19 Nov 2019",
// "2019-11-19"), normalised as io/published_date.h does; empty when none.
std::string DateInText(std::string_view text);

}  // namespace storyline
