// The tracks within each turn: every change an event made, from the journal
// replayed action by action (report.hpp, sample_within_turns).
#include <array>

#include "report.hpp"
#include "rules.hpp"
#include "view.hpp"

namespace gb::report {

void sample_within_turns(const Timeline& tl, const Perspective& p, GameReport& r) {
    const Seat seat = p.seat();
    std::array<int, kTracks + 1> now{};  // the tracks, then the channel, as last sampled
    const Board opening = tl.view_at(0, p).board;
    for (int i = 0; i < kTracks; ++i) now[static_cast<std::size_t>(i)] = opening.tracks[static_cast<std::size_t>(i)];
    now[kTracks] = static_cast<int>(opening.channel);
    for (Series& s : r.tracks) s.inner.clear();
    r.channel.inner.clear();
    GameState g = tl.state_at(0);
    for (std::size_t i = 0; i < tl.size(); ++i) {
        const int turn = g.turn;
        Acted done = act(g, tl.entry(i).seat, tl.entry(i).action);
        if (!done.ok()) break;  // the timeline replayed it: cannot happen
        for (const Event& e : done.events) {
            // The draft report's effects reach every seat, the White Cell's
            // included, again when the report is released: counted then, once.
            if (e.audience == Event::kControl || !visible(g, e, seat)) continue;
            int k = e.kind == Event::Kind::channel ? kTracks : e.kind == Event::Kind::track ? e.a : -1;
            if (k < 0 || k > kTracks || e.value == now[static_cast<std::size_t>(k)]) continue;
            now[static_cast<std::size_t>(k)] = e.value;
            Series& s = k == kTracks ? r.channel : r.tracks[static_cast<std::size_t>(k)];
            s.inner.push_back({turn, e.value});
        }
    }
}

}  // namespace gb::report
