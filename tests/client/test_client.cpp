// gb-client on a real window under Xvfb: rendered pixels against the game
// state, scripted input through the client's event path, and a server restart.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SFML/Graphics/Image.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "harness.hpp"
#include "journal.hpp"
#include "journal_replay.hpp"
#include "map_asset.hpp"
#include "palette.hpp"
#include "serialize.hpp"
#include "timeline.hpp"

namespace fs = std::filesystem;
using namespace gbi;

namespace {

void need_display() {
    const char* d = std::getenv("DISPLAY");
    if (!d || !*d) FAIL("the client tests need an X display: run them under xvfb-run (./test.sh does)");
}

pid_t spawn_client(const std::vector<std::string>& args, const std::string& out) {
    return spawn_program(GB_CLIENT_BIN, args, out);
}

int run_client(const std::vector<std::string>& args, const std::string& out, std::chrono::seconds limit = 120s) {
    int rc = wait_child(spawn_client(args, out), limit);
    if (rc != 0) UNSCOPED_INFO("client output:\n" << read_text(out));
    return rc;
}

std::string journal_in(const std::string& dir) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".journal") return e.path().string();
    return {};
}

ReplayedGame replay_file(const std::string& path) {
    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    return rg;
}

struct Transform {
    float zoom = 0, ox = 0, oy = 0;
    sf::FloatRect viewport;
    sf::Vector2f at(gb::client::MapPoint p) const { return {ox + p.x * zoom, oy + p.y * zoom}; }
};

Transform parse_transform(const std::string& out) {
    std::istringstream in(out);
    std::string line;
    Transform t;
    while (std::getline(in, line)) {
        if (line.rfind("board ", 0) != 0) continue;
        std::istringstream l(line);
        std::string w;
        l >> w >> w >> t.zoom >> w >> t.ox >> t.oy >> w >> t.viewport.left >> t.viewport.top >> t.viewport.width >>
            t.viewport.height;
    }
    REQUIRE(t.zoom > 0);
    return t;
}

