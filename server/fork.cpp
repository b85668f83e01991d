// Forks: cutting a saved game's files into pieces, sending a fork to a
// server, and the server's spool of an upload in progress.
#include "fork.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "bounded_archive.hpp"
#include "client.hpp"
#include "os_file.hpp"
#include "serialize.hpp"

namespace gb {

ForkUpload::~ForkUpload() {
    if (fd >= 0) os::close(fd);
    if (!path.empty()) ::unlink(path.c_str());
}

bool ForkUpload::open(const std::string& dir, std::uint64_t n) {
    path = dir + "/.fork-upload-" + std::to_string(os::process_id()) + "-" + std::to_string(n) + ".tmp";
    fd = os::open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) path.clear();
    return fd >= 0;
}

bool ForkUpload::spool(const std::vector<JournalEntry>& entries) {
    for (const JournalEntry& e : entries) {
        std::string bytes = portable_bytes(e);
        std::uint32_t n = static_cast<std::uint32_t>(bytes.size());
        unsigned char len[4] = {static_cast<unsigned char>(n), static_cast<unsigned char>(n >> 8),
                                static_cast<unsigned char>(n >> 16), static_cast<unsigned char>(n >> 24)};
        bytes.insert(0, reinterpret_cast<const char*>(len), 4);
        if (::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) return false;
        this->bytes += bytes.size();
        ++actions;
    }
    return true;
}

std::string ForkUpload::each(const std::function<bool(const JournalEntry&)>& f) const {
    if (::lseek(fd, 0, SEEK_SET) != 0) return "cannot read the upload back";
    std::string buf;
    for (std::size_t i = 0; i < actions; ++i) {
        unsigned char len[4];
        if (::read(fd, len, 4) != 4) return "the upload is short";
        std::uint32_t n = len[0] | (len[1] << 8) | (len[2] << 16) | (static_cast<std::uint32_t>(len[3]) << 24);
        if (n > net::kMaxPacket) return "the upload is damaged";
        buf.resize(n);
        if (::read(fd, buf.data(), n) != static_cast<ssize_t>(n)) return "the upload is short";
        JournalEntry e;
        try {
            bounded_decode(buf.data(), buf.size(), e);
        } catch (const std::exception&) {
            return "the upload is damaged";
        }
        if (!f(e)) return {};
    }
    return {};
}

std::vector<SourceFile> split_files(const std::vector<SourceFile>& files, std::size_t chunk) {
    std::vector<SourceFile> out;
    for (const SourceFile& f : files) {
        std::size_t at = 0;
        do {
            out.push_back({f.path, f.text.substr(at, chunk)});
            at += chunk;
        } while (at < f.text.size());
    }
    return out;
}

std::vector<SourceFile> join_files(std::vector<SourceFile> chunks) {
    std::vector<SourceFile> out;
    for (SourceFile& c : chunks) {
        if (!out.empty() && out.back().path == c.path)
            out.back().text += c.text;
        else
            out.push_back(std::move(c));
    }
    return out;
}

ForkResult fork_on_server(const std::string& host, std::uint16_t port, const Timeline& timeline, std::size_t point,
                          const std::string& name, const std::string& admin_token,
                          const std::function<void(std::size_t)>& progress, std::uint32_t min_phase_ms) {
    ForkResult out;
    if (point > timeline.size()) {
        out.error = "point " + std::to_string(point) + " is past the end of the game (" +
                    std::to_string(timeline.size()) + " actions)";
        return out;
    }
    net::Connection c;
    if (auto err = c.open(host, port); !err.empty()) {
        out.error = err;
        return out;
    }
    const JournalHeader& h = timeline.header();
    net::ForkGame piece;
    // The saved game's own files travel with the fork; the id names them.
    piece.scenario = h.scenario_id;
    piece.admin_token = admin_token;
    piece.min_phase_ms = min_phase_ms;
    piece.seed = h.seed;
    piece.name = name.empty() ? "Fork of " + h.name : name;
    piece.parent = std::filesystem::path(timeline.path()).filename().string() + " (game " + std::to_string(h.game) +
                   " \"" + h.name + "\")";
    piece.parent_point = point;
    piece.parent_hash = state_hash(timeline.state_at(point));
    // Pieces stay well under the packet cap: the scenario's files first, in
    // chunks, then the actions.
    constexpr std::size_t kBudget = net::kMaxPacket / 2;
    std::size_t bytes = 0;
    auto make_room = [&](std::size_t size, std::size_t actions_sent) {
        if (bytes == 0 || bytes + size <= kBudget) return;
        piece.last = false;
        c.send(piece);
        if (progress) progress(actions_sent);
        piece.scenario_files.clear();
        piece.actions.clear();
        piece.scenario.clear();  // only the first piece's header counts
        piece.admin_token.clear();
        bytes = 0;
    };
    for (SourceFile& chunk : split_files(timeline.scenario_files(), kBudget / 2)) {
        std::size_t size = chunk.path.size() + chunk.text.size() + 16;
        make_room(size, 0);
        piece.scenario_files.push_back(std::move(chunk));
        bytes += size;
    }
    for (std::size_t i = 0; i < point; ++i) {
        std::size_t size = portable_bytes(timeline.entry(i)).size();
        make_room(size, i);
        piece.actions.push_back(timeline.entry(i));
        bytes += size;
    }
    piece.last = true;
    c.send(piece);
    if (progress) progress(point);
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < until) {
        auto m = c.poll(net::Millis(100));
        if (!m) {
            if (!c.is_open()) {
                out.error = "the server closed the connection";
                return out;
            }
            continue;
        }
        if (auto* g = std::get_if<net::GameCreated>(&*m)) {
            out.game = g->game;
            out.codes = g->codes;
            return out;
        }
        if (auto* e = std::get_if<net::Error>(&*m)) {
            out.error = e->message;
            return out;
        }
    }
    out.error = "the server did not answer within 60 s";
    return out;
}

}  // namespace gb
