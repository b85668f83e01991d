// Text cleaning for terminals, logs and reports: one pass over the bytes that
// decodes UTF-8 strictly and drops what a terminal would act on.
#include "clean_text.hpp"

#include <cstdint>

namespace gb {

namespace {

constexpr char kEsc = 0x1b;
constexpr std::string_view kReplacement = "\xef\xbf\xbd";  // U+FFFD

// The length of the valid UTF-8 sequence starting at `i`, or 0 when invalid.
std::size_t utf8_length(std::string_view s, std::size_t i, std::uint32_t& code) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b = byte(i);
    std::size_t n;
    std::uint32_t min;
    if (b < 0x80) {
        code = b;
        return 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
        n = 2, min = 0x80, code = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3, min = 0x800, code = b & 0x0Fu;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4, min = 0x10000, code = b & 0x07u;
    } else {
        return 0;  // a continuation byte, an overlong lead (C0, C1) or past U+10FFFF (F5 to FF)
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        unsigned char c = byte(i + k);
        if ((c & 0xC0u) != 0x80u) return 0;
        code = (code << 6) | (c & 0x3Fu);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return n;
}

// Where the escape sequence starting with ESC at `i` ends (one past its last byte).
std::size_t skip_escape(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    if (j >= s.size()) return j;
    char kind = s[j];
    if (kind == '[') {  // CSI: parameter bytes, intermediate bytes, one final byte
        ++j;
        while (j < s.size() && s[j] >= 0x30 && s[j] <= 0x3F) ++j;
        while (j < s.size() && s[j] >= 0x20 && s[j] <= 0x2F) ++j;
        if (j < s.size() && s[j] >= 0x40 && s[j] <= 0x7E) ++j;
        return j;
    }
    if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
        // OSC, DCS, SOS, PM, APC: a string up to BEL, ESC \ or the C1 string terminator.
        for (++j; j < s.size(); ++j) {
            if (s[j] == '\a') return j + 1;
            if (s[j] == kEsc) return j + 1 < s.size() && s[j + 1] == '\\' ? j + 2 : j;
            if (s[j] == '\xc2' && j + 1 < s.size() && s[j + 1] == '\x9c') return j + 2;
        }
        return j;
    }
    if (kind >= 0x20 && kind <= 0x7E) {  // ESC ( B and the like: intermediates, then one final byte
        while (j < s.size() && s[j] >= 0x20 && s[j] <= 0x2F) ++j;
        if (j < s.size() && s[j] >= 0x30 && s[j] <= 0x7E) ++j;
        return j;
    }
    return j;  // ESC before anything else: only the ESC goes
}

std::string clean(std::string_view s, bool one_line) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == kEsc) {
            i = skip_escape(s, i);
            continue;
        }
        if (c == '\n' || c == '\t') {
            if (one_line)
                out += c == '\n' ? "\\n" : "\\t";
            else
                out += c;
            ++i;
            continue;
        }
        std::uint32_t code = 0;
        std::size_t n = utf8_length(s, i, code);
        if (n == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        bool control = code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F);
        if (!control) out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace

std::string clean_text(std::string_view text) {
    return clean(text, false);
}

std::string clean_line(std::string_view text) {
    return clean(text, true);
}

bool valid_utf8(std::string_view text) {
    std::uint32_t code = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = utf8_length(text, i, code);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

}  // namespace gb
