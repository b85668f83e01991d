// Filtering the game state down to one seat's knowledge.
#include "view.hpp"

#include <algorithm>

namespace gb {

bool omniscient(const Seat& seat) {
    return seat.role == SeatRole::control || seat.role == SeatRole::system;
}

std::uint8_t known_teams(const GameState& g, const Seat& seat) {
    if (omniscient(seat)) return 0x0F;
    if (seat.role == SeatRole::team) return static_cast<std::uint8_t>(1u << idx(seat.team));
    if (const Player* p = g.find_player(seat.player)) return p->grants;
    return 0;
}

bool visible(const GameState& g, const Event& e, const Seat& seat) {
    if (omniscient(seat)) return true;
    if (e.audience == Event::kPublic) return true;
    return (e.audience & known_teams(g, seat) & 0x0F) != 0;
}

GameState view(const GameState& g, const Seat& seat) {
    GameState v = g;
    if (omniscient(seat)) return v;
    std::uint8_t known = known_teams(g, seat);
    auto knows = [&](Team t) { return (known >> idx(t)) & 1u; };

    v.seed = 0;
    v.rng = Rng{0, 0};
    std::fill(v.deck.begin(), v.deck.end(), std::int16_t{-1});
    std::fill(v.held.begin(), v.held.end(), std::int16_t{-1});
    // Written injects are secret until drawn.
    int pool = static_cast<int>(g.sc().cards.size());
    for (std::size_t i = 0; i < v.written.size(); ++i) {
        int id = pool + static_cast<int>(i);
        if (std::find(g.inject_history.begin(), g.inject_history.end(), id) == g.inject_history.end())
            v.written[i] = CardDef{};
    }
    for (auto& c : v.written) c.note.clear();

    // While the White Cell reviews the draft report, teams still see the
    // board as it stood before adjudication.
    if (!g.reports.empty() && !g.reports.back().released) {
        v.reports.pop_back();
        v.board = g.board_before_report;
    }
    v.board_before_report = Board{};

    // Orders are revealed only by the release of this turn's report.
    bool revealed = !g.reports.empty() && g.reports.back().turn == g.turn && g.reports.back().released;
    for (Team t : kAllTeams) {
        if (!knows(t)) {
            v.drafts[idx(t)].clear();
            v.draft_authors[idx(t)].clear();
            if (!revealed) v.orders[idx(t)].clear();
            v.board.hands[idx(t)] = {};
            v.board.hand_size[idx(t)] = 0;
        }
    }
    // Whether the US and Iran have been talking this turn is theirs to know.
    if (!knows(Team::us) && !knows(Team::iran)) v.board.contact = false;

    v.offers.erase(std::remove_if(v.offers.begin(), v.offers.end(),
                                  [&](const Offer& o) { return !knows(o.from) && !knows(o.to); }),
                   v.offers.end());

    v.messages.erase(std::remove_if(v.messages.begin(), v.messages.end(),
                                    [&](const Message& m) {
                                        switch (m.channel) {
                                            case ChatChannel::all:
                                            case ChatChannel::broadcast: return false;
                                            case ChatChannel::team: return m.role != SeatRole::team || !knows(m.from);
                                            case ChatChannel::control:
                                                return !knows(m.role == SeatRole::team ? m.from : m.to);
                                            case ChatChannel::bilateral: return !knows(m.from) && !knows(m.to);
                                        }
                                        return true;
                                    }),
                     v.messages.end());

    bool draft = !g.reports.empty() && !g.reports.back().released;
    v.notes.erase(std::remove_if(v.notes.begin(), v.notes.end(),
                                 [&](const Note& n) {
                                     if (n.kind == Note::Kind::amendment && draft && n.turn == g.turn) return true;
                                     return n.kind == Note::Kind::bookmark || n.kind == Note::Kind::inject;
                                 }),
                  v.notes.end());
    return v;
}

}  // namespace gb
