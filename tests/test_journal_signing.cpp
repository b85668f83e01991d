// Signed journals: with the server's public key, a journal rewritten with fresh
// checksums, a record removed from the middle, or records added by someone else
// are each caught; a crash's unsigned tail is signed on reopen.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "journal.hpp"
#include "journal_game.hpp"

using namespace gbt;

namespace {

ActionRecord chat(const std::string& text, std::uint64_t hash) {
    return ActionRecord{{Seat::control(), Chat{ChatChannel::broadcast, Team::us, text}}, hash};
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
void spill(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::uint32_t get32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    return v;
}
void put32(std::string& s, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put64(std::string& s, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Where each record starts, after the 10-byte magic and the header.
std::vector<std::size_t> record_starts(const std::string& bytes) {
    std::vector<std::size_t> out;
    std::size_t pos = 10 + 12 + get32(bytes, 14);
    while (pos + 16 <= bytes.size()) {
        out.push_back(pos);
        pos += 16 + get32(bytes, pos);
    }
    return out;
}
// Gives the record at `start` a checksum that matches its bytes, as a forger would.
void fresh_crc(std::string& bytes, std::size_t start) {
    std::uint32_t len = get32(bytes, start);
    put32(bytes, start + 4, crc32(bytes.data() + start + 8, 8 + len));
}

// A signed journal of `n` chat records, made durable after every `batch`.
std::string signed_journal(TempDir& dir, const JournalSigner& key, int n, int batch) {
    std::string path = dir / "g.journal";
    JournalHeader h;
    h.scenario_id = "after-911";
    JournalWriter w = JournalWriter::create(path, h, &key);
    for (int i = 1; i <= n; ++i) {
        w.append(chat("message " + std::to_string(i), static_cast<std::uint64_t>(i)));
        if (i % batch == 0) w.sync();
    }
    w.sync();
    return path;
}

}  // namespace

TEST_CASE("a signed journal verifies with its server's key and with no other", "[journal][signing]") {
    TempDir dir("signed");
    JournalSigner key = JournalSigner::generate(), other = JournalSigner::generate();
    std::string path = signed_journal(dir, key, 10, 3);
    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    CHECK(jr.records.size() == 10);        // signatures are not records of the game
    CHECK(jr.signatures.size() == 4);      // one per flush: after 3, 6, 9 and 10
    CHECK(jr.next_seq == 15);              // but they take sequence numbers
    SignatureCheck ok = check_signatures(jr, key.public_key());
    INFO(ok.message);
    CHECK(ok.ok);
    SignatureCheck wrong = check_signatures(jr, other.public_key());
    CHECK_FALSE(wrong.ok);
    CHECK(wrong.message.find("not the key given") != std::string::npos);
}

TEST_CASE("a record changed and given a fresh checksum is caught by the signature", "[journal][signing]") {
    TempDir dir("signed-forged");
    JournalSigner key = JournalSigner::generate();
    std::string path = signed_journal(dir, key, 6, 2);
    std::string bytes = slurp(path);
    auto starts = record_starts(bytes);
    REQUIRE(starts.size() == 9);
    // The text of record 4 ("message 3"): its last byte becomes '7'.
    std::size_t rec = starts[3], end = rec + 16 + get32(bytes, rec);
    std::size_t digit = bytes.rfind("message 3", end) + 8;
    REQUIRE(digit < end);
    bytes[digit] = '7';
    fresh_crc(bytes, rec);
    spill(path, bytes);
    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());  // the checksums alone no longer tell
    SignatureCheck c = check_signatures(jr, key.public_key());
    CHECK_FALSE(c.ok);
    CHECK(c.message.find("record 6") != std::string::npos);  // the first signature after the change
}

TEST_CASE("a record removed from the middle, renumbered and re-checksummed, is caught", "[journal][signing]") {
    TempDir dir("signed-cut");
    JournalSigner key = JournalSigner::generate();
    std::string path = signed_journal(dir, key, 6, 3);
    std::string bytes = slurp(path);
    auto starts = record_starts(bytes);
    REQUIRE(starts.size() == 8);  // 1 2 3 sig 5 6 7 sig
    std::size_t a = starts[1], b = starts[2];
    std::string cut = bytes.substr(0, a) + bytes.substr(b);
    for (std::size_t i = 0; i < 7; ++i) {
        std::size_t at = record_starts(cut)[i];
        put64(cut, at + 8, i + 1);
        fresh_crc(cut, at);
    }
    spill(path, cut);
    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    CHECK_FALSE(check_signatures(jr, key.public_key()).ok);
}

TEST_CASE("records added without the key come after the last signature and fail", "[journal][signing]") {
    TempDir dir("signed-added");
    JournalSigner key = JournalSigner::generate();
    std::string path = signed_journal(dir, key, 4, 4);
    {
        JournalWriter w = JournalWriter::reopen(path, read_journal(path));  // no key
        w.append(chat("added later", 99));
        w.sync();
    }
    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    SignatureCheck c = check_signatures(jr, key.public_key());
    CHECK_FALSE(c.ok);
    CHECK(c.message.find("records 5 to 6") != std::string::npos);
}

TEST_CASE("records a crash left unsigned are signed when the server reopens the journal", "[journal][signing]") {
    TempDir dir("signed-crash");
    JournalSigner key = JournalSigner::generate();
    std::string path = signed_journal(dir, key, 3, 3);
    {
        JournalWriter w = JournalWriter::reopen(path, read_journal(path), &key);
        w.append(chat("written, never flushed", 4));
        // destroyed without sync(): as a process that died before its flush
    }
    CHECK_FALSE(check_signatures(read_journal(path), key.public_key()).ok);
    { JournalWriter w = JournalWriter::reopen(path, read_journal(path), &key); }
    JournalRead jr = read_journal(path);
    SignatureCheck c = check_signatures(jr, key.public_key());
    INFO(c.message);
    CHECK(c.ok);
    CHECK(jr.records.size() == 4);
}

TEST_CASE("a cut back to a mark takes the hash chain back too", "[journal][signing]") {
    TempDir dir("signed-rollback");
    JournalSigner key = JournalSigner::generate();
    std::string path = dir / "g.journal";
    {
        JournalWriter w = JournalWriter::create(path, JournalHeader{}, &key);
        w.append(chat("kept", 1));
        w.sync();
        auto m = w.mark();
        w.append(chat("taken back", 2));
        w.cut(m);
        w.append(chat("kept too", 3));
        w.sync();
        w.append(chat("not durable", 4));
        CHECK(w.roll_back() == 1);
    }
    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    CHECK(jr.records.size() == 2);
    SignatureCheck c = check_signatures(jr, key.public_key());
    INFO(c.message);
    CHECK(c.ok);
}

TEST_CASE("the signing key is made once, private, and its public half reads back", "[journal][signing]") {
    TempDir dir("signing-key");
    JournalSigner a = JournalSigner::load_or_create(dir.path.string());
    JournalSigner b = JournalSigner::load_or_create(dir.path.string());
    CHECK(a.public_key() == b.public_key());
    struct stat st {};
    REQUIRE(::stat((dir / "journal.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::string error;
    auto pub = read_public_key_file(dir / "journal.pub", error);
    REQUIRE(pub);
    CHECK(*pub == a.public_key());
    spill(dir / "bad.pub", "not a key\n");
    CHECK_FALSE(read_public_key_file(dir / "bad.pub", error));
    CHECK(error.find("bad.pub") != std::string::npos);
    spill(dir / "journal.key", "short");
    CHECK_THROWS_WITH(JournalSigner::load_or_create(dir.path.string()), Catch::Contains("journal.key"));
}

TEST_CASE("an unsigned journal says so", "[journal][signing]") {
    TempDir dir("unsigned");
    std::string path = dir / "g.journal";
    {
        JournalWriter w = JournalWriter::create(path, JournalHeader{});
        w.append(chat("hello", 1));
        w.sync();
    }
    SignatureCheck c = check_signatures(read_journal(path), JournalSigner::generate().public_key());
    CHECK_FALSE(c.ok);
    CHECK(c.message.find("not signed") != std::string::npos);
}

TEST_CASE("deadline records (format 7) read back, are signed with the game's records, and replay keeps the last",
          "[journal][signing]") {
    TempDir dir("signed-deadlines");
    JournalSigner key = JournalSigner::generate();
    std::string path = dir / "g.journal";
    JournalHeader h;
    h.scenario_id = "after-911";
    h.min_phase_ms = 1500;
    {
        JournalWriter w = JournalWriter::create(path, h, &key);
        w.append(chat("one", 1));
        w.append(DeadlineRecord{2, Phase::orders, 300, false, 1'800'000'000'123, 0});
        w.sync();
        w.append(DeadlineRecord{2, Phase::orders, 300, true, 0, 41'500});
        w.sync();
    }
    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    CHECK(jr.header.format == 7);
    CHECK(jr.header.min_phase_ms == 1500);
    REQUIRE(jr.records.size() == 3);
    auto* running = std::get_if<DeadlineRecord>(&jr.records[1].second);
    REQUIRE(running);
    CHECK(running->turn == 2);
    CHECK(running->phase == Phase::orders);
    CHECK(running->timer_seconds == 300);
    CHECK_FALSE(running->paused);
    CHECK(running->deadline_unix_ms == 1'800'000'000'123);
    auto* paused = std::get_if<DeadlineRecord>(&jr.records[2].second);
    REQUIRE(paused);
    CHECK(paused->paused);
    CHECK(paused->left_ms == 41'500);
    SignatureCheck ok = check_signatures(jr, key.public_key());
    INFO(ok.message);
    CHECK(ok.ok);
    // A changed deadline with a fresh checksum is caught like any other record.
    std::string bytes = slurp(path);
    std::size_t at = record_starts(bytes)[1];
    bytes[at + 16 + 6] ^= 1;
    fresh_crc(bytes, at);
    spill(path, bytes);
    JournalRead forged = read_journal(path);
    REQUIRE(forged.error.empty());
    CHECK_FALSE(check_signatures(forged, key.public_key()).ok);
}
