// The scenarios a server offers, by id: the scenario files it found in its
// scenario directories at start. A client names a scenario by id; the name is
// looked up here and never used as a path.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace gb {

class ScenarioList {
public:
    // Loads every *.toml directly in the scenario directories (scenario_dirs());
    // the first file of an id wins.
    static ScenarioList scan();
    // The file of a scenario id, or empty.
    std::string path_of(const std::string& id) const;
    std::vector<std::string> ids() const;

    std::map<std::string, std::string> by_id;  // id -> file
};

}  // namespace gb
