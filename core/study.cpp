// The study of the thesis: a tracker that follows each game's channel through
// its events, a bootstrap over games, the claims, and the JSON and table forms.
#include "study.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <thread>

#include "rng.hpp"
#include "simulation.hpp"

namespace gb {

std::string_view name_of(EpisodeEnd e) {
    switch (e) {
        case EpisodeEnd::cutoff: return "cutoff";
        case EpisodeEnd::framework: return "framework";
        case EpisodeEnd::game_end: return "game_end";
    }
    return "?";
}

// ---------------------------------------------------------------- one game

GameTracker::GameTracker(const Scenario& s) {
    f_.orders.assign(s.actions.size(), {});
    f_.cards.assign(s.cards.size(), 0);
    trust_ = s.tracks[idx(Track::trust)].start;
    if (s.start_channel != Channel::closed) channel_changed(Channel::closed, s.start_channel, "start");
}

void GameTracker::end_episode(EpisodeEnd how) {
    Episode& ep = f_.episodes[static_cast<std::size_t>(active_)];
    ep.end = how;
    ep.ended = true;
    ep.ended_turn = turn_;
    ep.trust_after = trust_;
    active_ = -1;
}

std::string GameFacts::arc() const {
    std::string out;
    for (const Episode& e : episodes) {
        if (!e.ended || e.end == EpisodeEnd::game_end) continue;
        out += (e.end == EpisodeEnd::framework ? "framework " : "cut-off ") + std::to_string(e.ended_turn) + ", ";
    }
    if (out.empty()) out = "no cut-off, ";
    const char* how = standing.war             ? "war"
                      : standing.breakout      ? "breakout"
                      : standing.rapprochement ? "rapprochement"
                                               : "last turn";
    return out + how;
}

void GameTracker::channel_changed(Channel from, Channel to, const std::string& source) {
    if (from != channel_) ++f_.untracked;
    channel_ = to;
    last_cut_ = -1;
    strategic_cut_ = from == Channel::strategic && to == Channel::closed;
    f_.strategic_closed += strategic_cut_;
    if (to == Channel::strategic && f_.framework_turn == 0) f_.framework_turn = turn_;
    if (from == Channel::closed && to != Channel::closed) {
        ++f_.opened;
        Episode ep;
        ep.opened = turn_;
        ep.trust_open = trust_;
        ep.widest = to;
        f_.episodes.push_back(ep);
        active_ = static_cast<int>(f_.episodes.size()) - 1;
        if (to == Channel::strategic) end_episode(EpisodeEnd::framework);
        return;
    }
    if (active_ < 0) return;  // a channel that was already strategic (a strike closes it, say)
    Episode& ep = f_.episodes[static_cast<std::size_t>(active_)];
    if (to == Channel::strategic) {
        ep.widest = Channel::strategic;
        end_episode(EpisodeEnd::framework);
    } else if (to == Channel::closed) {
        int i = active_;
        end_episode(EpisodeEnd::cutoff);
        ep.reason = "channel closed";  // a spoiler's cutoff event, which follows, names it
        if (source.empty())
            pending_.push_back(i);  // an order or deal in adjudication: its result event follows
        else
            ep.cause = source;
        last_cut_ = i;
    } else {
        ep.widest = std::max(ep.widest, to);
    }
}

void GameTracker::turn_ended() {
    ++turn_ends_;
    if (channel_ != Channel::closed) ++f_.turns_open;
    if (channel_ == Channel::strategic) ++f_.turns_strategic;
    if (active_ >= 0) ++f_.episodes[static_cast<std::size_t>(active_)].length;
}

void GameTracker::observe(const GameState& g, const JournalEntry& entry, const std::vector<Event>& events) {
    const Scenario& s = g.sc();
    if (const auto* c = std::get_if<Commit>(&entry.action))
        for (const Order& o : c->orders)
            if (o.action >= 0 && o.action < static_cast<int>(f_.orders.size()))
                ++f_.orders[static_cast<std::size_t>(o.action)][idx(entry.seat.team)];
    std::string source = std::holds_alternative<SetChannel>(entry.action) ? "white_cell" : "";
    const Report* report = g.reports.empty() ? nullptr : &g.reports.back();
    auto result_at = [&](int i) -> const Result* {
        if (!report || i < 0 || i >= static_cast<int>(report->results.size())) return nullptr;
        return &report->results[static_cast<std::size_t>(i)];
    };
    std::size_t skip = 0;
    for (const Event& e : events) {
        if (skip > 0) {
            --skip;
            continue;
        }
        switch (e.kind) {
            case Event::Kind::result: {
                const Result* r = result_at(e.a);
                if (e.audience != Event::kControl) {
                    // The released report replays each result with its events, already followed live.
                    skip = r ? r->events.size() : 0;
                    break;
                }
                std::string cause = "unknown";
                if (r && r->kind == Result::Kind::deal) cause = "deal";
                if (r && r->kind == Result::Kind::order && r->order.action >= 0 &&
                    r->order.action < static_cast<int>(s.actions.size()) && r->team >= 0 && r->team < kTeams)
                    cause = "order:" + s.actions[static_cast<std::size_t>(r->order.action)].id + ":" +
                            std::string(name_of(static_cast<Team>(r->team)));
                for (int i : pending_) f_.episodes[static_cast<std::size_t>(i)].cause = cause;
                pending_.clear();
                break;
            }
            case Event::Kind::inject:
                if (e.a >= 0) {
                    source = "card:" + g.card(e.a).id;
                    if (e.a < static_cast<int>(f_.cards.size())) ++f_.cards[static_cast<std::size_t>(e.a)];
                }
                break;
            case Event::Kind::chosen:
                if (e.a >= 0) source = "card:" + g.card(e.a).id;
                break;
            case Event::Kind::leak: source = "leak"; break;
            case Event::Kind::spoiler: ++f_.spoilers[static_cast<std::size_t>(channel_)]; break;
            case Event::Kind::phase:
                if (e.value == static_cast<int>(Phase::inject) && e.a > turn_) turn_ = e.a;
                source.clear();
                break;
            case Event::Kind::track:
                if (e.a == idx(Track::trust)) trust_ = e.value;
                break;
            case Event::Kind::channel:
                channel_changed(static_cast<Channel>(e.a), static_cast<Channel>(e.value), source);
                break;
            case Event::Kind::cutoff:
                if (last_cut_ >= 0) {
                    Episode& ep = f_.episodes[static_cast<std::size_t>(last_cut_)];
                    ep.trust_after = e.value;
                    ep.reason = e.text;
                } else if (strategic_cut_) {
                    ++f_.strategic_cutoffs;
                }
                last_cut_ = -1;
                strategic_cut_ = false;
                break;
            case Event::Kind::offer: ++f_.offers_made; break;
            case Event::Kind::answer:
                ++f_.offers_answered;
                if (e.value) ++f_.offers_accepted;
                break;
            case Event::Kind::framework:
                switch (e.value) {
                    case 0: ++f_.proposals; break;
                    case 1: ++f_.frameworks_accepted; break;
                    case 2: ++f_.frameworks_rejected; break;
                    case 3: ++f_.frameworks_lapsed; break;
                    default: break;
                }
                break;
            default: break;
        }
    }
    // Whatever the events did not explain is counted, then taken from the state.
    if (!pending_.empty()) {
        for (int i : pending_) f_.episodes[static_cast<std::size_t>(i)].cause = "unknown";
        f_.untracked += static_cast<int>(pending_.size());
        pending_.clear();
    }
    if (trust_ != g.board.track(Track::trust)) {
        ++f_.untracked;
        trust_ = g.board.track(Track::trust);
    }
    if (channel_ != g.board.channel) {
        ++f_.untracked;
        channel_changed(channel_, g.board.channel, "unknown");
    }
    if (!g.ended() && turn_ != g.turn) {
        ++f_.untracked;
        turn_ = g.turn;
    }
    // An end of turn leaves the channel as the action leaves it (nothing after
    // the end-of-turn checks in the same action touches the channel).
    while (turn_ends_ < g.score_history.size()) turn_ended();
}

GameFacts GameTracker::finish(const GameState& g) {
    const Board& b = g.board;
    trust_ = b.track(Track::trust);
    if (active_ >= 0) end_episode(EpisodeEnd::game_end);
    f_.turns = g.turn;
    f_.end = g.end;
    f_.standing = standing(g);
    f_.tension = b.track(Track::tension);
    f_.al_qaeda = b.track(Track::al_qaeda);
    f_.nuclear = b.track(Track::nuclear);
    f_.trust = b.track(Track::trust);
    return std::move(f_);
}

GameFacts study_game(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, BotKind bots) {
    GameTracker tracker(*scenario);
    GameRecord rec = play_game(
        std::move(scenario), seed, bots,
        [&](const GameState& g, const JournalEntry& e, const std::vector<Event>& ev) { tracker.observe(g, e, ev); });
    return tracker.finish(rec.final);
}

// ---------------------------------------------------------------- the bootstrap

namespace {

// Statistics of weighted games. Each statistic is a function of column sums
// (per-game numbers summed with each game's weight), so one pass over the
// games per resample serves them all. Games are resampled with replacement;
// a game's episodes stay together.
class Bootstrap {
public:
    using Stat = std::function<std::optional<double>(const std::vector<double>& sums)>;

