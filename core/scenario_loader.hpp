// Loading scenarios, rule layers and card files from TOML, collecting every
// problem as `file:line: field: what is wrong` instead of stopping at the first.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace gb {

struct Problem {
    std::string file;
    int line = 0;
    std::string field;
    std::string message;
    std::string str() const;  // "file:line: field: message"
};

struct LoadResult {
    std::shared_ptr<const Scenario> scenario;  // null when there are problems
    std::vector<Problem> problems;
};

// Loads a scenario file with its includes and card files.
LoadResult load_scenario(const std::string& path);

// Checks any of our TOML files: a scenario, a rules layer, or a card file
// (whose references are checked against the standard rules next to it).
std::vector<Problem> validate_file(const std::string& path);

// Finds a scenario by name ("after-911") in the usual places, or returns the
// path unchanged when it names a file.
std::string resolve_scenario_path(const std::string& name_or_path);

}  // namespace gb
