// Property tests over many seeded random games: invariants hold after every
// action, every game ends, replaying the journal reproduces the state hash
// after every turn, no seat's view ever holds what it may not know, and bots
// decide the same from their view as from the whole state.
#include <catch2/catch.hpp>
#include <sstream>

#include <cereal/archives/portable_binary.hpp>

#include "bot.hpp"
#include "journal_entry.hpp"
#include "serialize.hpp"
#include "simulation.hpp"
#include "support.hpp"
#include "view.hpp"
#include "visibility_oracle.hpp"

using namespace gbt;

namespace {

std::string bytes_of(const Action& a) {
    return portable_bytes(a);
}

void check_invariants(const GameState& g) {
    const Scenario& s = g.sc();
    for (int t = 0; t < kTracks; ++t) {
        INFO("track " << name_of(static_cast<Track>(t)));
        REQUIRE(g.board.tracks[t] >= s.tracks[t].min);
        REQUIRE(g.board.tracks[t] <= s.tracks[t].max);
    }
    for (int r = 0; r < g.board.region_count; ++r) {
        REQUIRE(g.board.regions[r].stability >= 1);
        REQUIRE(g.board.regions[r].stability <= 5);
        for (int t = 0; t < kTeams; ++t) {
            REQUIRE(g.board.regions[r].influence[t] >= 0);
            REQUIRE(g.board.regions[r].influence[t] <= 10);
        }
        for (int k = 0; k < g.board.marker_kinds; ++k) {
            REQUIRE(g.board.marker(r, k) >= 0);
            REQUIRE(g.board.marker(r, k) <= 9);
        }
    }
    for (Team t : kAllTeams) {
        REQUIRE(g.ap[idx(t)] >= 0);
        int spent = 0;
        for (const Order& o : g.orders[idx(t)]) spent += s.actions[o.action].cost;
        REQUIRE(g.ap[idx(t)] - spent >= 0);
        REQUIRE(g.board.hand_size[idx(t)] <= s.rules.max_hand);
    }
    REQUIRE(g.turn >= 1);
    REQUIRE(g.turn <= s.turns());
}

void check_view(const GameState& g, const Seat& seat) {
    GameState v = view(g, seat);
    std::uint8_t known = known_teams(g, seat);
    REQUIRE(v.seed == 0);
    REQUIRE(v.rng == Rng{0, 0});
    for (auto c : v.deck) REQUIRE(c == -1);
    for (auto c : v.held) REQUIRE(c == -1);
    for (Team t : kAllTeams) {
        if ((known >> idx(t)) & 1u) continue;
        REQUIRE(v.drafts[idx(t)].empty());
        bool revealed = !g.reports.empty() && g.reports.back().turn == g.turn && g.reports.back().released;
        if (!revealed) REQUIRE(v.orders[idx(t)].empty());
        REQUIRE(v.board.hand_size[idx(t)] == 0);
        for (auto c : v.board.hands[idx(t)]) REQUIRE(c == 0);
    }
    for (const Offer& o : v.offers) REQUIRE(gbt_oracle::may_see(o, known));
    for (const Message& m : v.messages) REQUIRE(gbt_oracle::may_read(m, known));
    for (const Note& n : v.notes) REQUIRE((n.kind != Note::Kind::bookmark && n.kind != Note::Kind::inject));
    if (!((known >> idx(Team::us)) & 1u) && !((known >> idx(Team::iran)) & 1u)) REQUIRE_FALSE(v.board.contact);
    if (!g.reports.empty() && !g.reports.back().released)
        for (const Note& n : v.notes) REQUIRE_FALSE((n.kind == Note::Kind::amendment && n.turn == g.turn));
    if (!g.reports.empty() && !g.reports.back().released) {
        REQUIRE(v.reports.size() + 1 == g.reports.size());
        const Board& pre = g.board_before_report;
        REQUIRE(v.board.tracks == pre.tracks);
        REQUIRE(v.board.channel == pre.channel);
        REQUIRE(v.board.regions == pre.regions);
        REQUIRE(v.board.markers == pre.markers);
        REQUIRE(v.board.counters == pre.counters);
        REQUIRE(v.board.terms == pre.terms);
    }
    // Nothing visible was removed either: public messages and released reports stay.
    std::size_t public_msgs = 0;
    for (const Message& m : g.messages) public_msgs += gbt_oracle::may_read(m, known);
    REQUIRE(v.messages.size() == public_msgs);
}

struct Played {
    GameState final;
    std::vector<JournalEntry> log;
    std::vector<std::pair<std::size_t, std::uint64_t>> hashes;  // log length -> hash
};

// A game of bots plus a noisy White Cell and chatty players, with every check
// after every action.
Played play_checked(std::uint64_t seed, BotKind kind, bool every_view, bool bot_views) {
    Played p;
    GameState g = new_game(after911(), seed);
    std::array<Bot, kTeams> bots{Bot(kind, Team::us, seed), Bot(kind, Team::iran, seed), Bot(kind, Team::israel, seed),
                                 Bot(kind, Team::gulf, seed)};
    Rng noise = Rng::seeded(seed ^ 0xabcdef);
    auto run = [&](const Seat& seat, const Action& a) {
        int turn = g.turn;
        Acted done = act(g, seat, a);
        INFO("seed " << seed << ": " << action_name(a) << " refused: " << done.verdict.message);
        REQUIRE(done.ok());
        p.log.push_back({seat, a});
        check_invariants(g);
        if (every_view) {
            for (Team t : kAllTeams) check_view(g, Seat::of_team(t));
            check_view(g, Seat::observer(99));
        }
        if (g.turn != turn || g.ended()) p.hashes.emplace_back(p.log.size(), state_hash(g));
    };
    run(Seat::control(), Join{99, "Observer", SeatRole::observer, Team::us});
    int guard = 0;
    while (!g.ended()) {
        REQUIRE(++guard < 20000);
        // Noise: chat on every channel, bookmarks, the odd White Cell setting.
        if (noise.below(4) == 0) {
            Team from = static_cast<Team>(noise.below(4));
            Team to = static_cast<Team>((idx(from) + 1 + noise.below(3)) % 4);
            auto ch = static_cast<ChatChannel>(noise.below(4));
            run(Seat::of_team(from), Chat{ch, to, "message " + std::to_string(g.messages.size())});
        }
        if (noise.below(20) == 0) run(Seat::control(), Bookmark{"moment", "note"});
        if (noise.below(40) == 0)
            run(Seat::control(), SetTrack{static_cast<Track>(noise.below(kTracks)),
                                          static_cast<std::int16_t>(g.sc().tracks[0].min + 5), "White Cell test"});
        if (g.ended()) break;
        bool acted = false;
        for (Team t : kAllTeams) {
            for (int n = 0; n < 16 && !g.ended(); ++n) {
                if (bot_views) {
                    Bot a = bots[idx(t)], b = bots[idx(t)];
                    auto from_state = a.next(g);
                    auto from_view = b.next(view(g, Seat::of_team(t)));
                    REQUIRE(from_state.has_value() == from_view.has_value());
                    if (from_state) REQUIRE(bytes_of(*from_state) == bytes_of(*from_view));
                }
                auto a = bots[idx(t)].next(g);
                if (!a) break;
                run(Seat::of_team(t), *a);
                acted = true;
            }
        }
        if (acted || g.ended()) continue;
        // The White Cell sometimes overrules a draft result before release.
        if (g.phase == Phase::adjudication && !g.reports.back().results.empty() && noise.below(3) == 0) {
            auto i =
                static_cast<std::uint16_t>(noise.below(static_cast<std::uint32_t>(g.reports.back().results.size())));
            run(Seat::control(), Amend{i, !g.reports.back().results[i].success, "White Cell ruling"});
            if (g.ended()) break;
        }
        run(Seat::system(), *system_step(g));
    }
    p.final = std::move(g);
    return p;
}

void check_replay(const Played& p) {
    GameState g = new_game(after911(), p.final.seed);
    std::size_t next = 0;
    for (std::size_t i = 0; i < p.log.size(); ++i) {
        REQUIRE(validate(g, p.log[i].seat, p.log[i].action).ok());
        apply(g, p.log[i].seat, p.log[i].action);
        if (next < p.hashes.size() && p.hashes[next].first == i + 1) {
            REQUIRE(state_hash(g) == p.hashes[next].second);
            ++next;
        }
    }
    REQUIRE(next == p.hashes.size());
    REQUIRE(state_hash(g) == state_hash(p.final));
}

}  // namespace

