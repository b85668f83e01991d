// Signed journals (format 6): the server's Ed25519 key, kept in its data
// directory as journal.key (mode 0600, with journal.pub beside it to hand out),
// signs the journal's hash chain each time records are made durable.
//
// The chain starts from the journal's header and takes in every record that is
// not a signature: chain = BLAKE2b-256(chain || the record's bytes as stored).
// A signature record signs the chain through the record before it. With the
// server's public key, `gb replay --verify --public-key F` then shows that every
// record was written by that server, in that order, and that none was changed,
// dropped from the middle or added afterwards. A journal cut short at a
// signature still verifies: a signature says what was there, not that nothing came after.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace gb {

using JournalChain = std::array<unsigned char, 32>;
using SigningPublicKey = std::array<unsigned char, 32>;
using Signature = std::array<unsigned char, 64>;

// The chain's start: the journal's first bytes, magic through header.
JournalChain chain_start(const std::string& head_bytes);
// The chain after one more record (its bytes as stored, length and checksum included).
JournalChain chain_next(const JournalChain& chain, const char* record, std::size_t size);
// What a signature record signs: the chain through record `through`.
std::string signed_message(const JournalChain& chain, std::uint64_t through);

class JournalSigner {
public:
    // Loads DIR/journal.key, or makes a new key there (mode 0600) and writes
    // its public half to DIR/journal.pub (hex, one line). Throws naming the file.
    static JournalSigner load_or_create(const std::string& dir);
    // A key made on the spot, for tests.
    static JournalSigner generate();

    const SigningPublicKey& public_key() const { return public_; }
    Signature sign(const JournalChain& chain, std::uint64_t through) const;

private:
    std::array<unsigned char, 64> secret_{};
    SigningPublicKey public_{};
};

// The key's hex form, as in journal.pub, and a short fingerprint of it for messages.
std::string public_key_hex(const SigningPublicKey& key);
std::string public_key_fingerprint(const SigningPublicKey& key);
// Reads a public key file: 64 hex digits (journal.pub) or the 32 raw bytes.
// On failure returns nothing and sets `error`, naming the file.
std::optional<SigningPublicKey> read_public_key_file(const std::string& path, std::string& error);

bool signature_valid(const SigningPublicKey& key, const JournalChain& chain, std::uint64_t through,
                     const Signature& sig);

}  // namespace gb
