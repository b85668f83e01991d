// Disk errors against the real gb-server: a full disk (a small tmpfs), a
// flush that fails with EIO (an LD_PRELOAD shim), and space freed mid-game.
// In each, every acknowledged action is in the journal, every journal
// verifies after a restart, and the server never exits and serves on.
#include <sys/mount.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "harness.hpp"
#include "journal.hpp"

using namespace gbi;
namespace fs = std::filesystem;

namespace {

// A small tmpfs mounted over a folder for the life of the test (needs root).
struct SmallDisk {
    std::string path;
    bool mounted = false;
    SmallDisk(const std::string& dir, const std::string& size) : path(dir) {
        mounted = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size + ",mode=0700").c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted) ::umount2(path.c_str(), MNT_DETACH);
    }
};

// Fills the file system under `dir` to the last byte.
void fill(const std::string& file) {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    REQUIRE(f);
    std::string block(4096, 'F');
    while (std::fwrite(block.data(), 1, block.size(), f) == block.size()) {
    }
    std::fclose(f);
    // The last partial block: byte by byte.
    f = std::fopen(file.c_str(), "ab");
    std::setvbuf(f, nullptr, _IONBF, 0);
    while (std::fputc('F', f) != EOF) {
    }
    std::fclose(f);
}

// A White Cell seat that says things and remembers what was acknowledged.
struct Voice {
    SeatSession s;
    std::vector<std::string> notices;  // errors not tied to a request

    void join_as(std::uint16_t port, const std::string& control) {
        s.on_error = [this](const Error& e) {
            if (!e.request) notices.push_back(e.message);
        };
        join(s, port, control, SeatRole::control, Team::us, "Instructor");
    }
    bool heard(const std::string& part) const {
        for (auto& n : notices)
            if (n.find(part) != std::string::npos) return true;
        return false;
    }
    // Waits up to `limit` for a notice containing `part`.
    bool wait_for(const std::string& part, std::chrono::milliseconds limit) {
        auto until = std::chrono::steady_clock::now() + limit;
        while (!heard(part) && std::chrono::steady_clock::now() < until) s.pump(20ms);
        return heard(part);
    }
};

// Every acknowledged chat of `v` is in the journal at its sequence number.
std::size_t audit(const std::string& journal, const Voice& v, const std::map<std::uint32_t, std::string>& sent) {
    JournalRead jr = read_journal(journal);
    INFO(journal << ": " << jr.error);
    REQUIRE(jr.error.empty());
    CHECK_FALSE(jr.torn);
    std::map<std::uint64_t, std::string> recorded;
    for (auto& [seq, r] : jr.records)
        if (auto* a = std::get_if<ActionRecord>(&r))
            if (auto* c = std::get_if<Chat>(&a->entry.action)) recorded[seq] = c->text;
    std::size_t checked = 0;
    for (auto& [request, seq] : v.s.acks) {
        auto it = sent.find(request);
        if (it == sent.end()) continue;  // not a chat
        INFO("acknowledged request " << request << " as record " << seq);
        REQUIRE(recorded.count(seq));
        CHECK(recorded[seq] == it->second);
        ++checked;
    }
    return checked;
}

// Sends a chat and waits for its answer; remembers it by request number.
std::string say(Voice& v, std::map<std::uint32_t, std::string>& sent, const std::string& text) {
    auto id = v.s.act(Chat{ChatChannel::broadcast, Team::us, text});
    sent[id] = text;
    auto until = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < until) {
        v.s.pump(5ms);
        if (v.s.acks.count(id)) return {};
        if (auto r = v.s.refusals.find(id); r != v.s.refusals.end()) return r->second;
    }
    FAIL("no answer to a chat");
    return "timeout";
}

int verify(const std::string& journal) {
    return wait_child(spawn_gb({"replay", journal, "--verify"}, journal + ".verify.txt"), std::chrono::seconds(30));
}

std::string text_of(int i) {
    return "turn the dial " + std::to_string(i) + ": " + std::string(300, static_cast<char>('a' + i % 26));
}

}  // namespace

TEST_CASE("A full disk makes a game read-only without losing an acknowledged action, and freed space resumes it",
          "[network][disk]") {
    auto root = temp_dir("full-disk");
    std::string data = root + "/data";
    fs::create_directories(data);
    SmallDisk disk(data, "2m");
    if (!disk.mounted) {
        WARN("cannot mount a tmpfs here (not root?): the full-disk test is skipped");
        return;
    }
    std::uint16_t port = 0;
    std::map<std::uint32_t, std::string> sent1, sent2;
    Voice one, two;
    {
        ServerProcess server(data);
        port = server.port();
        GameCodes codes1 = create_game(port, "after-911", 5);
        GameCodes codes2 = create_game(port, "after-911", 6);
        one.join_as(port, codes1.control);
        two.join_as(port, codes2.control);
        for (int i = 0; i < 5; ++i) {
            CHECK(say(one, sent1, text_of(i)).empty());
            CHECK(say(two, sent2, text_of(i)).empty());
        }

        fill(data + "/filler");
        // Game 1 writes until its journal's last page is full, then is refused.
        std::string refusal;
        int accepted_on_full_disk = 0;
        for (int i = 0; i < 200 && refusal.empty(); ++i) {
            refusal = say(one, sent1, text_of(100 + i));
            if (refusal.empty()) ++accepted_on_full_disk;
        }
        INFO("server log: " << server.log());
        CHECK(refusal.find("cannot save") != std::string::npos);
        CHECK(one.wait_for("read-only", 2s));
        // Refused again at once while read-only; the server is up and answers the lobby.
        CHECK(say(one, sent1, "while full").find("cannot save") != std::string::npos);
        REQUIRE(server.alive());
        Connection lobby;
        REQUIRE(lobby.open("127.0.0.1", port).empty());
        auto list = lobby.request(ListGames{});
        REQUIRE(list);
        CHECK(std::holds_alternative<GameList>(*list));
        CHECK(server.log().find("read-only") != std::string::npos);

        // Space returns: game 1 resumes by itself and its actions are acknowledged again.
        fs::remove(data + "/filler");
        CHECK(one.wait_for("saves again", 5s));
        for (int i = 0; i < 5; ++i) CHECK(say(one, sent1, text_of(300 + i)).empty());
        for (int i = 0; i < 5; ++i) CHECK(say(two, sent2, text_of(300 + i)).empty());
        REQUIRE(server.alive());
        WARN("chats acknowledged on the full disk before the first refusal: " << accepted_on_full_disk);
        server.stop();
    }
    CHECK(audit(data + "/game-1.journal", one, sent1) >= 10);
    CHECK(audit(data + "/game-2.journal", two, sent2) >= 10);
    CHECK(verify(data + "/game-1.journal") == 0);
    CHECK(verify(data + "/game-2.journal") == 0);
    ServerProcess again(data, port);
    CHECK(again.log().find("resumed from game-1.journal") != std::string::npos);
    CHECK(again.log().find("resumed from game-2.journal") != std::string::npos);
    CHECK(again.log().find("not loaded") == std::string::npos);
}

