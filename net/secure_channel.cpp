// The handshake and packet sealing, all through libsodium: crypto_kx for the
// X25519 exchanges, BLAKE2b (crypto_generichash) to mix them with the
// transcript, XChaCha20-Poly1305 for packets.
#include "secure_channel.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "os_file.hpp"

namespace gb::net {

namespace {

void sodium_once() {
    static bool ok = [] {
        if (sodium_init() < 0) throw std::runtime_error("cannot initialise libsodium");
        return true;
    }();
    (void)ok;
}

const unsigned char* bytes(const std::string& s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

std::string to_string(const Key& k) {
    return std::string(reinterpret_cast<const char*>(k.data()), k.size());
}

// BLAKE2b-256 of `parts` in order, keyed by `key` (unkeyed when null).
Key hash(const Key* key, std::initializer_list<std::string> parts) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, key ? key->data() : nullptr, key ? key->size() : 0, 32);
    for (const auto& p : parts) crypto_generichash_update(&st, bytes(p), p.size());
    Key out;
    crypto_generichash_final(&st, out.data(), out.size());
    return out;
}

const std::string kProtocolLabel = "grand-bargain secure channel v1";

// Both ends' keys from the two exchanges' shared secrets and the transcript.
struct Derived {
    Key client_to_server, server_to_client, binding, confirm;
};
Derived derive(const Key& transcript, const std::string& c2s_parts, const std::string& s2c_parts) {
    Derived d;
    d.client_to_server = hash(&transcript, {"c2s", c2s_parts});
    d.server_to_client = hash(&transcript, {"s2c", s2c_parts});
    d.binding = hash(&transcript, {"binding", to_string(d.client_to_server), to_string(d.server_to_client)});
    d.confirm = hash(&d.server_to_client, {"confirm", to_string(transcript)});
    return d;
}

Key transcript_of(const Key& client_eph, const Key& server_static, const Key& server_eph) {
    return hash(nullptr, {kProtocolLabel, to_string(client_eph), to_string(server_static), to_string(server_eph)});
}

std::string hex(const unsigned char* p, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.pop_back();
    return out;
}

void write_all(int fd, const unsigned char* p, std::size_t n, const std::string& path) {
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
        p += w;
        n -= static_cast<std::size_t>(w);
    }
}

}  // namespace

ServerKey generate_server_key() {
    sodium_once();
    ServerKey k;
    crypto_kx_keypair(k.public_key.data(), k.secret_key.data());
    return k;
}

ServerKey load_or_create_server_key(const std::string& dir) {
    sodium_once();
    const std::string path = dir + "/server.key";
    // The file: secret key then public key, 64 bytes, readable by the owner only.
    int fd = os::open(path, O_RDONLY | os::kNoFollow);
    if (fd < 0 && errno == ENOENT) {
        ServerKey k = generate_server_key();
        std::string tmp = path + ".new";
        int out = os::open(tmp, O_WRONLY | O_CREAT | O_TRUNC | os::kNoFollow, 0600);
        if (out < 0) throw std::runtime_error("cannot create " + tmp + ": " + std::strerror(errno));
        os::make_private(out);
        try {
            write_all(out, k.secret_key.data(), k.secret_key.size(), tmp);
            write_all(out, k.public_key.data(), k.public_key.size(), tmp);
            if (!os::flush_file(out)) throw std::runtime_error("cannot flush " + tmp + ": " + std::strerror(errno));
        } catch (...) {
            os::close(out);
            throw;
        }
        os::close(out);
        if (::rename(tmp.c_str(), path.c_str()) != 0)
            throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
        return k;
    }
    if (fd < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    struct stat st {};
    unsigned char buf[65];
    ssize_t n = -1;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) n = ::read(fd, buf, sizeof buf);
    os::close(fd);
    if (n != 64) throw std::runtime_error(path + " is not a server key (64 bytes); move it away to make a new one");
    ServerKey k;
    std::memcpy(k.secret_key.data(), buf, 32);
    std::memcpy(k.public_key.data(), buf + 32, 32);
    Key derived;
    crypto_scalarmult_base(derived.data(), k.secret_key.data());
    sodium_memzero(buf, sizeof buf);
    if (sodium_memcmp(derived.data(), k.public_key.data(), 32) != 0)
        throw std::runtime_error(path + " holds a public key that does not match its secret key");
    if (!os::is_private(static_cast<int>(st.st_mode))) os::make_private(path);
    return k;
}

