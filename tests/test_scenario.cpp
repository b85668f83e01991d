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
    CHECK(a->deck_order == DeckOrder::seasonal);
    CHECK(a->deck.size() >= 25);  // every card of the Afghanistan era
    CHECK(a->periods.size() == 8);
    CHECK(a->regions.size() >= 14);
    auto c = cycle();
    CHECK(c->id == "the-cycle-1986-2001");
    CHECK(c->turns() == 8);
    CHECK(c->deck_order == DeckOrder::seasonal);
    CHECK(c->start_channel == Channel::secret);  // Iran-Contra needs engagement to expose
    auto b = scenario2009();
    CHECK(b->id == "new-administration-2009");
    CHECK(b->deck_order == DeckOrder::shuffled);
    CHECK(b->deck.size() >= 8);
    // The 2009 layer overrides only what it names.
    int iraq = b->find_region("iraq");
    CHECK(b->regions[iraq].stability == 2);
    CHECK(b->regions[iraq].name == "Iraq");
}

TEST_CASE("historical decks run in date order, shuffled decks depend on the seed") {
    auto a = after911_v1();
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

namespace {

// The White Cell draws, moves every phase on (an unanswered choice takes its
// default) and releases the report, until the next turn begins or the game ends.
void next_turn(GameState& g) {
    int turn = g.turn;
    while (!g.ended() && g.turn == turn) {
        if (g.phase == Phase::inject && !g.inject_drawn && !g.deck.empty())
            must(g, Seat::control(), DrawInject{});
        else if (g.phase == Phase::adjudication)
            must(g, Seat::control(), Release{});
        else
            must(g, Seat::control(), AdvancePhase{});
    }
}

std::vector<std::string> deck_ids(const GameState& g) {
    std::vector<std::string> out;
    for (auto c : g.deck) out.push_back(g.card(c).id);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// An event card for the deck tests.
std::string card(const std::string& id, const std::string& date, const std::string& extra = "") {
    return "\n[[cards]]\nid = \"" + id + "\"\ntitle = \"" + id + "\"\ndate = \"" + date +
           "\"\neras = [\"x\"]\nkind = \"event\"\n" + extra +
           "source = \"Iran was one of the first countries to condemn the attack.\"\ntext = \"Text.\"\nnote = "
           "\"Note.\"\neffects = []\n";
}

std::shared_ptr<const Scenario> load_mini(const std::string& dir, const std::string& cards,
                                          const std::string& header_extra) {
    write_temp(dir + "/rules.toml", mini_rules());
    write_temp(dir + "/cards.toml", cards);
    std::string header = mini_scenario(header_extra);
    if (header_extra.find("calendar") != std::string::npos)  // the extra calendar replaces the mini one
        header.erase(header.find("calendar = [\"T1\", \"T2\"]\n"), std::string("calendar = [\"T1\", \"T2\"]\n").size());
    auto path = write_temp(dir + "/mini.toml", header);
    auto r = load_scenario(path);
    INFO(joined(problems_of(path)));
    REQUIRE(r.scenario);
    return r.scenario;
}

}  // namespace

TEST_CASE("every card is dealt by some shipped scenario, and every shipped scenario validates") {
    std::set<std::string> dealt, pool, shipped;
    for (auto& entry : std::filesystem::directory_iterator(source_dir() + "/scenarios")) {
        if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
        auto path = entry.path().string();
        auto ps = problems_of(path);  // what `gb validate` prints
        INFO(path << "\n" << joined(ps));
        CHECK(ps.empty());
        auto r = load_scenario(path);
        REQUIRE(r.scenario);
        shipped.insert(r.scenario->id);
        for (int c : r.scenario->deck) dealt.insert(r.scenario->cards[c].id);
        for (const auto& c : r.scenario->cards) pool.insert(c.id);
    }
    CHECK(shipped == std::set<std::string>{"after-911", "new-administration-2009", "the-cycle-1986-2001", "tutorial"});
    // The pool is every card of every card file.
    std::size_t in_files = 0;
    for (auto& entry : std::filesystem::directory_iterator(source_dir() + "/scenarios/cards")) {
        std::string text = read_file(entry.path().string());
        for (std::size_t at = text.find("[[cards]]"); at != std::string::npos; at = text.find("[[cards]]", at + 1))
            ++in_files;
    }
    CHECK(pool.size() == in_files);
    for (const auto& id : pool) {
        INFO("card in no shipped scenario's deck: " << id);
        CHECK(dealt.count(id) == 1);
    }
}

TEST_CASE("an option that cuts the channel off says so in its text") {
    for (const auto& c : after911()->cards)
        for (const auto& o : c.options)
            for (const auto& e : o.effects)
                if (e.verb == EffectVerb::spoiler) {
                    INFO(c.id << ": " << o.label);
                    CHECK(o.text.find("spoiler") != std::string::npos);
                    CHECK(o.text.find("cut off") != std::string::npos);
                }
}

TEST_CASE("card dates and calendar labels are read as months") {
    auto m = [](int y, int mo) { return y * 12 + mo - 1; };
    auto d = card_months("2002-01");
    REQUIRE(d);
    CHECK((d->first == m(2002, 1) && d->last == m(2002, 1)));
    d = card_months("1994");
    REQUIRE(d);
    CHECK((d->first == m(1994, 1) && d->last == m(1994, 12)));
    d = card_months("2001-12/2003-05");
    REQUIRE(d);
    CHECK((d->first == m(2001, 12) && d->last == m(2003, 5)));
    for (const char* bad : {"2002-13", "02-2002", "2003/2001", "2002-1", "", "2002-01/", "soon"}) {
        INFO(bad);
        CHECK_FALSE(card_months(bad));
    }
    auto p = period_months("Autumn 2001");
    REQUIRE(p);
    CHECK((p->first == m(2001, 9) && p->last == m(2001, 11)));
    p = period_months("Winter 2001-02");
    REQUIRE(p);
    CHECK((p->first == m(2001, 12) && p->last == m(2002, 2)));
    p = period_months("1986-88");
    REQUIRE(p);
    CHECK((p->first == m(1986, 1) && p->last == m(1988, 12)));
    p = period_months("1999-2000");
    REQUIRE(p);
    CHECK((p->first == m(1999, 1) && p->last == m(2000, 12)));
    p = period_months("1995");
    REQUIRE(p);
    CHECK((p->first == m(1995, 1) && p->last == m(1995, 12)));
    for (const char* bad : {"T1", "Winter 2001", "Spring 02", "Summer 2002 and more", "1988-86", "Turn 3"}) {
        INFO(bad);
        CHECK_FALSE(period_months(bad));
    }
}

TEST_CASE("conditions, dates, defaults and seasonal calendars are checked with file, line and field") {
    write_temp("bad3/rules.toml", mini_rules());
    write_temp("bad3/cards.toml", mini_card() +
                                      card("two", "2001-12/2001-01",
                                           "requires = [ { track = \"channel\", at_least = \"open\" }, "
                                           "{ track = \"trsut\", at_least = 0 }, { counter = \"nope\", "
                                           "at_least = 1 }, { track = \"trust\", at_least = 0, weight = 2 } "
                                           "]\n") +
                                      R"(
[[cards]]
id = "three"
title = "Three"
date = "2001-10"
eras = ["x"]
kind = "choice"
source = "Iran was one of the first countries to condemn the attack."
text = "t"
note = "n"
chooser = "us"
[[cards.options]]
label = "a"
text = "a"
default = true
[[cards.options]]
label = "b"
text = "b"
default = true
)");
    auto path = write_temp("bad3/mini.toml", mini_scenario("deck_order = \"seasonal\"\n"));
    auto ps = problems_of(path);
    INFO(joined(ps));
    CHECK(has(ps, "cards.toml:16: cards.two.date: must be YYYY-MM, YYYY"));
    CHECK(has(ps,
              "cards.toml:19: cards.two.requires[0].at_least: unknown channel 'open' (expected closed, secret, "
              "tactical or strategic)"));
    CHECK(has(ps, "cards.two.requires[1].track: unknown track 'trsut'"));
    CHECK(has(ps, "cards.two.requires[2].counter: unknown counter 'nope'"));
    CHECK(has(ps, "cards.two.requires[3].weight: a condition has no weight"));
    CHECK(has(ps, "cards.three.options[1].default: only one option may be the default"));
    CHECK(has(ps, "mini.toml:5: scenario.calendar[0]: a seasonal deck needs labels that name months"));
    for (auto& p : ps) CHECK(p.find(":0:") == std::string::npos);
}

TEST_CASE("a card whose premise does not hold is deferred, and the next one whose premise holds is drawn") {
    auto s =
        load_mini("premise",
                  card("needs-channel", "2001-09", "requires = [ { track = \"channel\", at_least = \"secret\" } ]\n") +
                      card("free", "2001-10") +
                      card("needs-strike", "2001-11", "requires = [ { counter = \"strike\", at_least = 1 } ]\n"),
                  "deck_order = \"historical\"\n");
    GameState g = new_game(s, 1);
    CHECK(deck_ids(g) == std::vector<std::string>{"needs-channel", "free", "needs-strike"});
    CHECK_FALSE(premise_holds(g, g.deck[0]));
    CHECK(next_inject(g) == 1);
    must(g, Seat::control(), DrawInject{});
    CHECK(g.card(g.inject).id == "free");
    CHECK(deck_ids(g) == std::vector<std::string>{"needs-channel", "needs-strike"});  // deferred, still on top

    GameState h = new_game(s, 1);
    h.board.channel = Channel::secret;  // test set-up: a channel to cut
    must(h, Seat::control(), DrawInject{});
    CHECK(h.card(h.inject).id == "needs-channel");

    // Holding takes the card the draw would take; with no premise met there is no inject.
    GameState q = new_game(s, 1);
    must(q, Seat::control(), HoldInject{});
    CHECK(q.card(q.held.back()).id == "free");
    CHECK(next_inject(q) == -1);
    must(q, Seat::control(), DrawInject{});
    CHECK(q.inject_drawn);
    CHECK(q.inject == -1);
    CHECK(q.deck.size() == 2);
    must(q, Seat::control(), AdvancePhase{});
    CHECK(q.phase == Phase::negotiation);
    q.board.counters[0] = 1;  // test set-up: the strike counter
    CHECK(next_inject(q) == 1);
}

TEST_CASE("an unanswered choice takes the option marked as the default") {
    std::string choice = R"(
[[cards]]
id = "pick"
title = "Pick"
date = "2001-09"
eras = ["x"]
kind = "choice"
source = "Iran was one of the first countries to condemn the attack."
text = "t"
note = "n"
chooser = "us"
[[cards.options]]
label = "act"
text = "a"
effects = [ { track = "trust", add = 1 } ]
[[cards.options]]
label = "wait"
text = "w"
default = true
effects = [ { track = "trust", add = -1 } ]
)";
    auto s = load_mini("default", choice, "deck_order = \"historical\"\n");
    REQUIRE(s->cards[s->find_card("pick")].default_option == 1);
    GameState g = new_game(s, 1);
    int trust = g.board.track(Track::trust);
    must(g, Seat::control(), DrawInject{});
    CHECK(g.choice_pending);
    must(g, Seat::control(), AdvancePhase{});  // nobody chose
    CHECK(g.chosen == 1);
    CHECK(g.board.track(Track::trust) == trust - 1);
    // The shipped repatriation test: no answer is silence, not a test of seriousness.
    const CardDef& rt = after911()->cards[after911()->find_card("repatriation-test")];
    CHECK(rt.options[rt.default_option].label == "Leave the request unanswered");
}

TEST_CASE("a seasonal deck deals each turn from the turn's period, at random by the seed") {
    std::string cards = card("a1", "2001-09") + card("a2", "2001-10") + card("a3", "2001-11") + card("w1", "2001-12") +
                        card("w2", "2002-01", "requires = [ { track = \"channel\", at_least = \"secret\" } ]\n") +
                        card("s1", "2002-04") + card("u1", "2002-07") + card("late", "2003-01");
    auto s = load_mini("seasonal", cards,
                       "deck_order = \"seasonal\"\ncalendar = [\"Autumn 2001\", \"Winter 2001-02\", \"Spring 2002\", "
                       "\"Summer 2002\"]\n");
    REQUIRE(s->periods.size() == 4);
    std::set<std::string> first;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        GameState g = new_game(s, seed);
        CHECK(g.deck == new_game(s, seed).deck);  // the same for the seed
        auto ids = deck_ids(g);
        INFO(seed);
        CHECK(ids.size() == 5);  // this and the next season only
        CHECK_FALSE(contains(ids, "s1"));
        first.insert(ids[0]);
        CHECK(ids[0][0] == 'a');

        next_turn(g);  // Winter: w2 needs a channel, so w1 is dealt
        CHECK(g.card(g.inject_history[0]).id[0] == 'a');
        CHECK(g.card(g.deck[0]).id == "w1");
        CHECK(contains(deck_ids(g), "s1"));

        next_turn(g);  // Spring: autumn's leftovers are gone, winter's may carry over
        ids = deck_ids(g);
        for (const auto& id : ids) CHECK(id[0] != 'a');
        CHECK(ids[0] == "s1");
        CHECK(contains(ids, "late"));  // dated after the calendar: its last turn's

        next_turn(g);  // Summer: this season's card, or the one dated after the calendar
        ids = deck_ids(g);
        CHECK((ids[0] == "u1" || ids[0] == "late"));
        CHECK_FALSE(contains(ids, "w1"));
    }
    CHECK(first.size() == 3);  // variety within the season
}

