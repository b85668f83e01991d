// Replays derived from journals: every point of many seeded games matches
// the live game there, every perspective shows only what that seat saw live,
// annotations live beside the journal, and forks continue and verify.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "fork.hpp"
#include "harness.hpp"
#include "journal.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"
#include "simulation.hpp"
#include "timeline.hpp"
#include "view.hpp"
#include "visibility_oracle.hpp"

namespace fs = std::filesystem;
using namespace gbi;

namespace {

std::shared_ptr<const Scenario> load(const std::string& name) {
    auto l = load_scenario(resolve_scenario_path(name));
    REQUIRE(l.scenario);
    return l.scenario;
}

const std::vector<Perspective>& all_perspectives() {
    static const std::vector<Perspective> ps = {
        {Perspective::Kind::control, Team::us},  {Perspective::Kind::public_view, Team::us},
        {Perspective::Kind::team, Team::us},     {Perspective::Kind::team, Team::iran},
        {Perspective::Kind::team, Team::israel}, {Perspective::Kind::team, Team::gulf}};
    return ps;
}

// Plays a bot game, journaling it as the server does, and remembers the hash
// of every seat's live view after every action.
struct LiveGame {
    std::string path;
    std::vector<std::array<std::uint64_t, 6>> view_hashes;  // per point (after each action)
    std::array<std::uint64_t, 6> opening{};
};

LiveGame play_and_journal(const std::string& dir, const std::string& scenario, std::uint64_t seed, BotKind kind) {
    auto sc = load(scenario);
    LiveGame live;
    live.path = dir + "/game-" + std::to_string(seed) + ".journal";
    JournalHeader h;
    h.game = static_cast<std::uint32_t>(seed);
    h.name = "property game";
    h.scenario_id = sc->id;
    h.scenario_path = fs::absolute(resolve_scenario_path(scenario)).string();
    h.content_hash = sc->content_hash;
    h.seed = seed;
    JournalWriter w = JournalWriter::create(live.path, h);
    GameState start = new_game(sc, seed);
    for (std::size_t k = 0; k < 6; ++k) live.opening[k] = state_hash(view(start, all_perspectives()[k].seat()));
    play_game(sc, seed, kind, [&](const GameState& g, const JournalEntry& e, const std::vector<Event>&) {
        w.append(ActionRecord{e, state_hash(g)});
        std::array<std::uint64_t, 6> hs{};
        for (std::size_t k = 0; k < 6; ++k) hs[k] = state_hash(view(g, all_perspectives()[k].seat()));
        live.view_hashes.push_back(hs);
    });
    w.sync();
    return live;
}

}  // namespace

TEST_CASE("Replaying to every point of seeded games gives the live game's state and views", "[replay]") {
    auto dir = temp_dir("replay-points");
    fs::create_directories(dir);
    int games = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        BotKind kind = seed % 2 ? BotKind::random : BotKind::heuristic;
        LiveGame live = play_and_journal(dir, seed % 3 ? "after-911" : "new-administration-2009", seed, kind);
        // Small snapshot spacing so that seeks cross snapshots and replay between them.
        Timeline t = Timeline::open(live.path, 1 + seed % 9);
        REQUIRE(t.size() == live.view_hashes.size());
        for (std::size_t k = 0; k < 6; ++k) CHECK(state_hash(t.view_at(0, all_perspectives()[k])) == live.opening[k]);
        for (std::size_t i = 1; i <= t.size(); ++i) {
            GameState g = t.state_at(i);
            INFO("seed " << seed << ", point " << i);
            REQUIRE(state_hash(g) == t.recorded_hash(i - 1));
            for (std::size_t k = 0; k < 6; ++k) {
                const Perspective& p = all_perspectives()[k];
                GameState v = p.kind == Perspective::Kind::control ? g : view(g, p.seat());
                REQUIRE(state_hash(v) == live.view_hashes[i - 1][k]);
                if (p.kind == Perspective::Kind::control) continue;
                // What the seat may know, stated independently of view().
                std::uint8_t known = p.kind == Perspective::Kind::team ? std::uint8_t(1u << idx(p.team)) : 0;
                for (const Message& m : v.messages) CHECK(gbt_oracle::may_read(m, known));
                for (const Offer& o : v.offers) CHECK(gbt_oracle::may_see(o, known));
                for (Team other : kAllTeams) {
                    if ((known >> idx(other)) & 1u) continue;
                    CHECK(v.drafts[idx(other)].empty());
                    CHECK(v.board.hand_size[idx(other)] == 0);
                }
                CHECK(v.seed == 0);
                if (!g.reports.empty() && !g.reports.back().released) CHECK(v.reports.size() + 1 == g.reports.size());
            }
        }
        // Seeking backwards lands on the same states as going forwards.
        for (std::size_t i = t.size(); i-- > 0;)
            if (i % 17 == 0) CHECK(state_hash(t.state_at(i + 1)) == t.recorded_hash(i));
        ++games;
    }
    CHECK(games == 12);
}