std::string fingerprint(const Key& public_key) {
    sodium_once();
    Key h = hash(nullptr, {"grand-bargain server key", to_string(public_key)});
    return hex(h.data(), h.size());
}

bool valid_pin(const std::string& pin) {
    if (pin.size() < kFingerprintShown || pin.size() > 64) return false;
    for (char c : pin)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    return true;
}

bool pin_matches(const std::string& fp, const std::string& pin) {
    if (!valid_pin(pin) || pin.size() > fp.size()) return false;
    for (std::size_t i = 0; i < pin.size(); ++i) {
        char c = pin[i];
        if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
        if (c != fp[i]) return false;
    }
    return true;
}

// ------------------------------------------------------------------ channel

SecureChannel::SecureChannel(Side side, const Key& send_key, const Key& receive_key, const Key& binding)
    : established_(true), side_(side), send_(send_key), receive_(receive_key), binding_(binding) {}

namespace {
using Nonce = std::array<unsigned char, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES>;
Nonce nonce_for(std::uint8_t direction, std::uint8_t channel, std::uint64_t counter) {
    Nonce n{};
    n[0] = direction;
    n[1] = channel;
    for (int i = 0; i < 8; ++i) n[8 + i] = static_cast<unsigned char>(counter >> (8 * i));
    return n;
}
}  // namespace

std::string SecureChannel::seal(std::uint8_t channel, const std::string& plain) {
    if (!established_ || channel >= kPacketChannels) throw std::logic_error("sealing on a channel not set up");
    std::uint64_t counter = ++sent_[channel];
    std::string out(8 + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>(counter >> (8 * i));
    Nonce n = nonce_for(static_cast<std::uint8_t>(side_), channel, counter);
    unsigned long long len = 0;
#ifdef GB_BENCH_NULL_CIPHER
    (void)n;
    std::copy(plain.begin(), plain.end(), out.begin() + 8);
    len = plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES;
#else
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(out.data()) + 8, &len, bytes(plain),
                                               plain.size(), nullptr, 0, nullptr, n.data(), send_.data());
#endif
    out.resize(8 + len);
    return out;
}

OpenError SecureChannel::open(std::uint8_t channel, const std::string& sealed, std::string& plain) {
    if (!established_ || channel >= kPacketChannels || sealed.size() < kSealOverhead) return OpenError::malformed;
    std::uint64_t counter = 0;
    for (int i = 0; i < 8; ++i) counter |= std::uint64_t(static_cast<unsigned char>(sealed[static_cast<std::size_t>(i)])) << (8 * i);
    Window& w = windows_[channel];
    if (counter == 0) return OpenError::replayed;
    if (counter <= w.top) {
        std::uint64_t back = w.top - counter;
        if (back >= 64 || (w.seen >> back) & 1u) return OpenError::replayed;
    }
    auto peer_side = side_ == Side::client ? Side::server : Side::client;
    Nonce n = nonce_for(static_cast<std::uint8_t>(peer_side), channel, counter);
    plain.resize(sealed.size() - kSealOverhead);
    unsigned long long len = 0;
#ifdef GB_BENCH_NULL_CIPHER
    (void)n;
    len = sealed.size() - kSealOverhead;
    std::copy(sealed.begin() + 8, sealed.begin() + 8 + static_cast<std::ptrdiff_t>(len), plain.begin());
    if (false) {
#else
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &len, nullptr,
                                                   bytes(sealed) + 8, sealed.size() - 8, nullptr, 0, n.data(),
                                                   receive_.data()) != 0) {
#endif
        plain.clear();
        return OpenError::forged;
    }
    plain.resize(len);
    // Only an authentic packet moves the window.
    if (counter > w.top) {
        std::uint64_t shift = counter - w.top;
        w.seen = shift >= 64 ? 0 : w.seen << shift;
        w.seen |= 1u;
        w.top = counter;
    } else {
        w.seen |= std::uint64_t(1) << (w.top - counter);
    }
    return OpenError::none;
}

// ------------------------------------------------------------------ handshake

ClientHandshake::ClientHandshake() {
    sodium_once();
    crypto_kx_keypair(public_.data(), secret_.data());
}

ClientHandshake::~ClientHandshake() {
    sodium_memzero(secret_.data(), secret_.size());
}