    explicit Bootstrap(const std::vector<GameFacts>& games) : games_(games) {}

    int column(const std::function<double(const GameFacts&)>& f) {
        std::vector<double> v;
        v.reserve(games_.size());
        for (const GameFacts& g : games_) v.push_back(f(g));
        columns_.push_back(std::move(v));
        return static_cast<int>(columns_.size()) - 1;
    }

    int statistic(Stat f, std::string empty_note) {
        stats_.push_back({std::move(f), std::move(empty_note)});
        return static_cast<int>(stats_.size()) - 1;
    }

    void run(int resamples, std::uint64_t seed) {
        const std::size_t n = games_.size(), c = columns_.size();
        std::vector<double> sums(c, 0.0);
        for (std::size_t j = 0; j < c; ++j)
            for (std::size_t i = 0; i < n; ++i) sums[j] += columns_[j][i];
        full_.clear();
        for (const auto& s : stats_) full_.push_back(s.f(sums));
        draws_.assign(stats_.size(), {});
        resamples_ = resamples;
        if (n == 0) return;
        Rng rng = Rng::seeded(mix64(seed ^ 0x7468657369735f62ULL), 0x5f737475647931ULL);
        std::vector<std::uint32_t> weight(n);
        for (int b = 0; b < resamples; ++b) {
            std::fill(weight.begin(), weight.end(), 0u);
            for (std::size_t k = 0; k < n; ++k) ++weight[rng.below(static_cast<std::uint32_t>(n))];
            std::fill(sums.begin(), sums.end(), 0.0);
            for (std::size_t j = 0; j < c; ++j) {
                const auto& col = columns_[j];
                double sum = 0;
                for (std::size_t i = 0; i < n; ++i)
                    if (weight[i]) sum += weight[i] * col[i];
                sums[j] = sum;
            }
            for (std::size_t s = 0; s < stats_.size(); ++s)
                if (auto v = stats_[s].f(sums)) draws_[s].push_back(*v);
        }
    }

