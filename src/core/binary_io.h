// Fixed-size values written and read as their bytes: the format of the model files and
// the clusterer's saved state, which the same build on the same kind of machine reads back.
#pragma once

#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace storyline {

template <typename T>
void WritePod(std::ostream& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.write(reinterpret_cast<const char*>(&value), sizeof(T));
}

// Throws std::runtime_error "<file_kind>: truncated file" when the stream ends first.
template <typename T>
T ReadPod(std::istream& in, std::string_view file_kind) {
  static_assert(std::is_trivially_copyable_v<T>);
  T value{};
  if (!in.read(reinterpret_cast<char*>(&value), sizeof(T))) {
    throw std::runtime_error(std::string(file_kind) + ": truncated file");
  }
  return value;
}

}  // namespace storyline