std::string ClientHandshake::hello() const {
    return std::string(kHandshakeMagic, 4) + to_string(public_);
}

std::string ClientHandshake::finish(const std::string& answer, SecureChannel& channel, Key& server_key) {
    if (answer.size() != kAnswerSize || answer.compare(0, 4, kHandshakeMagic, 4) != 0)
        return "the server's handshake is malformed";
    Key server_eph, confirm;
    std::memcpy(server_key.data(), answer.data() + 4, 32);
    std::memcpy(server_eph.data(), answer.data() + 36, 32);
    std::memcpy(confirm.data(), answer.data() + 68, 32);
    unsigned char rx1[32], tx1[32], rx2[32], tx2[32];
    if (crypto_kx_client_session_keys(rx1, tx1, public_.data(), secret_.data(), server_key.data()) != 0 ||
        crypto_kx_client_session_keys(rx2, tx2, public_.data(), secret_.data(), server_eph.data()) != 0)
        return "the server's handshake holds an unusable key";
    Key transcript = transcript_of(public_, server_key, server_eph);
    Derived d = derive(transcript, std::string(reinterpret_cast<char*>(tx1), 32) + std::string(reinterpret_cast<char*>(tx2), 32),
                       std::string(reinterpret_cast<char*>(rx1), 32) + std::string(reinterpret_cast<char*>(rx2), 32));
    sodium_memzero(rx1, 32);
    sodium_memzero(tx1, 32);
    sodium_memzero(rx2, 32);
    sodium_memzero(tx2, 32);
    if (sodium_memcmp(d.confirm.data(), confirm.data(), 32) != 0)
        return "the server could not prove it holds the key it presented";
    channel = SecureChannel(SecureChannel::Side::client, d.client_to_server, d.server_to_client, d.binding);
    return {};
}

std::optional<std::string> answer_handshake(const ServerKey& key, const std::string& hello, SecureChannel& channel,
                                            std::string& error) {
    sodium_once();
    if (hello.size() != kHelloSize || hello.compare(0, 4, kHandshakeMagic, 4) != 0) {
        error = "not a handshake packet (" + std::to_string(hello.size()) + " bytes)";
        return std::nullopt;
    }
    Key client_eph;
    std::memcpy(client_eph.data(), hello.data() + 4, 32);
    Key eph_public, eph_secret;
    crypto_kx_keypair(eph_public.data(), eph_secret.data());
    unsigned char rx1[32], tx1[32], rx2[32], tx2[32];
    int bad = crypto_kx_server_session_keys(rx1, tx1, key.public_key.data(), key.secret_key.data(), client_eph.data()) |
              crypto_kx_server_session_keys(rx2, tx2, eph_public.data(), eph_secret.data(), client_eph.data());
    sodium_memzero(eph_secret.data(), eph_secret.size());
    if (bad != 0) {
        error = "the client's handshake holds an unusable key";
        return std::nullopt;
    }
    Key transcript = transcript_of(client_eph, key.public_key, eph_public);
    // The server receives what the client sends: the client's tx is our rx.
    Derived d = derive(transcript, std::string(reinterpret_cast<char*>(rx1), 32) + std::string(reinterpret_cast<char*>(rx2), 32),
                       std::string(reinterpret_cast<char*>(tx1), 32) + std::string(reinterpret_cast<char*>(tx2), 32));
    sodium_memzero(rx1, 32);
    sodium_memzero(tx1, 32);
    sodium_memzero(rx2, 32);
    sodium_memzero(tx2, 32);
    channel = SecureChannel(SecureChannel::Side::server, d.server_to_client, d.client_to_server, d.binding);
    return std::string(kHandshakeMagic, 4) + to_string(key.public_key) + to_string(eph_public) + to_string(d.confirm);
}

std::string resume_proof(const std::string& token, const Key& binding) {
    sodium_once();
    Key k = hash(nullptr, {"grand-bargain resume token", token});
    Key mac = hash(&k, {"resume", to_string(binding)});
    return to_string(mac);
}

bool check_resume_proof(const std::string& token, const Key& binding, const std::string& proof) {
    if (proof.size() != 32) return false;
    std::string expected = resume_proof(token, binding);
    return sodium_memcmp(expected.data(), proof.data(), 32) == 0;
}

}  // namespace gb::net