TEST_CASE("1000 random games: invariants, ending, replay hashes and views at every step") {
    int wars = 0, full_length = 0;
    for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
        Played p = play_checked(seed, BotKind::random, true, seed <= 100);
        REQUIRE(p.final.ended());
        check_replay(p);
        wars += p.final.end == EndReason::war;
        full_length += p.final.end == EndReason::last_turn;
    }
    // The random games reach more than one kind of ending.
    CHECK(wars > 0);
    CHECK(full_length > 0);
}

TEST_CASE("heuristic games: invariants, replay and bots that see only their view") {
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        Played p = play_checked(seed, BotKind::heuristic, seed <= 25, true);
        REQUIRE(p.final.ended());
        check_replay(p);
    }
}

TEST_CASE("the state hash notices every kind of change") {
    GameState g = fresh();
    auto h = state_hash(g);
    GameState a = g;
    a.board.regions[3].influence[2] += 1;
    CHECK(state_hash(a) != h);
    GameState b = g;
    b.board.marker(2, 1) += 1;
    CHECK(state_hash(b) != h);
    GameState c = g;
    c.rng.next();
    CHECK(state_hash(c) != h);
    GameState d = g;
    d.messages.push_back({});
    CHECK(state_hash(d) != h);
    CHECK(state_hash(g) == h);
}

TEST_CASE("the RNG is our own: fixed values for a fixed seed, unbiased ranges") {
    Rng r = Rng::seeded(42);
    std::vector<std::uint32_t> first;
    for (int i = 0; i < 3; ++i) first.push_back(r.next());
    Rng again = Rng::seeded(42);
    for (int i = 0; i < 3; ++i) CHECK(again.next() == first[static_cast<std::size_t>(i)]);
    // Golden values: a change to the generator breaks every saved journal.
    Rng golden = Rng::seeded(1);
    CHECK(golden.next() == 0x9B6BDDA9u);
    std::array<int, 6> counts{};
    Rng d = Rng::seeded(7);
    for (int i = 0; i < 60000; ++i) counts[static_cast<std::size_t>(d.d6() - 1)]++;
    for (int c : counts) {
        CHECK(c > 9500);
        CHECK(c < 10500);
    }
}
