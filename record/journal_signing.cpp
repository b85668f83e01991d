#include "journal_signing.hpp"

#include <sodium.h>

#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "file_read.hpp"

namespace gb {

namespace {

void sodium_ready() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    });
}

constexpr char kChainLabel[] = "grand-bargain journal chain 1";
constexpr char kSignLabel[] = "grand-bargain journal signature 1";

std::string hex(const unsigned char* p, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(digits[p[i] >> 4]);
        out.push_back(digits[p[i] & 15]);
    }
    return out;
}

std::optional<SigningPublicKey> from_hex(const std::string& text) {
    if (text.size() != 64) return std::nullopt;
    SigningPublicKey k{};
    std::size_t bin_len = 0;
    if (sodium_hex2bin(k.data(), k.size(), text.data(), text.size(), nullptr, &bin_len, nullptr) != 0 || bin_len != 32)
        return std::nullopt;
    return k;
}

}  // namespace

JournalChain chain_start(const std::string& head_bytes) {
    sodium_ready();
    JournalChain c{};
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, c.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kChainLabel), sizeof kChainLabel);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(head_bytes.data()), head_bytes.size());
    crypto_generichash_final(&st, c.data(), c.size());
    return c;
}

JournalChain chain_next(const JournalChain& chain, const char* record, std::size_t size) {
    JournalChain c{};
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, c.size());
    crypto_generichash_update(&st, chain.data(), chain.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(record), size);
    crypto_generichash_final(&st, c.data(), c.size());
    return c;
}

std::string signed_message(const JournalChain& chain, std::uint64_t through) {
    std::string m(kSignLabel, sizeof kSignLabel);
    m.append(reinterpret_cast<const char*>(chain.data()), chain.size());
    for (int i = 0; i < 8; ++i) m.push_back(static_cast<char>((through >> (8 * i)) & 0xFF));
    return m;
}

JournalSigner JournalSigner::generate() {
    sodium_ready();
    JournalSigner s;
    crypto_sign_keypair(s.public_.data(), s.secret_.data());
    return s;
}

JournalSigner JournalSigner::load_or_create(const std::string& dir) {
    sodium_ready();
    const std::string path = dir + "/journal.key";
    FileRead f = read_regular_file(path, 1024, false);
    JournalSigner s;
    if (!f.ok) {
        std::error_code ec;
        if (std::filesystem::symlink_status(path, ec).type() != std::filesystem::file_type::not_found)
            throw std::runtime_error(f.error);
        s = generate();
        write_private_file(path, std::string(reinterpret_cast<const char*>(s.secret_.data()), s.secret_.size()));
        write_private_file(dir + "/journal.pub", public_key_hex(s.public_) + "\n");
        // The public half is for handing out.
        std::filesystem::permissions(dir + "/journal.pub", std::filesystem::perms(0644), ec);
        return s;
    }
    if (f.bytes.size() != 64) throw std::runtime_error(path + " is not a journal signing key (64 bytes); move it away to make a new one");
    std::memcpy(s.secret_.data(), f.bytes.data(), 64);
    sodium_memzero(f.bytes.data(), f.bytes.size());
    crypto_sign_ed25519_sk_to_pk(s.public_.data(), s.secret_.data());
    return s;
}

Signature JournalSigner::sign(const JournalChain& chain, std::uint64_t through) const {
    std::string m = signed_message(chain, through);
    Signature sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(m.data()), m.size(), secret_.data());
    return sig;
}

bool signature_valid(const SigningPublicKey& key, const JournalChain& chain, std::uint64_t through,
                     const Signature& sig) {
    sodium_ready();
    std::string m = signed_message(chain, through);
    return crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(m.data()), m.size(),
                                       key.data()) == 0;
}

std::string public_key_hex(const SigningPublicKey& key) {
    return hex(key.data(), key.size());
}

std::string public_key_fingerprint(const SigningPublicKey& key) {
    return hex(key.data(), 8);
}

std::optional<SigningPublicKey> read_public_key_file(const std::string& path, std::string& error) {
    FileRead f = read_regular_file(path, 1024);
    if (!f.ok) {
        error = f.error;
        return std::nullopt;
    }
    if (f.bytes.size() == 32) {
        SigningPublicKey k{};
        std::memcpy(k.data(), f.bytes.data(), 32);
        return k;
    }
    std::string text = f.bytes;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    if (auto k = from_hex(text)) return k;
    error = path + ": not a journal public key (64 hex digits, as in the server's journal.pub)";
    return std::nullopt;
}

}  // namespace gb

#include "journal.hpp"

namespace gb {

SignatureCheck check_signatures(const JournalRead& jr, const SigningPublicKey& key) {
    SignatureCheck out;
    const std::string given = public_key_fingerprint(key);
    if (!has(jr.header.format, JournalFormat::signed_records) || jr.header.signing_key.empty()) {
        out.message = "the journal is not signed (format " + std::to_string(jr.header.format) +
                      (has(jr.header.format, JournalFormat::signed_records) ? ", written without a signing key)" : ")");
        return out;
    }
    if (jr.header.signing_key.size() != key.size() ||
        std::memcmp(jr.header.signing_key.data(), key.data(), key.size()) != 0) {
        SigningPublicKey named{};
        if (jr.header.signing_key.size() == named.size())
            std::memcpy(named.data(), jr.header.signing_key.data(), named.size());
        out.message = "the journal names signing key " + public_key_fingerprint(named) + ", not the key given (" +
                      given + ")";
        return out;
    }
    std::uint64_t covered = 0;
    for (const auto& s : jr.signatures) {
        if (s.through >= s.seq || s.through < covered) {
            out.message = "record " + std::to_string(s.seq) + ": a signature that claims to cover record " +
                          std::to_string(s.through);
            return out;
        }
        if (!signature_valid(key, s.chain, s.through, s.signature)) {
            out.message = "record " + std::to_string(s.seq) + ": the signature does not match the records before it " +
                          "(a record was changed, removed or added, or another key signed it)";
            return out;
        }
        covered = s.through;
    }
    if (jr.last_record > covered) {
        out.message = "records " + std::to_string(covered + 1) + " to " + std::to_string(jr.last_record) +
                      " come after the last signature: nothing shows who wrote them";
        return out;
    }
    out.ok = true;
    out.message = "every record (" + std::to_string(jr.records.size()) + ") is signed by key " + given + " (" +
                  std::to_string(jr.signatures.size()) + " signatures)";
    return out;
}

}  // namespace gb
