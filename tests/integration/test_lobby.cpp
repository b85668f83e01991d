// The lobby against a hostile visitor, over real ENet against the real
// gb-server (issue 10): squatters, chat floods, scenario names as paths,
// fork uploads that never finish, and a damaged journal in the data directory.
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "harness.hpp"
#include "journal.hpp"

using namespace gbi;
namespace fs = std::filesystem;

namespace {

// The first Error a connection receives within five seconds, or nothing.
std::optional<Error> next_error(Connection& c) {
    for (int i = 0; i < 250; ++i) {
        auto m = c.poll(20ms);
        if (m)
            if (auto* e = std::get_if<Error>(&*m)) return *e;
        if (!c.is_open()) return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("four squatters who join a bot-only game and leave do not stop its bots (defect 6)", "[lobby]") {
    auto data = temp_dir("squatters");
    ServerProcess server(data, 0, {"--lead-timeout", "1"});
    GameCodes codes = create_game(server.port(), "after-911", 61);
    std::string endpoint = "127.0.0.1:" + std::to_string(server.port());
    // The squatters take every team's lead, then go.
    {
        std::array<SeatSession, kTeams> squatters;
        for (Team t : kAllTeams) join(squatters[idx(t)], server.port(), codes, SeatRole::team, t, "Squatter");
        for (auto& s : squatters) s.connection().close();
    }
    std::vector<pid_t> bots;
    for (Team t : kAllTeams)
        bots.push_back(
            spawn_gb({"bot", "--server", endpoint, "--code", codes.team[idx(t)], "--team", std::string(name_of(t))},
                     data + "/bot-" + std::string(name_of(t)) + ".txt"));
    for (pid_t b : bots) CHECK(wait_child(b, 180s) == 0);
    std::string log = server.log();
    INFO(log.substr(log.size() > 3000 ? log.size() - 3000 : 0));
    CHECK(log.find("lead passed from Squatter") != std::string::npos);
    CHECK(log.find("(game over)") != std::string::npos);
}

TEST_CASE("a team's lead passes to a connected teammate once the lead has been gone the lead timeout", "[lobby]") {
    ServerProcess server(temp_dir("lead"), 0, {"--lead-timeout", "1"});
    GameCodes codes = create_game(server.port());
    SeatSession ana, ben;
    join(ana, server.port(), codes, SeatRole::team, Team::us, "Ana");
    join(ben, server.port(), codes, SeatRole::team, Team::us, "Ben");
    REQUIRE(ben.view().lead[idx(Team::us)] == ana.seat().player);
    ana.connection().close();
    for (int i = 0; i < 300 && ben.view().lead[idx(Team::us)] != ben.seat().player; ++i) pump_all({&ben}, 10ms);
    CHECK(ben.view().lead[idx(Team::us)] == ben.seat().player);
}

TEST_CASE("one intruder cannot flood a game's chat, and the White Cell's broadcasts get through (defect 9)",
          "[lobby]") {
    ServerProcess server(temp_dir("chat"));
    GameCodes codes = create_game(server.port());
    SeatSession wc, intruder;
    join(wc, server.port(), codes, SeatRole::control, Team::us, "Instructor");
    join(intruder, server.port(), codes, SeatRole::team, Team::us, "Intruder");
    std::vector<std::uint32_t> sent;
    for (int i = 0; i < 200; ++i) sent.push_back(intruder.act(Chat{ChatChannel::all, Team::us, "spam"}));
    auto until = std::chrono::steady_clock::now() + 10s;
    auto answered = [&] {
        for (auto r : sent)
            if (!intruder.acks.count(r) && !intruder.refusals.count(r)) return false;
        return true;
    };
    while (!answered() && std::chrono::steady_clock::now() < until) pump_all({&intruder, &wc}, 2ms);
    REQUIRE(answered());
    CHECK(intruder.acks.size() <= static_cast<std::size_t>(kChatBurst) + 2);
    REQUIRE_FALSE(intruder.refusals.empty());
    CHECK(intruder.refusals.begin()->second.find("too fast") != std::string::npos);
    for (int i = 0; i < 20; ++i)
        CHECK(act_and_wait(wc, Chat{ChatChannel::broadcast, Team::us, "White Cell " + std::to_string(i)}, {&intruder})
                  .empty());
}

TEST_CASE("a scenario named in CreateGame is an id from the server's list, never a path (defect 5)", "[lobby]") {
    auto data = temp_dir("scenario-names");
    ServerProcess server(data);
    std::string fifo = data + "-fifo";
    ::unlink(fifo.c_str());
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string copy = data + "-copy.toml";
    fs::copy_file("scenarios/after-911.toml", copy,  // the tests run in the source tree
                  fs::copy_options::overwrite_existing);
    Connection c;
    REQUIRE(c.open("127.0.0.1", server.port()).empty());
    std::vector<std::string> answers;
    for (std::string name : {fifo, std::string("/dev/zero"), std::string("/dev/stdin"), std::string("/etc/passwd"),
                             std::string("/etc/no-such-file-here"), copy, std::string("../scenarios/after-911"),
                             std::string("scenarios/after-911.toml")}) {
        auto r = c.request(CreateGame{name, 1, "x", server.admin_token()}, 5000ms);
        REQUIRE(r);  // answered at once: nothing blocks on a FIFO or reads /dev/zero
        REQUIRE(std::holds_alternative<Error>(*r));
        answers.push_back(std::get<Error>(*r).message);
    }
    // Every refusal is the same words: nothing tells whether a path exists.
    for (const auto& a : answers) CHECK(a == answers.front());
    CHECK(answers.front().find("after-911") != std::string::npos);  // it names what the server offers
    CHECK(answers.front().find("/") == std::string::npos);
    auto ok = c.request(CreateGame{"after-911", 1, "by id", server.admin_token()});
    REQUIRE(ok);
    CHECK(std::holds_alternative<GameCreated>(*ok));
    // The journal keeps the scenario's id and content hash; no path.
    JournalRead jr = read_journal(data + "/game-1.journal");
    REQUIRE(jr.error.empty());
    CHECK(jr.header.scenario_id == "after-911");
    CHECK(jr.header.content_hash != 0);
    CHECK(jr.header.scenario_path.empty());
    ::unlink(fifo.c_str());
}

TEST_CASE("a fork upload goes to a temporary file, is capped, and goes when its sender does (defect 8)", "[lobby]") {
    auto data = temp_dir("fork-upload");
    ServerProcess server(data);
    auto spooled = [&] {
        std::vector<fs::path> out;
        for (const auto& e : fs::directory_iterator(data))
            if (e.path().extension() == ".tmp") out.push_back(e.path());
        return out;
    };
    // Without the admin token nobody forks.
    {
        Connection c;
        REQUIRE(c.open("127.0.0.1", server.port()).empty());
        ForkGame f;
        f.scenario = "after-911";
        f.last = false;
        c.send(f);
        auto e = next_error(c);
        REQUIRE(e);
        CHECK(e->code == ErrorCode::not_admin);
    }
    // An unfinished upload is on disk, not in memory, and is removed when its connection goes.
    std::vector<std::unique_ptr<Connection>> uploads;
    for (std::size_t i = 0; i < kMaxForks; ++i) {
        auto c = std::make_unique<Connection>();
        REQUIRE(c->open("127.0.0.1", server.port()).empty());
        ForkGame f;
        f.scenario = "after-911";
        f.parent_point = 1000;
        f.admin_token = server.admin_token();
        f.last = false;
        f.actions.assign(200, JournalEntry{Seat::control(1), Bookmark{std::string(100, 'x'), "note"}});
        c->send(f);
        uploads.push_back(std::move(c));
    }
    for (int i = 0; i < 200 && spooled().size() < kMaxForks; ++i) std::this_thread::sleep_for(10ms);
    REQUIRE(spooled().size() == kMaxForks);
    for (const auto& p : spooled()) {
        struct stat st {};
        REQUIRE(::stat(p.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(st.st_size > 200 * 100);
    }
    // One more at once is refused.
    {
        Connection c;
        REQUIRE(c.open("127.0.0.1", server.port()).empty());
        ForkGame f;
        f.scenario = "after-911";
        f.admin_token = server.admin_token();
        f.last = false;
        c.send(f);
        auto e = next_error(c);
        REQUIRE(e);
        CHECK(e->message.find("forks") != std::string::npos);
    }
    // Scenario files over the cap end the upload.
    {
        ForkGame f;
        f.last = false;
        for (std::size_t i = 0; i <= kMaxForkRulesBytes / (kMaxPacket / 2); ++i) {
            f.scenario_files = {SourceFile{"x.toml", std::string(kMaxPacket / 2, 'a')}};
            uploads[0]->send(f);
        }
        auto e = next_error(*uploads[0]);
        REQUIRE(e);
        CHECK(e->message.find("MiB") != std::string::npos);
    }
    for (auto& c : uploads) c->close();
    for (int i = 0; i < 500 && !spooled().empty(); ++i) std::this_thread::sleep_for(20ms);
    CHECK(spooled().empty());
}

TEST_CASE("a damaged newest journal does not stop the next game from being created (defect 14)", "[lobby]") {
    auto data = temp_dir("damaged-newest");
    {
        ServerProcess server(data);
        create_game(server.port());
        create_game(server.port());
    }
    // The newest journal's header is damaged: it is not loaded at the next start.
    {
        std::fstream f(data + "/game-2.journal", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(0);
        f.write("XXXXXXXXXX", 10);
    }
    ServerProcess server(data);
    Connection c;
    REQUIRE(c.open("127.0.0.1", server.port()).empty());
    auto r = c.request(CreateGame{"after-911", 1, "after the damage", server.admin_token()});
    REQUIRE(r);
    auto* e = std::get_if<Error>(&*r);
    INFO((e ? e->message : std::string()));
    REQUIRE(std::holds_alternative<GameCreated>(*r));
    CHECK(std::get<GameCreated>(*r).game == 3);
    CHECK(fs::exists(data + "/game-2.journal"));  // the damaged file is kept for whoever looks into it
    CHECK(server.log().find("game not loaded") != std::string::npos);
}
