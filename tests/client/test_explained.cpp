// The client in the core's words, on a real window under Xvfb: the target
// an order offers by default is the core's own legal default (an armed group
// where it is), drafts reorder and reach the server in the new order, an
// order that an accepted deal has already made pointless shows a warning
// before the commit, the card before a later turn's inject is that turn's
// briefing, not the scenario's opening text, and the White Cell's Teams tab
// gives each team's orders in the core's words, with the roll each needs.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <thread>

#include "client_harness.hpp"
#include "explain.hpp"
#include "journal.hpp"
#include "journal_replay.hpp"
#include "order_help.hpp"
#include "primer.hpp"
#include "rules.hpp"

using namespace gbi;
using namespace gbc;

namespace {

// The archived version-1 after-911 deals a known first card: the US choice
// whose first option opens a secret channel.
const std::string kHistorical = std::string(GB_SOURCE_DIR) + "/scenarios/archive/v1/after-911.toml";

// The US team's commits in the journal.
std::vector<Commit> us_commits(const JournalRead& jr) {
    std::vector<Commit> out;
    for (const auto& [seq, rec] : jr.records)
        if (const auto* ar = std::get_if<ActionRecord>(&rec))
            if (ar->entry.seat.role == SeatRole::team && ar->entry.seat.team == Team::us)
                if (const auto* c = std::get_if<Commit>(&ar->entry.action)) out.push_back(*c);
    return out;
}

// "region marker" as the client notes a target.
std::string target_note(const Scenario& sc, const Order& o) {
    return (o.region >= 0 ? sc.regions[o.region].id : std::string("-")) + " " +
           (o.marker >= 0 ? sc.markers[o.marker].id : std::string("-"));
}

}  // namespace

TEST_CASE("An order's default target is the core's legal default, and reordered drafts are committed in the new order",
          "[client]") {
    need_display();
    auto dir = temp_dir("client-order-help");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Start playing\n"
                               "wait-phase inject 1\n"
                               "click Work through a quiet channel##opt0\n"
                               "wait-phase negotiation 1\n"
                               "click Ready\n"
                               "wait-phase orders 1\n"
                               "wait-frames 5\n"
                               "save-view " + dir + "/menu.txt\n"
                               "click Add##support_group\n"
                               "wait-frames 20\n"
                               "click Add##build_influence\n"
                               "wait-frames 20\n"
                               "save-view " + dir + "/before.txt\n"
                               "save-widgets " + dir + "/before-widgets.txt\n"
                               "screenshot " + dir + "/orders.png\n"
                               "click Up##draft1\n"
                               "wait-frames 20\n"
                               "save-view " + dir + "/after.txt\n"
                               "save-widgets " + dir + "/after-widgets.txt\n"
                               "click Commit orders\n"
                               "wait-frames 20\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "us", "--min-phase", "0", "--port", "0", "--data", dir + "/data", "--seed", "4",
                        "--scenario", kHistorical, "--settings", seen_settings(dir), "--size", "1280x720",
                        "--script", script},
                       dir + "/client.out") == 0);
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());

    // The draft rows' buttons fit, and the rows keep their places when their
    // contents swap (one title wraps, the other does not).
    auto w = read_widgets(dir + "/before-widgets.txt");
    REQUIRE(w.count("Up##draft0") == 1);
    REQUIRE(w.count("Up##draft1") == 1);
    for (auto& [label, widget] : w) {
        INFO(label);
        CHECK(!widget.clipped);
    }
    CHECK(w["Up##draft0"].x == w["Up##draft1"].x);
    CHECK(w["Remove##draft0"].x == w["Remove##draft1"].x);
    auto swapped = read_widgets(dir + "/after-widgets.txt");
    for (std::string b : {"Up##draft0", "Up##draft1", "Down##draft0", "Remove##draft1"}) {
        INFO(b);
        REQUIRE(swapped.count(b) == 1);
        CHECK(swapped[b].y == w[b].y);
        CHECK(swapped[b].x == w[b].x);
    }

    // The game as it stood when the orders phase opened, before the US drafted.
    JournalRead upto = jr;
    for (std::size_t i = 0; i < upto.records.size(); ++i)
        if (const auto* ar = std::get_if<ActionRecord>(&upto.records[i].second))
            if (ar->entry.seat.role == SeatRole::team && ar->entry.seat.team == Team::us &&
                std::holds_alternative<Draft>(ar->entry.action)) {
                upto.records.resize(i);
                break;
            }
    ReplayedGame rg = replay(upto);
    REQUIRE(rg.error.empty());
    const GameState& g = rg.state;
    const Scenario& sc = *rg.scenario;
    REQUIRE(g.phase == Phase::orders);
    int support = sc.find_action("support_group"), build = sc.find_action("build_influence");
    Targets t = order_targets(g, Team::us, support, {});
    REQUIRE(t.default_index >= 0);
    const Order& expected = t.choices[t.default_index].order;

    // The menu offered the core's default, an armed group present where it is, and a legal order.
    auto menu = read_view(dir + "/menu.txt");
    CHECK(menu["note:target.support_group"] == target_note(sc, expected));
    CHECK(g.board.marker(expected.region, expected.marker) > 0);
    CHECK(check_order(g, Team::us, expected, {}).ok());

    // Drafted in the order added; Up on the second row swapped them; the commit kept the new order.
    CHECK(read_view(dir + "/before.txt")["note:draft.0"].rfind("support_group ", 0) == 0);
    CHECK(read_view(dir + "/after.txt")["note:draft.0"].rfind("build_influence ", 0) == 0);
    auto commits = us_commits(jr);
    REQUIRE(commits.size() == 1);
    REQUIRE(commits[0].orders.size() == 2);
    CHECK(commits[0].orders[0].action == build);
    CHECK(commits[0].orders[1] == expected);
}

