// A record the readers could not turn into an article. The run goes on; the error is
// reported as one line naming where it happened, and the run exits with status 1. A
// warning is milder: the record was read, but a value in it was left out (a publication
// date that names no real day); it is reported the same way and changes no exit status.
#pragma once

#include <string>

namespace storyline {

struct InputError {
  std::string where;  // "file:line", "file#record" or "file"
  std::string what;   // what is wrong, in a few words
  bool warning = false;

  std::string Message() const { return where + ": " + what; }
};

}  // namespace storyline
