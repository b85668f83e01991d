// The schedule of bot seats and the White Cell's stand-in.
#include "schedule.hpp"

#include <algorithm>

#include "tutorial.hpp"

namespace gb {

namespace {

bool framework_awaits(const GameState& g, Team t) {
    const Proposal& p = g.board.proposal;
    if (p.from < 0) return false;
    return (p.from == idx(Team::us) && t == Team::iran) || (p.from == idx(Team::iran) && t == Team::us);
}

bool seated(const GameState& g, const Cast& cast, Team t) {
    return cast.bot[idx(t)] || g.bot[idx(t)] || std::any_of(g.players.begin(), g.players.end(), [&](const Player& p) {
               return p.role == SeatRole::team && p.team == t;
           });
}

}  // namespace

bool may_move(const GameState& g, Team team) {
    if (g.ended() || g.paused) return false;
    switch (g.phase) {
        case Phase::inject: return g.choice_pending && g.card(g.inject).chooser == idx(team);
        case Phase::negotiation: return true;
        case Phase::orders: return !g.committed[idx(team)] || framework_awaits(g, team);
        default: return false;
    }
}

std::optional<Action> stand_in_step(const GameState& g, const Cast& cast) {
    if (g.ended() || g.paused || cast.control) return std::nullopt;
    switch (g.phase) {
        case Phase::inject: {
            if (!g.inject_drawn && !g.deck.empty()) {
                if (g.turn == 1)
                    for (Team t : kAllTeams)
                        if (!seated(g, cast, t)) return std::nullopt;
                return DrawInject{};
            }
            if (g.choice_pending) {
                int chooser = g.card(g.inject).chooser;
                if (chooser >= 0 && chooser < kTeams && (cast.bot[chooser] || cast.present[chooser]))
                    return std::nullopt;  // the choosing team decides
            }
            return AdvancePhase{};
        }
        case Phase::negotiation:
        case Phase::orders:
            // People (or the phase timer) close these phases; when bots play
            // every team and none has anything left to do, the stand-in does.
            if (std::all_of(cast.bot.begin(), cast.bot.end(), [](bool b) { return b; })) return AdvancePhase{};
            return std::nullopt;
        case Phase::adjudication:
        case Phase::end_of_turn: return Release{};
        case Phase::ended: return std::nullopt;
    }
    return std::nullopt;
}

Schedule::Move Schedule::next(const GameState& g, const Cast& cast) {
    for (;;) {
        for (; cursor_ < kTeams; ++cursor_) {
            Team t = kAllTeams[static_cast<std::size_t>(cursor_)];
            if (cast.bot[idx(t)] && may_move(g, t)) return {Move::Kind::ask, t, {}};
        }
        if (round_acted_) {
            restart();
            continue;
        }
        restart();
        // A tutorial scenario's scripted White Cell takes the stand-in's place.
        if (auto a = g.sc().tutorial.on() ? tutorial_step(g, cast) : stand_in_step(g, cast))
            return {Move::Kind::stand_in, Team::us, *a};
        return {};
    }
}

void Schedule::answered(bool acted) {
    round_acted_ = round_acted_ || acted;
    ++cursor_;
}

void Schedule::restart() {
    cursor_ = 0;
    round_acted_ = false;
}

}  // namespace gb
