// A journal append is all or nothing: a write that fails (here a file size
// limit, as a full disk would) leaves no fragment and uses up no sequence
// number, and a failed flush can be cut back to the last durable record.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "journal.hpp"
#include "journal_game.hpp"

using namespace gbt;

namespace {

ActionRecord chat(const std::string& text, std::uint64_t hash) {
    return ActionRecord{{Seat::control(), Chat{ChatChannel::broadcast, Team::us, text}}, hash};
}

}  // namespace

TEST_CASE("A write that fails leaves no partial record and uses up no sequence number", "[journal][disk]") {
    TempDir dir("append-all-or-nothing");
    std::string path = dir / "g.journal";
    JournalHeader h;
    h.scenario_id = "after-911";
    { JournalWriter w = JournalWriter::create(path, h); }
    auto header_bytes = std::filesystem::file_size(path);

    // In a child whose files may not grow past room for two small records.
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit lim{static_cast<rlim_t>(header_bytes + 200), static_cast<rlim_t>(header_bytes + 200)};
        ::setrlimit(RLIMIT_FSIZE, &lim);
        int code = 0;
        try {
            JournalWriter w = JournalWriter::reopen(path, read_journal(path));
            if (w.append(chat("", 1)) != 1) code = 1;
            bool threw = false;
            try {
                w.append(chat(std::string(500, 'x'), 2));  // a partial write, then EFBIG
            } catch (const JournalError&) {
                threw = true;
            }
            if (!threw) code = 2;
            if (w.next_seq() != 2) code = 3;
            if (w.append(chat("", 3)) != 2) code = 4;  // the same number again, right after the last record
            w.sync();
        } catch (...) {
            code = 5;
        }
        ::_exit(code);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);

    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    CHECK_FALSE(jr.torn);
    REQUIRE(jr.records.size() == 2);
    CHECK(jr.records[0].first == 1);
    CHECK(jr.records[1].first == 2);
    auto* second = std::get_if<ActionRecord>(&jr.records[1].second);
    REQUIRE(second);
    CHECK(second->state_hash == 3);
}

TEST_CASE("A failed flush rolls the journal back to its last durable record", "[journal][disk]") {
    TempDir dir("append-roll-back");
    std::string path = dir / "g.journal";
    JournalHeader h;
    h.scenario_id = "after-911";
    JournalWriter w = JournalWriter::create(path, h);
    w.append(chat("one", 1));
    w.append(chat("two", 2));
    w.sync();
    auto mark = w.mark();
    w.append(chat("three", 3));
    w.append(chat("four", 4));
    CHECK(w.roll_back() == 2);
    CHECK_FALSE(w.dirty());
    CHECK(w.next_seq() == 3);
    CHECK(w.mark().end == mark.end);
    CHECK(w.append(chat("three again", 5)) == 3);
    w.sync();

    JournalRead jr = read_journal(path);
    REQUIRE(jr.error.empty());
    CHECK_FALSE(jr.torn);
    REQUIRE(jr.records.size() == 3);
    auto* third = std::get_if<ActionRecord>(&jr.records[2].second);
    REQUIRE(third);
    CHECK(third->state_hash == 5);
}
