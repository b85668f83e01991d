// The leak checker.
#include "leak_check.hpp"

#include "visibility_oracle.hpp"

#include <catch2/catch.hpp>

namespace gbi {

using namespace gb;
using namespace gb::net;

namespace {

std::size_t g_checked = 0;

std::uint8_t known_for(const Seat& seat) {
    if (seat.role == SeatRole::control) return 0x0F;
    if (seat.role == SeatRole::team) return static_cast<std::uint8_t>(1u << idx(seat.team));
    return 0;
}

void check_core(const GameState& v, std::uint8_t known, bool check_orders) {
    REQUIRE(v.seed == 0);
    REQUIRE(v.rng == Rng{0, 0});
    for (auto c : v.deck) REQUIRE(c == -1);
    for (Team t : kAllTeams) {
        if ((known >> idx(t)) & 1u) continue;
        REQUIRE(v.drafts[idx(t)].empty());
        REQUIRE(v.board.hand_size[idx(t)] == 0);
        if (check_orders) REQUIRE(v.orders[idx(t)].empty());
    }
}

}  // namespace

std::size_t packets_checked() {
    return g_checked;
}

void check_view_for(const GameState& v, const Seat& seat, std::uint8_t known) {
    if (seat.role == SeatRole::control) return;
    bool revealed = !v.reports.empty() && v.reports.back().turn == v.turn && v.reports.back().released;
    check_core(v, known, !revealed);
    for (const Offer& o : v.offers) REQUIRE(gbt_oracle::may_see(o, known));
    for (const Message& m : v.messages) REQUIRE(gbt_oracle::may_read(m, known));
    for (const Note& n : v.notes) REQUIRE((n.kind != Note::Kind::bookmark && n.kind != Note::Kind::inject));
    for (const Report& r : v.reports) REQUIRE(r.released);
}

void watch_for_leaks(SeatSession& s, const std::string& label) {
    s.connection().on_packet = [&s, label](const std::string& bytes) {
        ServerMessage m;
        try {
            m = decode_server(bytes.data(), bytes.size());
        } catch (const std::exception&) {
            return;  // fragments of a larger message are checked once whole, through the view
        }
        ++g_checked;
        Seat seat = s.seat();
        if (auto* st = std::get_if<Seated>(&m)) seat = st->seat;
        if (seat.role == SeatRole::control) return;
        std::uint8_t known = known_for(seat);
        INFO(label << " received " << message_name(m));
        if (auto* st = std::get_if<Seated>(&m)) {
            check_core(st->view, known, false);
            for (const Message& msg : st->view.messages) REQUIRE(gbt_oracle::may_read(msg, known));
            for (const Offer& o : st->view.offers) REQUIRE(gbt_oracle::may_see(o, known));
        } else if (auto* u = std::get_if<Update>(&m)) {
            if (u->core) check_core(*u->core, known, false);
            for (const Message& msg : u->messages) REQUIRE(gbt_oracle::may_read(msg, known));
            for (const Offer& o : u->offers) REQUIRE(gbt_oracle::may_see(o, known));
            for (const Note& n : u->notes) REQUIRE((n.kind != Note::Kind::bookmark && n.kind != Note::Kind::inject));
            for (const Event& e : u->events) REQUIRE((e.audience == Event::kPublic || (e.audience & known & 0x0F)));
        }
    };
    s.on_update = [&s](const Update&) {
        Seat seat = s.seat();
        check_view_for(s.view(), seat, known_for(seat));
    };
}

}  // namespace gbi
