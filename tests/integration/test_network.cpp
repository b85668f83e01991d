// Integration tests against the real gb-server process over ENet on
// loopback: whole games, team collaboration, permissions, what each client
// receives, crash recovery, journals and hostile input.
#define CATCH_CONFIG_MAIN
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <sys/stat.h>
#include "bot.hpp"

#include "harness.hpp"
#include "journal.hpp"
#include "leak_check.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"

using namespace gbi;
namespace fs = std::filesystem;

namespace {

// The White Cell's routine: draw, move past the inject once any choice is
// made, amend one result per game, release reports.
struct WhiteCell {
    SeatSession& s;
    std::uint32_t pending = 0;
    bool amended = false, bookmarked = false, broadcast = false;

    void step() {
        if (pending) {
            if (s.acks.count(pending) || s.refusals.count(pending))
                pending = 0;
            else
                return;
        }
        const GameState& v = s.view();
        if (v.ended()) return;
        if (!broadcast) {
            broadcast = true;
            pending = s.act(Chat{ChatChannel::broadcast, Team::us, "Welcome to the seminar."});
            return;
        }
        if (v.phase == Phase::inject) {
            if (!v.inject_drawn)
                pending = s.act(DrawInject{});
            else if (!v.choice_pending)
                pending = s.act(AdvancePhase{});
        } else if (v.phase == Phase::adjudication) {
            const Report& r = v.reports.back();
            if (!amended && !r.results.empty()) {
                amended = true;
                pending = s.act(Amend{0, !r.results[0].success, "White Cell ruling for the test"});
            } else if (!bookmarked) {
                bookmarked = true;
                pending = s.act(Bookmark{"first report", "discuss in the debrief"});
            } else {
                pending = s.act(Release{});
            }
        }
    }
};

// A team played by a bot inside the test, remembering every acknowledged action.
struct TeamPlayer {
    SeatSession s;
    std::unique_ptr<Bot> bot;
    std::uint32_t pending = 0;
    std::map<std::uint32_t, Action> sent;

    void step() {
        if (pending) {
            if (s.acks.count(pending) || s.refusals.count(pending))
                pending = 0;
            else
                return;
        }
        if (s.view().ended() || s.view().paused) return;
        if (auto a = bot->next(s.view())) {
            pending = s.act(*a);
            sent[pending] = *a;
        }
    }
};

std::string bytes_of(const Action& a) {
    return portable_bytes(a);
}

int verify_journal(const std::string& path, const std::string& public_key = {}) {
    std::vector<std::string> args{"replay", path, "--verify"};
    if (!public_key.empty()) args.insert(args.end(), {"--public-key", public_key});
    return wait_child(spawn_gb(args, path + ".verify.txt"), std::chrono::seconds(30));
}

}  // namespace

TEST_CASE("four bot clients, a White Cell and an observer play a game to the end, a second game is undisturbed") {
    auto data = temp_dir("whole");
    ServerProcess server(data);
    GameCodes codes1 = create_game(server.port(), "after-911", 11);
    GameCodes codes2 = create_game(server.port(), "new-administration-2009", 12);

    SeatSession wc, observer;
    watch_for_leaks(observer, "observer");
    join(wc, server.port(), codes1, SeatRole::control, Team::us, "Instructor");
    join(observer, server.port(), codes1, SeatRole::observer, Team::us, "Visitor");

    std::vector<pid_t> bots;
    std::vector<std::string> outs;
    std::string endpoint = "127.0.0.1:" + std::to_string(server.port());
    for (const auto& [codes, game] : {std::pair{codes1, 1}, std::pair{codes2, 2}})
        for (Team t : kAllTeams) {
            outs.push_back(data + "/bot-" + std::to_string(game) + "-" + std::string(name_of(t)) + ".txt");
            bots.push_back(
                spawn_gb({"bot", "--server", endpoint, "--code", codes.team[idx(t)], "--team", std::string(name_of(t))},
                         outs.back()));
        }
    WhiteCell cell{wc};
    auto until = std::chrono::steady_clock::now() + 120s;
    while (!wc.view().ended() && std::chrono::steady_clock::now() < until) {
        pump_all({&wc, &observer}, 1ms);
        cell.step();
    }
    REQUIRE(wc.view().ended());
    for (int i = 0; i < 200 && !observer.view().ended(); ++i) pump_all({&observer}, 5ms);
    CHECK(observer.view().ended());
    CHECK(cell.amended);
    for (std::size_t i = 0; i < bots.size(); ++i) {
        INFO(outs[i] << ":\n" << read_text(outs[i]));
        CHECK(wait_child(bots[i], std::chrono::seconds(60)) == 0);
        CHECK(read_text(outs[i]).find("game over") != std::string::npos);
    }
    // The observer saw the broadcast but no bookmark, and nothing hidden.
    bool saw_broadcast = false;
    for (const auto& m : observer.view().messages) saw_broadcast |= m.text == "Welcome to the seminar.";
    CHECK(saw_broadcast);
    CHECK(observer.view().notes.size() < wc.view().notes.size());
    CHECK(packets_checked() > 20);
    server.stop();
    for (const auto& e : fs::directory_iterator(data))
        if (e.path().extension() == ".journal") CHECK(verify_journal(e.path().string()) == 0);
}

