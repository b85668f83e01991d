// The network bot loop.
#include "seat_player.hpp"
#include "terminal.hpp"

#include <cstdio>

namespace gb::cli {

bool play_seat(const SeatPlayerOptions& o, net::SeatSession& s, std::string& error, const std::atomic<bool>* stop) {
    net::JoinGame join{o.code, SeatRole::team, o.team, o.name, true};
    if (auto err = s.join(o.host, o.port, join); !err.empty()) {
        error = "cannot join: " + err;
        return false;
    }
    if (o.verbose) say_to(stderr, "gb bot: %s seated in game %u\n", field(o.name).c_str(), s.game());
    Bot bot(o.kind, o.team, o.seed);
    std::uint32_t pending = 0;  // request awaiting its answer; 0: none
    int last_turn = 0;
    while (!(stop && *stop)) {
        if (!s.pump_some(net::Millis(50))) {
            if (o.verbose) say_to(stderr, "gb bot: connection lost; reconnecting\n");
            pending = 0;
            if (auto err = s.reconnect(net::Millis(60000)); !err.empty()) {
                error = err;
                return false;
            }
            if (o.verbose) say_to(stderr, "gb bot: seat resumed\n");
            continue;
        }
        if (s.closed) {
            error = "the game was closed";
            return false;
        }
        const GameState& v = s.view();
        if (v.ended()) return true;
        if (o.verbose && v.turn != last_turn) {
            last_turn = v.turn;
            say_to(stderr, "gb bot: %s: turn %d (%s)\n", field(o.name).c_str(), v.turn,
                   field(v.calendar_label()).c_str());
        }
        if (pending) {
            if (s.acks.count(pending)) {
                pending = 0;
            } else if (auto r = s.refusals.find(pending); r != s.refusals.end()) {
                // The server counts a refused move as a pass and asks again later.
                if (o.verbose) say_to(stderr, "gb bot: refused: %s\n", field(r->second).c_str());
                pending = 0;
            } else {
                continue;
            }
        }
        // The server asks for each move (the schedule); the view is brought up
        // to date before the ask, so the bot decides what it would offline.
        if (!s.your_move || !s.current()) continue;
        if (auto a = bot.next(v))
            pending = s.answer_move(*a);
        else
            s.pass_move();
    }
    error = "stopped";
    return false;
}

}  // namespace gb::cli
