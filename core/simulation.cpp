// The bot game loop and the multi-threaded simulator.
#include "simulation.hpp"

#include <atomic>
#include <stdexcept>
#include <thread>

#include "rules.hpp"
#include "serialize.hpp"

namespace gb {

std::uint64_t game_seed(std::uint64_t seed, int i) {
    return mix64(seed * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(i));
}

std::optional<Action> system_step(const GameState& g) {
    switch (g.phase) {
        case Phase::ended: return std::nullopt;
        case Phase::inject:
            if (!g.inject_drawn && !g.deck.empty()) return DrawInject{};
            return AdvancePhase{};
        case Phase::adjudication: return Release{};
        default: return AdvancePhase{};
    }
}

GameRecord play_game(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, BotKind kind,
                     const ActionObserver& observer, bool record) {
    GameRecord rec;
    GameState g = new_game(std::move(scenario), seed);
    std::array<Bot, kTeams> bots{Bot(kind, Team::us, seed), Bot(kind, Team::iran, seed), Bot(kind, Team::israel, seed),
                                 Bot(kind, Team::gulf, seed)};
    auto run = [&](const Seat& seat, const Action& a) {
        Verdict v = validate(g, seat, a);
        if (!v.ok())
            throw std::logic_error(std::string("rejected ") + action_name(a) + " from " +
                                   std::string(seat.role == SeatRole::team ? name_of(seat.team) : name_of(seat.role)) +
                                   ": " + v.message);
        int turn = g.turn;
        auto ev = apply(g, seat, a);
        if (record) rec.actions.push_back({seat, a});
        if (observer) observer(g, JournalEntry{seat, a}, ev);
        if (record && (g.turn != turn || g.ended())) rec.turn_hashes.push_back(state_hash(g));
    };
    for (Team t : kAllTeams) run(Seat::system(), SetBot{t, true});
    int guard = 0;
    while (!g.ended()) {
        if (++guard > 100000) throw std::logic_error("game did not end");
        if (bots_round(g, bots, [&](const Seat& s, const Action& a) { return run(s, a), true; })) continue;
        if (auto a = system_step(g)) run(Seat::system(), *a);
    }
    rec.standing = standing(g);
    rec.final = std::move(g);
    return rec;
}

bool bots_round(const GameState& g, std::array<Bot, kTeams>& bots,
                const std::function<bool(const Seat&, const Action&)>& run) {
    bool acted = false;
    for (Team t : kAllTeams)
        for (int n = 0; n < 16 && !g.ended(); ++n) {
            auto a = bots[idx(t)].next(g);
            if (!a) break;
            acted = true;
            if (!run(Seat::of_team(t), *a)) return true;
        }
    return acted;
}

SimulationSummary simulate(std::shared_ptr<const Scenario> scenario, int games, std::uint64_t seed, BotKind bots,
                           int threads, const std::function<void(int)>& progress) {
    struct One {
        Standing s;
        int turns = 0;
    };
    std::vector<One> results(static_cast<std::size_t>(games));
    std::atomic<int> next{0}, done{0};
    auto worker = [&] {
        for (int i; (i = next.fetch_add(1)) < games;) {
            GameRecord r = play_game(scenario, game_seed(seed, i), bots);
            results[static_cast<std::size_t>(i)] = {r.standing, r.final.turn};
            ++done;
        }
    };
    threads = std::max(1, threads);
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
    if (progress) {
        std::thread main_worker(worker);
        int last = -1;
        while (done.load() < games) {
            int d = done.load();
            if (d != last) progress(d);
            last = d;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        main_worker.join();
        progress(games);
    } else {
        worker();
    }
    for (auto& t : pool) t.join();

    // Summed in game order, so the figures do not depend on the thread count.
    SimulationSummary sum;
    sum.games = games;
    if (games == 0) return sum;
    for (const One& r : results) {
        int winners = 0;
        for (Team t : kAllTeams) winners += (r.s.winners >> idx(t)) & 1u;
        for (Team t : kAllTeams) {
            sum.mean_score[idx(t)] += r.s.score[idx(t)];
            if ((r.s.winners >> idx(t)) & 1u) sum.win_share[idx(t)] += 1.0 / winners;
        }
        sum.rapprochement += r.s.rapprochement;
        sum.war += r.s.war;
        sum.breakout += r.s.breakout;
        sum.mean_turns += r.turns;
    }
    for (Team t : kAllTeams) {
        sum.mean_score[idx(t)] /= games;
        sum.win_share[idx(t)] /= games;
    }
    sum.rapprochement /= games;
    sum.war /= games;
    sum.breakout /= games;
    sum.mean_turns /= games;
    return sum;
}

}  // namespace gb
