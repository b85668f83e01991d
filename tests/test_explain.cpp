// Effects in plain words: rolls, results, clamped changes, spoilers said
// openly, and a property over many seeded games that every order, order type,
// concession, choice option, card in hand and result has a sentence free of
// engine notation.
#include <catch2/catch.hpp>

#include "bot.hpp"
#include "explain.hpp"
#include "narrate.hpp"
#include "simulation.hpp"
#include "support.hpp"

using namespace gbt;

namespace {

// Engine notation players must never read: ids with underscores, dice in
// brackets, the old shouted words.
void require_plain(const std::string& text) {
    INFO(text);
    REQUIRE(!text.empty());
    REQUIRE(text.find('_') == std::string::npos);
    REQUIRE(text.find('[') == std::string::npos);
    REQUIRE(text.find("SPOILER") == std::string::npos);
    REQUIRE(text.find(" -> ") == std::string::npos);
    REQUIRE(text.find("us_hawks") == std::string::npos);
}

void require_plain(const Explanation& x) {
    require_plain(x.title);
    REQUIRE(!x.lines.empty());
    for (const std::string& l : x.lines) require_plain(l);
}

bool mentions(const Explanation& x, const std::string& part) {
    for (const std::string& l : x.lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

// Everything a player can choose in this state, explained.
int explain_everything(const GameState& g) {
    const Scenario& s = g.sc();
    int n = 0;
    for (Team t : kAllTeams) {
        for (const Order& o : legal_orders(g, t, {})) {
            require_plain(explain_order(g, t, o));
            ++n;
        }
        for (std::size_t a = 0; a < s.actions.size(); ++a)
            if (s.actions[a].teams & (1u << idx(t))) {
                require_plain(explain_action(g, t, static_cast<int>(a)));
                ++n;
            }
        for (int i = 0; i < g.board.hand_size[idx(t)]; ++i) {
            require_plain(explain_card(g, g.board.hands[idx(t)][i], t));
            ++n;
        }
        for (Team other : kAllTeams)
            for (std::size_t c = 0; c < s.concessions.size(); ++c)
                if (other != t && (s.concessions[c].teams & (1u << idx(t)))) {
                    require_plain(explain_concession(g, static_cast<int>(c), t, other));
                    ++n;
                }
    }
    if (g.inject >= 0)
        for (std::size_t o = 0; o < g.card(g.inject).options.size(); ++o) {
            require_plain(explain_option(g, g.inject, static_cast<int>(o)));
            ++n;
        }
    for (std::size_t i = 0; i < s.terms.size(); ++i) require_plain(explain_term(g, static_cast<int>(i)));
    for (const Report& r : g.reports)
        for (const Result& res : r.results) {
            ResultText rt = explain_result(g, res);
            require_plain(rt.sentence);
            if (res.die1 > 0) require_plain(rt.dice);
            for (const Event& e : res.events)
                if (auto line = explain_event(g, e); !line.empty()) require_plain(line);
            ++n;
        }
    return n;
}

}  // namespace

TEST_CASE("a roll reads as what it needs, with each modifier named") {
    GameState g = fresh();
    to_orders(g);
    // Build influence in Iraq for Iran: influence 2 (below 3, +2) and stability 3 (-3).
    std::string roll = roll_sentence(g, Team::iran, order(g, "build_influence", "iraq"));
    CHECK(roll.find("Needs 7 or more on two dice") == 0);
    CHECK(roll.find("+2 because your influence in Iraq is below 3") != std::string::npos);
    CHECK(roll.find("-3 from stability in Iraq") != std::string::npos);
    CHECK(roll.find(" in 36") != std::string::npos);
    // Lobbying Washington: Israel's influence there (2) adds to the roll.
    CHECK(roll_sentence(g, Team::israel, order(g, "lobby_hawks")).find("+2 from your influence in Washington") !=
          std::string::npos);
    // No roll, no sentence: the order simply happens.
    CHECK(roll_sentence(g, Team::us, order(g, "statement_conciliatory")).empty());
    // The White Cell reads a team's drafts: the team by name, never "your".
    std::string to_wc = roll_sentence(g, Team::israel, order(g, "lobby_hawks"), false);
    CHECK(to_wc.find("your") == std::string::npos);
    CHECK(to_wc.find("+2 from Israel's influence in Washington") != std::string::npos);
    Explanation x = explain_order(g, Team::iran, order(g, "build_influence", "iraq"), false);
    for (const auto& line : x.lines) CHECK(line.find("your") == std::string::npos);
}

TEST_CASE("an order's explanation names tracks as people say them and marks spoilers") {
    GameState g = fresh();
    to_orders(g);
    Explanation x = explain_order(g, Team::iran, order(g, "statement_provocative"));
    CHECK(x.spoiler);
    CHECK(mentions(x, "Costs 1 action point."));
    CHECK(mentions(x, "Trust between the US and Iran falls by 2"));
    CHECK(mentions(x, "The hardliners in Tehran"));  // the opposition, resolved for Iran
    CHECK(mentions(x, "Spoiler (provocative statement)"));
    Explanation calm = explain_order(g, Team::us, order(g, "statement_conciliatory"));
    CHECK_FALSE(calm.spoiler);
    CHECK(mentions(calm, "The hawks in Washington rise by 1"));
    require_plain(x);
    require_plain(calm);
}

TEST_CASE("a clamped change says where it stops") {
    GameState g = fresh();
    to_orders(g);
    set(g, Track::trust, -4);
    Effect drop;
    drop.verb = EffectVerb::track;
    drop.a = idx(Track::trust);
    drop.value = -7;
    EffectContext ctx;
    CHECK(effect_sentence(g, g.board, drop, ctx) ==
          "Trust between the US and Iran falls by 7 and stops at the floor, -5.");
    set(g, Track::trust, -5);
    CHECK(effect_sentence(g, g.board, drop, ctx).find("already at its floor, -5") != std::string::npos);
    // A recorded change that ended at the floor says so too.
    Event e;
    e.kind = Event::Kind::track;
    e.a = idx(Track::trust);
    e.delta = -7;
    e.value = -5;
    CHECK(explain_event(g, e) == "Trust between the US and Iran falls by 7 and stops at the floor, -5.");
    e.delta = 2;
    e.value = 1;
    CHECK(explain_event(g, e) == "Trust between the US and Iran rises by 2 to 1.");
}

TEST_CASE("a hidden cut-off is said openly: the test of seriousness is a spoiler") {
    GameState g = fresh();
    int card = card_id(g, "repatriation-test");
    const CardDef& c = g.card(card);
    int test = -1;
    for (std::size_t i = 0; i < c.options.size(); ++i)
        if (c.options[i].label == "Make it a test of seriousness") test = static_cast<int>(i);
    REQUIRE(test >= 0);
    g.board.channel = Channel::tactical;
    set(g, Track::trust, 1);
    Explanation x = explain_option(g, card, test);
    CHECK(x.spoiler);
    CHECK(mentions(x, "it cuts off the talks now open (tactical cooperation)"));
    require_plain(x);
}

TEST_CASE("results read as sentences, with the dice apart") {
    GameState g = fresh();
    Result r;
    r.kind = Result::Kind::order;
    r.team = idx(Team::israel);
    r.order = order(g, "strike");
    r.die1 = 1;
    r.die2 = 3;
    r.modifier = 3;
    r.target = 10;
    r.success = false;
    r.reason = "roll failed";
    ResultText t = explain_result(g, r);
    CHECK(t.sentence ==
          "Israel's order “Strike the nuclear programme” failed: rolled 7 with its modifiers, needed 10.");
    CHECK(t.dice == "Dice 1 and 3, +3 in modifiers: 7 against 10.");
    CHECK(describe_result(g, r) == t.sentence);  // what the client and the demo show
}

TEST_CASE("over many seeded games every choice and result has plain words") {
    int explained = 0, states = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        auto sc = seed % 3 == 0 ? scenario2009() : seed % 3 == 1 ? after911() : cycle();
        int last = -1;
        play_game(sc, seed, seed % 2 ? BotKind::random : BotKind::heuristic,
                  [&](const GameState& g, const JournalEntry&, const std::vector<Event>& events) {
                      for (const Event& e : events)
                          if (auto line = explain_event(g, e); !line.empty()) require_plain(line);
                      int at = g.turn * 8 + static_cast<int>(g.phase);
                      if (at == last) return;  // once per phase
                      last = at;
                      ++states;
                      explained += explain_everything(g);
                  });
    }
    CHECK(states > 100);
    CHECK(explained > 10000);
}

TEST_CASE("a track's description comes from the scenario's data: range, meaning, scores and what moves it") {
    GameState g = fresh();
    const Scenario& s = g.sc();
    auto has = [](const std::vector<std::string>& lines, const std::string& part) {
        for (const std::string& l : lines)
            if (l.find(part) != std::string::npos) return true;
        return false;
    };
    for (int i = 0; i < kTracks; ++i) {
        Track t = static_cast<Track>(i);
        auto lines = track_description(s, t);
        INFO(track_words(t));
        REQUIRE(lines.size() >= 2);
        for (const std::string& l : lines) require_plain(l);
        const TrackDef& d = s.tracks[i];
        CHECK(lines[0].find("from " + std::to_string(d.min) + " to " + std::to_string(d.max) + ", starting at " +
                            std::to_string(d.start)) != std::string::npos);
        // Every team whose score counts the track is named.
        for (int team = 0; team < kTeams; ++team)
            for (const Term& term : s.teams[team].score)
                if (term.source == TermSource::track && term.a == i) CHECK(has(lines, s.teams[team].name));
    }
    auto tension = track_description(s, Track::tension);
    CHECK(has(tension, "goes to war and the game ends"));
    CHECK(has(tension, "loses " + std::to_string(s.rules.war_penalty) + " points"));
    CHECK(has(track_description(s, Track::nuclear), "Iran breaks out"));
    // What moves it: a provocative statement lowers trust; a conciliatory one
    // raises the hawks in Washington (the US's own opposition).
    const std::string provocative = s.actions[s.find_action("statement_provocative")].name;
    const std::string conciliatory = s.actions[s.find_action("statement_conciliatory")].name;
    auto trust = track_description(s, Track::trust);
    bool lowered = false;
    for (const std::string& l : trust)
        lowered |= l.rfind("Lowered by", 0) == 0 && l.find(provocative) != std::string::npos;
    CHECK(lowered);
    bool raised = false;
    for (const std::string& l : track_description(s, Track::us_hawks))
        raised |= l.rfind("Raised by", 0) == 0 && l.find(conciliatory) != std::string::npos;
    CHECK(raised);
    // Other data, other words: the numbers follow the scenario.
    Scenario other = s;
    other.tracks[idx(Track::tension)].max = 8;
    other.rules.war_penalty = 9;
    other.end_on_breakout = false;
    CHECK(has(track_description(other, Track::tension), "At 8 the region goes to war"));
    CHECK(has(track_description(other, Track::tension), "loses 9 points"));
    CHECK_FALSE(has(track_description(other, Track::nuclear), "ends the game"));
}
