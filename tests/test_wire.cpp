// The wire protocol without the network: every message round-trips, bounded
// decoding refuses hostile lengths before allocating, and view updates keep
// a client's copy identical to the seat's view through whole random games.
#include <catch2/catch.hpp>

#include <set>
#include <utility>

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
    std::vector<ClientMessage> client{Hello{1, "x"},
                                      CreateGame{"after-911", 42, "Seminar", "token"},
                                      ListGames{"token"},
                                      ServerStats{},
                                      CloseGame{"ABC", 3, "token"},
                                      JoinGame{"CODE", SeatRole::team, Team::gulf, "Dana"},
                                      ResumeSeat{"token", false, std::string(32, 'p')},
                                      Act{7, Commit{{order(g, "enrich")}}},
                                      ResyncRequest{},
                                      Pointer{0.5f, 0.25f},
                                      MoveSeat{4, SeatRole::team, Team::israel},
                                      LetObserversChoose{true}};
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
                                      GameCreated{1, GameCodes{{"U", "I", "S", "G"}, "O", "C"}},
                                      GameList{{GameEntry{}}},
                                      Stats{},
                                      Closed{2},
                                      s,
                                      Ack{3, 9},
                                      Update{},
                                      PointerEcho{1, "x", 1, 2},
                                      Timer{3, Phase::orders, true, 41500}};
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

TEST_CASE("over_limit names the first field longer than its declared limit") {
    CHECK_FALSE(over_limit(CreateGame{"after-911", std::nullopt, std::string(kGameNameLimit.value, 'n')}));
    auto long_name = over_limit(CreateGame{"after-911", std::nullopt, std::string(kGameNameLimit.value + 1, 'n')});
    REQUIRE(long_name);
    CHECK(*long_name == "name: 81 bytes, at most 80");
    ForkGame f;
    f.scenario = std::string(kScenarioNameLimit.value + 1, 's');
    CHECK(over_limit(f).value_or("").rfind("scenario:", 0) == 0);
    CHECK_FALSE(over_limit(Hello{kProtocolVersion, std::string(1000, 'c')}));  // bounded by the decoder only
}

namespace {
template <class V, std::size_t... I>
std::set<std::string> names_of(std::index_sequence<I...>) {
    return {message_name(V{std::in_place_index<I>})...};
}
}  // namespace

TEST_CASE("every message has its own name") {
    CHECK(names_of<ClientMessage>(std::make_index_sequence<std::variant_size_v<ClientMessage>>()).size() ==
          std::variant_size_v<ClientMessage>);
    CHECK(names_of<ServerMessage>(std::make_index_sequence<std::variant_size_v<ServerMessage>>()).size() ==
          std::variant_size_v<ServerMessage>);
    CHECK(std::string(message_name(ServerMessage{YourMove{}})) == "your_move");
    CHECK(std::string(message_name(ClientMessage{ResyncRequest{}})) == "resync");
}

TEST_CASE("docs/protocol.md's Limits table is kLimits") {
    std::string doc = read_file(source_dir() + "/docs/protocol.md");
    const std::string begin = "<!-- begin: net/limits.hpp kLimits -->\n", end = "<!-- end: net/limits.hpp kLimits -->";
    auto from = doc.find(begin);
    REQUIRE(from != std::string::npos);
    from += begin.size();
    auto to = doc.find(end, from);
    REQUIRE(to != std::string::npos);
    INFO("replace the table between the markers with gb::net::limits_markdown():\n" << limits_markdown());
    CHECK(doc.substr(from, to - from) == limits_markdown());
}

TEST_CASE("the rules' limits in the Limits table are the rules' own") {
    GameState g = fresh();
    auto join = [&](std::uint32_t player, std::size_t name_length) {
        return validate(g, Seat::system(), Join{player, std::string(name_length, 'p'), SeatRole::observer, Team::us});
    };
    CHECK(join(90, kPlayerNameLimit.value).ok());
    CHECK_FALSE(join(91, kPlayerNameLimit.value + 1).ok());
    auto chat = [&](std::size_t length) { return Chat{ChatChannel::broadcast, Team::us, std::string(length, 't')}; };
    CHECK(validate(g, Seat::control(), chat(kTextLimit.value)).ok());
    CHECK_FALSE(validate(g, Seat::control(), chat(kTextLimit.value + 1)).ok());
    auto to_all = [&](std::size_t length) { return Chat{ChatChannel::all, Team::us, std::string(length, 't')}; };
    for (std::uint64_t i = 0; i < kChatLogLimit.value; ++i) REQUIRE(act(g, Seat::control(), to_all(1)).ok());
    CHECK(refused(g, Seat::control(), to_all(1)).find("full") != std::string::npos);
    CHECK(validate(g, Seat::control(), chat(1)).ok());  // the White Cell's broadcasts have room of their own
}

TEST_CASE("messages keep the bytes of protocol version 4, with the fields of later versions added at the end") {
    // Field order is the wire format: these were encoded by the version-4 codec
    // before the messages were declared with fields(); version 5 appended the
    // admin token (here empty: a 64-bit length of 0) to CreateGame and ForkGame,
    // version 7 the minimum phase time to both (its default, 5000 ms).
    auto hex = [](const std::string& bytes) {
        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        for (unsigned char c : bytes) out += {digits[c >> 4], digits[c & 15]};
        return out;
    };
    CHECK(hex(encode(ClientMessage{CreateGame{"after-911", 42, "Seminar"}})) ==
          "0101000000090000000000000061667465722d393131002a00000000000000070000000000000053656d696e6172"
          "0000000000000000"
          "88130000");
    CHECK(hex(encode(ClientMessage{JoinGame{"CODE", SeatRole::team, Team::gulf, "Dana", true}})) ==
          "01050000000400000000000000434f44450003040000000000000044616e6101");
    ForkGame f{"sc", 9, "nm", "par", 3, 77, {SourceFile{"a.toml", "text"}}, {JournalEntry{Seat::control(), Pause{}}},
               false};
    CHECK(hex(encode(ClientMessage{f})) ==
          "010a00000002000000000000007363090000000000000002000000000000006e6d030000000000000070617203000000000000004d"
          "0000000000000001000000000000000600000000000000612e746f6d6c04000000000000007465787401000000000000000100000000"
          "000f00000000"
          "0000000000000000"
          "88130000");
    CHECK(hex(encode(ServerMessage{Stats{1, 2, 3.5, 4, 5, 6.5, 7.5}})) ==
          "010400000001000000020000000000000000000c40040000000000000005000000000000000000000000001a400000000000001e40");
}
