// Cleaning text that came from outside (player names, chat, notes, reasons,
// scenario text read from a journal) before it reaches a terminal, a log line
// or a report: no control characters, no escape sequences, only valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace gb {

// Valid UTF-8 without control characters: C0 controls other than newline and
// tab are removed, and so are DEL, C1 controls (U+0080 to U+009F) and whole
// escape sequences (ESC [ ... final, ESC ] ... BEL or ST, ESC and one
// character). Each byte of invalid UTF-8 becomes U+FFFD. A carriage return is
// removed (it would let text overwrite what is before it on a line).
std::string clean_text(std::string_view text);

// The same for one line of a log or a terminal column: a newline becomes the
// two characters "\n" and a tab "\t", so that no text can start a line of its own.
std::string clean_line(std::string_view text);

// Whether `text` is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view text);

}  // namespace gb
