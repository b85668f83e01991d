// Finding a scenario by its id and content hash among the shipped files and
// the archived sets (scenarios/archive/SET/), for records that name their
// scenario without carrying it: journals of formats 1 and 2, and a seat
// told which scenario its game is played with.
#pragma once

#include <cstdint>
#include <string>

#include "scenario_loader.hpp"

namespace gb {

struct ScenarioSearch {
    LoadResult loaded;  // loaded.scenario is null when no file matched
    std::string path;   // the file that matched
    std::string error;  // when none matched: each file looked at and why it was not the one
};

// The first file holding scenario `id` with content hash `hash`: `hint`
// (a path, when given), then the scenario named `id` in scenario_dirs(), then
// the archived sets in name order (in each, the file named after `id` first).
ScenarioSearch find_scenario(const std::string& id, std::uint64_t hash, const std::string& hint = {});

// "0123456789abcdef": how a content or state hash is shown.
std::string hash_text(std::uint64_t hash);

}  // namespace gb
