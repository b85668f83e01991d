// The encrypted transport against the real gb-server over real ENet, with a
// UDP relay in the test as the capture and the man in the middle: no secret
// crosses the wire readable, a server with another key is refused, altered
// and replayed packets are rejected, a captured resume proof resumes nothing,
// and peers that never finish the handshake cannot fill the server (issue 10,
// defects 7 and 10).
#include <enet/enet.h>
#include <sodium.h>

#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstring>
#include <functional>
#include <thread>

#include "bot.hpp"
#include "harness.hpp"
#include "server_trust.hpp"
#include "udp_proxy.hpp"

using namespace gbi;

namespace {

std::string base64(const std::string& s) {
    std::string out(sodium_base64_ENCODED_LEN(s.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string hex(const std::string& s, bool upper) {
    static const char* lo = "0123456789abcdef";
    static const char* up = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        out += (upper ? up : lo)[c >> 4];
        out += (upper ? up : lo)[c & 15];
    }
    return out;
}

// Where `secret` shows in `capture` (plain, hex, base64 at any alignment), or empty.
std::string exposed(const std::string& capture, const std::string& secret) {
    if (capture.find(secret) != std::string::npos) return "plain";
    if (capture.find(hex(secret, false)) != std::string::npos) return "hex";
    if (capture.find(hex(secret, true)) != std::string::npos) return "HEX";
    for (std::size_t k = 0; k < 3 && k < secret.size(); ++k) {
        std::string tail = secret.substr(k);
        std::string b = base64(tail).substr(0, tail.size() / 3 * 4);  // whole groups only
        if (b.size() >= 8 && capture.find(b) != std::string::npos) return "base64";
    }
    return {};
}

bool wait_until(
    const std::function<bool()>& done, std::chrono::milliseconds budget,
    const std::function<void()>& step = [] { std::this_thread::sleep_for(5ms); }) {
    auto until = std::chrono::steady_clock::now() + budget;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        step();
    }
    return done();
}

}  // namespace

TEST_CASE("a capture of a whole game holds no chat text, code or token in any form", "[security][defect10]") {
    auto data = temp_dir("capture");
    ServerProcess server(data);
    UdpProxy proxy(server.port());
    const std::uint16_t via = proxy.port();
    pin_server("127.0.0.1", via, server.fingerprint());
    GameCodes codes = create_game(via, "after-911", 21);

    SeatSession wc, dana;
    join(wc, via, codes, SeatRole::control, Team::us, "Instructor");
    join(dana, via, codes, SeatRole::team, Team::gulf, "Dana");
    const std::string wc_token = wc.token(), dana_token = dana.token();
    const std::string secret_chat = "meet at the embassy gate at nine";
    REQUIRE(act_and_wait(dana, Chat{ChatChannel::team, Team::gulf, secret_chat}, {&wc}).empty());
    // Dana drops and comes back with her token.
    dana.connection().close();
    REQUIRE(dana.reconnect(10s).empty());
    REQUIRE(dana.token() == dana_token);

    // Four bots play the rest of the game through the relay.
    std::vector<pid_t> bots;
    std::vector<std::string> outs;
    const std::string endpoint = "127.0.0.1:" + std::to_string(via) + "#" + server.fingerprint();
    for (Team t : {Team::us, Team::iran, Team::israel}) {
        outs.push_back(data + "/bot-" + std::string(name_of(t)) + ".txt");
        bots.push_back(
            spawn_gb({"bot", "--server", endpoint, "--code", codes.team[idx(t)], "--team", std::string(name_of(t))},
                     outs.back()));
    }
    // The White Cell runs the phases; a bot plays Dana's seat.
    Bot dana_bot(BotKind::heuristic, Team::gulf, 21);
    auto until = std::chrono::steady_clock::now() + 150s;
    std::uint32_t pending = 0, dana_pending = 0;
    auto answered = [](SeatSession& s, std::uint32_t r) { return r == 0 || s.acks.count(r) || s.refusals.count(r); };
    while (!wc.view().ended() && std::chrono::steady_clock::now() < until) {
        pump_all({&wc, &dana}, 1ms);
        if (answered(dana, dana_pending) && !dana.view().ended() && !dana.view().paused) {
            dana_pending = 0;
            if (auto a = dana_bot.next(dana.view())) dana_pending = dana.act(*a);
        }
        if (!answered(wc, pending)) continue;
        pending = 0;
        const GameState& v = wc.view();
        if (v.phase == Phase::inject) {
            if (!v.inject_drawn)
                pending = wc.act(DrawInject{});
            else if (!v.choice_pending)
                pending = wc.act(AdvancePhase{});
        } else if (v.phase == Phase::adjudication) {
            pending = wc.act(Release{});
        }
    }
    for (std::size_t i = 0; i < bots.size(); ++i) {
        ::kill(bots[i], SIGTERM);
        wait_child(bots[i], std::chrono::seconds(10));
    }
    CHECK(wc.view().ended());

    const std::string capture = proxy.capture();
    INFO(proxy.datagrams() << " datagrams, " << capture.size() << " bytes");
    CHECK(proxy.datagrams() > 200);
    for (const std::string& secret : {secret_chat, codes.team[0], codes.team[1], codes.team[2], codes.team[3],
                                      codes.observer, codes.control, wc_token, dana_token, std::string("Instructor")}) {
        INFO("secret: " << secret);
        CHECK(exposed(capture, secret).empty());
    }
    // The same check finds them when they are there.
    CHECK(exposed("xx" + base64("z" + codes.control) + "yy", codes.control) == "base64");
    CHECK_FALSE(exposed("xx" + hex(dana_token, true), dana_token).empty());
}

TEST_CASE("a server with another key is refused, pinned or first seen", "[security][defect10]") {
    auto data_a = temp_dir("key-a"), data_b = temp_dir("key-b");
    ServerProcess a(data_a);
    load_or_create_server_key(data_b);  // its own key, not the test key
    ServerProcess b(data_b);
    REQUIRE(a.fingerprint() != b.fingerprint());

    // Handed HOST:PORT#FINGERPRINT of A, the client refuses B at that address.
    UdpProxy mitm(b.port());
    std::string host;
    std::uint16_t port = 0;
    REQUIRE(
        parse_endpoint("127.0.0.1:" + std::to_string(mitm.port()) + "#" + a.fingerprint().substr(0, 16), host, port));
    Connection c;
    std::string err = c.open(host, port);
    CHECK_THAT(err, Catch::Contains("not the pinned"));
    CHECK_THAT(err, Catch::Contains(b.fingerprint().substr(0, 16)));

    // Learned on first use: A is remembered at the relay's address; when the
    // relay turns to B, the client refuses it and says where the key is known.
    UdpProxy relay(a.port());
    const std::string at = "127.0.0.1:" + std::to_string(relay.port());
    auto first = data_a + "/lobby-first.txt";
    CHECK(wait_child(spawn_gb({"lobby", "list", "--server", at}, first), std::chrono::seconds(20)) == 0);
    relay.retarget(b.port());
    auto second = data_a + "/lobby-second.txt";
    CHECK(wait_child(spawn_gb({"lobby", "list", "--server", at}, second), std::chrono::seconds(20)) != 0);
    INFO(read_text(second));
    CHECK(read_text(second).find("known_hosts") != std::string::npos);
    CHECK(read_text(second).find("refusing") != std::string::npos);
    // B never saw a message from the client: nothing past the key exchange.
    b.stop();
    CHECK(b.log().find("joined") == std::string::npos);
}

TEST_CASE("flipped bytes either way close the connection, and replayed packets are rejected", "[security][defect10]") {
    auto data = temp_dir("tamper");
    ServerProcess server(data);
    UdpProxy proxy(server.port());
    pin_server("127.0.0.1", proxy.port(), server.fingerprint());
    GameCodes codes = create_game(server.port());
    SeatSession wc;
    join(wc, server.port(), codes, SeatRole::control, Team::us, "Instructor");

    SECTION("client to server") {
        SeatSession a;
        join(a, proxy.port(), codes, SeatRole::team, Team::us, "Alex");
        proxy.flip_next_to_server(60);
        a.act(Chat{ChatChannel::team, Team::us, "this one is altered on the way"});
        CHECK(wait_until([&] { return !a.pump(5ms); }, 10s));
        CHECK(proxy.flipped() == 1);
        CHECK_THAT(server.log(), Catch::Contains("failed authentication"));
        CHECK(act_and_wait(wc, SetTrack{Track::tension, 5, "the game goes on"}).empty());
    }
    SECTION("server to client") {
        SeatSession a;
        join(a, proxy.port(), codes, SeatRole::team, Team::us, "Alex");
        std::string why;
        a.on_error = [&](const Error& e) { why = e.message; };
        proxy.flip_next_to_client(80);
        REQUIRE(act_and_wait(wc, SetTrack{Track::tension, 6, "an update for everyone"}).empty());
        CHECK(wait_until([&] { return !a.pump(5ms); }, 10s));
        CHECK(proxy.flipped() == 1);
        CHECK_THAT(why, Catch::Contains("failed authentication"));
    }
    SECTION("a replayed packet") {
        SeatSession a;
        join(a, server.port(), codes, SeatRole::team, Team::us, "Alex");
        std::string sealed;
        a.connection().on_sealed = [&](const std::string& bytes, std::uint8_t) { sealed = bytes; };
        REQUIRE(act_and_wait(a, Chat{ChatChannel::team, Team::us, "said once"}, {&wc}).empty());
        REQUIRE(!sealed.empty());
        a.connection().send_as_is(sealed, kChannelChat);
        a.connection().send_as_is(sealed, kChannelChat);
        REQUIRE(act_and_wait(a, Chat{ChatChannel::team, Team::us, "said after"}, {&wc}).empty());
        int said = 0;
        for (const auto& m : a.view().messages) said += m.text == "said once";
        CHECK(said == 1);
        CHECK_THAT(server.log(), Catch::Contains("replayed packet"));
    }
}

TEST_CASE("a captured resume proof or token does not take over a seat", "[security][defect10]") {
    auto data = temp_dir("resume-bound");
    ServerProcess server(data);
    GameCodes codes = create_game(server.port());
    SeatSession dana;
    join(dana, server.port(), codes, SeatRole::team, Team::gulf, "Dana");
    const std::string token = dana.token();
    // What an eavesdropper of Dana's session could at best learn: her proof.
    const std::string proof = resume_proof(token, dana.connection().session_binding());
    dana.connection().close();

    Connection thief;
    REQUIRE(thief.open("127.0.0.1", server.port()).empty());
    ResumeSeat replay;
    replay.proof = proof;
    auto r = thief.request(replay);
    REQUIRE(r);
    REQUIRE(std::holds_alternative<Error>(*r));
    CHECK(std::get<Error>(*r).code == ErrorCode::bad_token);
    // The token itself is refused as well: it never travels.
    ResumeSeat plain;
    plain.token = token;
    r = thief.request(plain);
    REQUIRE(r);
    REQUIRE(std::holds_alternative<Error>(*r));
    CHECK_THAT(std::get<Error>(*r).message, Catch::Contains("proof"));
    // Dana, who holds the token, resumes on a new session.
    REQUIRE(dana.reconnect(10s).empty());
    CHECK(dana.seat().team == Team::gulf);
}

TEST_CASE("peers that never finish the handshake are capped and dropped while the lobby and a bot still get answers",
          "[security][defect7]") {
    auto data = temp_dir("idle");
    ServerProcess server(data, 0, {"--max-peers", "300"});
    GameCodes codes = create_game(server.port());

    // Five addresses × 64 peers that connect and then say nothing.
    std::vector<ENetHost*> hosts;
    for (int i = 2; i <= 6; ++i) {
        ENetAddress self;
        enet_address_set_host(&self, ("127.0.0." + std::to_string(i)).c_str());
        self.port = 0;
        ENetHost* h = enet_host_create(&self, 64, kChannels, 0, 0);
        REQUIRE(h);
        ENetAddress to;
        enet_address_set_host(&to, "127.0.0.1");
        to.port = server.port();
        for (int k = 0; k < 64; ++k) enet_host_connect(h, &to, kChannels, 0);
        hosts.push_back(h);
    }
    std::atomic<bool> stop{false};
    std::atomic<int> connected{0};
    std::thread idler([&] {
        while (!stop)
            for (ENetHost* h : hosts) {
                ENetEvent ev;
                while (enet_host_service(h, &ev, 1) > 0) {
                    if (ev.type == ENET_EVENT_TYPE_CONNECT) ++connected;
                    if (ev.type == ENET_EVENT_TYPE_DISCONNECT) --connected;
                }
            }
    });
    REQUIRE(wait_until([&] { return connected >= 200; }, 10s));
    std::this_thread::sleep_for(500ms);
    INFO("idle peers connected: " << connected);

    // While they are there: the lobby answers, and a bot seat is granted.
    auto out = data + "/lobby-list.txt";
    CHECK(wait_child(spawn_gb({"lobby", "list", "--server", server.endpoint()}, out), std::chrono::seconds(20)) == 0);
    INFO(read_text(out));
    CHECK(read_text(out).find("after-911") != std::string::npos);
    SeatSession bot;
    JoinGame j{codes.team[idx(Team::iran)], SeatRole::team, Team::iran, "Iran bot"};
    j.bot = true;
    CHECK(bot.join("127.0.0.1", server.port(), j).empty());

    // Within the handshake time (5 s) and a sweep, every idle peer is gone.
    CHECK(wait_until([&] { return connected == 0; }, 10s));
    stop = true;
    idler.join();
    for (ENetHost* h : hosts) enet_host_destroy(h);
    CHECK_THAT(server.log(), Catch::Contains("did not finish the handshake"));
    CHECK(bot.pump(10ms));  // the real client stays
}
