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

namespace {

// Milliseconds left on a seat's countdown (the server's Timer), or fails.
std::int64_t left_ms(SeatSession& s) {
    for (int i = 0; i < 200 && !s.timer_left_ms(); ++i) pump_all({&s}, 5ms);
    auto ms = s.timer_left_ms();
    REQUIRE(ms);
    return *ms;
}

// Pumps the sessions for `d` of the steady clock.
void pump_for(const std::vector<SeatSession*>& ss, std::chrono::milliseconds d) {
    auto until = std::chrono::steady_clock::now() + d;
    while (std::chrono::steady_clock::now() < until) pump_all(ss, 5ms);
}

// The deadline records in a journal.
std::vector<DeadlineRecord> deadlines_in(const std::string& path) {
    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    std::vector<DeadlineRecord> out;
    for (auto& [seq, r] : jr.records)
        if (auto* d = std::get_if<DeadlineRecord>(&r)) out.push_back(*d);
    return out;
}

}  // namespace

TEST_CASE("every seat counts down from the server's remaining time, and the deadline survives SIGKILL", "[timers]") {
    auto data = temp_dir("timer-deadline");
    std::uint16_t port = 0;
    SeatSession wc, early, late;
    std::int64_t deadline_wall_ms = 0;
    {
        auto server = std::make_unique<ServerProcess>(data);
        port = server->port();
        GameCodes codes = create_game(port);
        join(wc, port, codes, SeatRole::control, Team::us, "Instructor");
        join(early, port, codes, SeatRole::team, Team::us, "Early");
        REQUIRE(act_and_wait(wc, SetTimer{40}).empty());  // for the negotiation
        advance_to(wc, 1, Phase::negotiation);
        for (int i = 0; i < 100; ++i) pump_all({&wc, &early}, 5ms);
        CHECK(early.view().phase == Phase::negotiation);
        std::int64_t first = left_ms(early);
        CHECK(first <= 40'000);
        CHECK(first > 38'000);
        // A player who joins 2.5 s later counts down to the same moment.
        std::this_thread::sleep_for(2500ms);
        join(late, port, codes, SeatRole::team, Team::iran, "Late");
        // A Timer read late (a busy process) makes its deadline look later; a
        // client keeps the earliest it hears, and the server repeats the time
        // left every two seconds. Compare once each has heard a repeat.
        pump_for({&wc, &early, &late}, 2300ms);
        std::int64_t a = left_ms(early), b = left_ms(late);
        INFO("early " << a << " ms, late " << b << " ms");
        CHECK(std::abs(a - b) < 500);
        CHECK(b < 38'000);  // not a full timer from the late joiner's arrival
        // The deadline is in the journal, on the wall clock.
        auto ds = deadlines_in(data + "/game-1.journal");
        REQUIRE_FALSE(ds.empty());
        CHECK(ds.back().turn == 1);
        CHECK(ds.back().phase == Phase::negotiation);
        CHECK(ds.back().timer_seconds == 40);
        CHECK_FALSE(ds.back().paused);
        deadline_wall_ms = ds.back().deadline_unix_ms;
        auto now_wall =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        CHECK(std::abs((now_wall + a) - deadline_wall_ms) < 500);
        server->kill9();
    }
    std::this_thread::sleep_for(1500ms);
    ServerProcess server(data, port);
    REQUIRE(server.log().find("resumed from game-1.journal") != std::string::npos);
    for (int i = 0; i < 100 && early.pump(5ms); ++i) {
    }
    REQUIRE(early.reconnect(30s).empty());
    pump_for({&early}, 2300ms);
    std::int64_t after = left_ms(early);
    auto now_wall =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    INFO("after the restart: " << after << " ms left");
    // It goes on from the journaled deadline: not from a full 40 s.
    CHECK(after < 37'000);
    CHECK(std::abs((now_wall + after) - deadline_wall_ms) < 500);
    CHECK(early.view().phase == Phase::negotiation);
}

TEST_CASE("a deadline that passed while the server was down ends the phase as soon as it is back", "[timers]") {
    auto data = temp_dir("timer-passed");
    std::uint16_t port = 0;
    SeatSession wc;
    {
        auto server = std::make_unique<ServerProcess>(data);
        port = server->port();
        GameCodes codes = create_game(port);
        join(wc, port, codes, SeatRole::control, Team::us, "Instructor");
        advance_to(wc, 1, Phase::negotiation);
        REQUIRE(act_and_wait(wc, SetTimer{4}).empty());
        server->kill9();
    }
    std::this_thread::sleep_for(5000ms);
    ServerProcess server(data, port);
    auto restarted = std::chrono::steady_clock::now();  // the server is up and listening
    auto until = restarted + 30s;
    while (server.log().find("timer expired in turn 1 negotiation") == std::string::npos &&
           std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(20ms);
    INFO(server.log());
    CHECK(server.log().find("timer expired in turn 1 negotiation") != std::string::npos);
    // Ended before a timer started afresh on restart (4 s) would have.
    CHECK(std::chrono::steady_clock::now() - restarted < 4s);
    server.stop();
    JournalRead jr = read_journal(data + "/game-1.journal");
    REQUIRE(jr.error.empty());
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    CHECK(rg.state.phase == Phase::orders);
}

TEST_CASE("without a White Cell, each phase of an all-bot game lasts the game's minimum, also after a restart",
          "[timers]") {
    auto data = temp_dir("timer-pacing");
    std::uint16_t port = 0;
    // The time between the phase changes an observer sees.
    auto watch = [](SeatSession& obs, int phases, std::vector<double>& gaps) {
        auto key = [&] { return std::pair{obs.view().turn, obs.view().phase}; };
        auto seen = key();
        auto since = std::chrono::steady_clock::now();
        auto until = since + std::chrono::seconds(phases * 3 + 10);
        std::size_t want = gaps.size() + static_cast<std::size_t>(phases);
        while (gaps.size() < want && std::chrono::steady_clock::now() < until) {
            pump_all({&obs}, 2ms);
            if (key() == seen) continue;
            auto now = std::chrono::steady_clock::now();
            gaps.push_back(std::chrono::duration<double>(now - since).count());
            since = now;
            seen = key();
        }
        REQUIRE(gaps.size() == want);
    };
    std::vector<double> gaps;
    {
        auto server = std::make_unique<ServerProcess>(data);
        port = server->port();
        GameCodes codes = create_game(port, "after-911", 7, 1000);
        SeatSession wc, obs;
        join(obs, port, codes, SeatRole::observer, Team::us, "Watcher");
        join(wc, port, codes, SeatRole::control, Team::us, "Instructor");
        for (Team t : kAllTeams) REQUIRE(act_and_wait(wc, SetBot{t, true}).empty());
        wc.connection().close();  // no White Cell: the stand-in runs the game, paced
        watch(obs, 6, gaps);
        server->kill9();
    }
    JournalRead jr = read_journal(data + "/game-1.journal");
    REQUIRE(jr.error.empty());
    CHECK(jr.header.min_phase_ms == 1000);
    ServerProcess server(data, port);
    SeatSession obs2;
    join(obs2, port, jr.header.join_code, SeatRole::observer, Team::us, "Watcher 2");  // the observer code
    watch(obs2, 4, gaps);
    // The first gap runs from when the observer began watching, not from a
    // phase's start; every other is a whole phase.
    // (The gaps are seen by a client: each may be a few ms off either way.)
    double total = 0;
    for (std::size_t i = 1; i < gaps.size(); ++i) {
        if (i == 6) continue;  // the first after the restart
        INFO("phase " << i << " lasted " << gaps[i] << " s");
        total += gaps[i];
        CHECK(gaps[i] >= 0.9);
        CHECK(gaps[i] < 5.0);  // and the game goes on
    }
    CHECK(total >= 8 * 1.0 - 0.1);  // 8 whole phases: at least 8 x 1 s
}

TEST_CASE("with no minimum phase time, an all-bot game runs at full speed", "[timers]") {
    auto data = temp_dir("timer-unpaced");
    ServerProcess server(data);
    GameCodes codes = create_game(server.port(), "after-911", 7, 0);
    SeatSession wc, obs;
    join(obs, server.port(), codes, SeatRole::observer, Team::us, "Watcher");
    join(wc, server.port(), codes, SeatRole::control, Team::us, "Instructor");
    for (Team t : kAllTeams) REQUIRE(act_and_wait(wc, SetBot{t, true}).empty());
    auto start = std::chrono::steady_clock::now();
    wc.connection().close();
    while (obs.view().turn < 3 && std::chrono::steady_clock::now() - start < 20s) pump_all({&obs}, 2ms);
    CHECK(obs.view().turn >= 3);
    CHECK(std::chrono::steady_clock::now() - start < 4s);  // 10 phases and more, paced, would take 10 s
}

TEST_CASE("gb lobby create --min-phase sets the game's minimum phase time, kept in its journal, 5 s by default",
          "[timers]") {
    auto data = temp_dir("timer-lobby");
    ServerProcess server(data);
    std::string endpoint = "127.0.0.1:" + std::to_string(server.port());
    auto create = [&](std::vector<std::string> extra, const std::string& out) {
        std::vector<std::string> args{"lobby",      "create",    "--server", endpoint,
                                      "--scenario", "after-911", "--data",   data};
        args.insert(args.end(), extra.begin(), extra.end());
        return wait_child(spawn_gb(args, data + "/" + out), 30s);
    };
    REQUIRE(create({}, "default.txt") == 0);
    REQUIRE(create({"--min-phase", "2.5"}, "paced.txt") == 0);
    REQUIRE(create({"--min-phase", "0"}, "unpaced.txt") == 0);
    CHECK(create({"--min-phase", "-1"}, "bad.txt") == 2);
    CHECK(read_text(data + "/bad.txt").find("--min-phase") != std::string::npos);
    auto min_phase = [&](int game) {
        JournalRead jr = read_journal(data + "/game-" + std::to_string(game) + ".journal");
        REQUIRE(jr.error.empty());
        return jr.header.min_phase_ms;
    };
    CHECK(min_phase(1) == 5000);
    CHECK(min_phase(2) == 2500);
    CHECK(min_phase(3) == 0);
}

TEST_CASE("a paused timer keeps what was left across SIGKILL and runs on from there when resumed", "[timers]") {
    auto data = temp_dir("timer-paused");
    std::uint16_t port = 0;
    SeatSession wc;
    std::int64_t held = 0;
    {
        auto server = std::make_unique<ServerProcess>(data);
        port = server->port();
        GameCodes codes = create_game(port);
        join(wc, port, codes, SeatRole::control, Team::us, "Instructor");
        advance_to(wc, 1, Phase::negotiation);
        REQUIRE(act_and_wait(wc, SetTimer{40}).empty());
        std::this_thread::sleep_for(2000ms);
        REQUIRE(act_and_wait(wc, Pause{}).empty());
        for (int i = 0; i < 20; ++i) pump_all({&wc}, 5ms);
        REQUIRE(wc.phase_timer);
        CHECK_FALSE(wc.phase_timer->running);
        held = left_ms(wc);
        CHECK(held < 38'500);
        CHECK(held > 36'000);
        std::this_thread::sleep_for(1000ms);
        CHECK(left_ms(wc) == held);  // it stands still while paused
        server->kill9();
    }
    std::this_thread::sleep_for(2000ms);
    ServerProcess server(data, port);
    for (int i = 0; i < 100 && wc.pump(5ms); ++i) {
    }
    REQUIRE(wc.reconnect(30s).empty());
    for (int i = 0; i < 50; ++i) pump_all({&wc}, 2ms);
    CHECK(wc.view().paused);
    CHECK(std::abs(left_ms(wc) - held) < 50);  // what was left, from the journal
    REQUIRE(act_and_wait(wc, Resume{}).empty());
    for (int i = 0; i < 20; ++i) pump_all({&wc}, 5ms);
    REQUIRE(wc.phase_timer);
    CHECK(wc.phase_timer->running);
    std::int64_t running = left_ms(wc);
    CHECK(running <= held);
    CHECK(running > held - 1000);
}
