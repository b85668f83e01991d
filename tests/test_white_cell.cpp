// White Cell powers as actions: injects (draw, hold, reorder, replace, write),
// amendments with reasons, settings with reasons, timers, bots, pause,
// bookmarks and ending the game. Teams may do none of it.
#include <catch2/catch.hpp>

#include "limits.hpp"
#include "support.hpp"
#include "view.hpp"

using namespace gbt;

TEST_CASE("teams and observers cannot use White Cell powers") {
    GameState g = fresh();
    for (Seat s : {Seat::of_team(Team::us), Seat::observer()}) {
        CHECK(refused(g, s, DrawInject{}).find("White Cell") != std::string::npos);
        refused(g, s, HoldInject{});
        refused(g, s, SetTrack{Track::trust, 3, "because"});
        refused(g, s, EndGame{"bored"});
        refused(g, s, Bookmark{"x", ""});
        refused(g, s, SetBot{Team::iran, true});
        refused(g, s, AdvancePhase{});
    }
}

TEST_CASE("hold, reorder and replace shape the inject queue") {
    GameState g = new_game(after911(), 1);
    auto top = g.deck[0], second = g.deck[1], third = g.deck[2];
    must(g, Seat::control(), HoldInject{});
    CHECK(g.held == std::vector<std::int16_t>{top});
    CHECK(g.deck[0] == second);
    must(g, Seat::control(), ReorderDeck{1, 0});
    CHECK(g.deck[0] == third);
    must(g, Seat::control(), ReplaceInject{top});
    CHECK(g.deck[0] == top);
    CHECK(g.held.empty());
    must(g, Seat::control(), DrawInject{});
    CHECK(g.inject == top);
    refused(g, Seat::control(), HoldInject{});  // already drawn
}

TEST_CASE("a written inject is drawn with its effects, bad effects are refused") {
    GameState g = fresh();
    Effect e;
    e.verb = EffectVerb::track;
    e.a = idx(Track::tension);
    e.value = 2;
    int tension = g.board.track(Track::tension);
    must(g, Seat::control(), WriteInject{"Tanker seized", "A tanker is seized in the Strait.", {e}});
    must(g, Seat::control(), DrawInject{});
    CHECK(g.card(g.inject).title == "Tanker seized");
    CHECK(g.board.track(Track::tension) == tension + 2);

    GameState h = fresh();
    Effect bad;
    bad.verb = EffectVerb::marker;
    bad.a = 999;
    bad.b = 0;
    refused(h, Seat::control(), WriteInject{"x", "y", {bad}});
    bad.verb = EffectVerb::track;
    bad.a = 42;
    refused(h, Seat::control(), WriteInject{"x", "y", {bad}});
}

TEST_CASE("a written inject stays hidden from teams until drawn") {
    GameState g = fresh();
    must(g, Seat::control(), WriteInject{"Secret card", "text", {}});
    GameState v = view(g, Seat::of_team(Team::iran));
    CHECK(v.written[1].title.empty());
    CHECK(v.deck[0] == -1);
    must(g, Seat::control(), DrawInject{});
    CHECK(view(g, Seat::of_team(Team::iran)).written[1].title == "Secret card");
}

TEST_CASE("an amendment flips a result, undoing its effects, and keeps the reason") {
    GameState g = fresh();
    to_orders(g);
    int n = g.board.track(Track::nuclear);
    commit_only(g, Team::iran, {order(g, "enrich")});
    CHECK(g.board.track(Track::nuclear) == n + 1);
    refused(g, Seat::control(), Amend{0, true, "no change"});
    refused(g, Seat::control(), Amend{0, false, ""});
    refused(g, Seat::control(), Amend{7, false, "no such result"});
    must(g, Seat::control(), Amend{0, false, "centrifuges failed"});
    CHECK(g.board.track(Track::nuclear) == n);
    const Result& r = g.reports.back().results[0];
    CHECK_FALSE(r.success);
    CHECK(r.amended);
    CHECK(r.reason == "centrifuges failed");
    must(g, Seat::control(), Amend{0, true, "on reflection"});
    CHECK(g.board.track(Track::nuclear) == n + 1);
    must(g, Seat::control(), Release{});
    refused(g, Seat::control(), Amend{0, false, "too late"});
    bool noted = false;
    for (auto& note : g.notes) noted |= note.kind == Note::Kind::amendment && note.text == "on reflection";
    CHECK(noted);
}

TEST_CASE("amending a cut-off restores the channel") {
    GameState g = fresh();
    g.board.channel = Channel::tactical;
    set(g, Track::trust, 2);
    g.board.trust_at_open = 0;
    to_orders(g);
    commit_only(g, Team::iran, {order(g, "statement_provocative")});
    CHECK(g.board.channel == Channel::closed);
    must(g, Seat::control(), Amend{0, false, "the statement was never made"});
    CHECK(g.board.channel == Channel::tactical);
    CHECK(g.board.track(Track::trust) == 2);
}