    Estimate get(int stat) const {
        Estimate e;
        const auto& full = full_[static_cast<std::size_t>(stat)];
        if (!full) {
            e.note = stats_[static_cast<std::size_t>(stat)].empty_note;
            return e;
        }
        e.defined = true;
        e.value = *full;
        std::vector<double> d = draws_[static_cast<std::size_t>(stat)];
        if (d.empty()) {
            e.low = e.high = e.value;
            e.note = "no resample had both groups; no interval";
            return e;
        }
        std::sort(d.begin(), d.end());
        e.low = percentile(d, 0.025);
        e.high = percentile(d, 0.975);
        if (static_cast<int>(d.size()) < resamples_)
            e.note = "interval from " + std::to_string(d.size()) + " of " + std::to_string(resamples_) +
                     " resamples (the others left a group empty)";
        return e;
    }

private:
    static double percentile(const std::vector<double>& sorted, double p) {
        double h = (static_cast<double>(sorted.size()) - 1.0) * p;
        auto lo = static_cast<std::size_t>(std::floor(h));
        std::size_t hi = std::min(lo + 1, sorted.size() - 1);
        return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
    }

    struct Entry {
        Stat f;
        std::string empty_note;
    };
    const std::vector<GameFacts>& games_;
    std::vector<std::vector<double>> columns_;
    std::vector<Entry> stats_;
    std::vector<std::optional<double>> full_;
    std::vector<std::vector<double>> draws_;
    int resamples_ = 0;
};

std::optional<double> ratio(double num, double den) {
    if (den <= 0) return std::nullopt;
    return num / den;
}

// A statistic that is the difference of two ratios, undefined when either group is empty.
Bootstrap::Stat difference(int num_a, int den_a, int num_b, int den_b) {
    return [=](const std::vector<double>& s) -> std::optional<double> {
        auto a = ratio(s[static_cast<std::size_t>(num_a)], s[static_cast<std::size_t>(den_a)]);
        auto b = ratio(s[static_cast<std::size_t>(num_b)], s[static_cast<std::size_t>(den_b)]);
        if (!a || !b) return std::nullopt;
        return *a - *b;
    };
}

Bootstrap::Stat quotient(int num, int den) {
    return [=](const std::vector<double>& s) {
        return ratio(s[static_cast<std::size_t>(num)], s[static_cast<std::size_t>(den)]);
    };
}

int cutoffs(const GameFacts& g, bool tactical_only) {
    int n = 0;
    for (const Episode& e : g.episodes) n += e.end == EpisodeEnd::cutoff && (!tactical_only || e.tactical());
    return n;
}
int episodes(const GameFacts& g, bool tactical_only) {
    int n = 0;
    for (const Episode& e : g.episodes) n += !tactical_only || e.tactical();
    return n;
}

std::vector<std::pair<std::string, int>> by_count(const std::map<std::string, int>& m) {
    std::vector<std::pair<std::string, int>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return v;
}

}  // namespace

std::string Claim::verdict() const {
    if (!effect.defined) return "no data";
    if (std::min(framework_games, other_games) < kFewGames) return "few games";
    bool above = effect.low > 0 && effect.high > 0, below = effect.low < 0 && effect.high < 0;
    if (!above && !below) return "unclear";
    return (above == (direction == '+')) ? "holds" : "fails";
}

// ---------------------------------------------------------------- the study

Study study(std::shared_ptr<const Scenario> scenario, const StudyOptions& opt,
            const std::function<void(int)>& progress) {
    const int n = std::max(0, opt.games);
    std::vector<GameFacts> facts(static_cast<std::size_t>(n));
    std::atomic<int> next{0}, done{0};
    auto worker = [&] {
        for (int i; (i = next.fetch_add(1)) < n;) {
            facts[static_cast<std::size_t>(i)] = study_game(scenario, game_seed(opt.seed, i), opt.bots);
            ++done;
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(1, opt.threads); ++t) pool.emplace_back(worker);
    if (progress) {
        std::thread main_worker(worker);
        int last = -1;
        while (done.load() < n) {
            int d = done.load();
            if (d != last) progress(d);
            last = d;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        main_worker.join();
        progress(n);
    } else {
        worker();
    }
    for (auto& t : pool) t.join();
    return measure(*scenario, std::move(facts), opt);
}

Study measure(const Scenario& sc, std::vector<GameFacts> all, const StudyOptions& opt) {
    Study st;
    st.scenario = sc.id;
    st.title = sc.title;
    st.scenario_turns = sc.turns();
    st.options = opt;
    st.options.games = static_cast<int>(all.size());
    st.facts = std::move(all);
    const auto& facts = st.facts;
    const int n = static_cast<int>(facts.size());

    // Arcs, and the share of the most common one.
    {
        std::map<std::string, int> arcs;
        for (const GameFacts& g : facts) ++arcs[g.arc()];
        st.arcs.assign(arcs.begin(), arcs.end());
        std::stable_sort(st.arcs.begin(), st.arcs.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        st.top_arc_share = st.arcs.empty() || n == 0 ? 0.0 : double(st.arcs.front().second) / n;
    }

    // Plain shares and counts, summed in game order.
    st.framework_turns.assign(static_cast<std::size_t>(std::max(1, sc.turns())), 0);
    st.opened_by_turn.assign(static_cast<std::size_t>(std::max(1, sc.turns())), 0);
    st.actions.clear();
    for (const auto& a : sc.actions) st.actions.push_back(a.id);
    st.orders.assign(sc.actions.size(), {});
    std::vector<long long> cards(sc.cards.size(), 0);
    std::map<std::string, int> causes, reasons;
    for (const GameFacts& g : facts) {
        if (g.framework() && g.framework_turn <= static_cast<int>(st.framework_turns.size()))
            ++st.framework_turns[static_cast<std::size_t>(g.framework_turn - 1)];
        st.war += g.standing.war;
        st.breakout += g.standing.breakout;
        st.rapprochement += g.standing.rapprochement;
        st.last_turn += g.end == EndReason::last_turn;
        int winners = 0;
        for (Team t : kAllTeams) winners += (g.standing.winners >> idx(t)) & 1u;
        for (Team t : kAllTeams)
            if ((g.standing.winners >> idx(t)) & 1u) st.wins[idx(t)] += 1.0 / winners;
        for (const Episode& e : g.episodes) {
            ++st.episodes;
            ++st.ended[static_cast<std::size_t>(e.end)];
            st.tactical_episodes += e.tactical();
            if (e.opened >= 1 && e.opened <= static_cast<int>(st.opened_by_turn.size()))
                ++st.opened_by_turn[static_cast<std::size_t>(e.opened - 1)];
            if (e.end == EpisodeEnd::cutoff) {
                ++causes[e.cause];
                ++reasons[e.reason];
            }
        }
        for (std::size_t a = 0; a < g.orders.size() && a < st.orders.size(); ++a)
            for (Team t : kAllTeams) st.orders[a][idx(t)] += g.orders[a][idx(t)];
        for (std::size_t c = 0; c < g.cards.size() && c < cards.size(); ++c) cards[c] += g.cards[c];
        st.offers_made += g.offers_made;
        st.offers_answered += g.offers_answered;
        st.offers_accepted += g.offers_accepted;
        st.proposals += g.proposals;
        st.frameworks_accepted += g.frameworks_accepted;
        st.frameworks_rejected += g.frameworks_rejected;
        st.frameworks_lapsed += g.frameworks_lapsed;
        st.untracked += g.untracked;
        for (std::size_t c = 0; c < 4; ++c) st.spoilers[c] += g.spoilers[c];
        st.strategic_closed += g.strategic_closed;
        st.strategic_cutoffs += g.strategic_cutoffs;
    }
    st.causes = by_count(causes);
    st.reasons = by_count(reasons);
    std::vector<bool> listed(sc.cards.size(), false);
    for (int c : sc.deck) {
        st.cards_drawn.push_back(
            {sc.cards[static_cast<std::size_t>(c)].id, static_cast<int>(cards[static_cast<std::size_t>(c)])});
        listed[static_cast<std::size_t>(c)] = true;
    }
    for (std::size_t c = 0; c < cards.size(); ++c)
        if (!listed[c] && cards[c] > 0) st.cards_drawn.push_back({sc.cards[c].id, static_cast<int>(cards[c])});
    if (n > 0) {
        for (double* v : {&st.war, &st.breakout, &st.rapprochement, &st.last_turn, &st.offers_made, &st.offers_answered,
                          &st.offers_accepted, &st.proposals, &st.frameworks_accepted, &st.frameworks_rejected,
                          &st.frameworks_lapsed})
            *v /= n;
        for (double& w : st.wins) w /= n;
        for (auto& o : st.orders)
            for (double& v : o) v /= n;
    }

    // The bootstrapped figures.
    Bootstrap bs(facts);
    auto fw = [](const GameFacts& g) { return g.framework() ? 1.0 : 0.0; };
    auto nf = [](const GameFacts& g) { return g.framework() ? 0.0 : 1.0; };
    int one = bs.column([](const GameFacts&) { return 1.0; });
    int c_fw = bs.column(fw), c_nf = bs.column(nf);

    const std::string no_fw = "no game reached a framework", all_fw = "every game reached a framework";
    const std::string no_groups = "needs games with and without a framework";
    int s_share = bs.statistic(quotient(c_fw, one), "no games");
    int s_turn =
        bs.statistic(quotient(bs.column([](const GameFacts& g) { return double(g.framework_turn); }), c_fw), no_fw);

    // Claim (a): of the channel episodes that reached tactical cooperation, the
    // share ending in a cut-off, games without a framework minus games with one.
    auto split = [&](const std::function<double(const GameFacts&)>& f) {
        return std::pair{bs.column([=](const GameFacts& g) { return g.framework() ? f(g) : 0.0; }),
                         bs.column([=](const GameFacts& g) { return g.framework() ? 0.0 : f(g); })};
    };
    auto [cut_tac_fw, cut_tac_nf] = split([](const GameFacts& g) { return double(cutoffs(g, true)); });
    auto [tac_fw, tac_nf] = split([](const GameFacts& g) { return double(episodes(g, true)); });
    auto [cut_fw, cut_nf] = split([](const GameFacts& g) { return double(cutoffs(g, false)); });
    auto [eps_fw, eps_nf] = split([](const GameFacts& g) { return double(episodes(g, false)); });
    int a_effect = bs.statistic(difference(cut_tac_nf, tac_nf, cut_tac_fw, tac_fw), no_groups);
    int a_nf = bs.statistic(quotient(cut_tac_nf, tac_nf), "no tactical episode in games without a framework");
    int a_fw = bs.statistic(quotient(cut_tac_fw, tac_fw), "no tactical episode in framework games");
    int a_all = bs.statistic(difference(cut_nf, eps_nf, cut_fw, eps_fw), no_groups);

    // Claim (b): turns the channel is open per game, framework games minus the others.
    auto [open_fw, open_nf] = split([](const GameFacts& g) { return double(g.turns_open); });
    auto [strat_fw, strat_nf] = split([](const GameFacts& g) { return double(g.turns_strategic); });
    (void)strat_nf;
    int b_effect = bs.statistic(difference(open_fw, c_fw, open_nf, c_nf), no_groups);
    int b_fw = bs.statistic(quotient(open_fw, c_fw), no_fw);
    int b_nf = bs.statistic(quotient(open_nf, c_nf), all_fw);
    int b_strat = bs.statistic(quotient(strat_fw, c_fw), no_fw);

    // Claim (c): a bad-outcome index, the mean of five standardized outcomes
    // the framework does not award as points: war, breakout, final tension,
    // al-Qaeda strength, nuclear progress. Framework games minus the others.
    using Outcome = std::function<double(const GameFacts&)>;
    const std::vector<std::pair<std::string, Outcome>> outcomes = {
        {"war", [](const GameFacts& g) { return g.standing.war ? 1.0 : 0.0; }},
        {"breakout", [](const GameFacts& g) { return g.standing.breakout ? 1.0 : 0.0; }},
        {"tension", [](const GameFacts& g) { return double(g.tension); }},
        {"al_qaeda", [](const GameFacts& g) { return double(g.al_qaeda); }},
        {"nuclear", [](const GameFacts& g) { return double(g.nuclear); }},
    };
    std::vector<std::pair<double, double>> scale;  // mean and standard deviation over all games
    for (const auto& [name, f] : outcomes) {
        double sum = 0, sq = 0;
        for (const GameFacts& g : facts) sum += f(g);
        double mean = n ? sum / n : 0;
        for (const GameFacts& g : facts) sq += (f(g) - mean) * (f(g) - mean);
        scale.push_back({mean, n > 1 ? std::sqrt(sq / (n - 1)) : 0.0});
    }
    auto index = [outcomes, scale](const GameFacts& g) {
        double z = 0;
        for (std::size_t k = 0; k < outcomes.size(); ++k)
            if (scale[k].second > 0) z += (outcomes[k].second(g) - scale[k].first) / scale[k].second;
        return z / static_cast<double>(outcomes.size());
    };
    auto [idx_fw, idx_nf] = split(index);
    int c_effect = bs.statistic(difference(idx_fw, c_fw, idx_nf, c_nf), no_groups);
    std::vector<std::pair<std::string, int>> c_parts;
    for (const auto& [name, f] : outcomes) {
        auto [x_fw, x_nf] = split(f);
        c_parts.push_back({name, bs.statistic(difference(x_fw, c_fw, x_nf, c_nf), no_groups)});
    }

    // Channel episodes.
    auto per_episode = [&](const std::function<double(const Episode&)>& f) {
        return bs.column([=](const GameFacts& g) {
            double v = 0;
            for (const Episode& e : g.episodes) v += f(e);
            return v;
        });
    };
    int c_eps = per_episode([](const Episode&) { return 1.0; });
    int c_cut = per_episode([](const Episode& e) { return e.end == EpisodeEnd::cutoff ? 1.0 : 0.0; });
    int s_per_game = bs.statistic(quotient(c_eps, one), "no games");
    int s_trust_open = bs.statistic(quotient(per_episode([](const Episode& e) { return double(e.trust_open); }), c_eps),
                                    "no episodes");
    int s_trust_after = bs.statistic(
        quotient(per_episode([](const Episode& e) { return double(e.trust_after); }), c_eps), "no episodes");
    int s_length =
        bs.statistic(quotient(per_episode([](const Episode& e) { return double(e.length); }), c_eps), "no episodes");
    int s_open =
        bs.statistic(quotient(bs.column([](const GameFacts& g) { return double(g.turns_open); }), one), "no games");
    int s_below =
        bs.statistic(quotient(per_episode([](const Episode& e) {
                                  return e.end == EpisodeEnd::cutoff && e.trust_after < e.trust_open ? 1.0 : 0.0;
                              }),
                              c_cut),
                     "no cut-offs");
    std::array<int, 3> s_change{};
    for (int k = 0; k < 3; ++k) {
        auto end = static_cast<EpisodeEnd>(k);
        int num =
            per_episode([=](const Episode& e) { return e.end == end ? double(e.trust_after - e.trust_open) : 0.0; });
        int den = per_episode([=](const Episode& e) { return e.end == end ? 1.0 : 0.0; });
        s_change[static_cast<std::size_t>(k)] = bs.statistic(quotient(num, den), "no episode ended this way");
    }

    bs.run(opt.resamples, opt.seed);

    st.framework_share = bs.get(s_share);
    st.framework_turn = bs.get(s_turn);
    st.per_game = bs.get(s_per_game);
    st.trust_open = bs.get(s_trust_open);
    st.trust_after = bs.get(s_trust_after);
    st.length = bs.get(s_length);
    st.turns_open = bs.get(s_open);
    st.cut_below_open = bs.get(s_below);
    for (int k = 0; k < 3; ++k)
        st.trust_change[static_cast<std::size_t>(k)] = bs.get(s_change[static_cast<std::size_t>(k)]);

    Claim& a = st.claims[0];
    a.id = "a";
    a.statement = "tactical cooperation without a framework does not last";
    a.measure =
        "of the channel episodes that reached tactical cooperation, the share ending in a cut-off: games without "
        "a framework minus games with one";
    a.direction = '+';
    a.effect = bs.get(a_effect);
    a.components = {{"no_framework", bs.get(a_nf)}, {"framework", bs.get(a_fw)}, {"all_episodes", bs.get(a_all)}};

    Claim& b = st.claims[1];
    b.id = "b";
    b.statement = "channels in framework games last longer";
    b.measure = "turns the channel is open (at the end of a turn) per game: framework games minus the others";
    b.direction = '+';
    b.effect = bs.get(b_effect);
    b.components = {
        {"framework", bs.get(b_fw)}, {"no_framework", bs.get(b_nf)}, {"framework_strategic", bs.get(b_strat)}};

    Claim& c = st.claims[2];
    c.id = "c";
    c.statement = "framework games end better for all four teams";
    c.measure =
        "bad-outcome index (mean of standardized war, breakout, final tension, al-Qaeda strength, nuclear "
        "progress): framework games minus the others";
    c.direction = '-';
    c.effect = bs.get(c_effect);
    for (const auto& [name, s] : c_parts) c.components.push_back({name, bs.get(s)});
    int with = 0;
    for (const GameFacts& g : facts) with += g.framework();
    for (Claim& claim : st.claims) {
        claim.framework_games = with;
        claim.other_games = n - with;
    }
    return st;
}

// ---------------------------------------------------------------- output

namespace {

std::string fixed(double v, int places = 4) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", places, v);
    std::string s = buf;
    if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // no "-0.0000"
    return s;
}

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (unsigned char ch : s) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += static_cast<char>(ch);
        } else if (ch < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", ch);
            out += buf;
        } else {
            out += static_cast<char>(ch);
        }
    }
    return out + "\"";
}

// {"value": x, "low": x, "high": x} (or nulls and a note), with `key` for the value.
std::string estimate_json(const Estimate& e, const char* key = "value") {
    std::string out = "{";
    out += quoted(key) + ":" + (e.defined ? fixed(e.value) : "null");
    out += ",\"low\":" + (e.defined ? fixed(e.low) : std::string("null"));
    out += ",\"high\":" + (e.defined ? fixed(e.high) : std::string("null"));
    if (!e.note.empty()) out += ",\"note\":" + quoted(e.note);
    return out + "}";
}

std::string counts_json(const std::vector<std::pair<std::string, int>>& v) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.size(); ++i)
        out += (i ? "," : "") + quoted(v[i].first) + ":" + std::to_string(v[i].second);
    return out + "}";
}

