// Scenario and card files: everything shipped loads, the deck covers the
// source, every card quotes the seminar notes verbatim, and broken files give
// `file:line: field: what is wrong` without crashing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>

#include "rng.hpp"
#include "support.hpp"

using namespace gbt;

namespace {

std::vector<std::string> problems_of(const std::string& path) {
    std::vector<std::string> out;
    for (auto& p : validate_file(path)) out.push_back(p.str());
    return out;
}

bool has(const std::vector<std::string>& lines, const std::string& needle) {
    for (auto& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (auto& l : lines) s += l + "\n";
    return s;
}

// A small complete scenario used to test the loader in isolation.
std::string mini_rules() {
    return R"(
[rules]
counters = ["strike"]
[tracks]
trust = { min = -5, max = 5, start = 0 }
tension = { min = 0, max = 10, start = 4 }
nuclear = { min = 0, max = 10, start = 3 }
sanctions = { min = 0, max = 5, start = 3 }
us_hawks = { min = 0, max = 5, start = 2 }
iran_hardliners = { min = 0, max = 5, start = 2 }
al_qaeda = { min = 0, max = 10, start = 7 }
channel = "closed"
[teams.us]
name = "US"
score = [ { track = "al_qaeda", weight = -1 } ]
[teams.iran]
name = "Iran"
score = [ { counter = "strike", below = 1, weight = 5 } ]
[teams.israel]
name = "Israel"
[teams.gulf]
name = "Gulf"
[markers.hezbollah]
name = "Hezbollah"
sponsors = ["iran"]
[[regions]]
id = "lebanon"
name = "Lebanon"
kind = "land"
stability = 2
influence = { iran = 3 }
markers = { hezbollah = 3 }
[actions.enrich]
name = "Enrich"
category = "nuclear"
teams = ["iran"]
cost = 1
target = "none"
step = 85
success = [ { track = "nuclear", add = 1 } ]
)";
}

std::string mini_card(const std::string& extra = "") {
    return R"(
[[cards]]
id = "one"
title = "One"
date = "2001-09"
eras = ["x"]
kind = "event"
source = "Iran was one of the first countries to condemn the attack."
text = "Text."
note = "Note."
effects = [ { track = "trust", add = 1 } ]
)" + extra;
}

std::string mini_scenario(const std::string& header_extra = "") {
    return R"([scenario]
id = "mini"
title = "Mini"
includes = ["rules.toml"]
calendar = ["T1", "T2"]
deck_files = ["cards.toml"]
deck_eras = ["x"]
)" + header_extra;
}

}  // namespace

TEST_CASE("the shipped scenarios load") {
    auto a = after911();
    CHECK(a->id == "after-911");
    CHECK(a->turns() == 8);
    CHECK(a->deck.size() == 8);
    CHECK(a->regions.size() >= 14);
    auto b = scenario2009();
    CHECK(b->id == "new-administration-2009");
    CHECK(b->deck_order == DeckOrder::shuffled);
    CHECK(b->deck.size() >= 8);
    // The 2009 layer overrides only what it names.
    int iraq = b->find_region("iraq");
    CHECK(b->regions[iraq].stability == 2);
    CHECK(b->regions[iraq].name == "Iraq");
}

TEST_CASE("historical decks run in date order; shuffled decks depend on the seed") {
    auto a = after911();
    for (std::size_t i = 1; i < a->deck.size(); ++i) CHECK(a->cards[a->deck[i - 1]].date <= a->cards[a->deck[i]].date);
    GameState g1 = new_game(scenario2009(), 1), g2 = new_game(scenario2009(), 2), g1b = new_game(scenario2009(), 1);
    CHECK(g1.deck == g1b.deck);
    CHECK(g1.deck != g2.deck);
}

TEST_CASE("every card file and every shipped file validates") {
    for (auto& entry : std::filesystem::recursive_directory_iterator(source_dir() + "/scenarios")) {
        if (entry.path().extension() != ".toml") continue;
        auto ps = problems_of(entry.path().string());
        INFO(entry.path().string() << "\n" << joined(ps));
        CHECK(ps.empty());
    }
}

TEST_CASE("the deck has at least 30 cards, each quoting the seminar notes verbatim in 8 to 40 words") {
    auto s = after911();
    REQUIRE(s->cards.size() >= 30);
    std::string notes = read_file(source_dir() + "/../shared/source/000_6cdc489f2323fb4f.txt");
    REQUIRE_FALSE(notes.empty());
    std::set<std::string> ids;
    for (const auto& c : s->cards) {
        INFO(c.id);
        CHECK(ids.insert(c.id).second);
        CHECK(notes.find(c.source) != std::string::npos);
        std::istringstream ws(c.source);
        int words = 0;
        for (std::string w; ws >> w;) ++words;
        CHECK(words >= 8);
        CHECK(words <= 40);
        CHECK_FALSE(c.text.empty());
        CHECK_FALSE(c.note.empty());
        CHECK_FALSE(c.eras.empty());
    }
}