TEST_CASE("two players on one team see each other's drafts, only the lead commits, once") {
    auto data = temp_dir("team");
    ServerProcess server(data);
    // A game whose first inject asks the US to choose (after-911 opens on an
    // event): the shipped 2009 scenario's shuffled deck at the first seed
    // that deals a US choice first, found with the rules themselves.
    const std::string scenario = "new-administration-2009";
    LoadResult loaded = load_scenario("scenarios/" + scenario + ".toml");  // the tests run in the source tree
    REQUIRE(loaded.scenario);
    std::uint64_t seed = 0;
    for (std::uint64_t s = 1; s <= 500 && seed == 0; ++s) {
        GameState g = new_game(loaded.scenario, s);
        REQUIRE(act(g, Seat::control(), DrawInject{}).ok());
        if (g.choice_pending && loaded.scenario->cards[static_cast<std::size_t>(g.inject)].chooser == idx(Team::us))
            seed = s;
    }
    REQUIRE(seed != 0);
    GameCodes codes = create_game(server.port(), scenario, seed);
    SeatSession wc, lead, member, rival;
    watch_for_leaks(lead, "lead");
    watch_for_leaks(member, "member");
    watch_for_leaks(rival, "rival");
    join(wc, server.port(), codes, SeatRole::control, Team::us, "Instructor");
    join(lead, server.port(), codes, SeatRole::team, Team::us, "Ana");
    join(member, server.port(), codes, SeatRole::team, Team::us, "Ben");
    join(rival, server.port(), codes, SeatRole::team, Team::iran, "Cyrus");
    std::vector<SeatSession*> all{&wc, &lead, &member, &rival};
    for (Team t : {Team::israel, Team::gulf}) REQUIRE(act_and_wait(wc, SetBot{t, true}, all).empty());

    // Out of phase, and White Cell powers without the control code.
    CHECK(act_and_wait(lead, Commit{}, all).find("phase") != std::string::npos);
    CHECK(act_and_wait(lead, DrawInject{}, all).find("White Cell") != std::string::npos);
    SeatSession impostor;
    CHECK_FALSE(
        impostor.join("127.0.0.1", server.port(), JoinGame{codes.observer, SeatRole::control, Team::us, "X"}).empty());
    CHECK_FALSE(
        impostor.join("127.0.0.1", server.port(), JoinGame{codes.team[0], SeatRole::control, Team::us, "X"}).empty());

    REQUIRE(act_and_wait(wc, DrawInject{}, all).empty());
    CHECK(act_and_wait(member, Choose{0}, all).find("lead") != std::string::npos);
    REQUIRE(act_and_wait(lead, Choose{0}, all).empty());
    REQUIRE(act_and_wait(wc, AdvancePhase{}, all).empty());
    // Private chat: the team channel reaches the teammate, not Iran.
    REQUIRE(act_and_wait(member, Chat{ChatChannel::team, Team::us, "Let us build in Iraq."}, all).empty());
    REQUIRE(act_and_wait(wc, AdvancePhase{}, all).empty());
    for (int i = 0; i < 100 && lead.view().phase != Phase::orders; ++i) pump_all(all, 5ms);
    REQUIRE(lead.view().phase == Phase::orders);

    Order o;
    o.action = static_cast<std::int16_t>(lead.view().sc().find_action("build_influence"));
    o.region = static_cast<std::int16_t>(lead.view().sc().find_region("iraq"));
    REQUIRE(act_and_wait(member, Draft{{o}}, all).empty());
    for (int i = 0; i < 50 && lead.view().drafts[idx(Team::us)].empty(); ++i) pump_all(all, 5ms);
    CHECK(lead.view().drafts[idx(Team::us)].size() == 1);
    CHECK(rival.view().drafts[idx(Team::us)].empty());
    bool iran_saw_chat = false;
    for (auto& m : rival.view().messages) iran_saw_chat |= m.text == "Let us build in Iraq.";
    CHECK_FALSE(iran_saw_chat);
    CHECK(lead.view().messages.size() == 1);

    CHECK(act_and_wait(member, Commit{{o}}, all).find("lead") != std::string::npos);
    REQUIRE(act_and_wait(lead, Commit{{o}}, all).empty());
    CHECK(act_and_wait(lead, Commit{{o}}, all).find("already") != std::string::npos);
    // Iran cannot commit for the US: its commit is its own.
    REQUIRE(act_and_wait(rival, Commit{}, all).empty());
    for (int i = 0; i < 100 && wc.view().phase != Phase::adjudication; ++i) pump_all(all, 5ms);
    REQUIRE(wc.view().phase == Phase::adjudication);
    bool us_order = false;
    for (const Result& r : wc.view().reports.back().results) us_order |= r.team == idx(Team::us);
    CHECK(us_order);
    // Pointers go to teammates only.
    PointerEcho got{};
    bool rival_got = false;
    member.on_pointer = [&](const PointerEcho& p) { got = p; };
    rival.on_pointer = [&](const PointerEcho&) { rival_got = true; };
    lead.connection().send(Pointer{0.25f, 0.75f}, kChannelPresence, false);
    for (int i = 0; i < 50 && got.player == 0; ++i) pump_all(all, 5ms);
    CHECK(got.x == Approx(0.25f));
    CHECK_FALSE(rival_got);
}

