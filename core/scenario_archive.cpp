// Looks for a scenario file by id and content hash: the hinted path, the
// shipped scenario of that id, then every archived set.
#include "scenario_archive.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace gb {

namespace fs = std::filesystem;

namespace {

// The scenario files of the archived sets, set by set in name order; in each
// set the file named after `id` comes first.
std::vector<fs::path> archived_scenarios(const std::string& id) {
    std::vector<fs::path> out, seen;
    for (const auto& d : scenario_dirs()) {
        std::error_code ec;
        fs::path archive = fs::path(d) / "archive";
        if (!fs::is_directory(archive, ec)) continue;
        fs::path canonical = fs::weakly_canonical(archive, ec);
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
        seen.push_back(canonical);
        std::vector<fs::path> sets;
        for (const auto& e : fs::directory_iterator(archive, ec))
            if (e.is_directory()) sets.push_back(e.path());
        std::sort(sets.begin(), sets.end());
        for (const auto& set : sets) {
            std::vector<fs::path> files;
            for (const auto& e : fs::directory_iterator(set, ec))
                if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
            std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
                return std::make_pair(a.stem() != id, a) < std::make_pair(b.stem() != id, b);
            });
            out.insert(out.end(), files.begin(), files.end());
        }
    }
    return out;
}

}  // namespace

std::string hash_text(std::uint64_t hash) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
    return buf;
}

ScenarioSearch find_scenario(const std::string& id, std::uint64_t hash, const std::string& hint) {
    ScenarioSearch out;
    std::vector<fs::path> seen;
    std::string tried;
    // Loads one candidate; true when it is the one.
    auto attempt = [&](const fs::path& path) {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            if (path == hint) tried += "; " + path.string() + " is not there";
            return false;
        }
        fs::path canonical = fs::weakly_canonical(path, ec);
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) return false;
        seen.push_back(canonical);
        LoadResult l = load_scenario(path.string());
        if (!l.scenario) {
            tried += "; " + path.string() + " does not load" +
                     (l.problems.empty() ? std::string() : ": " + l.problems.front().str());
            return false;
        }
        if (l.scenario->id != id) return false;  // another scenario
        if (l.scenario->content_hash != hash) {
            tried +=
                "; " + path.string() + " has other content (content hash " + hash_text(l.scenario->content_hash) + ")";
            return false;
        }
        out.loaded = std::move(l);
        out.path = path.string();
        return true;
    };
    if (!hint.empty() && attempt(hint)) return out;
    if (attempt(resolve_scenario_path(id))) return out;
    for (const auto& path : archived_scenarios(id))
        if (attempt(path)) return out;
    out.error = "scenario '" + id + "' with content hash " + hash_text(hash) + " is not to be found" + tried +
                "; no archived set (scenarios/archive/*/) has it";
    return out;
}

}  // namespace gb
