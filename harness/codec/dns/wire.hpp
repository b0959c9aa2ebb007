// Big-endian ("network order", RFC 1035 §2.3.2) integer access for the DNS
// decoder and encoder. Callers check bounds before reading.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace conformance::codec::dns::wire {

inline std::uint8_t u8(std::string_view bytes, std::size_t at) { return static_cast<std::uint8_t>(bytes[at]); }

inline std::uint16_t u16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>((u8(bytes, at) << 8) | u8(bytes, at + 1));
}

inline std::uint32_t u32(std::string_view bytes, std::size_t at) {
  return (static_cast<std::uint32_t>(u16(bytes, at)) << 16) | u16(bytes, at + 2);
}

inline void put_u8(std::string& out, std::uint8_t value) { out += static_cast<char>(value); }

inline void put_u16(std::string& out, std::uint16_t value) {
  out += static_cast<char>(value >> 8);
  out += static_cast<char>(value & 0xFF);
}

inline void put_u32(std::string& out, std::uint32_t value) {
  put_u16(out, static_cast<std::uint16_t>(value >> 16));
  put_u16(out, static_cast<std::uint16_t>(value & 0xFFFF));
}

// Overwrites two octets already in `out`, for lengths known only afterwards.
inline void patch_u16(std::string& out, std::size_t at, std::uint16_t value) {
  out[at] = static_cast<char>(value >> 8);
  out[at + 1] = static_cast<char>(value & 0xFF);
}

}  // namespace conformance::codec::dns::wire