TEST_CASE("after SIGKILL the server resumes every game and no acknowledged action is lost") {
    auto data = temp_dir("crash");
    std::uint16_t port = 0;
    GameCodes codes;
    std::array<TeamPlayer, kTeams> teams;
    SeatSession wc;
    std::vector<pid_t> bot_pids;
    {
        auto server = std::make_unique<ServerProcess>(data);
        port = server->port();
        codes = create_game(port, "after-911", 21);
        join(wc, port, codes, SeatRole::control, Team::us, "Instructor");
        for (Team t : {Team::us, Team::iran}) {
            auto& p = teams[idx(t)];
            p.bot = std::make_unique<Bot>(BotKind::heuristic, t, 21);
            join(p.s, port, codes, SeatRole::team, t, std::string(name_of(t)));
        }
        // Israel and the Gulf are `gb bot` processes, which must ride out the restart on their own.
        std::string endpoint = "127.0.0.1:" + std::to_string(port);
        for (Team t : {Team::israel, Team::gulf})
            bot_pids.push_back(
                spawn_gb({"bot", "--server", endpoint, "--code", codes.team[idx(t)], "--team", std::string(name_of(t))},
                         data + "/bot-" + std::string(name_of(t)) + ".txt"));
        WhiteCell cell{wc};
        auto until = std::chrono::steady_clock::now() + 60s;
        while (wc.view().turn < 3 && std::chrono::steady_clock::now() < until) {
            pump_all({&wc, &teams[0].s, &teams[1].s}, 1ms);
            cell.step();
            teams[0].step();
            teams[1].step();
        }
        REQUIRE(wc.view().turn >= 3);
        server->kill9();  // mid-game, with requests in flight
    }
    std::this_thread::sleep_for(1500ms);
    ServerProcess server(data, port);
    CHECK(server.log().find("resumed from game-1.journal") != std::string::npos);
    for (SeatSession* s : {&wc, &teams[0].s, &teams[1].s}) {
        for (int i = 0; i < 100 && s->pump(5ms); ++i) {
        }
        REQUIRE(s->reconnect(30s).empty());
    }
    WhiteCell cell{wc};
    auto until = std::chrono::steady_clock::now() + 120s;
    while (!wc.view().ended() && std::chrono::steady_clock::now() < until) {
        for (SeatSession* s : {&wc, &teams[0].s, &teams[1].s})
            if (!s->pump(0ms)) REQUIRE(s->reconnect(30s).empty());
        std::this_thread::sleep_for(1ms);
        cell.step();
        teams[0].step();
        teams[1].step();
    }
    REQUIRE(wc.view().ended());
    for (pid_t p : bot_pids) CHECK(wait_child(p, std::chrono::seconds(90)) == 0);
    server.stop();

    JournalRead jr = read_journal(data + "/game-1.journal");
    REQUIRE(jr.error.empty());
    std::map<std::uint64_t, std::string> recorded;
    for (auto& [seq, r] : jr.records)
        if (auto* a = std::get_if<ActionRecord>(&r)) recorded[seq] = bytes_of(a->entry.action);
    std::size_t checked = 0;
    for (auto& p : {&teams[0], &teams[1]})
        for (auto& [request, seq] : p->s.acks) {
            INFO("acknowledged request " << request << " as record " << seq);
            REQUIRE(recorded.count(seq));
            CHECK(recorded[seq] == bytes_of(p->sent[request]));
            ++checked;
        }
    CHECK(checked > 10);
    CHECK(verify_journal(data + "/game-1.journal") == 0);
    // Signed through the crash and the restart, by the key whose public half is journal.pub.
    CHECK(verify_journal(data + "/game-1.journal", data + "/journal.pub") == 0);
    CHECK(jr.signatures.size() > 10);
    CHECK(verify_journal(data + "/game-1.journal", data + "/admin.token") == 2);  // not a key: named
}

