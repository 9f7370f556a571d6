// Publication dates as inputs write them, normalised to ISO 8601: a date
// ("2019-11-19") or a date-time ("2019-11-19T10:05:00", with "Z" or "-05:00" when the
// input gives a zone). Every value that comes back is a real calendar date in years
// 0001-9999 with a real time of day, so later date arithmetic never meets "2024-13-45"
// or a year that prints as "-001".
#pragma once

#include <string>
#include <string_view>

namespace storyline {

// Accepts ISO 8601 dates and date-times with a 'T' or a space, "2019/11/19", RFC 822 /
// 2822 ("Tue, 19 Nov 2019 10:00:00 GMT") and the ways pages write dates in words
// ("November 19, 2019", "19 Nov 2019"). Empty when the value is none of these or names
// no real date.
std::string NormalizePublishedDate(std::string_view value);

}  // namespace storyline