TEST_CASE("An order that an accepted deal already carried out shows a warning before the commit", "[client]") {
    need_display();
    auto dir = temp_dir("client-order-warning");
    // The US client accepts Iran's "Widen the talks"; the deal takes the
    // channel past secret, so "Widen talks to tactical cooperation" would fail.
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Start playing\n"
                               "wait-phase inject 1\n"
                               "click Work through a quiet channel##opt0\n"
                               "wait-phase negotiation 1\n"
                               "click diplomacy\n"
                               "wait-widget Accept...\n"
                               "click Accept...\n"
                               "wait-widget Yes, accept the offer\n"
                               "click Yes, accept the offer\n"
                               "wait-frames 20\n"
                               "click Ready\n"
                               "wait-phase orders 1\n"
                               "click Orders\n"
                               "wait-frames 5\n"
                               "click Add##deepen_channel\n"
                               "wait-frames 20\n"
                               "save-view " + dir + "/draft.txt\n"
                               "screenshot " + dir + "/warning.png\n"
                               "click Commit orders\n"
                               "wait-frames 20\n"
                               "quit\n");
    pid_t client = spawn_program(GB_CLIENT_BIN,
                                 {"--host-local", "--seat", "us", "--bots", "israel,gulf", "--port", "0", "--data",
                                  dir + "/data", "--seed", "4", "--scenario", kHistorical, "--settings",
                                  seen_settings(dir), "--script", script},
                                 dir + "/client.out");
    std::string out;
    auto until = std::chrono::steady_clock::now() + 30s;
    while (out.find("control-code") == std::string::npos && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(50ms);
        out = read_text(dir + "/client.out");
    }
    auto port_at = out.find("hosting on port ");
    auto code_at = out.find("iran-code: ");
    REQUIRE(port_at != std::string::npos);
    REQUIRE(code_at != std::string::npos);
    auto port = static_cast<std::uint16_t>(std::stoi(out.substr(port_at + 16)));
    SeatSession iran;
    join(iran, port, out.substr(code_at + 11, kJoinCodeLength), SeatRole::team, Team::iran, "Iran");
    // Iran offers the deal, declares itself ready once it is answered, and commits nothing.
    bool offered = false, ready = false, committed = false;
    int status = 0, rc = -1;
    auto limit = std::chrono::steady_clock::now() + 120s;
    while (std::chrono::steady_clock::now() < limit) {
        if (::waitpid(client, &status, WNOHANG) == client) {
            rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            break;
        }
        iran.pump(20ms);
        const GameState& g = iran.view();
        if (!iran.current()) continue;
        if (g.phase == Phase::negotiation && g.turn == 1 && !offered) {
            const Scenario& sc = g.sc();
            iran.act(MakeOffer{Team::us, {static_cast<std::int16_t>(sc.find_concession("widen_talks"))}, {}});
            offered = true;
        }
        bool answered = false;
        for (const Offer& o : g.offers) answered |= o.from == Team::iran && o.status != OfferStatus::pending;
        if (g.phase == Phase::negotiation && answered && !ready) {
            iran.act(Ready{});
            ready = true;
        }
        if (g.phase == Phase::orders && !committed) {
            iran.act(Commit{});
            committed = true;
        }
    }
    if (rc < 0) {
        ::kill(client, SIGKILL);
        ::waitpid(client, &status, 0);
    }
    INFO(read_text(dir + "/client.out"));
    REQUIRE(rc == 0);
    auto view = read_view(dir + "/draft.txt");
    CHECK(view["note:draft.0"].rfind("deepen_channel ", 0) == 0);
    CHECK(view["note:warning.draft0"] == "repeats_deal");
}