TEST_CASE("a dropped client comes back with its token to the same seat and a full view") {
    auto data = temp_dir("drop");
    ServerProcess server(data);
    GameCodes codes = create_game(server.port());
    SeatSession a, wc;
    join(wc, server.port(), codes, SeatRole::control, Team::us, "Instructor");
    join(a, server.port(), codes, SeatRole::team, Team::gulf, "Dana");
    Seat before = a.seat();
    std::string token = a.token();
    a.connection().close();
    // The game moves on while Dana is away.
    REQUIRE(act_and_wait(wc, SetTrack{Track::tension, 6, "a clash at sea"}).empty());
    REQUIRE(a.reconnect(10s).empty());
    CHECK(a.seat().role == before.role);
    CHECK(a.seat().team == before.team);
    CHECK(a.seat().player == before.player);
    CHECK(a.token() == token);
    CHECK(a.view().board.track(Track::tension) == 6);
    // A second connection with the same token takes the seat over.
    SeatSession b;
    b.connection();
    CHECK(act_and_wait(a, Chat{ChatChannel::team, Team::gulf, "back"}).empty());
}

TEST_CASE("a torn journal loses only its last record, a corrupt one stops only its own game") {
    auto data = temp_dir("torn");
    std::uint16_t port = 0;
    {
        ServerProcess server(data);
        port = server.port();
        for (int g = 0; g < 3; ++g) {
            GameCodes codes = create_game(port, "after-911", 30 + static_cast<std::uint64_t>(g));
            SeatSession wc;
            join(wc, port, codes, SeatRole::control, Team::us, "Instructor");
            for (int i = 0; i < 6; ++i)
                REQUIRE(act_and_wait(wc, Bookmark{"mark " + std::to_string(i), "note"}).empty());
        }
        server.kill9();
    }
    auto size1 = fs::file_size(data + "/game-1.journal");
    fs::resize_file(data + "/game-1.journal", size1 - 5);  // cut the last record short
    {
        std::fstream f(data + "/game-2.journal", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(fs::file_size(data + "/game-2.journal") / 2));
        f.put('\x7f');  // damage a record in the middle
    }
    ServerProcess server(data, port);
    std::string log = server.log();
    INFO(log);
    CHECK(log.find("game-1.journal: dropped a torn last record") != std::string::npos);
    CHECK(log.find("game not loaded") != std::string::npos);
    CHECK(log.find("game-2.journal") != std::string::npos);
    Connection c;
    REQUIRE(c.open("127.0.0.1", port).empty());
    auto r = c.request(ListGames{});
    REQUIRE(r);
    auto* list = std::get_if<GameList>(&*r);
    REQUIRE(list);
    std::set<std::uint32_t> ids;
    for (auto& g : list->games) ids.insert(g.game);
    CHECK(ids == std::set<std::uint32_t>{1, 3});
    CHECK(verify_journal(data + "/game-3.journal") == 0);
    CHECK(verify_journal(data + "/game-2.journal") == 1);
}