bool near(sf::Color a, sf::Color b, int tol) {
    return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

sf::Color expected_fill(const GameState& g, int region) {
    const Scenario& sc = g.sc();
    if (sc.regions[region].kind == RegionKind::sea) return gb::client::palette::kSeaZone;
    for (Team t : kAllTeams)
        if (controls(sc, g.board, t, region)) return gb::client::palette::kTeam[idx(t)];
    return gb::client::palette::kNeutralLand;
}

// Checks every game region's fill at many points inside it, away from its
// label, against the colour its controller should give it.
void check_fills(const sf::Image& img, const Transform& tf, const GameState& g, int& regions_checked,
                 std::set<std::string>& fills_seen) {
    auto map = gb::client::load_map(std::string(GB_SOURCE_DIR) + "/assets/map/region.map");
    const Scenario& sc = g.sc();
    regions_checked = 0;
    for (std::size_t r = 0; r < sc.regions.size(); ++r) {
        const auto* geo = map.find(sc.regions[r].id);
        if (!geo) continue;
        sf::Color want = expected_fill(g, static_cast<int>(r));
        sf::Vector2f anchor = tf.at(geo->anchor);
        int sampled = 0, matched = 0;
        for (std::size_t i = 0; i + 2 < geo->triangles.size(); i += 3) {
            const auto &a = geo->triangles[i], &b = geo->triangles[i + 1], &c = geo->triangles[i + 2];
            float area = std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2 * tf.zoom * tf.zoom;
            if (area < 60) continue;  // too thin to sample away from its borders
            sf::Vector2f p = tf.at({(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3});
            if (!tf.viewport.contains(p)) continue;
            if (std::hypot(p.x - anchor.x, p.y - anchor.y) < 70) continue;  // label, chips and badges
            // A land triangle of the sea zone is hidden by land drawn over it.
            if (geo->kind == "sea") {
                bool under_land = false;
                for (const auto& other : map.regions)
                    if (other.kind != "sea" &&
                        gb::client::contains(other, {(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3}))
                        under_land = true;
                if (under_land) continue;
            }
            ++sampled;
            matched += near(img.getPixel(unsigned(p.x), unsigned(p.y)), want, 24);
        }
        if (sampled < 3) {
            UNSCOPED_INFO("region " << sc.regions[r].id << " is too small on screen to sample");
            continue;
        }
        INFO("region " << sc.regions[r].id << ": " << matched << " of " << sampled << " points show the expected fill");
        CHECK(matched * 10 >= sampled * 8);
        ++regions_checked;
        fills_seen.insert(std::to_string(want.r) + "," + std::to_string(want.g) + "," + std::to_string(want.b));
    }
}

void check_not_blank(const sf::Image& img, const Transform& tf) {
    auto size = img.getSize();
    std::set<std::uint32_t> colours, panel_colours;
    std::size_t dark = 0, total = 0;
    for (unsigned y = 0; y < size.y; y += 2)
        for (unsigned x = 0; x < size.x; x += 2) {
            sf::Color c = img.getPixel(x, y);
            colours.insert(c.toInteger());
            if (x > tf.viewport.left + tf.viewport.width + 4) panel_colours.insert(c.toInteger());
            dark += c.r + c.g + c.b < 30;
            ++total;
        }
    INFO("distinct colours " << colours.size() << ", in the side panel " << panel_colours.size() << ", dark " << dark
                             << " of " << total);
    CHECK(colours.size() > 200);
    CHECK(panel_colours.size() > 40);  // text, buttons and the card, not an empty panel
    CHECK(dark * 2 < total);
}

std::string write_script(const std::string& dir, const std::string& text) {
    std::string path = dir + "/session.script";
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("Region fills on a real window match the controlling team after a whole game", "[client]") {
    need_display();
    auto dir = temp_dir("client-fills");
    ServerProcess srv(dir);
    GameCodes codes = create_game(srv.port(), "after-911", 11);
    std::vector<pid_t> bots;
    std::string endpoint = "127.0.0.1:" + std::to_string(srv.port());
    for (Team team : kAllTeams) {
        std::string t(name_of(team));
        bots.push_back(spawn_gb({"bot", "--server", endpoint, "--code", codes.team[idx(team)], "--team", t},
                                dir + "/bot-" + t + ".out"));
    }
    for (pid_t b : bots) REQUIRE(wait_child(b, 120s) == 0);

    std::string shot = dir + "/observer.png", out = dir + "/client.out";
    REQUIRE(run_client({"--join", endpoint, "--code", codes.observer, "--team", "observer", "--name", "watcher",
                        "--screenshot", shot, "--frames", "20"},
                       out) == 0);
    sf::Image img;
    REQUIRE(img.loadFromFile(shot));
    Transform tf = parse_transform(read_text(out));
    ReplayedGame rg = replay_file(journal_in(dir));
    REQUIRE(rg.state.ended());

    int checked = 0;
    std::set<std::string> fills;
    check_fills(img, tf, rg.state, checked, fills);
    CHECK(checked >= 9);
    CHECK(fills.size() >= 3);  // several controllers and neutral ground: the check can tell them apart
    check_not_blank(img, tf);
}

TEST_CASE("The White Cell's window shows the board at the start, with the panels drawn", "[client]") {
    need_display();
    auto dir = temp_dir("client-control");
    std::string shot = dir + "/control.png", out = dir + "/client.out";
    REQUIRE(run_client({"--host-local", "--seat", "control", "--bots", "none", "--port", "0", "--data", dir + "/data",
                        "--seed", "3", "--screenshot", shot, "--frames", "10", "--size", "1920x1080"},
                       out) == 0);
    sf::Image img;
    REQUIRE(img.loadFromFile(shot));
    CHECK(img.getSize() == sf::Vector2u(1920, 1080));
    Transform tf = parse_transform(read_text(out));
    // Nobody acts before the White Cell draws the inject: the board is the scenario's opening board.
    ReplayedGame rg = replay_file(journal_in(dir + "/data"));
    CHECK(rg.state.turn == 1);
    CHECK(rg.state.phase == Phase::inject);
    int checked = 0;
    std::set<std::string> fills;
    check_fills(img, tf, rg.state, checked, fills);
    CHECK(checked >= 10);  // at 1920x1080 only the Levant is too small to sample away from its callouts
    check_not_blank(img, tf);
}

// A scenario whose deck runs in a known order (the archived version-1 after-911:
// the US choice "deal unconditionally" first), for scripts that answer it.
const std::string kHistoricalScenario = std::string(GB_SOURCE_DIR) + "/scenarios/archive/v1/after-911.toml";

TEST_CASE("A player drafts and commits an order through the client's UI, and the journal records it", "[client]") {
    need_display();
    auto dir = temp_dir("client-script");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "wait-phase inject 1\n"
                               "click Work through a quiet channel##opt0\n"
                               "wait-phase negotiation 1\n"
                               "click Ready\n"
                               "wait-phase orders 1\n"
                               "click Add##build_influence\n"
                               "wait-frames 20\n"
                               "click Commit orders\n"
                               "wait-frames 20\n"
                               "screenshot " +
                                   dir +
                                   "/committed.png\n"
                                   "save-view " +
                                   dir +
                                   "/view.txt\n"
                                   "quit\n");
    // The version-1 after-911 (archived) deals a known first card: the US choice the script answers.
    REQUIRE(run_client({"--host-local", "--seat", "us", "--min-phase", "0", "--port", "0", "--data", dir + "/data",
                        "--seed", "4", "--scenario", kHistoricalScenario, "--script", script, "--name", "Alice"},
                       dir + "/client.out") == 0);
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    const Scenario* sc = nullptr;
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    sc = rg.scenario.get();
    int build = -1;
    for (std::size_t a = 0; a < sc->actions.size(); ++a)
        if (sc->actions[a].id == "build_influence") build = static_cast<int>(a);
    bool chose = false, committed = false;
    for (const auto& [seq, rec] : jr.records) {
        const auto* ar = std::get_if<ActionRecord>(&rec);
        if (!ar || ar->entry.seat.role != SeatRole::team || ar->entry.seat.team != Team::us) continue;
        if (std::holds_alternative<Choose>(ar->entry.action)) chose = true;
        if (const auto* c = std::get_if<Commit>(&ar->entry.action)) {
            REQUIRE(c->orders.size() == 1);
            CHECK(c->orders[0].action == build);
            committed = true;
        }
    }
    CHECK(chose);
    CHECK(committed);
    CHECK(read_text(dir + "/view.txt").find("connected 1") != std::string::npos);
}

TEST_CASE("The client rides out a server restart and shows the same game", "[client]") {
    need_display();
    auto dir = temp_dir("client-restart");
    // The server offers the archived version-1 rules under their id (its
    // scenario directory first); a client names a scenario only by id.
    ::setenv("GB_SCENARIO_DIR", fs::path(kHistoricalScenario).parent_path().c_str(), 1);
    auto srv = std::make_unique<ServerProcess>(dir + "/data");
    std::uint16_t port = srv->port();
    GameCodes codes = create_game(port, "after-911", 6);
    std::string endpoint = "127.0.0.1:" + std::to_string(port);
    std::vector<pid_t> bots;
    for (Team team : {Team::iran, Team::israel, Team::gulf}) {
        std::string t(name_of(team));
        bots.push_back(spawn_gb({"bot", "--server", endpoint, "--code", codes.team[idx(team)], "--team", t},
                                dir + "/bot-" + t + ".out"));
    }
    auto script = write_script(dir,
                               "wait-seated\n"
                               "wait-phase inject 1\n"
                               "click Work through a quiet channel##opt0\n"
                               "wait-phase negotiation 1\n"
                               "wait-frames 30\n"
                               "screenshot " +
                                   dir +
                                   "/before.png\n"
                                   "save-view " +
                                   dir +
                                   "/before.txt\n"
                                   "wait-disconnected\n"
                                   "wait-connected\n"
                                   "wait-frames 60\n"
                                   "screenshot " +
                                   dir +
                                   "/after.png\n"
                                   "save-view " +
                                   dir +
                                   "/after.txt\n"
                                   "click Ready\n"
                                   "wait-phase orders 1\n"
                                   "click Add##build_influence\n"
                                   "wait-frames 20\n"
                                   "click Commit orders\n"
                                   "wait-frames 30\n"
                                   "quit\n");
    pid_t client =
        spawn_client({"--join", endpoint, "--code", codes.team[0], "--team", "us", "--name", "Bob", "--script", script},
                     dir + "/client.out");
    auto until = std::chrono::steady_clock::now() + 60s;
    while (!fs::exists(dir + "/before.txt") && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(50ms);
    REQUIRE(fs::exists(dir + "/before.txt"));
    srv->kill9();
    srv.reset();
    std::this_thread::sleep_for(500ms);
    srv = std::make_unique<ServerProcess>(dir + "/data", port);
    int rc = wait_child(client, 120s);
    INFO(read_text(dir + "/client.out"));
    REQUIRE(rc == 0);
    for (pid_t b : bots) ::kill(b, SIGTERM), wait_child(b, 10s);

    auto field = [](const std::string& text, const std::string& key) {
        std::istringstream in(text);
        std::string k, v;
        while (in >> k >> v)
            if (k == key) return v;
        return std::string();
    };
    std::string before = read_text(dir + "/before.txt"), after = read_text(dir + "/after.txt");
    CHECK(field(before, "turn") == field(after, "turn"));
    CHECK(field(before, "phase") == field(after, "phase"));
    CHECK(field(after, "connected") == "1");
    CHECK(std::stoul(field(after, "actions")) >= std::stoul(field(before, "actions")));
    // The board looks the same before the crash and after the reconnection.
    sf::Image a, b;
    REQUIRE(a.loadFromFile(dir + "/before.png"));
    REQUIRE(b.loadFromFile(dir + "/after.png"));
    std::size_t differ = 0, total = 0;
    for (unsigned y = 120; y < 420; ++y)
        for (unsigned x = 0; x < 800; ++x, ++total) differ += a.getPixel(x, y) != b.getPixel(x, y);
    CHECK(differ * 100 < total);
    // And play went on after the restart: the commit made through the UI is in the journal.
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    bool committed = false;
    for (const auto& [seq, rec] : jr.records)
        if (const auto* ar = std::get_if<ActionRecord>(&rec))
            committed = committed || (ar->entry.seat.team == Team::us && ar->entry.seat.role == SeatRole::team &&
                                      std::holds_alternative<Commit>(ar->entry.action));
    CHECK(committed);
}

TEST_CASE("The White Cell draws the inject and advances the phase from the console", "[client]") {
    need_display();
    auto dir = temp_dir("client-console");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Draw the inject\n"
                               "wait-frames 20\n"
                               "click Advance phase\n"
                               "wait-phase negotiation 1\n"
                               "save-view " +
                                   dir +
                                   "/view.txt\n"
                                   "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "control", "--port", "0", "--data", dir + "/data", "--seed", "8",
                        "--script", script},
                       dir + "/client.out") == 0);
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    bool drew = false, advanced = false;
    for (const auto& [seq, rec] : jr.records)
        if (const auto* ar = std::get_if<ActionRecord>(&rec)) {
            if (ar->entry.seat.role != SeatRole::control) continue;
            drew = drew || std::holds_alternative<DrawInject>(ar->entry.action);
            advanced = advanced || std::holds_alternative<AdvancePhase>(ar->entry.action);
        }
    CHECK(drew);
    CHECK(advanced);
}

TEST_CASE("gb-client explains bad flags and a missing server", "[client]") {
    auto dir = temp_dir("client-flags");
    CHECK(run_client({"--help"}, dir + "/help.out") == 0);
    CHECK(read_text(dir + "/help.out").find("--host-local") != std::string::npos);
    CHECK(wait_child(spawn_client({"--seat", "nobody"}, dir + "/bad.out"), 10s) == 2);
    CHECK(read_text(dir + "/bad.out").find("--seat must be") != std::string::npos);
    {
        // Without a display: a clear message, not a crash.
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::unsetenv("DISPLAY");
            int fd = ::open((dir + "/nodisplay.out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, 2);
            ::execl(GB_CLIENT_BIN, GB_CLIENT_BIN, "--host-local", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        CHECK(wait_child(pid, 10s) == 1);
        CHECK(read_text(dir + "/nodisplay.out").find("no display") != std::string::npos);
    }
    if (std::getenv("DISPLAY")) {
        CHECK(wait_child(spawn_client({"--join", "127.0.0.1:1", "--code", "X", "--team", "us"}, dir + "/join.out"),
                         30s) == 1);
        CHECK(read_text(dir + "/join.out").find("gb-client:") != std::string::npos);
    }
}

namespace {

std::map<std::string, std::string> read_fields(const std::string& path) {
    std::map<std::string, std::string> out;
    std::istringstream in(read_text(path));
    std::string line;
    while (std::getline(in, line)) {
        auto sp = line.find(' ');
        if (sp != std::string::npos) out[line.substr(0, sp)] = line.substr(sp + 1);
    }
    return out;
}

std::string demo_journal(const std::string& dir, int seed) {
    std::string out = dir + "/demo.out";
    REQUIRE(wait_child(spawn_gb({"demo", "--seed", std::to_string(seed)}, out), 120s) == 0);
    std::string text = read_text(out);
    auto at = text.rfind("journal: ");
    REQUIRE(at != std::string::npos);
    auto end = text.find(' ', at + 9);
    return text.substr(at + 9, end - at - 9);
}

}  // namespace

TEST_CASE("Stepping a replay back and forth in the client shows the state at each point", "[client]") {
    need_display();
    auto dir = temp_dir("client-replay");
    std::string journal = demo_journal(dir, 13);
    std::string before = read_text(journal);
    auto script = write_script(dir,
                               "wait-frames 5\n"
                               "click Turn >>\n"
                               "click Turn >>\n"
                               "click Phase >\n"
                               "wait-frames 5\n"
                               "screenshot " +
                                   dir +
                                   "/a.png\n"
                                   "save-view " +
                                   dir +
                                   "/a.txt\n"
                                   "click Turn >>\n"
                                   "click Turn >>\n"
                                   "click Turn >>\n"
                                   "wait-frames 5\n"
                                   "screenshot " +
                                   dir +
                                   "/b.png\n"
                                   "save-view " +
                                   dir +
                                   "/b.txt\n"
                                   "click < Phase\n"
                                   "click < Action\n"
                                   "click < Action\n"
                                   "wait-frames 5\n"
                                   "screenshot " +
                                   dir +
                                   "/c.png\n"
                                   "save-view " +
                                   dir +
                                   "/c.txt\n"
                                   "click perspective\n"
                                   "click as Iran\n"
                                   "wait-frames 5\n"
                                   "save-view " +
                                   dir +
                                   "/d.txt\n"
                                   "click Debrief\n"
                                   "click annotation-label\n"
                                   "type The Axis of Evil\n"
                                   "click Annotate this point\n"
                                   "click Write the after-action report\n"
                                   "wait-frames 5\n"
                                   "quit\n");
    REQUIRE(run_client({"--replay", journal, "--script", script}, dir + "/client.out") == 0);
    Timeline t = Timeline::open(journal);
    std::set<std::size_t> points;
    for (const char* shot : {"a", "b", "c"}) {
        auto f = read_fields(dir + "/" + shot + ".txt");
        std::size_t point = std::stoul(f["point"]);
        points.insert(point);
        GameState g = t.state_at(point);
        INFO("view " << shot << " at point " << point);
        CHECK(f["hash"] == std::to_string(state_hash(g)));
        CHECK(f["turn"] == std::to_string(g.turn));
        sf::Image img;
        REQUIRE(img.loadFromFile(dir + "/" + shot + ".png"));
        Transform tf = parse_transform("board " + f["board"]);
        int checked = 0;
        std::set<std::string> fills;
        check_fills(img, tf, g, checked, fills);
        CHECK(checked >= 8);
    }
    CHECK(points.size() == 3);  // forwards, further forwards, then back: three different points
    auto a = std::stoul(read_fields(dir + "/a.txt")["point"]);
    auto b = std::stoul(read_fields(dir + "/b.txt")["point"]);
    auto c = std::stoul(read_fields(dir + "/c.txt")["point"]);
    CHECK(a == *t.point_of(3, Phase::negotiation));
    CHECK(a < c);
    CHECK(c < b);
    // Iran's eyes at the same point: exactly what Iran saw live.
    auto d = read_fields(dir + "/d.txt");
    CHECK(d["as"] == "iran");
    CHECK(d["hash"] == std::to_string(state_hash(t.view_at(c, *perspective_from("iran")))));
    // The annotation is saved beside the journal, which is unchanged.
    auto notes = load_annotations(journal);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].point == c);
    CHECK(notes[0].label == "The Axis of Evil");
    CHECK(read_text(journal) == before);
    // The report beside the journal, through Iran's eyes.
    std::string report = read_text(fs::path(journal).replace_extension().string() + "-report-iran.html");
    CHECK(report.find("After-action report") != std::string::npos);
    CHECK(report.find("Iran team") != std::string::npos);
}

TEST_CASE("Forking from a replay in the client opens a live game whose journal records the fork", "[client]") {
    need_display();
    auto dir = temp_dir("client-fork");
    std::string journal = demo_journal(dir, 17);
    auto script = write_script(dir,
                               "wait-frames 5\n"
                               "click Turn >>\n"
                               "click Turn >>\n"
                               "click Turn >>\n"
                               "click Debrief\n"
                               "save-view " +
                                   dir +
                                   "/replay.txt\n"
                                   "click Fork and take the White Cell\n"
                                   "wait-seated\n"
                                   "wait-frames 10\n"
                                   "save-view " +
                                   dir +
                                   "/live.txt\n"
                                   "click Draw the inject\n"
                                   "wait-frames 20\n"
                                   "quit\n");
    REQUIRE(run_client({"--replay", journal, "--script", script, "--data", dir + "/data", "--port", "0"},
                       dir + "/client.out") == 0);
    auto replay = read_fields(dir + "/replay.txt");
    auto live = read_fields(dir + "/live.txt");
    CHECK(live.count("point") == 0);  // no longer a replay
    CHECK(live["turn"] == replay["turn"]);
    Timeline forked = Timeline::open(journal_in(dir + "/data"));
    CHECK(forked.header().fork_point == std::stoul(replay["point"]));
    CHECK_FALSE(forked.header().forked_from.empty());
    // The White Cell of the fork drew the next inject through the console.
    bool drew = false;
    for (std::size_t i = forked.header().fork_point; i < forked.size(); ++i)
        drew = drew || (std::holds_alternative<DrawInject>(forked.entry(i).action) &&
                        forked.entry(i).seat.role == SeatRole::control);
    CHECK(drew);
}

TEST_CASE("Resizing the window keeps the board filling its area, with the right fills", "[client]") {
    need_display();
    auto dir = temp_dir("client-resize");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "wait-frames 5\n"
                               "save-view " +
                                   dir +
                                   "/small.txt\n"
                                   "resize 1600x900\n"
                                   "wait-frames 20\n"
                                   "screenshot " +
                                   dir +
                                   "/big.png\n"
                                   "save-view " +
                                   dir +
                                   "/big.txt\n"
                                   "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "control", "--bots", "none", "--port", "0", "--data", dir + "/data",
                        "--script", script},
                       dir + "/client.out") == 0);
    sf::Image img;
    REQUIRE(img.loadFromFile(dir + "/big.png"));
    CHECK(img.getSize() == sf::Vector2u(1600, 900));
    Transform small = parse_transform("board " + read_fields(dir + "/small.txt")["board"]);
    Transform big = parse_transform("board " + read_fields(dir + "/big.txt")["board"]);
    CHECK(big.viewport.width > small.viewport.width);
    CHECK(big.zoom > small.zoom);  // the map grows with the window
    ReplayedGame rg = replay_file(journal_in(dir + "/data"));
    int checked = 0;
    std::set<std::string> fills;
    check_fills(img, big, rg.state, checked, fills);
    CHECK(checked >= 10);
}

