// What the test servers (pg_test_server, nats_test_server) share: a free loopback port to
// start on and their log file read back for an error message.
#pragma once

#include <string>

namespace storyline::testing {

// A port no one listens on now (the kernel's pick for a socket bound to port 0).
int FreeLoopbackPort();

// The whole file at `path`; empty when it cannot be read.
std::string ReadWholeFile(const std::string& path);

}  // namespace storyline::testing