TEST_CASE("hostile input gets an error or is dropped, and a concurrent game keeps going") {
    auto data = temp_dir("hostile");
    ServerProcess server(data);
    GameCodes codes = create_game(server.port(), "after-911", 41);
    std::string endpoint = "127.0.0.1:" + std::to_string(server.port());
    std::vector<pid_t> bots;
    for (Team t : kAllTeams)
        bots.push_back(
            spawn_gb({"bot", "--server", endpoint, "--code", codes.team[idx(t)], "--team", std::string(name_of(t))},
                     data + "/bot-" + std::string(name_of(t)) + ".txt"));

    auto expect_error = [&](Connection& c, ErrorCode want) {
        for (int i = 0; i < 100; ++i) {
            auto m = c.poll(20ms);
            if (!m) {
                if (!c.is_open()) return false;
                continue;
            }
            if (auto* e = std::get_if<Error>(&*m)) {
                INFO("error: " << e->message);
                CHECK(e->code == want);
                CHECK_FALSE(e->message.empty());
                return true;
            }
        }
        return false;
    };
    // A message before the handshake.
    {
        Connection c;
        REQUIRE(c.open("127.0.0.1", server.port(), 5000ms, false).empty());
        c.send(Act{1, Ready{}});
        CHECK(expect_error(c, ErrorCode::not_seated));
    }
    // A wrong protocol version: refused by name, then disconnected.
    {
        Connection c;
        REQUIRE(c.open("127.0.0.1", server.port(), 5000ms, false).empty());
        c.send(Hello{kProtocolVersion + 7, "future client"});
        CHECK(expect_error(c, ErrorCode::version_mismatch));
        for (int i = 0; i < 100 && c.is_open(); ++i) c.poll(20ms);
        CHECK_FALSE(c.is_open());
    }
    // Random bytes, a truncated message, a huge length field.
    {
        Connection c;
        REQUIRE(c.open("127.0.0.1", server.port()).empty());
        Rng r = Rng::seeded(5);
        std::string junk(300, '\0');
        for (auto& ch : junk) ch = static_cast<char>(r.below(256));
        c.send_raw(junk);
        CHECK(expect_error(c, ErrorCode::malformed));
        std::string whole = encode(ClientMessage{JoinGame{codes.team[0], SeatRole::team, Team::us, "Truncated"}});
        c.send_raw(whole.substr(0, whole.size() / 2));
        CHECK(expect_error(c, ErrorCode::malformed));
        std::string huge = encode(ClientMessage{CreateGame{"after-911", std::nullopt, "x"}});
        // Byte 0 is the archive's endianness flag, bytes 1-4 the variant index,
        // bytes 5-12 the scenario string's length: make it enormous.
        for (std::size_t i = 5; i < 13; ++i) huge[i] = '\x7f';
        c.send_raw(huge);
        std::string why;
        for (int i = 0; i < 100 && why.empty(); ++i)
            if (auto m = c.poll(20ms))
                if (auto* e = std::get_if<Error>(&*m)) why = e->message;
        CHECK(why.find("length") != std::string::npos);
    }
    // A repeat offender is disconnected.
    {
        Connection c;
        REQUIRE(c.open("127.0.0.1", server.port()).empty());
        for (int i = 0; i < 8; ++i) c.send_raw(std::string(10, '\xff'));
        for (int i = 0; i < 200 && c.is_open(); ++i) c.poll(20ms);
        CHECK_FALSE(c.is_open());
    }
    // A packet over the size cap is dropped without harm to others.
    {
        Connection c;
        REQUIRE(c.open("127.0.0.1", server.port()).empty());
        c.send_raw(std::string(kMaxPacket + 4096, 'A'));
        for (int i = 0; i < 20; ++i) c.poll(10ms);
    }
    for (pid_t p : bots) CHECK(wait_child(p, std::chrono::seconds(90)) == 0);
    Connection c;
    REQUIRE(c.open("127.0.0.1", server.port()).empty());
    auto stats = c.request(ServerStats{server.admin_token()});
    REQUIRE(stats);
    CHECK(std::holds_alternative<Stats>(*stats));
    std::string log = server.log();
    CHECK(log.find("undecodable message") != std::string::npos);
    CHECK(log.find("disconnecting") != std::string::npos);
}

