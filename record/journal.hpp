// Journals: one append-only file per game holding its format version, its
// scenario (id, content hash and files), seed and codes, then every accepted action
// with a sequence number, a CRC-32 and the state hash after it. A record is
// made durable (fdatasync, or a group syncfs) before its action is acknowledged.
// An append is all or nothing: a failed write leaves no partial record behind.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "journal_entry.hpp"
#include "journal_signing.hpp"
#include "scenario_loader.hpp"

namespace gb {

// Journal formats: an append-only list, never reordered, a number never
// reused. Every build reads every format up to its own and writes the newest.
enum class JournalFormat : std::uint32_t {
    first = 1,       // scenario id, path and content hash; seed; codes; records
    fork_origin,     // 2: + where a forked game came from
    embedded_rules,  // 3: + the scenario's files, so that the journal replays on its own
    action_tags,     // 4: an action record names its action by its declared tag (action_decl.hpp), not
                     //    by its index in the Action variant; formats 1-3 hold the variant's index
    team_codes,      // 5: + a code per team (join_code is the observer code); no scenario path
    signed_records,  // 6: + the server's journal signing key; signature records (journal_signing.hpp)
    deadlines,       // 7: + the game's minimum phase time; deadline records (a phase timer's wall-clock end)
    next,            // one past the newest: add new formats just above
};
inline constexpr std::uint32_t kJournalFormat = static_cast<std::uint32_t>(JournalFormat::next) - 1;
// "first", "fork origin", "embedded rules", "action tags"; empty for a number not in the list.
std::string_view journal_format_name(std::uint32_t format);
// Whether journals of `format` have what `f` added.
constexpr bool has(std::uint32_t format, JournalFormat f) {
    return format >= static_cast<std::uint32_t>(f);
}

struct JournalHeader {
    std::uint32_t format = kJournalFormat;
    std::uint32_t game = 0;
    std::string name;
    std::string scenario_id;
    std::string scenario_path;  // formats 1-4: as the server resolved it; only a hint to replay
    std::uint64_t content_hash = 0;
    std::uint64_t seed = 0;
    std::string join_code, control_code;         // from format 5 the join code seats observers only
    std::array<std::string, kTeams> team_codes;  // format 5: the code of each team's seats
    std::int64_t created_unix = 0;
    // A game forked from a point of a saved one (format 2): the saved game,
    // how many of its actions this journal starts with, and the state hash
    // there. Empty `forked_from` for an ordinary game.
    std::string forked_from;
    std::uint64_t fork_point = 0;
    std::uint64_t fork_hash = 0;
    // The exact rules the game is played with (format 3): the scenario file
    // first, then every file it includes and its card files, as load_scenario
    // read them. Replay loads the scenario from here, never from the disk.
    std::vector<SourceFile> scenario_files;
    // The public key whose signatures follow the records (format 6); empty: not signed.
    std::string signing_key;
    // Games without a White Cell: the least time a phase lasts before the
    // server's bots or its stand-in move the game on (format 7; 0: none).
    std::uint32_t min_phase_ms = 0;
};

struct ActionRecord {
    JournalEntry entry;
    std::uint64_t state_hash = 0;  // after applying the action
};
struct TokenRecord {  // a resume token issued to a player
    std::uint32_t player = 0;
    std::string token;
};
struct CloseRecord {
    std::string reason;
};
// A phase timer as it was set (format 7): when a timed phase opens, when the
// White Cell changes its timer, when a pause stops it and when it runs again.
// After a restart the timer goes on from here instead of starting from full.
struct DeadlineRecord {
    std::int32_t turn = 0;
    Phase phase = Phase::inject;
    std::int32_t timer_seconds = 0;  // the phase's timer setting it was set for
    bool paused = false;
    std::int64_t deadline_unix_ms = 0;  // running: when it runs out, on the wall clock (ms since 1970)
    std::int64_t left_ms = 0;           // paused: what was left
};
using JournalRecord = std::variant<ActionRecord, TokenRecord, CloseRecord, DeadlineRecord>;

struct JournalRead {
    JournalHeader header;
    std::vector<std::pair<std::uint64_t, JournalRecord>> records;  // (sequence number, record)
    bool torn = false;             // the last record was incomplete or corrupt and was dropped
    std::uint64_t good_bytes = 0;  // length of the valid prefix
    std::string error;             // non-empty: the journal cannot be used; names the record
    std::string torn_detail;
    std::uint64_t next_seq = 1;  // after the last record of any kind, signatures included
    // Format 6: the hash chain through the last record, and each signature
    // with the chain it signs (through the record before it).
    JournalChain chain{};
    struct SignaturePoint {
        std::uint64_t seq = 0;      // the signature record's own number
        std::uint64_t through = 0;  // the last record it covers
        JournalChain chain{};       // the chain through `through`, as read
        Signature signature{};
    };
    std::vector<SignaturePoint> signatures;
    std::uint64_t last_record = 0;  // the last record that is not a signature
};

// Whether a journal's signatures show that the key's owner wrote every record.
struct SignatureCheck {
    bool ok = false;
    std::string message;  // what holds, or the first thing that does not
};
SignatureCheck check_signatures(const JournalRead& jr, const SigningPublicKey& key);

// Reads and checks a journal. A bad last record is reported as torn (and
// left out); a bad record followed by more data is an error.
JournalRead read_journal(const std::string& path);

// A journal could not be written or made durable (disk full, file too large, I/O error).
struct JournalError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Appends records to one journal. It remembers where the last complete record
// ends and where the last durable one ends, so that a failed write or flush
// can be cut back to a journal that reads cleanly.
class JournalWriter {
public:
    // A point in the journal to cut back to: its length and next sequence number.
    struct Mark {
        std::uint64_t end = 0;
        std::uint64_t seq = 1;
        JournalChain chain{};  // format 6: the hash chain there,
        std::uint64_t last_record = 0;     // the last record that is not a signature,
        std::uint64_t signed_through = 0;  // and the last one a signature covers
    };

