// The wire protocol without the network: every message round-trips, bounded
// decoding refuses hostile lengths before allocating, and view updates keep
// a client's copy identical to the seat's view through whole random games.
#include <catch2/catch.hpp>

#include "bot.hpp"
#include "protocol.hpp"
#include "serialize.hpp"
#include "simulation.hpp"
#include "support.hpp"
#include "view.hpp"
#include "view_sync.hpp"

using namespace gbt;
using namespace gb::net;

TEST_CASE("every client and server message survives an encode/decode round trip") {
    GameState g = fresh();
    std::vector<ClientMessage> client{Hello{1, "x"},       CreateGame{"after-911", 42, "Seminar"},
                                      ListGames{},         ServerStats{},
                                      CloseGame{"ABC"},    JoinGame{"CODE", SeatRole::team, Team::gulf, "Dana"},
                                      ResumeSeat{"token"}, Act{7, Commit{{order(g, "enrich")}}},
                                      ResyncRequest{},     Pointer{0.5f, 0.25f}};
    for (const auto& m : client) {
        std::string bytes = encode(m);
        ClientMessage back = decode_client(bytes.data(), bytes.size());
        CHECK(back.index() == m.index());
        CHECK(encode(back) == bytes);
    }
    Seated s;
    s.view = view(g, Seat::of_team(Team::iran));
    s.view.scenario = nullptr;  // a decoded view has no scenario until the client attaches its own
    std::vector<ServerMessage> server{Welcome{},
                                      Error{ErrorCode::refused, 3, "no"},
                                      GameCreated{1, "A", "B"},
                                      GameList{},
                                      Stats{},
                                      Closed{2},
                                      s,
                                      Ack{3, 9},
                                      Update{},
                                      PointerEcho{1, "x", 1, 2}};
    for (const auto& m : server) {
        std::string bytes = encode(m);
        ServerMessage back = decode_server(bytes.data(), bytes.size());
        CHECK(back.index() == m.index());
        CHECK(encode(back) == bytes);
    }
}

TEST_CASE("bounded decoding refuses huge lengths, truncation and trailing bytes") {
    std::string bytes = encode(ClientMessage{Hello{1, "client"}});
    // The string's 64-bit length follows the endianness flag and the variant index.
    std::string huge = bytes;
    for (std::size_t i = 9; i < 13; ++i) huge[i] = '\x7f';
    CHECK_THROWS_WITH(decode_client(huge.data(), huge.size()), Catch::Contains("length"));
    std::string cut = bytes.substr(0, bytes.size() - 2);
    CHECK_THROWS_AS(decode_client(cut.data(), cut.size()), gb::DecodeError);
    std::string extra = bytes + "zz";
    CHECK_THROWS_WITH(decode_client(extra.data(), extra.size()), Catch::Contains("unexpected bytes"));
    std::string big(kMaxPacket + 1, 'a');
    CHECK_THROWS_AS(decode_client(big.data(), big.size()), gb::DecodeError);
    // A length just over the bytes left is refused although it is under the limit.
    Act a{1, Chat{ChatChannel::all, Team::us, std::string(100, 'x')}};
    std::string chat = encode(ClientMessage{a});
    std::string longer = chat.substr(0, chat.size() - 50);
    CHECK_THROWS_WITH(decode_client(longer.data(), longer.size()), Catch::Contains("bytes left"));
}

TEST_CASE("large server messages are split into fragments that join back") {
    GameState g = fresh();
    for (int i = 0; i < 400; ++i)
        must(g, Seat::control(),
             Chat{ChatChannel::broadcast, Team::us, std::string(400, static_cast<char>('a' + i % 26))});
    Seated s;
    s.view = view(g, Seat::of_team(Team::us));
    auto packets = packets_for(s);
    REQUIRE(packets.size() > 1);
    std::string whole;
    for (auto& p : packets) {
        CHECK(p.size() <= kMaxPacket);
        auto m = decode_server(p.data(), p.size());
        REQUIRE(std::holds_alternative<Fragment>(m));
        whole += std::get<Fragment>(m).bytes;
    }
    auto back = decode_server(whole.data(), whole.size());
    REQUIRE(std::holds_alternative<Seated>(back));
    CHECK(std::get<Seated>(back).view.messages.size() == 400);
}

TEST_CASE("updates keep every seat's copy identical to its view through whole games") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        GameState g = new_game(after911(), seed);
        std::vector<Seat> seats{Seat::control(),
                                Seat::observer(),
                                Seat::of_team(Team::us),
                                Seat::of_team(Team::iran),
                                Seat::of_team(Team::israel),
                                Seat::of_team(Team::gulf)};
        std::vector<GameState> sent, copies;
        for (const Seat& s : seats) {
            sent.push_back(view(g, s));
            copies.push_back(sent.back());
        }
        std::array<Bot, kTeams> bots{Bot(BotKind::random, Team::us, seed), Bot(BotKind::random, Team::iran, seed),
                                     Bot(BotKind::random, Team::israel, seed), Bot(BotKind::random, Team::gulf, seed)};
        Rng noise = Rng::seeded(seed);
        auto step = [&](const Seat& seat, const Action& a) {
            REQUIRE(act(g, seat, a).ok());
            for (std::size_t i = 0; i < seats.size(); ++i) {
                GameState now = view(g, seats[i]);
                Update u = make_update(sent[i], now);
                std::string wire = encode(ServerMessage{u});
                auto decoded = std::get<Update>(decode_server(wire.data(), wire.size()));
                REQUIRE(apply_update(copies[i], decoded));
                REQUIRE(state_hash(copies[i]) == state_hash(now));
                sent[i] = std::move(now);
            }
        };
        for (int guard = 0; guard < 5000 && !g.ended(); ++guard) {
            if (noise.below(5) == 0) {
                Seat from = Seat::of_team(static_cast<Team>(noise.below(4)));
                Chat c{static_cast<ChatChannel>(noise.below(4)), static_cast<Team>(noise.below(4)), "hi"};
                if (validate(g, from, c).ok()) step(from, c);
            }
            if (g.ended()) break;
            bool acted = false;
            for (Team t : kAllTeams)
                if (auto a = bots[idx(t)].next(g); a && validate(g, Seat::of_team(t), *a).ok()) {
                    step(Seat::of_team(t), *a);
                    acted = true;
                }
            if (!acted && !g.ended()) step(Seat::system(), *system_step(g));
        }
        REQUIRE(g.ended());
    }
}
