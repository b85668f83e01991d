// The encrypted channel under every message: an X25519 handshake that
// authenticates the server by its long-term key, then XChaCha20-Poly1305 on
// every packet with a per-direction, per-channel counter nonce. No ENet here:
// the transport and the client carry these bytes. See docs/protocol.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace gb::net {

using Key = std::array<std::uint8_t, 32>;

// The server's long-term X25519 key pair.
struct ServerKey {
    Key public_key{};
    Key secret_key{};
};

ServerKey generate_server_key();
// Loads DIR/server.key, or creates it (mode 0600) when there is none. Throws
// std::runtime_error when it cannot be read or written.
ServerKey load_or_create_server_key(const std::string& dir);

// BLAKE2b-256 of the public key, 64 lower-case hex characters.
std::string fingerprint(const Key& public_key);
// The characters of a fingerprint printed beside codes.
inline constexpr std::size_t kFingerprintShown = 16;
// A pin handed on a command line: at least kFingerprintShown hex characters,
// a prefix of the fingerprint.
bool valid_pin(const std::string& pin);
bool pin_matches(const std::string& fingerprint, const std::string& pin);

inline constexpr std::size_t kSealOverhead = 8 + 16;  // counter + tag
inline constexpr std::size_t kPacketChannels = 4;     // ENet channels a channel keeps counters for

// Why a sealed packet was not opened.
enum class OpenError { none, malformed, forged, replayed };

// The keys of one session, and the counters of both directions. A packet is
// counter (8 bytes, little-endian) then ciphertext and tag; the nonce is the
// direction, the ENet channel and the counter, so a packet moved to another
// channel or direction does not open.
class SecureChannel {
public:
    enum class Side : std::uint8_t { client = 'C', server = 'S' };
    SecureChannel() = default;
    SecureChannel(Side side, const Key& send_key, const Key& receive_key, const Key& binding);

    bool established() const { return established_; }
    std::string seal(std::uint8_t channel, const std::string& plain);
    // Opens a packet received on `channel` into `plain`. Rejects a counter
    // already seen, or one older than the window of the last 64.
    OpenError open(std::uint8_t channel, const std::string& sealed, std::string& plain);
    // A value unique to this session, known only to its two ends: resume
    // proofs are computed over it.
    const Key& binding() const { return binding_; }

private:
    struct Window {
        std::uint64_t top = 0;   // highest counter accepted
        std::uint64_t seen = 0;  // bit i: top - i was accepted
    };
    bool established_ = false;
    Side side_ = Side::client;
    Key send_{};
    Key receive_{};
    Key binding_{};
    std::array<std::uint64_t, kPacketChannels> sent_{};
    std::array<Window, kPacketChannels> windows_{};
};

// The client's half of the handshake. hello() is the first packet; finish()
// reads the server's answer, checks its key's fingerprint with `accept` and,
// on success, sets up `channel`. Returns an error message, empty on success.
class ClientHandshake {
public:
    ClientHandshake();
    ~ClientHandshake();
    ClientHandshake(const ClientHandshake&) = delete;
    ClientHandshake& operator=(const ClientHandshake&) = delete;
    std::string hello() const;
    std::string finish(const std::string& answer, SecureChannel& channel, Key& server_key);

private:
    Key public_{};
    Key secret_{};
};

// The server's half: answers a client's hello with its keys and a proof that
// it holds its secret key, and sets up `channel`. Empty when `hello` is not a
// handshake packet (then `error` says why).
std::optional<std::string> answer_handshake(const ServerKey& key, const std::string& hello, SecureChannel& channel,
                                            std::string& error);

// Resume tokens never travel: a client proves it holds one with a MAC, keyed
// by the token, over this session's binding.
std::string resume_proof(const std::string& token, const Key& binding);
bool check_resume_proof(const std::string& token, const Key& binding, const std::string& proof);

// The handshake packets' first bytes, and their sizes.
inline constexpr char kHandshakeMagic[4] = {'G', 'B', 'K', '1'};
inline constexpr std::size_t kHelloSize = 4 + 32;
inline constexpr std::size_t kAnswerSize = 4 + 32 + 32 + 32;

}  // namespace gb::net
