// Loading scenarios, rule layers and card files from TOML, collecting every
// problem as `file:line: field: what is wrong` instead of stopping at the first.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "data_dirs.hpp"
#include "scenario.hpp"

namespace gb {

struct Problem {
    std::string file;
    int line = 0;
    std::string field;
    std::string message;
    std::string str() const;  // "file:line: field: message"
};

// One file a scenario is read from: its path relative to the scenario file's
// folder, and its text. A journal keeps a game's files, so that the game
// replays with exactly the rules it was played with.
struct SourceFile {
    std::string path;
    std::string text;
    bool operator==(const SourceFile&) const = default;
};
template <class Archive>
void serialize(Archive& ar, SourceFile& f) {
    ar(f.path, f.text);
}

struct LoadResult {
    std::shared_ptr<const Scenario> scenario;  // null when there are problems
    std::vector<Problem> problems;
    // Every file read, in the order read (which the content hash follows):
    // the scenario file, its includes, its card files.
    std::vector<SourceFile> sources;
};

// Loads a scenario file with its includes and card files.
LoadResult load_scenario(const std::string& path);

// The same from files held in memory (a journal's copy): `main` is the
// scenario file's path among them; the others are named relative to it.
LoadResult load_scenario_from(const std::vector<SourceFile>& files, const std::string& main);

// Checks any of our TOML files: a scenario, a rules layer, or a card file
// (whose references are checked against the standard rules next to it).
std::vector<Problem> validate_file(const std::string& path);

// Finds a scenario by name ("after-911") in the usual places, or returns the
// path unchanged when it names a file.
std::string resolve_scenario_path(const std::string& name_or_path);

// The folders searched are data_dirs.hpp's scenario_dirs().

}  // namespace gb
