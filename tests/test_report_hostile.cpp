// The after-action report with hostile text from players: chat, notes, a
// game's name and a White Cell inject holding escape sequences, invalid
// UTF-8, raw HTML, and Markdown links and images.
#include <catch2/catch.hpp>

#include "clean_text.hpp"
#include "journal_game.hpp"
#include "report.hpp"
#include "support.hpp"
#include "timeline.hpp"

using namespace gbt;
using namespace gb::report;

namespace {

const std::string kHostile =
    "evil\x1b]0;owned\x07 \x1b[2J\xff\xfe\xc0\xaf\r\x7f\xc2\x9b name\n[forged](javascript:alert(1)) "
    "![pixel](https://tracker.example/p.png) <img src=x onerror=alert(1)> <https://example.com> \\[x](y) "
    "[ref]: javascript:alert(2)";

bool has_control(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n' || c == '\t') continue;
        if (c < 0x20 || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    }
    return false;
}

GameReport hostile_report(const TempDir& dir) {
    journal_game(dir / "game.journal", source_dir() + "/scenarios/after-911.toml", 5, true, 40);
    Timeline t = Timeline::open(dir / "game.journal");
    GameReport r = build_report(t, {}, {});
    REQUIRE_FALSE(r.turns.empty());
    r.include_chat = true;
    r.game_name = kHostile;
    TurnView& tv = r.turns.front();
    tv.chat.push_back({kHostile, kHostile, kHostile});
    tv.white_cell.push_back({"amendment", kHostile, kHostile});
    tv.bookmarks.push_back({"bookmark", kHostile, kHostile});
    tv.inject.drawn = true;
    tv.inject.written = true;
    tv.inject.title = kHostile;
    tv.inject.text = kHostile;
    return r;
}

}  // namespace

TEST_CASE("The HTML report holds only valid UTF-8 and no control bytes, whatever players wrote", "[report][hostile]") {
    TempDir dir("report-hostile-html");
    std::string html = render_html(hostile_report(dir));
    CHECK(gb::valid_utf8(html));
    CHECK_FALSE(has_control(html));
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&lt;img src=x") != std::string::npos);  // shown as text
}

TEST_CASE("The Markdown report makes no link, image or HTML of what players wrote", "[report][hostile]") {
    TempDir dir("report-hostile-md");
    std::string md = render_markdown(hostile_report(dir));
    CHECK(gb::valid_utf8(md));
    CHECK_FALSE(has_control(md));
    // A link or an image needs an unescaped "](" or "![".
    auto unescaped = [&](const std::string& what) {
        for (std::size_t at = md.find(what); at != std::string::npos; at = md.find(what, at + 1)) {
            std::size_t slashes = 0;
            while (slashes < at && md[at - 1 - slashes] == '\\') ++slashes;
            if (slashes % 2 == 0) return true;
        }
        return false;
    };
    CHECK_FALSE(unescaped("]("));
    CHECK_FALSE(unescaped("!["));
    CHECK(md.find("<img") == std::string::npos);
    CHECK(md.find("<https://") == std::string::npos);
    CHECK(md.find("\n[ref]:") == std::string::npos);
    // Every bracket of the player's text is escaped: none opens a link.
    for (std::size_t at = md.find('['); at != std::string::npos; at = md.find('[', at + 1)) {
        std::size_t slashes = 0;
        while (slashes < at && md[at - 1 - slashes] == '\\') ++slashes;
        INFO(md.substr(at > 40 ? at - 40 : 0, 80));
        CHECK(slashes % 2 == 1);
    }
    // The text still reads as typed.
    CHECK(md.find("\\[forged\\]\\(javascript:alert\\(1\\)\\)") != std::string::npos);
}
