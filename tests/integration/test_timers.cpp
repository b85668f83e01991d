// The White Cell's "Set phase timer" holds for every later phase of its kind,
// also after the server is killed and restarted: the real gb-server over ENet.
#include <catch2/catch.hpp>
#include <thread>

#include "harness.hpp"
#include "journal.hpp"
#include "journal_replay.hpp"

using namespace gbi;

namespace {

// The White Cell moves the game on to the next phase (AdvancePhase draws the
// inject, takes a choice's default and releases the report as needed).
void advance(SeatSession& wc) {
    Phase at = wc.view().phase;
    int turn = wc.view().turn;
    REQUIRE(act_and_wait(wc, AdvancePhase{}).empty());
    for (int i = 0; i < 200 && wc.view().phase == at && wc.view().turn == turn; ++i) pump_all({&wc}, 5ms);
    REQUIRE((wc.view().phase != at || wc.view().turn != turn));
}

void advance_to(SeatSession& wc, int turn, Phase phase) {
    for (int i = 0; i < 40 && !(wc.view().turn == turn && wc.view().phase == phase); ++i) advance(wc);
    REQUIRE(wc.view().turn == turn);
    REQUIRE(wc.view().phase == phase);
}

}  // namespace

TEST_CASE("the White Cell's phase timer holds for every later phase of its kind, across a restart") {
    auto data = temp_dir("timer-setting");
    std::uint16_t port = 0;
    SeatSession wc;
    const int default_orders = 300;  // the standard rules' orders_seconds
    {
        auto server = std::make_unique<ServerProcess>(data);
        port = server->port();
        GameCodes codes = create_game(port);
        join(wc, port, codes, SeatRole::control, Team::us, "Instructor");
        // No bots and no players: only the White Cell moves the game on.
        REQUIRE(wc.view().phase == Phase::inject);
        REQUIRE(act_and_wait(wc, SetTimer{777}).empty());  // set during the inject: for negotiation
        advance_to(wc, 1, Phase::negotiation);
        CHECK(wc.view().timer_seconds == 777);
        advance_to(wc, 1, Phase::orders);
        CHECK(wc.view().timer_seconds == default_orders);  // no orders setting yet
        REQUIRE(act_and_wait(wc, SetTimer{444}).empty());
        CHECK(wc.view().timer_seconds == 444);
        advance_to(wc, 2, Phase::negotiation);
        CHECK(wc.view().timer_seconds == 777);
        advance_to(wc, 2, Phase::orders);
        CHECK(wc.view().timer_seconds == 444);
        server->kill9();
    }
    std::this_thread::sleep_for(1000ms);
    ServerProcess server(data, port);
    REQUIRE(server.log().find("resumed from game-1.journal") != std::string::npos);
    for (int i = 0; i < 100 && wc.pump(5ms); ++i) {
    }
    REQUIRE(wc.reconnect(30s).empty());
    advance_to(wc, 3, Phase::negotiation);
    CHECK(wc.view().timer_seconds == 777);
    advance_to(wc, 3, Phase::orders);
    CHECK(wc.view().timer_seconds == 444);
    server.stop();
    // The server's settings are journaled as the system's SetTimer, so replay reproduces them.
    JournalRead jr = read_journal(data + "/game-1.journal");
    REQUIRE(jr.error.empty());
    int by_server = 0;
    for (auto& [seq, r] : jr.records)
        if (auto* a = std::get_if<ActionRecord>(&r))
            by_server += std::holds_alternative<SetTimer>(a->entry.action) && a->entry.seat.role == SeatRole::system;
    CHECK(by_server == 5);  // turn 1 negotiation (set during the inject), turns 2 and 3 both phases
    ReplayedGame rg = replay(jr);  // the rules accept every record, and recovery finds the settings
    CHECK(rg.error.empty());
    CHECK(rg.timer_settings == std::array<std::int32_t, 2>{777, 444});
}
