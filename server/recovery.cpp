// Loading journals at start-up: read (with torn-tail detection), replay with
// the journal's own rules, reopen for appending, and hand the game to the lobby.
#include "recovery.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "journal_replay.hpp"

namespace gb {

namespace fs = std::filesystem;

std::size_t recover_games(const std::string& data_dir, Lobby& lobby, const Log& log) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(data_dir))
        if (e.path().extension() == ".journal") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::size_t resumed = 0;
    for (const auto& path : files) {
        JournalRead jr = read_journal(path.string());
        if (!jr.error.empty()) {
            log("game not loaded: " + jr.error);
            continue;
        }
        if (jr.torn) log(path.string() + ": dropped a torn last record (" + jr.torn_detail + ")");
        ReplayedGame rg = replay(jr);
        lobby.reserve_id(jr.header.game);
        if (!rg.error.empty()) {
            log("game not loaded: " + path.string() + ": " + rg.error);
            continue;
        }
        if (rg.closed) continue;
        auto journal = JournalWriter::reopen(path.string(), jr, lobby.options().signer);
        auto g = std::make_unique<LiveGame>(lobby.services(), std::move(jr.header), rg.scenario, std::move(rg.state),
                                            std::move(journal), std::move(rg.tokens), rg.deadline);
        g->set_timer_settings(rg.timer_settings);
        g->load_seating();
        g->start_bots();
        log("game " + std::to_string(g->id()) + " resumed from " + path.filename().string() + ": " +
            std::to_string(rg.actions) + " actions, " + phase_line(g->state()));
        lobby.adopt(std::move(g));
        ++resumed;
    }
    return resumed;
}

}  // namespace gb
