// Scanning the scenario directories for the server's list of scenarios.
#include "scenario_list.hpp"

#include <algorithm>
#include <filesystem>

#include "scenario_loader.hpp"

namespace gb {

namespace fs = std::filesystem;

ScenarioList ScenarioList::scan() {
    ScenarioList out;
    for (const std::string& dir : scenario_dirs()) {
        std::error_code ec;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.is_regular_file(ec) && e.path().extension() == ".toml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            LoadResult l = load_scenario(f.string());
            if (l.scenario && !out.by_id.count(l.scenario->id)) out.by_id[l.scenario->id] = f.string();
        }
    }
    return out;
}

std::string ScenarioList::path_of(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? std::string() : it->second;
}

std::vector<std::string> ScenarioList::ids() const {
    std::vector<std::string> out;
    for (const auto& [id, path] : by_id) out.push_back(id);
    return out;
}

}  // namespace gb