TEST_CASE("A flush that fails with EIO is never acknowledged, and stops only its own game", "[network][disk]") {
    auto data = temp_dir("eio");
    std::string trigger = data + "/../" + fs::path(data).filename().string() + "-eio-trigger";
    fs::remove(trigger);
    std::uint16_t port = 0;
    std::map<std::uint32_t, std::string> sent1, sent2;
    Voice one, two;
    {
        ServerProcess server(data, 0, {}, [&] {
            ::setenv("LD_PRELOAD", GB_EIO_SHIM, 1);
            ::setenv("GB_EIO_TRIGGER", trigger.c_str(), 1);
            // Under ASan the preloaded shim comes before the sanitizer's runtime.
            const char* asan = ::getenv("ASAN_OPTIONS");
            std::string options = std::string(asan ? asan : "") + (asan && *asan ? ":" : "") +
                                  "verify_asan_link_order=0";
            ::setenv("ASAN_OPTIONS", options.c_str(), 1);
        });
        port = server.port();
        GameCodes codes1 = create_game(port, "after-911", 7);
        GameCodes codes2 = create_game(port, "after-911", 8);
        one.join_as(port, codes1.control);
        two.join_as(port, codes2.control);
        for (int i = 0; i < 5; ++i) {
            CHECK(say(one, sent1, text_of(i)).empty());
            CHECK(say(two, sent2, text_of(i)).empty());
        }

        // From now on every flush of game 1's journal fails with EIO.
        std::ofstream(trigger) << "game-1.journal";
        std::size_t acks_before = one.s.acks.size();
        // Both games write in the same pass: the group syncfs fails, each
        // journal is flushed alone, and only game 1's action is taken back.
        auto lost = one.s.act(Chat{ChatChannel::broadcast, Team::us, "lost in the flush"});
        sent1[lost] = "lost in the flush";
        auto kept = two.s.act(Chat{ChatChannel::broadcast, Team::us, "kept in the flush"});
        sent2[kept] = "kept in the flush";
        for (int i = 0; i < 400 && !(one.s.refusals.count(lost) && two.s.acks.count(kept)); ++i)
            pump_all({&one.s, &two.s}, 5ms);
        CHECK(one.s.refusals[lost].find("cannot save") != std::string::npos);
        CHECK(two.s.acks.count(kept) == 1);
        CHECK(one.wait_for("read-only", 2s));
        // Both games write in the same passes: game 2 goes on, game 1 refuses.
        for (int i = 0; i < 10; ++i) {
            auto a = one.s.act(Chat{ChatChannel::broadcast, Team::us, "during EIO " + std::to_string(i)});
            sent1[a] = "during EIO " + std::to_string(i);
            CHECK(say(two, sent2, text_of(10 + i)).empty());
        }
        for (int i = 0; i < 50; ++i) one.s.pump(5ms);
        CHECK(one.s.acks.size() == acks_before);
        REQUIRE(server.alive());
        INFO("server log: " << server.log());
        CHECK(server.log().find("fdatasync failed") != std::string::npos);

        // The disk heals: game 1 saves again by itself.
        fs::remove(trigger);
        CHECK(one.wait_for("saves again", 5s));
        for (int i = 0; i < 5; ++i) CHECK(say(one, sent1, text_of(50 + i)).empty());
        REQUIRE(server.alive());
        server.stop();
    }
    CHECK(audit(data + "/game-1.journal", one, sent1) >= 10);
    CHECK(audit(data + "/game-2.journal", two, sent2) >= 15);
    // Nothing refused reached the journal.
    JournalRead jr = read_journal(data + "/game-1.journal");
    for (auto& [seq, r] : jr.records)
        if (auto* a = std::get_if<ActionRecord>(&r))
            if (auto* c = std::get_if<Chat>(&a->entry.action)) {
                CHECK(c->text != "lost in the flush");
                CHECK(c->text.rfind("during EIO", 0) != 0);
            }
    CHECK(verify(data + "/game-1.journal") == 0);
    CHECK(verify(data + "/game-2.journal") == 0);
    ServerProcess again(data, port);
    CHECK(again.log().find("resumed from game-1.journal") != std::string::npos);
    CHECK(again.log().find("resumed from game-2.journal") != std::string::npos);
}
