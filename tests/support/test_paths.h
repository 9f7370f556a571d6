// Where the tests find the source tree, the built `storyline` binary and the shared data.
//
// The paths are compiled into one file (test_paths.cc) rather than into every test, so a test's
// object file does not depend on where the checkout lives and a compiler cache can share it
// between checkouts.
#pragma once

namespace storyline::test_paths {

// The repository root (holds models/, tests/data/, fuzz/).
const char* SourceDir();
// The `storyline` executable of this build.
const char* StorylineBinary();
// The shared folder beside the repository (seeds/, data/).
const char* SharedDir();

}  // namespace storyline::test_paths