TEST_CASE("the deck covers every episode of the notes") {
    auto s = after911();
    // One distinctive phrase per episode; some card must quote it.
    std::vector<std::string> episodes{"Iran-Contra",
                                      "hostages",
                                      "Bosnian",
                                      "Conoco",
                                      "Iran-Libya sanctions",
                                      "rugs and pistachios",
                                      "counternarcotics",
                                      "limit the agenda",
                                      "condemn the attack",
                                      "search and rescue",
                                      "Bonn conference",
                                      "Axis of Evil",
                                      "arms shipment to Gaza",
                                      "200 al-Qaeda",
                                      "MEK",
                                      "every issue could be on the table",
                                      "Riyadh",
                                      "July 2008",
                                      "2007",
                                      "interest section",
                                      "eight al-Qaeda operatives",
                                      "humanitarian corridor",
                                      "monthly meetings",
                                      "warlord",
                                      "US help repatriating",
                                      "IAEA",
                                      "pro-democracy funds",
                                      "steering committee"};
    for (const auto& e : episodes) {
        bool found = false;
        for (const auto& c : s->cards) found |= c.source.find(e) != std::string::npos;
        INFO("episode: " << e);
        CHECK(found);
    }
}

TEST_CASE("a well-formed mini scenario loads") {
    write_temp("ok/rules.toml", mini_rules());
    write_temp("ok/cards.toml", mini_card());
    auto path = write_temp("ok/mini.toml", mini_scenario());
    auto r = load_scenario(path);
    INFO(joined(problems_of(path)));
    REQUIRE(r.scenario);
    CHECK(r.scenario->deck.size() == 1);
}

TEST_CASE("syntax errors name the file and line") {
    auto path = write_temp("bad/syntax.toml", "[scenario]\nid = \"x\"\ntitle = \n");
    auto ps = problems_of(path);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].rfind(path + ":3: syntax:", 0) == 0);
}

TEST_CASE("unknown and missing fields, bad ranges and bad references are each reported") {
    write_temp("bad2/rules.toml", mini_rules());
    write_temp("bad2/cards.toml", mini_card(R"(
[[cards]]
id = "two"
title = "Two"
date = "2001-13"
eras = ["x"]
kind = "choice"
source = "too short"
text = "t"
colour = "red"
effects = [ { track = "happiness", add = 1 }, { influence = "atlantis", team = "us", add = 1 }, { hand = "nope", team = "us" }, { marker = "dragons", region = "lebanon", add = 1 } ]
)"));
    auto path =
        write_temp("bad2/mini.toml", mini_scenario("deck_cards = [\"missing-card\"]\n[rules]\nleak_target = 99\n"));
    auto ps = problems_of(path);
    INFO(joined(ps));
    CHECK(has(ps, "cards.toml:21: cards.two.colour: unknown field"));
    CHECK(has(ps, "cards.two.note: missing field"));
    CHECK(has(ps, "cards.two.date: must be YYYY-MM"));
    CHECK(has(ps, "cards.two.source: a source quote has 8 to 40 words"));
    CHECK(has(ps, "cards.two.effects[0].track: unknown track 'happiness'"));
    CHECK(has(ps, "cards.two.effects[1].influence: unknown region 'atlantis'"));
    CHECK(has(ps, "cards.two.effects[2].hand: unknown card 'nope'"));
    CHECK(has(ps, "cards.two.effects[3].marker: unknown marker 'dragons'"));
    CHECK(has(ps, "cards.two.options: a choice card needs at least two"));
    CHECK(has(ps, "rules.leak_target: 99 is out of range 2..40"));
    CHECK(has(ps, "scenario.deck_cards: unknown card 'missing-card'"));
    for (auto& p : ps) CHECK(p.find(":0:") == std::string::npos);  // every problem has a line
}

TEST_CASE("a card file alone is checked against the standard rules") {
    auto dir = source_dir() + "/scenarios/cards";
    CHECK(problems_of(dir + "/episodes-2001-2003.toml").empty());
}

TEST_CASE("missing files and garbage never crash the loader") {
    CHECK(has(problems_of("/nonexistent/file.toml"), "cannot open file"));
    std::string base = read_file(source_dir() + "/scenarios/rules/standard.toml");
    Rng rng = Rng::seeded(12345);
    for (int i = 0; i < 300; ++i) {
        std::string s = base;
        int edits = 1 + static_cast<int>(rng.below(8));
        for (int k = 0; k < edits; ++k) {
            std::size_t at = rng.below(static_cast<std::uint32_t>(s.size()));
            switch (rng.below(3)) {
                case 0: s[at] = static_cast<char>(rng.below(256)); break;
                case 1: s.erase(at, rng.below(40)); break;
                case 2: s.insert(at, s.substr(rng.below(static_cast<std::uint32_t>(s.size())), rng.below(30))); break;
            }
        }
        auto path = write_temp("fuzz/rules/standard.toml", s);
        auto ps = validate_file(path);  // must return, never throw or crash
        for (auto& p : ps) CHECK_FALSE(p.message.empty());
    }
}
