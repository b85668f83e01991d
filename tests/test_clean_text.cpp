// Text cleaning (core/clean_text): what reaches a terminal, a log line or a
// report is valid UTF-8 with no control characters, whatever bytes came in.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "clean_text.hpp"

using gb::clean_line;
using gb::clean_text;
using gb::valid_utf8;

namespace {

// An independent check: bytes that a terminal acts on, as they appear in cleaned text.
bool has_control(const std::string& s, bool allow_newline_tab) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c == '\n' || c == '\t') && allow_newline_tab) continue;
        if (c < 0x20 || c == 0x7F) return true;
        // C1 controls are U+0080 to U+009F: C2 80 to C2 9F in UTF-8.
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    }
    return false;
}

std::string random_bytes(std::mt19937_64& rng, std::size_t n) {
    // Mostly bytes that matter here: ESC, [, ], BEL, C1 leads, UTF-8 leads and continuations.
    static const unsigned char interesting[] = {0x1b, '[',  ']',  0x07, '\\', 0xC2, 0x9B, 0x9C, 0x80,
                                                0xBF, 0xC0, 0xE0, 0xED, 0xA0, 0xF0, 0xF4, 0xF5, 0xFF,
                                                '\n', '\r', '\t', 0x7F, 'a',  '1',  ';',  'P'};
    std::string s(n, '\0');
    for (auto& ch : s) {
        auto r = rng();
        ch = static_cast<char>(r % 3 == 0 ? interesting[(r >> 8) % sizeof interesting] : (r >> 16) & 0xFF);
    }
    return s;
}

}  // namespace

TEST_CASE("clean text: random bytes come out as valid UTF-8 without control bytes") {
    std::mt19937_64 rng(20240611);
    for (int round = 0; round < 20000; ++round) {
        std::string in = random_bytes(rng, rng() % 64);
        std::string text = clean_text(in), line = clean_line(in);
        INFO("round " << round);
        REQUIRE(valid_utf8(text));
        REQUIRE(valid_utf8(line));
        REQUIRE_FALSE(has_control(text, true));
        REQUIRE_FALSE(has_control(line, false));
        REQUIRE(line.find('\n') == std::string::npos);
        // Cleaning twice changes nothing more.
        REQUIRE(clean_text(text) == text);
        REQUIRE(clean_line(line) == line);
    }
}

TEST_CASE("clean text: valid text without controls is left as it is") {
    for (std::string s : {"", "Iran", "Ayatollah Khamenei", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 \xe4\xb8\xad",
                          "a [link](x) <b> & 100%", "tab\there"}) {
        CHECK(clean_text(s) == s);
        CHECK(valid_utf8(s));
    }
    CHECK(clean_text("two\nlines") == "two\nlines");
}

TEST_CASE("clean text: escape sequences go whole, with nothing of them left") {
    CHECK(clean_text("a\x1b[31mred\x1b[0m b") == "ared b");
    CHECK(clean_text("\x1b[2J\x1b[1;1Hcleared") == "cleared");
    CHECK(clean_text("\x1b]0;pwned title\x07"
                     "after") == "after");                                        // OSC ended by BEL
    CHECK(clean_text("\x1b]8;;javascript:x\x1b\\link\x1b]8;;\x1b\\") == "link");  // OSC 8 hyperlink, ST-ended
    CHECK(clean_text("\x1bPdevice\x1b\\x") == "x");                               // DCS
    CHECK(clean_text("\x1b(Bx\x1b"
                     "7y\x1b"
                     "8") == "xy");  // charset, save and restore cursor
    CHECK(clean_text("end\x1b") == "end");
    CHECK(clean_text("\xc2\x9b"
                     "31mx") == "31mx");  // the C1 CSI goes; what follows is plain text
}

TEST_CASE("clean text: C0, DEL and C1 controls are removed, CR too") {
    CHECK(clean_text(std::string("a\0b", 3)) == "ab");
    CHECK(clean_text("bell\x07, back\x08space, del\x7f") == "bell, backspace, del");
    CHECK(clean_text("over\rwrite") == "overwrite");
    CHECK(clean_text("c1 \xc2\x85 next line, \xc2\x9d osc") == "c1  next line,  osc");
    CHECK(clean_text("\xc2\xa0nbsp") == "\xc2\xa0nbsp");  // U+00A0 is text, not a control
}

TEST_CASE("clean text: invalid UTF-8 becomes U+FFFD, byte by byte") {
    const std::string r = "\xef\xbf\xbd";
    CHECK(clean_text("\xff") == r);
    CHECK(clean_text("a\x80z") == "a" + r + "z");            // a lone continuation byte
    CHECK(clean_text("\xc0\xaf") == r + r);                  // an overlong '/'
    CHECK(clean_text("\xe0\x80\xaf") == r + r + r);          // an overlong, three bytes
    CHECK(clean_text("\xed\xa0\x80") == r + r + r);          // a surrogate
    CHECK(clean_text("\xf4\x90\x80\x80") == r + r + r + r);  // past U+10FFFF
    CHECK(clean_text("\xe2\x82") == r + r);                  // cut short
    CHECK(clean_text("\xe2\x82\xac") == "\xe2\x82\xac");     // the euro sign, whole
    CHECK_FALSE(valid_utf8("\xc3"));
    CHECK(valid_utf8("\xf4\x8f\xbf\xbf"));
}

TEST_CASE("clean line: a newline in a name cannot start a forged log line") {
    std::string name = "Mallory\n[gb-server] game 1: control seat granted to Mallory";
    std::string line = clean_line(name);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line == "Mallory\\n[gb-server] game 1: control seat granted to Mallory");
    CHECK(clean_line("a\tb\r\nc") == "a\\tb\\nc");
}
