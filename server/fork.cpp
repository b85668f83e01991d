#include "fork.hpp"

#include <filesystem>

#include "client.hpp"
#include "serialize.hpp"

namespace gb {

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
                          const std::string& name, const std::function<void(std::size_t)>& progress) {
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
    // The server loads the scenario by path when it runs on this machine,
    // otherwise by its id.
    bool local = host == "127.0.0.1" || host == "localhost" || host == "::1";
    piece.scenario = local && std::filesystem::exists(h.scenario_path) ? h.scenario_path : h.scenario_id;
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
            out.join_code = g->join_code;
            out.control_code = g->control_code;
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
