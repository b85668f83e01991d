// Implementation of the shared test helpers.
#include "support.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gbt {

std::string source_dir() {
    return GB_SOURCE_DIR;
}

namespace {
std::shared_ptr<const Scenario> load(const std::string& rel) {
    auto r = load_scenario(source_dir() + "/" + rel);
    if (!r.scenario) {
        std::string all;
        for (auto& p : r.problems) all += p.str() + "\n";
        FAIL("cannot load " << rel << ":\n" << all);
    }
    return r.scenario;
}
}  // namespace

std::shared_ptr<const Scenario> after911() {
    static auto s = load("scenarios/after-911.toml");
    return s;
}
std::shared_ptr<const Scenario> scenario2009() {
    static auto s = load("scenarios/new-administration-2009.toml");
    return s;
}
std::shared_ptr<const Scenario> cycle() {
    static auto s = load("scenarios/the-cycle-1986-2001.toml");
    return s;
}
std::shared_ptr<const Scenario> after911_v1() {
    static auto s = load("scenarios/archive/v1/after-911.toml");
    return s;
}

std::vector<Event> must(GameState& g, const Seat& seat, const Action& a) {
    Acted done = act(g, seat, a);
    INFO("action " << action_name(a) << ": " << done.verdict.message);
    REQUIRE(done.ok());
    return done.events;
}

std::string refused(const GameState& g, const Seat& seat, const Action& a) {
    Verdict v = validate(g, seat, a);
    INFO("action " << action_name(a) << " was accepted");
    REQUIRE_FALSE(v.ok());
    REQUIRE_FALSE(v.message.empty());
    return v.message;
}

namespace {

GameState quiet_start(std::shared_ptr<const Scenario> s, std::uint64_t seed) {
    // A quiet inject on top, so tests start from the scenario's opening board.
    GameState g = new_game(std::move(s), seed);
    must(g, Seat::control(), WriteInject{"A quiet quarter", "Nothing of note happens.", {}});
    return g;
}

}  // namespace

GameState fresh(std::uint64_t seed) {
    return quiet_start(after911(), seed);
}

GameState fresh_v1(std::uint64_t seed) {
    return quiet_start(after911_v1(), seed);
}

void to_negotiation(GameState& g) {
    REQUIRE(g.phase == Phase::inject);
    must(g, Seat::system(), AdvancePhase{});
    REQUIRE(g.phase == Phase::negotiation);
}

void to_orders(GameState& g) {
    if (g.phase == Phase::inject) to_negotiation(g);
    must(g, Seat::system(), AdvancePhase{});
    REQUIRE(g.phase == Phase::orders);
}

int action_id(const GameState& g, const std::string& id) {
    int i = g.sc().find_action(id);
    REQUIRE(i >= 0);
    return i;
}
int region_id(const GameState& g, const std::string& id) {
    int i = g.sc().find_region(id);
    REQUIRE(i >= 0);
    return i;
}
int marker_id(const GameState& g, const std::string& id) {
    int i = g.sc().find_marker(id);
    REQUIRE(i >= 0);
    return i;
}
int term_id(const GameState& g, const std::string& id) {
    int i = g.sc().find_term(id);
    REQUIRE(i >= 0);
    return i;
}
int concession_id(const GameState& g, const std::string& id) {
    int i = g.sc().find_concession(id);
    REQUIRE(i >= 0);
    return i;
}
int card_id(const GameState& g, const std::string& id) {
    int i = g.sc().find_card(id);
    REQUIRE(i >= 0);
    return i;
}

Order order(const GameState& g, const std::string& action, const std::string& region, const std::string& marker) {
    Order o;
    o.action = static_cast<std::int16_t>(action_id(g, action));
    if (!region.empty()) o.region = static_cast<std::int16_t>(region_id(g, region));
    if (!marker.empty()) o.marker = static_cast<std::int16_t>(marker_id(g, marker));
    return o;
}

const Report& commit(GameState& g, const std::vector<std::pair<Team, std::vector<Order>>>& orders) {
    REQUIRE(g.phase == Phase::orders);
    for (const auto& [t, os] : orders) must(g, Seat::of_team(t), Commit{os});
    for (Team t : kAllTeams)
        if (!g.committed[idx(t)] && g.phase == Phase::orders) must(g, Seat::of_team(t), Commit{});
    REQUIRE(!g.reports.empty());
    return g.reports.back();
}

const Report& commit_only(GameState& g, Team team, const std::vector<Order>& orders) {
    return commit(g, {{team, orders}});
}

std::vector<const Result*> results_for(const GameState& g, Team team, const std::string& action) {
    std::vector<const Result*> out;
    int a = g.sc().find_action(action);
    for (const Result& r : g.reports.back().results)
        if (r.kind == Result::Kind::order && r.team == idx(team) && r.order.action == a) out.push_back(&r);
    return out;
}

void set(GameState& g, Track t, int v) {
    g.board.track(t) = v;
}

std::string write_temp(const std::string& name, const std::string& content) {
    auto dir = std::filesystem::temp_directory_path() / ("gb-tests-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto path = dir / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace gbt