TEST_CASE("a seasonal deck does not reach beyond the next season, and a turn may have no inject") {
    std::string cards = card("a1", "2001-09", "requires = [ { track = \"channel\", at_least = \"secret\" } ]\n") +
                        card("s1", "2002-04");
    auto s =
        load_mini("quiet", cards,
                  "deck_order = \"seasonal\"\ncalendar = [\"Autumn 2001\", \"Winter 2001-02\", \"Spring 2002\"]\n");
    GameState g = new_game(s, 3);
    CHECK(deck_ids(g) == std::vector<std::string>{"a1"});
    next_turn(g);
    CHECK(g.inject_history[0] == -1);     // a1's premise fails; s1 is two seasons away
    CHECK(g.card(g.deck[0]).id == "s1");  // Winter: spring's card may be drawn early
}

TEST_CASE("a scenario's opening card is turn 1's inject whatever the deck order") {
    std::string cards = card("a1", "2001-09") + card("a2", "2001-10") + card("w1", "2001-12") + card("s1", "2002-04");
    const std::string calendar = "calendar = [\"Autumn 2001\", \"Winter 2001-02\", \"Spring 2002\"]\n";
    for (const char* order : {"seasonal", "shuffled", "historical"}) {
        auto s = load_mini(std::string("opening-") + order, cards,
                           "deck_order = \"" + std::string(order) + "\"\nopening = \"w1\"\n" + calendar);
        INFO(order);
        REQUIRE(s->opening >= 0);
        std::set<std::string> second;
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            GameState g = new_game(s, seed);
            CHECK(deck_ids(g).front() == "w1");
            next_turn(g);
            CHECK(g.card(g.inject_history[0]).id == "w1");
            CHECK_FALSE(contains(deck_ids(g), "w1"));  // dealt once
            next_turn(g);
            second.insert(g.card(g.inject_history[1]).id);
        }
        if (std::string(order) != "historical") CHECK(second.size() > 1);  // the rest still varies
    }
    write_temp("opening-bad/rules.toml", mini_rules());
    write_temp("opening-bad/cards.toml", cards);
    auto path = write_temp("opening-bad/mini.toml", mini_scenario("opening = \"nope\"\n"));
    auto ps = problems_of(path);
    INFO(joined(ps));
    CHECK(has(ps, "scenario.opening: must name a card of this scenario's deck"));
}

TEST_CASE("version-1 decks draw in the same order as before") {
    auto s = after911_v1();
    GameState g = new_game(s, 17);
    std::vector<std::int16_t> expected(s->deck.begin(), s->deck.end());
    CHECK(g.deck == expected);
    for (const auto& c : s->cards) CHECK(c.premise.empty());
    while (!g.ended()) next_turn(g);
    for (std::size_t t = 0; t < g.inject_history.size(); ++t) CHECK(g.inject_history[t] == expected[t]);
}
