// Recovery at start-up: every journal in the data directory is read, replayed
// and resumed as a live game, so nothing acknowledged before a crash is lost.
#pragma once

#include <string>

#include "lobby.hpp"
#include "log.hpp"

namespace gb {

// Resumes into `lobby` every open game journaled in `data_dir` (a torn last
// record is dropped; a journal that fails to replay is logged and skipped),
// and reserves every id seen. Returns how many games were resumed.
std::size_t recover_games(const std::string& data_dir, Lobby& lobby, const Log& log);

}  // namespace gb