TEST_CASE("Before a later turn's inject the card gives the core's turn briefing, not the opening text", "[client]") {
    need_display();
    auto dir = temp_dir("client-briefing");
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Start playing\n"
                               "wait-frames 5\n"
                               "save-view " + dir + "/turn1.txt\n"
                               "click Draw the inject\n"
                               "wait-frames 60\n"
                               "click Advance phase\n"
                               "wait-phase adjudication 1\n"
                               "click Release the report##console\n"
                               "wait-phase inject 2\n"
                               "wait-frames 5\n"
                               "save-view " + dir + "/turn2.txt\n"
                               "screenshot " + dir + "/turn2.png\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "control", "--port", "0", "--data", dir + "/data", "--seed", "6",
                        "--scenario", kHistorical, "--settings", seen_settings(dir), "--script", script},
                       dir + "/client.out") == 0);
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    const GameState& g = rg.state;
    REQUIRE(g.turn == 2);
    REQUIRE(!g.inject_drawn);
    TurnBriefing now = turn_briefing(g);
    REQUIRE(!now.lines.empty());
    auto turn1 = read_view(dir + "/turn1.txt"), turn2 = read_view(dir + "/turn2.txt");
    // Turn 1 tells the scenario; turn 2 tells what the released report did.
    CHECK(turn1["note:card.briefing.0"] == g.sc().summary);
    CHECK(turn2["note:card.briefing"] == now.title);
    CHECK(turn2["note:card.briefing.0"] == now.lines[0]);
    CHECK(turn2["note:card.briefing.0"] != g.sc().summary);
}

TEST_CASE("The White Cell's Teams tab gives each team's orders in the core's words with the roll each needs",
          "[client]") {
    need_display();
    auto dir = temp_dir("client-teams-tab");
    // Bots play every team; the White Cell draws the inject and advances to
    // adjudication, when every team has committed.
    auto script = write_script(dir,
                               "wait-seated\n"
                               "click Start playing\n"
                               "click Draw the inject\n"
                               "wait-frames 90\n"
                               "click Advance phase\n"
                               "wait-phase adjudication 1\n"
                               "click Teams\n"
                               "wait-frames 5\n"
                               "save-view " + dir + "/teams.txt\n"
                               "quit\n");
    REQUIRE(run_client({"--host-local", "--seat", "control", "--port", "0", "--data", dir + "/data", "--seed", "4",
                        "--scenario", kHistorical, "--settings", seen_settings(dir), "--script", script},
                       dir + "/client.out") == 0);
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    const GameState& g = rg.state;
    auto view = read_view(dir + "/teams.txt");
    int orders = 0, rolls = 0;
    for (Team t : kAllTeams)
        for (std::size_t k = 0; k < g.orders[idx(t)].size(); ++k) {
            const Order& o = g.orders[idx(t)][k];
            std::string key = "note:teams." + std::to_string(idx(t)) + "." + std::to_string(k);
            INFO(key);
            CHECK(view[key] == explain_order(g, t, o, false).title);
            // The White Cell reads: the team by name, never "your".
            std::string roll = roll_sentence(g, t, o, false);
            CHECK(view[key + ".roll"].find("your") == std::string::npos);
            CHECK(view[key + ".roll"] == roll);
            auto warnings = order_warnings(g, t, o, {g.orders[idx(t)].begin(), g.orders[idx(t)].begin() + long(k)});
            CHECK(view[key + ".warning"] == (warnings.empty() ? "" : warnings[0].text));
            ++orders;
            rolls += !roll.empty();
        }
    CHECK(orders >= 4);
    CHECK(rolls >= 1);
}