TEST_CASE("Turn and phase marks find the points a replay jumps to", "[replay]") {
    auto dir = temp_dir("replay-marks");
    fs::create_directories(dir);
    LiveGame live = play_and_journal(dir, "after-911", 5, BotKind::heuristic);
    Timeline t = Timeline::open(live.path);
    int turns = t.final_state().turn;
    for (int turn = 1; turn <= turns; ++turn) {
        auto p = t.point_of(turn);
        REQUIRE(p);
        CHECK(t.state_at(*p).turn == turn);
        if (auto o = t.point_of(turn, Phase::orders)) {
            CHECK(t.state_at(*o).phase == Phase::orders);
            CHECK(t.mark_of(*o).phase == Phase::orders);
            if (*o > 0) CHECK(t.state_at(*o - 1).phase != Phase::orders);
        }
    }
    CHECK_FALSE(t.point_of(turns + 5));
    int turn = 0;
    std::optional<Phase> phase;
    CHECK(parse_turn_phase("3.orders", turn, phase));
    CHECK(turn == 3);
    CHECK(phase == Phase::orders);
    CHECK(parse_turn_phase("7", turn, phase));
    CHECK_FALSE(phase);
    CHECK_FALSE(parse_turn_phase("3.lunch", turn, phase));
    CHECK_FALSE(parse_turn_phase("x", turn, phase));
    CHECK_FALSE(parse_turn_phase("0", turn, phase));
}

TEST_CASE("Replay annotations are kept beside the journal, which never changes", "[replay]") {
    auto dir = temp_dir("replay-annotations");
    fs::create_directories(dir);
    LiveGame live = play_and_journal(dir, "after-911", 9, BotKind::heuristic);
    std::string before = read_text(live.path);
    CHECK(load_annotations(live.path).empty());
    std::vector<Annotation> notes = {{12, "The offer", "Why did\tthe US\nnot answer?"}, {40, "Cut-off", "leak"}};
    save_annotations(live.path, notes);
    CHECK(load_annotations(live.path) == notes);
    CHECK(read_text(live.path) == before);
    std::ofstream(annotations_path(live.path), std::ios::app) << "abc\tno point\n";
    try {
        load_annotations(live.path);
        FAIL("a malformed line was accepted");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find(".annotations:4") != std::string::npos);
    }
}

TEST_CASE("A corrupt journal cannot be opened for replay, and the error names it", "[replay]") {
    auto dir = temp_dir("replay-corrupt");
    fs::create_directories(dir);
    LiveGame live = play_and_journal(dir, "after-911", 4, BotKind::random);
    std::string bytes = read_text(live.path);
    bytes[bytes.size() / 2] ^= 0x5A;
    std::ofstream(live.path, std::ios::binary | std::ios::trunc) << bytes;
    try {
        Timeline::open(live.path);
        FAIL("a corrupt journal opened");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find(live.path) != std::string::npos);
        CHECK(std::string(e.what()).find("record") != std::string::npos);
    }
}