TEST_CASE("phase timers run on the server clock and their expiry is journaled") {
    auto data = temp_dir("timer");
    ServerProcess server(data);
    GameCodes codes = create_game(server.port());
    SeatSession wc;
    join(wc, server.port(), codes, SeatRole::control, Team::us, "Instructor");
    for (Team t : kAllTeams) REQUIRE(act_and_wait(wc, SetBot{t, true}).empty());
    // Bots are quick; take one team's bot out so negotiation waits for the timer.
    REQUIRE(act_and_wait(wc, SetBot{Team::gulf, false}).empty());
    REQUIRE(act_and_wait(wc, DrawInject{}).empty());
    for (int i = 0; i < 100 && wc.view().choice_pending; ++i) pump_all({&wc}, 5ms);
    REQUIRE(act_and_wait(wc, AdvancePhase{}).empty());
    REQUIRE(wc.view().phase == Phase::negotiation);
    REQUIRE(act_and_wait(wc, SetTimer{1}).empty());
    auto until = std::chrono::steady_clock::now() + 10s;
    while (wc.view().phase == Phase::negotiation && std::chrono::steady_clock::now() < until) pump_all({&wc}, 10ms);
    CHECK(wc.view().phase == Phase::orders);
    server.stop();
    JournalRead jr = read_journal(data + "/game-1.journal");
    bool expired = false;
    for (auto& [seq, r] : jr.records)
        if (auto* a = std::get_if<ActionRecord>(&r))
            expired |= std::holds_alternative<TimerExpired>(a->entry.action) && a->entry.seat.role == SeatRole::system;
    CHECK(expired);
    CHECK(server.log().find("timer expired") != std::string::npos);
}