TEST_CASE("setting a track or marker needs a reason in range") {
    GameState g = fresh();
    refused(g, Seat::control(), SetTrack{Track::trust, 3, ""});
    refused(g, Seat::control(), SetTrack{Track::trust, 9, "too high"});
    must(g, Seat::control(), SetTrack{Track::trust, 3, "historical reset"});
    CHECK(g.board.track(Track::trust) == 3);
    int leb = region_id(g, "lebanon"), hz = marker_id(g, "hezbollah");
    refused(g, Seat::control(), SetMarker{static_cast<std::int16_t>(leb), static_cast<std::int16_t>(hz), 12, "x"});
    refused(g, Seat::control(), SetMarker{99, static_cast<std::int16_t>(hz), 1, "x"});
    must(g, Seat::control(), SetMarker{static_cast<std::int16_t>(leb), static_cast<std::int16_t>(hz), 5, "2006 war"});
    CHECK(g.board.marker(leb, hz) == 5);
    must(g, Seat::control(), SetChannel{Channel::secret, "talks begin off the record"});
    CHECK(g.board.channel == Channel::secret);
    int settings = 0;
    for (auto& n : g.notes) settings += n.kind == Note::Kind::setting;
    CHECK(settings == 3);
}

TEST_CASE("setting tension to 10 is war") {
    GameState g = fresh();
    must(g, Seat::control(), SetTrack{Track::tension, 10, "a border clash escalates"});
    CHECK(g.ended());
    CHECK(g.end == EndReason::war);
    CHECK(g.board.war_by == -1);
}

TEST_CASE("timers, pause and bots") {
    GameState g = fresh();
    to_negotiation(g);
    CHECK(g.timer_seconds == g.sc().rules.negotiation_seconds);
    must(g, Seat::control(), SetTimer{900});
    CHECK(g.timer_seconds == 900);
    refused(g, Seat::control(), SetTimer{-5});
    must(g, Seat::control(), Pause{});
    CHECK(refused(g, Seat::of_team(Team::us), Ready{}).find("paused") != std::string::npos);
    must(g, Seat::control(), Resume{});
    must(g, Seat::of_team(Team::us), Ready{});
    must(g, Seat::control(), SetBot{Team::iran, true});
    CHECK(g.bot[idx(Team::iran)]);
    must(g, Seat::control(), SetBot{Team::iran, false});
    CHECK_FALSE(g.bot[idx(Team::iran)]);
}

TEST_CASE("bookmarks are for the White Cell and the debrief") {
    GameState g = fresh();
    must(g, Seat::control(), Bookmark{"The offer", "Watch how the US answers"});
    CHECK(g.notes.back().kind == Note::Kind::bookmark);
    CHECK(view(g, Seat::of_team(Team::us)).notes.empty());  // neither the bookmark nor the written inject
    CHECK(view(g, Seat::control()).notes.size() == 2);
}

TEST_CASE("the White Cell can end the game at any point") {
    GameState g = fresh();
    to_orders(g);
    must(g, Seat::control(), EndGame{"the seminar is over"});
    CHECK(g.ended());
    CHECK(g.end == EndReason::white_cell);
    refused(g, Seat::of_team(Team::us), Commit{});
}

TEST_CASE(
    "one team cannot fill the chat log: a quota per team and channel, and the White Cell's broadcasts pass a full log",
    "[chat]") {
    GameState g = fresh();
    must(g, Seat::system(), Join{1, "Intruder", SeatRole::team, Team::us});
    must(g, Seat::system(), Join{2, "Ira", SeatRole::team, Team::iran});
    must(g, Seat::system(), Join{3, "Instructor", SeatRole::control, Team::us});
    Seat us = Seat::of_team(Team::us, 1), iran = Seat::of_team(Team::iran, 2), wc = Seat::control(3);
    int sent = 0;
    while (validate(g, us, Chat{ChatChannel::all, Team::us, "spam"}).ok() && sent < 5000) {
        must(g, us, Chat{ChatChannel::all, Team::us, "spam"});
        ++sent;
    }
    CHECK(sent == static_cast<int>(gb::net::kChatChannelLimit.value));
    CHECK(refused(g, us, Chat{ChatChannel::all, Team::us, "spam"}).find("used up") != std::string::npos);
    // Other channels, other teams and the White Cell go on.
    must(g, us, Chat{ChatChannel::team, Team::us, "to my team"});
    must(g, iran, Chat{ChatChannel::all, Team::iran, "hello all"});
    must(g, wc, Chat{ChatChannel::all, Team::us, "from the White Cell"});
    // A log full to the brim still takes the White Cell's broadcasts.
    while (g.messages.size() < 5000) g.messages.push_back(g.messages.back());
    CHECK(refused(g, iran, Chat{ChatChannel::all, Team::iran, "more"}).find("full") != std::string::npos);
    must(g, wc, Chat{ChatChannel::broadcast, Team::us, "Time is up: orders now."});
}