TEST_CASE("A teammate's ping reaches the client's board over the unreliable channel", "[client]") {
    need_display();
    auto dir = temp_dir("client-ping");
    // The client hosts; the test joins the same team, pings, and the client shows it.
    auto script = write_script(dir,
                               "wait-seated\n"
                               "wait-ping\n"
                               "save-view " +
                                   dir +
                                   "/view.txt\n"
                                   "quit\n");
    pid_t client = spawn_client({"--host-local", "--seat", "us", "--min-phase", "0", "--port", "0", "--data",
                                 dir + "/data", "--script", script, "--name", "Host"},
                                dir + "/client.out");
    std::string out;
    auto until = std::chrono::steady_clock::now() + 30s;
    while (out.find("control-code") == std::string::npos && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(50ms);
        out = read_text(dir + "/client.out");
    }
    auto port_at = out.find("hosting on port ");
    auto code_at = out.find("us-code: ");
    REQUIRE(port_at != std::string::npos);
    REQUIRE(code_at != std::string::npos);
    auto port = static_cast<std::uint16_t>(std::stoi(out.substr(port_at + 16)));
    std::string code = out.substr(code_at + 9, kJoinCodeLength);
    SeatSession mate;
    join(mate, port, code, SeatRole::team, Team::us, "Mate");
    for (int i = 0; i < 40; ++i) {  // unreliable: send a few
        mate.connection().send(Pointer{900.0f, 500.0f}, kChannelPresence, false);
        mate.pump(20ms);
    }
    REQUIRE(wait_child(client, 60s) == 0);
    CHECK(read_fields(dir + "/view.txt")["pings"].find("Mate") != std::string::npos);
}
