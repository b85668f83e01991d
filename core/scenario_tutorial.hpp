// Reading a tutorial scenario's [tutorial] section: the student's team and the
// scripted White Cell's steps, each checked with its file, line and field like
// the rest of the scenario loader (docs/scenario-format.md, "Tutorial").
#pragma once

#include <functional>
#include <map>
#include <string>
#include <toml.hpp>
#include <vector>

#include "scenario.hpp"

namespace gb {

using TomlValue = toml::basic_value<toml::discard_comments, std::map, std::vector>;
// Reports one problem at a value: (where, field, what is wrong).
using TomlProblem = std::function<void(const TomlValue&, const std::string&, const std::string&)>;


// Reads `section` (the [tutorial] table) against the scenario built so far
// (its calendar bounds the turns); every problem goes to `problem`.
TutorialDef read_tutorial(const TomlValue& section, const Scenario& s, const TomlProblem& problem);

}  // namespace gb