TEST_CASE("gb lobby prints a code per team, lists games without codes, and is administered by the token") {
    auto data = temp_dir("lobby");
    ServerProcess server(data);
    std::string endpoint = "127.0.0.1:" + std::to_string(server.port());
    // The admin token is made on first start, readable by its owner only.
    struct stat st {};
    REQUIRE(::stat((data + "/admin.token").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(server.admin_token().size() == 32);
    auto gb_ok = [&](std::vector<std::string> args, const std::string& out) {
        return wait_child(spawn_gb(args, data + "/" + out), std::chrono::seconds(20));
    };
    // Without the token nobody creates, closes or reads statistics.
    CHECK(gb_ok({"lobby", "create", "--server", endpoint, "--scenario", "after-911", "--data", data + "/elsewhere"},
                "no-token.txt") == 1);
    CHECK(gb_ok({"lobby", "create", "--server", endpoint, "--scenario", "after-911"}, "default-dir.txt") != 0);
    REQUIRE(gb_ok({"lobby", "create", "--server", endpoint, "--scenario", "after-911", "--seed", "9", "--name",
                   "Seminar B", "--admin-token-file", data + "/admin.token"},
                  "create.txt") == 0);
    std::string text = read_text(data + "/create.txt");
    INFO(text);
    std::map<std::string, std::string> codes;
    for (const char* k : {"us", "iran", "israel", "gulf", "observer", "control"}) {
        std::string key = std::string("\n") + k + "-code: ";
        auto pos = text.find(key);
        REQUIRE(pos != std::string::npos);
        pos += key.size();
        codes[k] = text.substr(pos, text.find('\n', pos) - pos);
    }
    CHECK(codes["us"].size() == kJoinCodeLength);
    CHECK(codes["control"].size() == kControlCodeLength);
    CHECK(std::set<std::string>{codes["us"], codes["iran"], codes["israel"], codes["gulf"], codes["observer"],
                                codes["control"]}
              .size() == 6);
    CHECK(text.find("join-code") == std::string::npos);
    // Anyone may list the games, and sees no code; the admin sees them all.
    REQUIRE(gb_ok({"lobby", "list", "--server", endpoint, "--data", data + "/elsewhere-too"}, "list0.txt") != 0);
    Connection anon;
    REQUIRE(anon.open("127.0.0.1", server.port()).empty());
    auto r = anon.request(ListGames{});
    REQUIRE(r);
    REQUIRE(std::holds_alternative<GameList>(*r));
    REQUIRE(std::get<GameList>(*r).games.size() == 1);
    CHECK(std::get<GameList>(*r).games[0].name == "Seminar B");
    CHECK_FALSE(std::get<GameList>(*r).games[0].codes);
    auto stats_anon = anon.request(ServerStats{});
    REQUIRE(stats_anon);
    REQUIRE(std::holds_alternative<Error>(*stats_anon));
    CHECK(std::get<Error>(*stats_anon).code == ErrorCode::not_admin);
    auto close_anon = anon.request(CloseGame{codes["control"], 0, ""});
    REQUIRE(close_anon);
    CHECK(std::holds_alternative<Error>(*close_anon));
    REQUIRE(gb_ok({"lobby", "list", "--server", endpoint, "--admin-token-file", data + "/admin.token"}, "list.txt") ==
            0);
    std::string list = read_text(data + "/list.txt");
    CHECK(list.find("Seminar B") != std::string::npos);
    CHECK(list.find(codes["iran"]) != std::string::npos);
    CHECK(list.find(codes["control"]) != std::string::npos);
    REQUIRE(gb_ok({"lobby", "stats", "--server", endpoint, "--data", data}, "stats.txt") == 0);
    std::string stats = read_text(data + "/stats.txt");
    CHECK(stats.find("games: 1") != std::string::npos);
    CHECK(stats.find("memory: ") != std::string::npos);
    // A scenario is named by id; anything else is refused without touching the disk.
    CHECK(gb_ok({"lobby", "create", "--server", endpoint, "--scenario", "no-such-scenario", "--data", data},
                "bad.txt") == 1);
    CHECK(read_text(data + "/bad.txt").find("offers no scenario of that id") != std::string::npos);
    // Each team's code seats only on its team; the observer code an observer.
    SeatSession us, iran, visitor;
    join(us, server.port(), codes["us"], SeatRole::team, Team::gulf, "Ann");
    CHECK(us.seat().role == SeatRole::team);
    CHECK(us.seat().team == Team::us);
    join(iran, server.port(), codes["iran"], SeatRole::team, Team::iran, "Bo");
    CHECK(iran.seat().team == Team::iran);
    join(visitor, server.port(), codes["observer"], SeatRole::team, Team::israel, "Cy");
    CHECK(visitor.seat().role == SeatRole::observer);
    SeatSession bot;
    CHECK(bot.join("127.0.0.1", server.port(), JoinGame{codes["us"], SeatRole::team, Team::iran, "B", true})
              .find("seats the us team") != std::string::npos);
    // Closing a game needs the token; a closed game is not resumed after a restart.
    CHECK(gb_ok({"lobby", "close", "--server", endpoint, "--game", "7", "--data", data}, "c1.txt") == 1);
    REQUIRE(gb_ok({"lobby", "close", "--server", endpoint, "--control-code", codes["control"], "--data", data},
                  "c2.txt") == 0);
    CHECK(read_text(data + "/c2.txt").find("closed: game 1") != std::string::npos);
    server.stop();
    ServerProcess again(data);
    CHECK(again.admin_token() == server.admin_token());  // the same token on every start
    Connection c;
    REQUIRE(c.open("127.0.0.1", again.port()).empty());
    r = c.request(ListGames{});
    REQUIRE(r);
    REQUIRE(std::holds_alternative<GameList>(*r));
    CHECK(std::get<GameList>(*r).games.empty());
}

TEST_CASE("the White Cell moves an observer to a team, or lets observers choose their team") {
    const std::string data = temp_dir("seating");
    auto server_ptr = std::make_unique<ServerProcess>(data);
    ServerProcess& server = *server_ptr;
    GameCodes codes = create_game(server.port());
    SeatSession wc, student, other, member;
    join(wc, server.port(), codes, SeatRole::control, Team::us, "Instructor");
    join(student, server.port(), codes.observer, SeatRole::observer, Team::us, "Dee");
    REQUIRE(student.seat().role == SeatRole::observer);
    std::vector<SeatSession*> all{&wc, &student};
    // Only the White Cell may move players.
    join(member, server.port(), codes, SeatRole::team, Team::gulf, "Gus");
    member.connection().send(MoveSeat{member.seat().player, SeatRole::team, Team::us});
    bool refused = false;
    for (int i = 0; i < 200 && !refused; ++i) {
        auto m = member.connection().poll(10ms);
        if (m && std::holds_alternative<Error>(*m)) refused = true;
    }
    CHECK(refused);
    wc.connection().send(MoveSeat{student.seat().player, SeatRole::team, Team::iran});
    for (int i = 0; i < 400 && student.seat().role != SeatRole::team; ++i) pump_all(all, 5ms);
    CHECK(student.seat().role == SeatRole::team);
    CHECK(student.seat().team == Team::iran);
    CHECK(act_and_wait(student, Chat{ChatChannel::team, Team::iran, "hello, team"}, all).empty());
    // With the White Cell's leave, the observer code seats on the team asked for.
    join(other, server.port(), codes.observer, SeatRole::team, Team::israel, "Eve");
    CHECK(other.seat().role == SeatRole::observer);
    wc.connection().send(LetObserversChoose{true});
    pump_all(all, 50ms);
    SeatSession chooser;
    join(chooser, server.port(), codes.observer, SeatRole::team, Team::israel, "Fay");
    CHECK(chooser.seat().role == SeatRole::team);
    CHECK(chooser.seat().team == Team::israel);

    // The White Cell's leave outlives a crash of the server.
    const std::uint16_t port = server.port();
    server.kill9();
    server_ptr.reset();
    ServerProcess again(data, port);
    SeatSession after_restart;
    join(after_restart, port, codes.observer, SeatRole::team, Team::gulf, "Gil");
    CHECK(after_restart.seat().role == SeatRole::team);
    CHECK(after_restart.seat().team == Team::gulf);
}

TEST_CASE("wrong codes and tokens are strikes with a growing wait per address, each logged") {
    auto data = temp_dir("strikes");
    ServerProcess server(data);
    GameCodes codes = create_game(server.port());
    std::vector<std::string> answers;
    for (int i = 0; i < 6; ++i) {
        SeatSession s;
        answers.push_back(s.join("127.0.0.1", server.port(),
                                 JoinGame{"WRONG" + std::to_string(i), SeatRole::team, Team::us, "Guess"}));
    }
    INFO(answers[0] << " / " << answers[5]);
    CHECK(answers[0].find("no game has that code") != std::string::npos);
    CHECK(answers[5].find("try again in") != std::string::npos);
    // Even the right code waits while the address backs off.
    SeatSession right;
    CHECK(right.join("127.0.0.1", server.port(), JoinGame{codes.team[0], SeatRole::team, Team::us, "Right"})
              .find("try again in") != std::string::npos);
    std::string log = server.log();
    CHECK(log.find("wrong code from 127.0.0.1") != std::string::npos);
    CHECK(log.find("(strike 4 for 127.0.0.1)") != std::string::npos);
    // A wrong admin token is a strike too, and creates nothing.
    Connection c;
    REQUIRE(c.open("127.0.0.1", server.port()).empty());
    auto r = c.request(CreateGame{"after-911", 1, "x", "not-the-token"});
    REQUIRE(r);
    REQUIRE(std::holds_alternative<Error>(*r));
    CHECK((std::get<Error>(*r).code == ErrorCode::wait || std::get<Error>(*r).code == ErrorCode::not_admin));
    CHECK(std::get<Error>(*r).message.find(data) == std::string::npos);
    // After the wait, the right code seats.
    bool seated = false;
    for (int i = 0; i < 40 && !seated; ++i) {
        SeatSession s;
        seated =
            s.join("127.0.0.1", server.port(), JoinGame{codes.team[1], SeatRole::team, Team::iran, "Later"}).empty();
        if (!seated) std::this_thread::sleep_for(500ms);
    }
    CHECK(seated);
}

TEST_CASE("Every member learns who is connected as players join and drop", "[network]") {
    ServerProcess server(temp_dir("presence"));
    GameCodes codes = create_game(server.port());
    SeatSession a, b;
    join(a, server.port(), codes, SeatRole::team, Team::us, "Ann");
    join(b, server.port(), codes, SeatRole::team, Team::iran, "Bo");
    auto ids = [](const SeatSession& s) { return std::set<std::uint32_t>(s.online.begin(), s.online.end()); };
    std::set<std::uint32_t> both{a.seat().player, b.seat().player};
    for (int i = 0; i < 200 && ids(a) != both; ++i) pump_all({&a, &b}, 5ms);
    CHECK(ids(a) == both);
    CHECK(ids(b) == both);
    b.connection().close();
    std::set<std::uint32_t> only_a{a.seat().player};
    for (int i = 0; i < 400 && ids(a) != only_a; ++i) pump_all({&a}, 5ms);
    CHECK(ids(a) == only_a);
    // Back with its token: present again.
    REQUIRE(b.resume().empty());
    for (int i = 0; i < 200 && ids(a) != both; ++i) pump_all({&a, &b}, 5ms);
    CHECK(ids(a) == both);
}
