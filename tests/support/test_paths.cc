#include "test_paths.h"

namespace storyline::test_paths {

const char* SourceDir() { return STORYLINE_SOURCE_DIR; }
const char* StorylineBinary() { return STORYLINE_BINARY; }
const char* SharedDir() { return STORYLINE_SHARED_DIR; }

}  // namespace storyline::test_paths
