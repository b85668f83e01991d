// Bounded decoding for cereal's portable binary archive: every container and
// string length read from untrusted bytes is checked against a hard limit and
// against the bytes left in the message before anything is allocated.
#pragma once

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstddef>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

namespace gb {

struct DecodeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxElements = 1u << 16;  // per container or string

// A read-only stream over a byte range that knows how much is left.
class ByteSource : public std::streambuf {
public:
    ByteSource(const char* data, std::size_t size) {
        char* p = const_cast<char*>(data);
        setg(p, p, p + size);
    }
    std::size_t remaining() const { return static_cast<std::size_t>(egptr() - gptr()); }
};

namespace detail {
// The source being decoded on this thread (set by BoundedDecode).
inline thread_local const ByteSource* current_source = nullptr;

inline void check_length(std::size_t n, const char* what) {
    if (n > kMaxElements) throw DecodeError(std::string(what) + " length " + std::to_string(n) + " is over the limit");
    if (current_source && n > current_source->remaining())
        throw DecodeError(std::string(what) + " length " + std::to_string(n) + " is more than the bytes left (" +
                          std::to_string(current_source->remaining()) + ")");
}
}  // namespace detail

// Decodes one value from a byte range; throws DecodeError on any problem,
// including trailing bytes.
template <class T>
void bounded_decode(const char* data, std::size_t size, T& out) {
    ByteSource src(data, size);
    std::istream in(&src);
    const ByteSource* saved = detail::current_source;
    detail::current_source = &src;
    try {
        cereal::PortableBinaryInputArchive ar(in);
        ar(out);
    } catch (const DecodeError&) {
        detail::current_source = saved;
        throw;
    } catch (const std::exception& e) {
        detail::current_source = saved;
        throw DecodeError(std::string("malformed: ") + e.what());
    }
    detail::current_source = saved;
    if (src.remaining() != 0)
        throw DecodeError(std::to_string(src.remaining()) + " unexpected bytes after the message");
}

}  // namespace gb

// More specialised than cereal's own loads, so they win overload resolution
// for the portable binary input archive.
namespace cereal {

template <class T, class A>
void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, std::vector<T, A>& v) {
    size_type n;
    ar(make_size_tag(n));
    gb::detail::check_length(static_cast<std::size_t>(n), "list");
    v.clear();
    v.resize(static_cast<std::size_t>(n));
    for (auto& x : v) ar(x);
}

inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, std::string& s) {
    size_type n;
    ar(make_size_tag(n));
    gb::detail::check_length(static_cast<std::size_t>(n), "text");
    s.resize(static_cast<std::size_t>(n));
    ar(binary_data(s.data(), static_cast<std::size_t>(n)));
}

}  // namespace cereal

namespace cereal {
// A boolean from untrusted bytes: one byte, 0 or 1. Any other value is an
// error (a bool holding 14 is undefined behaviour when read).
inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, bool& b) {
    std::uint8_t v = 0;
    ar.loadBinary<sizeof(v)>(&v, sizeof(v));
    if (v > 1) throw gb::DecodeError("a boolean is " + std::to_string(v) + ", neither 0 nor 1");
    b = v != 0;
}
}  // namespace cereal