    JournalWriter() = default;
    ~JournalWriter();
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;
    JournalWriter(JournalWriter&& o) noexcept;
    JournalWriter& operator=(JournalWriter&& o) noexcept;

    // Creates a new journal (fails if the file exists). With a signer, the
    // journal is signed: its header names the key, and sync() signs first.
    static JournalWriter create(const std::string& path, const JournalHeader& header,
                                const JournalSigner* signer = nullptr);
    // Opens a journal read by read_journal for appending after its last good
    // record (cutting a torn tail). Its records are appended in the journal's
    // own format. A signed journal goes on being signed when `signer` holds its
    // key; records left unsigned by a crash are signed (and flushed) at once.
    static JournalWriter reopen(const std::string& path, const JournalRead& read,
                                const JournalSigner* signer = nullptr);

    // Appends a record (buffered by the OS until sync); returns its sequence
    // number. All or nothing: on a failed write the file is cut back to the end
    // of the last complete record, the sequence number is not used, and
    // JournalError is thrown.
    std::uint64_t append(const JournalRecord& r);
    // A signed journal: appends a signature of the chain through the last
    // record, if any record is not signed yet. All or nothing, as append.
    // sync() calls it; a group flush must call it for each journal first.
    void sign_pending();
    bool signing() const { return signer_ != nullptr; }
    // fdatasync if anything was appended since the last sync. Throws
    // JournalError when it fails; the records since the last sync stay
    // undurable (see roll_back).
    void sync();
    // Makes every journal on this file's file system durable at once
    // (syncfs): one flush for a pass that wrote several journals.
    void sync_filesystem();
    // The records appended since the last sync are durable (a group syncfs succeeded).
    void mark_synced();
    // Cuts the journal back to its last durable record, for a flush that
    // failed: what was written after it may never reach the disk. Returns how
    // many records were dropped.
    std::uint64_t roll_back();
    Mark mark() const { return {end_, next_seq_, chain_, last_record_, signed_through_}; }
    // Cuts the journal back to `m` (never before the last durable record).
    void cut(const Mark& m);
    bool dirty() const { return dirty_; }
    std::uint64_t next_seq() const { return next_seq_; }
    std::uint32_t format() const { return format_; }
    const std::string& path() const { return path_; }

private:
    int fd_ = -1;
    std::string path_;
    std::uint64_t next_seq_ = 1;
    std::uint32_t format_ = kJournalFormat;
    bool dirty_ = false;
    std::uint64_t end_ = 0;     // where the last complete record ends
    Mark durable_;              // where the last durable record ends
    bool cut_pending_ = false;  // a cut back to end_ failed: retry before writing
    const JournalSigner* signer_ = nullptr;
    JournalChain chain_{};
    std::uint64_t last_record_ = 0;
    std::uint64_t signed_through_ = 0;

    // Writes one record's payload all or nothing; returns its bytes as stored.
    std::string write_record(const std::string& payload);
};

std::uint32_t crc32(const void* data, std::size_t size);

}  // namespace gb