TEST_CASE("A forked game continues on a real server, its journal verifies and replays through the fork", "[replay]") {
    auto dir = temp_dir("replay-fork");
    fs::create_directories(dir);
    LiveGame live = play_and_journal(dir, "after-911", 21, BotKind::heuristic);
    Timeline parent = Timeline::open(live.path);
    auto point = parent.point_of(3, Phase::negotiation);
    REQUIRE(point);

    ServerProcess server(dir + "/server");
    ForkResult r = fork_on_server("127.0.0.1", server.port(), parent, *point, "What if", server.admin_token(), {}, 0);
    REQUIRE(r.error.empty());
    for (const std::string& c : r.codes.team) CHECK(c.size() == kJoinCodeLength);
    CHECK(r.codes.observer.size() == kJoinCodeLength);
    CHECK(r.codes.control.size() == kControlCodeLength);

    // Bots take the four seats and play the counterfactual to the end.
    std::string endpoint = "127.0.0.1:" + std::to_string(server.port());
    std::vector<pid_t> bots;
    for (Team team : kAllTeams) {
        std::string t(name_of(team));
        bots.push_back(spawn_gb({"bot", "--server", endpoint, "--code", r.codes.team[idx(team)], "--team", t},
                                dir + "/bot-" + t + ".out"));
    }
    for (pid_t b : bots) REQUIRE(wait_child(b, 120s) == 0);

    std::string fork_path = dir + "/server/game-" + std::to_string(r.game) + ".journal";
    pid_t v = spawn_gb({"replay", fork_path, "--verify"}, dir + "/verify.out");
    CHECK(wait_child(v, 60s) == 0);
    Timeline forked = Timeline::open(fork_path);
    CHECK(forked.header().forked_from.find(fs::path(live.path).filename().string()) != std::string::npos);
    CHECK(forked.header().fork_point == *point);
    CHECK(forked.header().fork_hash == state_hash(parent.state_at(*point)));
    CHECK(forked.final_state().ended());
    // The fork's journal starts with the saved game's actions, so a replay
    // of it passes through the very state the fork was taken from.
    REQUIRE(forked.size() > *point);
    CHECK(state_hash(forked.state_at(*point)) == state_hash(parent.state_at(*point)));
    for (std::size_t i = 0; i < *point; ++i) CHECK(forked.recorded_hash(i) == parent.recorded_hash(i));

    // A prefix that does not reproduce the saved game is refused, and no game is left behind.
    Connection c;
    REQUIRE(c.open("127.0.0.1", server.port()).empty());
    ForkGame f;
    f.scenario = "after-911";
    f.seed = parent.header().seed;
    f.parent = "tampered";
    f.parent_point = 10;
    f.parent_hash = 12345;
    f.admin_token = server.admin_token();
    for (std::size_t i = 0; i < 10; ++i) f.actions.push_back(parent.entry(i));
    auto reply = c.request(f);
    REQUIRE(reply);
    auto* e = std::get_if<Error>(&*reply);
    REQUIRE(e);
    CHECK(e->message.find("do not reproduce") != std::string::npos);
    std::size_t journals = 0;
    for (const auto& entry : fs::directory_iterator(dir + "/server"))
        journals += entry.path().extension() == ".journal";
    CHECK(journals == 1);
    CHECK(fork_on_server("127.0.0.1", server.port(), parent, parent.size() + 1, "", server.admin_token())
              .error.find("past the end") != std::string::npos);
}

TEST_CASE("A fork of a version-1 journal is played with the archived rules it was recorded with", "[replay]") {
    auto dir = temp_dir("replay-fork-v1");
    fs::create_directories(dir);
    Timeline parent = Timeline::open("tests/fixtures/format2-after-911.journal");  // run from the source tree
    CHECK(parent.header().format == 2);
    auto point = parent.point_of(4);
    REQUIRE(point);

    ServerProcess server(dir + "/server");
    ForkResult r =
        fork_on_server("127.0.0.1", server.port(), parent, *point, "What if, in 2002", server.admin_token(), {}, 0);
    REQUIRE(r.error.empty());
    std::string fork_path = dir + "/server/game-" + std::to_string(r.game) + ".journal";
    JournalRead jr = read_journal(fork_path);
    REQUIRE(jr.error.empty());
    CHECK(jr.header.format == kJournalFormat);
    CHECK(jr.header.content_hash == parent.header().content_hash);
    CHECK(jr.header.scenario_files == parent.scenario_files());

    // Seats find the same rules (in the archive, as the shipped files may
    // have changed) and play the counterfactual to the end.
    std::string endpoint = "127.0.0.1:" + std::to_string(server.port());
    std::vector<pid_t> bots;
    for (Team team : kAllTeams) {
        std::string t(name_of(team));
        bots.push_back(spawn_gb({"bot", "--server", endpoint, "--code", r.codes.team[idx(team)], "--team", t},
                                dir + "/bot-" + t + ".out"));
    }
    for (pid_t b : bots) REQUIRE(wait_child(b, 120s) == 0);
    Timeline forked = Timeline::open(fork_path);
    CHECK(forked.final_state().ended());
    CHECK(state_hash(forked.state_at(*point)) == state_hash(parent.state_at(*point)));
}
