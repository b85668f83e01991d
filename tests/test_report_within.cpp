// The report's track charts show the changes within a turn: a channel that
// opens and closes, and a track that rises and falls back, inside one turn.
#include <catch2/catch.hpp>

#include <algorithm>

#include "journal_game.hpp"
#include "report.hpp"
#include "rules.hpp"
#include "support.hpp"
#include "timeline.hpp"

using namespace gbt;
using namespace gb::report;

namespace {

// The SVG group of one panel of the track chart.
std::string panel_of(const std::string& html, const std::string& id) {
    auto at = html.find("<g class=\"panel\" id=\"" + id + "\"");
    REQUIRE(at != std::string::npos);
    auto end = html.find("</g>", at);
    REQUIRE(end != std::string::npos);
    return html.substr(at, end - at);
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("A channel that opens and closes within one turn shows in the report's model and its charts", "[report]") {
    // Turn 1: the inject raises trust; in negotiation the White Cell opens the
    // channel and closes it again, and sets trust to 4 and back to 0; the turn
    // ends with the channel closed and trust where it was after the inject.
    TempDir dir("report-within");
    ScriptedJournal sj(dir / "game.journal", source_dir() + "/scenarios/after-911.toml", 3, "within a turn");
    GameState& g = sj.g;
    auto run = [&](const Seat& seat, const Action& a) { sj.run(seat, a); };
    sj.to_negotiation();
    REQUIRE(g.phase == Phase::negotiation);
    const int trust_after_inject = g.board.track(Track::trust);
    REQUIRE(trust_after_inject != 4);
    run(Seat::control(), SetChannel{Channel::secret, "talks in Geneva"});
    run(Seat::control(), SetTrack{Track::trust, 4, "a warm exchange"});
    run(Seat::control(), SetChannel{Channel::closed, "the talks leak"});
    run(Seat::control(), SetTrack{Track::trust, static_cast<std::int16_t>(trust_after_inject), "the leak"});
    run(Seat::system(), AdvancePhase{});
    for (Team t : kAllTeams) run(Seat::of_team(t), Commit{});
    run(Seat::system(), Release{});
    REQUIRE(g.turn == 2);
    sj.writer.sync();

    Timeline t = Timeline::open(dir / "game.journal");
    for (Perspective p : {Perspective{}, Perspective{Perspective::Kind::team, Team::israel}}) {
        INFO("perspective " << p.name());
        GameReport r = build_report(t, {p, false}, {});
        // The turn's points alone miss it: closed at the start and the end of turn 1.
        REQUIRE(r.channel.values.size() >= 2);
        CHECK(r.channel.values[0] == 0);
        CHECK(r.channel.values[1] == 0);
        // Within the turn: secret, then closed.
        CHECK(r.channel.inner == std::vector<InnerPoint>{{1, 1}, {1, 0}});
        // Trust: the inject's change, up to 4, back down, all in turn 1.
        const Series& trust = r.tracks[idx(Track::trust)];
        CHECK(trust.values[1] == trust_after_inject);
        std::vector<int> in_turn_1;
        for (const InnerPoint& ip : trust.inner)
            if (ip.turn == 1) in_turn_1.push_back(ip.value);
        REQUIRE(in_turn_1.size() >= 3);
        CHECK(in_turn_1.back() == trust_after_inject);
        CHECK(in_turn_1[in_turn_1.size() - 2] == 4);
        CHECK(in_turn_1.front() == trust_after_inject);  // the inject's effect comes first

        std::string html = render_html(r);
        std::string channel = panel_of(html, "chart-tracks-channel");
        CHECK(count(channel, "class=\"within\"") == 2);
        CHECK(channel.find("<title>during turn 1, change 1 of 2: secret</title>") != std::string::npos);
        CHECK(channel.find("<title>during turn 1, change 2 of 2: closed</title>") != std::string::npos);
        std::string trust_panel = panel_of(html, "chart-tracks-trust");
        CHECK(trust_panel.find(": 4</title>") != std::string::npos);
        // The Markdown lists the changes within each turn beside its table.
        std::string md = render_markdown(r);
        CHECK(md.find("- Channel: turn 1: secret \xe2\x86\x92 closed\n") != std::string::npos);
        // The turns' boundaries are still marked.
        CHECK(count(channel, "class=\"turn-boundary\"") == static_cast<std::size_t>(r.turns_total + 1));
    }
}

TEST_CASE("A turn with no change within it adds no point between its turns", "[report]") {
    TempDir dir("report-within-bot");
    journal_game(dir / "game.journal", source_dir() + "/scenarios/after-911.toml", 5);
    Timeline t = Timeline::open(dir / "game.journal");
    GameReport r = build_report(t, {}, {});
    // Every change within a turn is a change: no point repeats the value before it.
    for (const Series* s : {&r.channel, &r.tracks[idx(Track::trust)], &r.tracks[idx(Track::tension)]}) {
        int before = s->values.front();
        for (const InnerPoint& ip : s->inner) {
            CHECK(ip.value != before);
            before = ip.value;
        }
    }
    // And each turn's last change is where the turn ends (the board at the next turn's start).
    for (const Series* s : {&r.channel, &r.tracks[idx(Track::trust)]})
        for (int turn = 1; turn + 1 < static_cast<int>(s->values.size()); ++turn) {
            auto last =
                std::find_if(s->inner.rbegin(), s->inner.rend(), [&](const InnerPoint& ip) { return ip.turn == turn; });
            if (last != s->inner.rend()) CHECK(last->value == s->values[static_cast<std::size_t>(turn)]);
        }
}
