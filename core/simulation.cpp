// The bot game loop and the multi-threaded simulator.
#include "simulation.hpp"

#include <atomic>
#include <stdexcept>
#include <thread>

#include "rules.hpp"
#include "serialize.hpp"

namespace gb {

std::uint64_t game_seed(std::uint64_t seed, int i) {
    if (i == 0) return seed;
    return mix64(seed * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(i));
}

std::optional<Action> system_step(const GameState& g) {
    Cast cast;
    cast.bot.fill(true);
    return stand_in_step(g, cast);
}

std::array<Bot, kTeams> make_bots(BotKind kind, std::uint64_t seed) {
    return {Bot(kind, Team::us, seed), Bot(kind, Team::iran, seed), Bot(kind, Team::israel, seed),
            Bot(kind, Team::gulf, seed)};
}

std::optional<JournalEntry> next_move(const GameState& g, Schedule& schedule, const Cast& cast,
                                      std::array<Bot, kTeams>& bots) {
    for (;;) {
        Schedule::Move m = schedule.next(g, cast);
        switch (m.kind) {
            case Schedule::Move::Kind::ask: {
                Seat seat = Seat::of_team(m.team);
                // A bot reads only what its seat's view shows (the property
                // tests check it), so the full state decides the same, faster.
                auto a = bots[idx(m.team)].next(g);
                schedule.answered(a.has_value());
                if (a) return JournalEntry{seat, *a};
                break;
            }
            case Schedule::Move::Kind::stand_in: return JournalEntry{Seat::system(), m.action};
            case Schedule::Move::Kind::wait: return std::nullopt;
        }
    }
}

GameRecord play_game(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, BotKind kind,
                     const ActionObserver& observer, bool record) {
    GameRecord rec;
    GameState g = new_game(std::move(scenario), seed);
    auto bots = make_bots(kind, seed);
    Cast cast;
    cast.bot.fill(true);
    Schedule schedule;
    auto run = [&](const JournalEntry& e) {
        int turn = g.turn;
        Acted o = act(g, e.seat, e.action);
        if (!o.ok())
            throw std::logic_error(std::string("rejected ") + action_name(e.action) + ": " + o.verdict.message);
        if (record) rec.actions.push_back(e);
        if (observer) observer(g, e, o.events);
        if (record && (g.turn != turn || g.ended())) rec.turn_hashes.push_back(state_hash(g));
    };
    for (Team t : kAllTeams) run({Seat::system(), SetBot{t, true}});
    for (int guard = 0; !g.ended(); ++guard) {
        if (guard > 100000) throw std::logic_error("game did not end");
        auto e = next_move(g, schedule, cast, bots);
        if (!e) throw std::logic_error("game waits with bots in every seat");
        run(*e);
    }
    rec.standing = standing(g);
    rec.final = std::move(g);
    return rec;
}

SimulationSummary simulate(std::shared_ptr<const Scenario> scenario, int games, std::uint64_t seed, BotKind bots,
                           int threads, const std::function<void(int)>& progress) {
    struct One {
        Standing s;
        int turns = 0;
        std::uint64_t hash = 0;
    };
    std::vector<One> results(static_cast<std::size_t>(games));
    std::atomic<int> next{0}, done{0};
    auto worker = [&] {
        for (int i; (i = next.fetch_add(1)) < games;) {
            GameRecord r = play_game(scenario, game_seed(seed, i), bots);
            results[static_cast<std::size_t>(i)] = {r.standing, r.final.turn, play_hash(r.final)};
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
        sum.play_hashes.push_back(r.hash);
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