std::string by_turn_json(const std::vector<int>& v) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.size(); ++i)
        out += (i ? "," : "") + quoted(std::to_string(i + 1)) + ":" + std::to_string(v[i]);
    return out + "}";
}

std::string interval_text(const Estimate& e, int places = 3) {
    if (!e.defined) return "n/a (" + e.note + ")";
    return fixed(e.value, places) + " [" + fixed(e.low, places) + ", " + fixed(e.high, places) + "]";
}

}  // namespace

std::string study_json(const Study& s) {
    const auto& o = s.options;
    std::string j = "{";
    j += "\"scenario\":" + quoted(s.scenario);
    j += ",\"games\":" + std::to_string(o.games);
    j += ",\"seed\":" + std::to_string(o.seed);
    j += ",\"bots\":" + quoted(o.bots == BotKind::random ? "random" : "heuristic");
    j += ",\"resamples\":" + std::to_string(o.resamples);
    j += ",\"rules\":{";
    for (std::size_t i = 0; i < o.rules.size(); ++i)
        j += (i ? "," : "") + quoted(o.rules[i].first) + ":" + o.rules[i].second;
    j += "}";
    j += ",\"framework_share\":" + estimate_json(s.framework_share);
    j += ",\"framework_turns\":{\"mean\":" + estimate_json(s.framework_turn) +
         ",\"counts\":" + by_turn_json(s.framework_turns) + "}";
    j += ",\"outcomes\":{\"war\":" + fixed(s.war) + ",\"breakout\":" + fixed(s.breakout) +
         ",\"rapprochement\":" + fixed(s.rapprochement) + ",\"last_turn\":" + fixed(s.last_turn) + "}";
    j += ",\"wins\":{";
    for (Team t : kAllTeams) j += (idx(t) ? "," : "") + quoted(name_of(t)) + ":" + fixed(s.wins[idx(t)]);
    j += "}";
    j += ",\"arcs\":{\"top_share\":" + fixed(s.top_arc_share) + ",\"counts\":{";
    for (std::size_t i = 0; i < s.arcs.size(); ++i)
        j += (i ? "," : "") + quoted(s.arcs[i].first) + ":" + std::to_string(s.arcs[i].second);
    j += "}}";
    j += ",\"claims\":{";
    for (std::size_t i = 0; i < s.claims.size(); ++i) {
        const Claim& c = s.claims[i];
        std::string e = estimate_json(c.effect, "effect");
        e.pop_back();  // the claim's own fields follow the estimate's
        j += (i ? "," : "") + quoted(c.id) + ":" + e;
        j += ",\"direction\":" + quoted(std::string(1, c.direction));
        j += ",\"verdict\":" + quoted(c.verdict());
        j += ",\"groups\":{\"framework\":" + std::to_string(c.framework_games) +
             ",\"no_framework\":" + std::to_string(c.other_games) + "}";
        j += ",\"statement\":" + quoted(c.statement);
        j += ",\"measure\":" + quoted(c.measure);
        j += ",\"components\":{";
        for (std::size_t k = 0; k < c.components.size(); ++k)
            j += (k ? "," : "") + quoted(c.components[k].first) + ":" + estimate_json(c.components[k].second);
        j += "}}";
    }
    j += "}";
    j += ",\"channels\":{\"episodes\":" + std::to_string(s.episodes);
    j += ",\"tactical_episodes\":" + std::to_string(s.tactical_episodes);
    j += ",\"ended\":{";
    for (int k = 0; k < 3; ++k)
        j += (k ? "," : "") + quoted(name_of(static_cast<EpisodeEnd>(k))) + ":" +
             std::to_string(s.ended[static_cast<std::size_t>(k)]);
    j += "},\"cutoff_causes\":" + counts_json(s.causes);
    j += ",\"cutoff_reasons\":" + counts_json(s.reasons);
    j += ",\"opened_by_turn\":" + by_turn_json(s.opened_by_turn);
    j += ",\"strategic_closed\":{\"total\":" + std::to_string(s.strategic_closed) +
         ",\"by_spoiler\":" + std::to_string(s.strategic_cutoffs) + "}";
    j += ",\"spoilers_by_channel\":{";
    for (int c = 0; c < 4; ++c)
        j += (c ? "," : "") + quoted(name_of(static_cast<Channel>(c))) + ":" +
             std::to_string(s.spoilers[static_cast<std::size_t>(c)]);
    j += "}";
    j += ",\"per_game\":" + estimate_json(s.per_game);
    j += ",\"trust_at_opening\":" + estimate_json(s.trust_open);
    j += ",\"trust_after\":" + estimate_json(s.trust_after);
    j += ",\"length\":" + estimate_json(s.length);
    j += ",\"turns_open_per_game\":" + estimate_json(s.turns_open);
    j += ",\"cutoff_below_opening\":" + estimate_json(s.cut_below_open);
    j += ",\"trust_change\":{";
    for (int k = 0; k < 3; ++k)
        j += (k ? "," : "") + quoted(name_of(static_cast<EpisodeEnd>(k))) + ":" +
             estimate_json(s.trust_change[static_cast<std::size_t>(k)]);
    j += "}}";
    j += ",\"cards_drawn\":" + counts_json(s.cards_drawn);
    j += ",\"orders\":{";
    for (std::size_t a = 0; a < s.actions.size(); ++a) {
        double total = 0;
        for (double v : s.orders[a]) total += v;
        j += (a ? "," : "") + quoted(s.actions[a]) + ":" + fixed(total);
    }
    j += "},\"orders_by_team\":{";
    for (Team t : kAllTeams) {
        j += (idx(t) ? "," : "") + quoted(name_of(t)) + ":{";
        bool first = true;
        for (std::size_t a = 0; a < s.actions.size(); ++a) {
            if (s.orders[a][idx(t)] == 0) continue;
            j += (first ? "" : ",") + quoted(s.actions[a]) + ":" + fixed(s.orders[a][idx(t)]);
            first = false;
        }
        j += "}";
    }
    j += "}";
    j += ",\"offers\":{\"made\":" + fixed(s.offers_made) + ",\"answered\":" + fixed(s.offers_answered) +
         ",\"accepted\":" + fixed(s.offers_accepted) + ",\"frameworks_proposed\":" + fixed(s.proposals) +
         ",\"frameworks_accepted\":" + fixed(s.frameworks_accepted) +
         ",\"frameworks_rejected\":" + fixed(s.frameworks_rejected) +
         ",\"frameworks_lapsed\":" + fixed(s.frameworks_lapsed) + "}";
    j += ",\"checks\":{\"untracked\":" + std::to_string(s.untracked) + "}";
    return j + "}\n";
}

