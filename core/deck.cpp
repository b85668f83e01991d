// Dealing the deck: which cards a turn may draw (premises) and the seasonal
// deck's window of periods. Split from rules.cpp, which draws from it.
#include "deck.hpp"

#include <algorithm>
#include <array>

#include "rules.hpp"

namespace gb {

bool premise_holds(const GameState& g, int card) {
    const CardDef& c = g.card(card);
    EffectContext ctx;
    ctx.turn = g.turn;
    for (const Term& t : c.premise)
        if (evaluate_term(g.sc(), g.board, t, ctx, false) < 1) return false;
    return true;
}

int next_inject(const GameState& g) {
    for (std::size_t i = 0; i < g.deck.size(); ++i)
        if (premise_holds(g, g.deck[i])) return static_cast<int>(i);
    return -1;
}

// A seasonal deck at the start of a turn. The deck holds only the cards dated
// within the previous, this and the next turn's periods: cards dated only
// before the previous period leave it, cards that reach the next period join
// it (unless already drawn or held). Then one card whose premise holds goes on
// top, at random among those dated in this turn's period, else among the
// previous turn's (carried over), else among the next turn's (drawn early).
// Dates before the calendar count as its first turn's, dates after it as its
// last turn's. White Cell cards (undated) stay where they are.
void deal_season(GameState& g) {
    const Scenario& s = g.sc();
    if (s.deck_order != DeckOrder::seasonal || s.periods.empty()) return;
    const int pool = static_cast<int>(s.cards.size());
    const int turns = static_cast<int>(s.periods.size());
    const int t = std::clamp(g.turn, 1, turns) - 1;
    const MonthSpan now = s.periods[t];
    const MonthSpan before = t > 0 ? s.periods[t - 1] : MonthSpan{now.first, now.first - 1};
    const MonthSpan after = t + 1 < turns ? s.periods[t + 1] : MonthSpan{now.last + 1, now.last};
    const int cal_first = s.periods.front().first, cal_last = s.periods.back().last;
    auto months = [&](int c) {
        MonthSpan m = s.cards[c].months;
        return MonthSpan{std::clamp(m.first, cal_first, cal_last), std::clamp(m.last, cal_first, cal_last)};
    };
    auto overlaps = [](MonthSpan a, MonthSpan b) { return a.first <= b.last && a.last >= b.first; };
    auto among = [](const std::vector<std::int16_t>& v, int c) { return std::find(v.begin(), v.end(), c) != v.end(); };
    const int window_first = t > 0 ? before.first : now.first, window_last = t + 1 < turns ? after.last : now.last;
    g.deck.erase(std::remove_if(g.deck.begin(), g.deck.end(),
                                [&](std::int16_t c) { return c < pool && months(c).last < window_first; }),
                 g.deck.end());
    for (int c : s.deck) {
        MonthSpan m = months(c);
        if (m.first <= window_last && m.last >= window_first && !among(g.deck, c) && !among(g.inject_history, c) &&
            !among(g.held, c))
            g.deck.push_back(static_cast<std::int16_t>(c));
    }
    std::array<std::vector<int>, 3> tiers;  // this period, carried over, drawn early
    for (std::size_t i = 0; i < g.deck.size(); ++i) {
        int c = g.deck[i];
        if (c >= pool || !premise_holds(g, c)) continue;
        MonthSpan m = months(c);
        int tier = overlaps(m, now) ? 0 : overlaps(m, before) ? 1 : overlaps(m, after) ? 2 : -1;
        if (tier >= 0) tiers[tier].push_back(static_cast<int>(i));
    }
    for (const auto& from : tiers) {
        if (from.empty()) continue;
        int at = from.size() == 1 ? from[0] : from[g.rng.below(static_cast<std::uint32_t>(from.size()))];
        std::int16_t card = g.deck[at];
        g.deck.erase(g.deck.begin() + at);
        g.deck.insert(g.deck.begin(), card);
        return;
    }
}

}  // namespace gb
