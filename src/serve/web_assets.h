// The web page's files (web/ in the source tree), compiled into the binary by
// cmake/EmbedAssets.cmake: the server looks nothing up on disk, so no request can reach
// a file outside them.
#pragma once

#include <string_view>

namespace storyline {

struct WebAsset {
  std::string_view path;  // "/app.js"
  std::string_view content_type;
  std::string_view content;
};

// The asset served at `path` ("/" is "/index.html"); nullptr when there is none.
const WebAsset* FindWebAsset(std::string_view path);

}  // namespace storyline
