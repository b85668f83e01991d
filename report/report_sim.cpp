// Simulated games for `gb report --compare --simulate N`: every track at the
// opening and at the end of each turn of many bot games, reduced to
// percentile bands, plus the spread of final scores and shared outcomes.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "board.hpp"
#include "report.hpp"
#include "simulation.hpp"

namespace gb::report {

namespace {

constexpr int kValues = kTracks + 1;  // the tracks, then the channel
using Point = std::array<std::int16_t, kValues>;

Point point_of(const Board& b) {
    Point p{};
    for (int i = 0; i < kTracks; ++i) p[i] = static_cast<std::int16_t>(b.tracks[i]);
    p[kTracks] = static_cast<std::int16_t>(b.channel);
    return p;
}

struct OneGame {
    std::vector<Point> points;
    std::array<int, kTeams> score{};
    int mask = 0;
    int end_turn = 0;
};

// Linear interpolation between order statistics.
double quantile(const std::vector<int>& sorted, double p) {
    if (sorted.empty()) return 0;
    double h = p * static_cast<double>(sorted.size() - 1);
    auto lo = static_cast<std::size_t>(std::floor(h));
    std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

SimulatedGames simulate_tracks(std::shared_ptr<const Scenario> scenario, int games, std::uint64_t seed, int threads,
                               const std::function<void(int)>& progress) {
    SimulatedGames out;
    out.games = std::max(0, games);
    out.seed = seed;
    const int points = scenario->turns() + 1;
    const Point opening = point_of(opening_board(*scenario));
    std::vector<OneGame> results(static_cast<std::size_t>(out.games));
    std::atomic<int> next{0}, done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    std::mutex failure_mutex;

    auto worker = [&] {
        for (int i; (i = next.fetch_add(1)) < out.games;) {
            try {
                OneGame one;
                one.points.reserve(static_cast<std::size_t>(points));
                one.points.push_back(opening);
                int turn = 1;
                bool finished = false;
                // The end of turn t is the first state of turn t + 1; the last
                // turn ends with the game.
                auto observe = [&](const GameState& g, const JournalEntry&, const std::vector<Event>&) {
                    if (finished) return;
                    if (g.turn != turn) {
                        one.points.push_back(point_of(g.board));
                        turn = g.turn;
                    }
                    if (g.ended()) {
                        one.points.push_back(point_of(g.board));
                        finished = true;
                    }
                };
                GameRecord rec = play_game(scenario, game_seed(seed, i), BotKind::heuristic, observe);
                while (static_cast<int>(one.points.size()) < points) one.points.push_back(one.points.back());
                one.points.resize(static_cast<std::size_t>(points));
                one.score = rec.standing.score;
                one.mask = outcome_mask(rec.standing.rapprochement, rec.standing.war, rec.standing.breakout);
                one.end_turn = rec.final.turn;
                results[static_cast<std::size_t>(i)] = std::move(one);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                failed = true;
                next.store(out.games);
            }
            ++done;
        }
    };
    threads = std::clamp(threads, 1, std::max(1, out.games));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
    if (progress) {
        std::thread own(worker);
        int last = -1;
        while (done.load() < out.games && !failed.load()) {
            int d = done.load();
            if (d != last) progress(d);
            last = d;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        own.join();
    } else {
        worker();
    }
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    if (progress) progress(out.games);

    // Reduced in game order, so nothing depends on which thread played what.
    std::vector<int> column(results.size());
    for (int k = 0; k < kValues; ++k) {
        auto& bands = k < kTracks ? out.bands[k] : out.channel_bands;
        for (int p = 0; p < points; ++p) {
            for (std::size_t g = 0; g < results.size(); ++g) column[g] = results[g].points[p][k];
            std::sort(column.begin(), column.end());
            bands.push_back({quantile(column, .1), quantile(column, .25), quantile(column, .5), quantile(column, .75),
                             quantile(column, .9)});
        }
    }
    out.end_turn_counts.assign(static_cast<std::size_t>(points), 0);
    for (const OneGame& g : results) {
        for (int t = 0; t < kTeams; ++t) out.final_scores[t].push_back(g.score[t]);
        ++out.outcome_counts[g.mask];
        out.rapprochement += g.mask & 1 ? 1 : 0;
        out.war += g.mask & 2 ? 1 : 0;
        out.breakout += g.mask & 4 ? 1 : 0;
        if (g.end_turn >= 0 && g.end_turn < points) ++out.end_turn_counts[g.end_turn];
    }
    for (auto& v : out.final_scores) std::sort(v.begin(), v.end());
    return out;
}

}  // namespace gb::report
