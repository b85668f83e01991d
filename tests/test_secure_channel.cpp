// The secure channel without ENet: the handshake authenticates the server's
// key, packets open only once, in their channel and direction, unaltered, and
// resume proofs are bound to their session.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "secure_channel.hpp"

using namespace gb::net;

namespace {
struct Pair {
    SecureChannel client, server;
    Key seen{};
};
Pair connect(const ServerKey& key) {
    Pair p;
    ClientHandshake hs;
    std::string why;
    auto answer = answer_handshake(key, hs.hello(), p.server, why);
    REQUIRE(answer);
    REQUIRE(hs.finish(*answer, p.client, p.seen).empty());
    return p;
}
}  // namespace

TEST_CASE("the handshake gives both ends the same keys and the server's real key", "[secure]") {
    ServerKey key = generate_server_key();
    Pair p = connect(key);
    CHECK(p.seen == key.public_key);
    CHECK(p.client.binding() == p.server.binding());
    std::string plain;
    REQUIRE(p.server.open(0, p.client.seal(0, "hello server"), plain) == OpenError::none);
    CHECK(plain == "hello server");
    REQUIRE(p.client.open(2, p.server.seal(2, "hello client"), plain) == OpenError::none);
    CHECK(plain == "hello client");
    // Another session has other keys and another binding.
    Pair q = connect(key);
    CHECK(q.client.binding() != p.client.binding());
    CHECK(q.server.open(0, p.client.seal(0, "x"), plain) == OpenError::forged);
}

TEST_CASE("a server without the secret key of the key it presents is refused", "[secure]") {
    ServerKey real = generate_server_key();
    ServerKey fake = generate_server_key();
    ClientHandshake hs;
    SecureChannel server, client;
    std::string why;
    auto answer = answer_handshake(fake, hs.hello(), server, why);
    REQUIRE(answer);
    // The man in the middle swaps in the real server's public key.
    std::string forged = *answer;
    forged.replace(4, 32, std::string(reinterpret_cast<const char*>(real.public_key.data()), 32));
    Key seen{};
    CHECK_THAT(hs.finish(forged, client, seen), Catch::Contains("could not prove"));
    CHECK_FALSE(client.established());
}

TEST_CASE("flipped bytes, replays, old counters and moved packets do not open", "[secure]") {
    Pair p = connect(generate_server_key());
    std::string plain;
    std::string sealed = p.client.seal(0, "draft order");
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        std::string bad = sealed;
        bad[i] = static_cast<char>(bad[i] ^ 0x01);
        CHECK(p.server.open(0, bad, plain) != OpenError::none);
    }
    CHECK(p.server.open(1, sealed, plain) == OpenError::forged);  // another channel
    CHECK(p.client.open(0, sealed, plain) == OpenError::forged);  // reflected to its sender
    REQUIRE(p.server.open(0, sealed, plain) == OpenError::none);
    CHECK(p.server.open(0, sealed, plain) == OpenError::replayed);
    CHECK(p.server.open(0, std::string(5, 'x'), plain) == OpenError::malformed);

    // Out of order within the window is fine once; below the window is not.
    std::vector<std::string> later;
    for (int i = 0; i < 100; ++i) later.push_back(p.client.seal(2, "pointer " + std::to_string(i)));
    REQUIRE(p.server.open(2, later[99], plain) == OpenError::none);
    CHECK(p.server.open(2, later[50], plain) == OpenError::none);
    CHECK(p.server.open(2, later[50], plain) == OpenError::replayed);
    CHECK(p.server.open(2, later[10], plain) == OpenError::replayed);  // 89 behind: below the window
}

TEST_CASE("a resume proof is bound to its session and its token", "[secure]") {
    ServerKey key = generate_server_key();
    Pair a = connect(key), b = connect(key);
    std::string proof = resume_proof("0123456789abcdef0123456789abcdef", a.client.binding());
    CHECK(proof.size() == 32);
    CHECK(check_resume_proof("0123456789abcdef0123456789abcdef", a.server.binding(), proof));
    CHECK_FALSE(check_resume_proof("0123456789abcdef0123456789abcdef", b.server.binding(), proof));
    CHECK_FALSE(check_resume_proof("0123456789abcdef0123456789abcdee", a.server.binding(), proof));
    CHECK(proof.find("0123456789abcdef") == std::string::npos);
}

TEST_CASE("the server key is made once, mode 0600, and fingerprints pin by prefix", "[secure]") {
    auto dir = std::filesystem::temp_directory_path() / ("gb-key-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    ServerKey k1 = load_or_create_server_key(dir.string());
    ServerKey k2 = load_or_create_server_key(dir.string());
    CHECK(k1.public_key == k2.public_key);
    struct stat st {};
    REQUIRE(::stat((dir / "server.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::string fp = fingerprint(k1.public_key);
    CHECK(fp.size() == 64);
    CHECK(pin_matches(fp, fp));
    CHECK(pin_matches(fp, fp.substr(0, 16)));
    CHECK_FALSE(pin_matches(fp, fp.substr(0, 15)));  // too short to pin
    CHECK_FALSE(pin_matches(fingerprint(generate_server_key().public_key), fp.substr(0, 20)));
    std::filesystem::remove_all(dir);
}