std::string study_table(const Study& s) {
    const auto& o = s.options;
    std::string t;
    char buf[512];
    auto line = [&](const char* fmt, auto... args) {
        std::snprintf(buf, sizeof buf, fmt, args...);
        t += buf;
    };
    line("scenario: %s (%s)\n", s.title.c_str(), s.scenario.c_str());
    line("games: %d  seed: %llu  bots: %s  resamples: %d\n", o.games, static_cast<unsigned long long>(o.seed),
         o.bots == BotKind::random ? "random" : "heuristic", o.resamples);
    if (!o.rules.empty()) {
        t += "rules:";
        for (const auto& [k, v] : o.rules) t += " " + k + "=" + v;
        t += "\n";
    }
    t += "(figures: estimate [95% bootstrap interval])\n\n";
    line("framework reached: %s of games\n", interval_text(s.framework_share).c_str());
    line("turn reached:      %s (mean); by turn:", interval_text(s.framework_turn, 2).c_str());
    for (std::size_t i = 0; i < s.framework_turns.size(); ++i) line(" %zu:%d", i + 1, s.framework_turns[i]);
    t += "\n";
    line("outcomes: war %.1f%%  breakout %.1f%%  rapprochement %.1f%%  last turn %.1f%%\n", s.war * 100,
         s.breakout * 100, s.rapprochement * 100, s.last_turn * 100);
    line("wins: us %.1f%%  iran %.1f%%  israel %.1f%%  gulf %.1f%%\n", s.wins[0] * 100, s.wins[1] * 100,
         s.wins[2] * 100, s.wins[3] * 100);
    line("arcs (cut-offs and frameworks by turn, end): the most common covers %.1f%% of games;", s.top_arc_share * 100);
    for (std::size_t i = 0; i < s.arcs.size() && i < 4; ++i)
        line(" %s %d%s", s.arcs[i].first.c_str(), s.arcs[i].second, i + 1 < std::min<std::size_t>(4, s.arcs.size()) ? " |" : "");
    t += "\n\n";

    t += "claims\n";
    for (const Claim& c : s.claims) {
        line("  (%s) %s\n", c.id.c_str(), c.statement.c_str());
        line("      %s\n", c.measure.c_str());
        line("      effect %s, predicted %c: %s (%d framework games, %d others)\n", interval_text(c.effect).c_str(),
             c.direction, c.verdict().c_str(), c.framework_games, c.other_games);
        if (c.effect.defined && !c.effect.note.empty()) line("      (%s)\n", c.effect.note.c_str());
        for (const auto& [name, e] : c.components) line("        %-20s %s\n", name.c_str(), interval_text(e).c_str());
    }

    line("\nchannel episodes: %d (%s per game), %d reached tactical cooperation\n", s.episodes,
         interval_text(s.per_game, 2).c_str(), s.tactical_episodes);
    line("  ended: cut-off %d  framework %d  game end %d\n", s.ended[0], s.ended[1], s.ended[2]);
    line("  trust at opening %s, after %s\n", interval_text(s.trust_open, 2).c_str(),
         interval_text(s.trust_after, 2).c_str());
    line("  length %s turns; channel open %s turns per game\n", interval_text(s.length, 2).c_str(),
         interval_text(s.turns_open, 2).c_str());
    line("  cut-offs leaving trust below its opening value: %s\n", interval_text(s.cut_below_open).c_str());
    for (int k = 0; k < 3; ++k)
        line("  trust change, %-9s %s\n", std::string(name_of(static_cast<EpisodeEnd>(k))).c_str(),
             interval_text(s.trust_change[static_cast<std::size_t>(k)], 2).c_str());
    t += "  opened by turn:";
    for (std::size_t i = 0; i < s.opened_by_turn.size(); ++i) line(" %zu:%d", i + 1, s.opened_by_turn[i]);
    line("\n  spoilers met the channel closed %d, secret %d, tactical %d, strategic %d\n", s.spoilers[0], s.spoilers[1],
         s.spoilers[2], s.spoilers[3]);
    line("  strategic channels closed after their framework: %d (by a spoiler's cut-off %d)\n", s.strategic_closed,
         s.strategic_cutoffs);
    t += "  cut-off causes:\n";
    for (const auto& [k, v] : s.causes) line("    %-44s %6d\n", k.c_str(), v);
    t += "  cut-off reasons:\n";
    for (const auto& [k, v] : s.reasons) line("    %-44s %6d\n", k.c_str(), v);

    t += "\norders per game           total     us   iran israel   gulf\n";
    for (std::size_t a = 0; a < s.actions.size(); ++a) {
        double total = 0;
        for (double v : s.orders[a]) total += v;
        if (total == 0) continue;
        line("  %-22s %7.2f %6.2f %6.2f %6.2f %6.2f\n", s.actions[a].c_str(), total, s.orders[a][0], s.orders[a][1],
             s.orders[a][2], s.orders[a][3]);
    }
    line("offers per game: made %.2f  answered %.2f  accepted %.2f\n", s.offers_made, s.offers_answered,
         s.offers_accepted);
    line("frameworks per game: proposed %.2f  accepted %.2f  rejected %.2f  lapsed %.2f\n", s.proposals,
         s.frameworks_accepted, s.frameworks_rejected, s.frameworks_lapsed);
    t += "\ncards drawn (over all games)\n";
    for (const auto& [k, v] : s.cards_drawn) line("  %-36s %7d\n", k.c_str(), v);
    if (s.untracked) line("\nwarning: %d channel changes could not be followed from the events\n", s.untracked);
    return t;
}

}  // namespace gb
