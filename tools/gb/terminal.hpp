// What gb prints passes through here: names, chat, notes, reasons and file
// text can come from players, a server, a journal or a scenario file, and none
// of it may reach the terminal as escape sequences, control bytes or bad UTF-8.
#pragma once

#include <cstdarg>
#include <cstdio>
#include <string>
#include <string_view>

#include "clean_text.hpp"

// The printf checks: mingw's "printf" archetype is Microsoft's (no %zu, %lld), while its
// C++ runtime formats as GNU does; everywhere else "printf" is that.
#ifdef __MINGW32__
#define GB_PRINTF_LIKE(format_at, args_at) [[gnu::format(gnu_printf, format_at, args_at)]]
#else
#define GB_PRINTF_LIKE(format_at, args_at) [[gnu::format(printf, format_at, args_at)]]
#endif

namespace gb::cli {

// printf to `out`, with the whole formatted text cleaned (clean_text keeps the format's newlines).
GB_PRINTF_LIKE(2, 3) inline void say_to(std::FILE* out, const char* format, ...) {
    std::va_list args, again;
    va_start(args, format);
    va_copy(again, args);
    int n = std::vsnprintf(nullptr, 0, format, args);
    va_end(args);
    std::string text(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    if (n > 0) std::vsnprintf(text.data(), text.size() + 1, format, again);
    va_end(again);
    std::string clean = clean_text(text);
    std::fwrite(clean.data(), 1, clean.size(), out);
}

// One field for a line of output (a name, a message): cleaned, and a newline in it shown as "\n".
inline std::string field(std::string_view text) {
    return clean_line(text);
}

}  // namespace gb::cli
