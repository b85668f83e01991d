// Overriding one `[rules]` value of a loaded scenario (`gb study --rule
// NAME=VALUE`), for rule ablations without editing the scenario's files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenario.hpp"

namespace gb {

// One rule that may be overridden: its name as in `[rules]` and the values it
// takes ("-10..10", "on|off").
struct OverridableRule {
    std::string name;
    std::string values;
    std::string table = "rules";  // where a scenario file sets it: "rules", or "scenario" for deck_order
};

// Every overridable rule, in the order `[rules]` documents them.
std::vector<OverridableRule> overridable_rules();

// Sets rule `name` of the scenario to `value` (a whole number in the rule's
// range, or on/off, true/false, 1/0 for a switch). The scenario's content hash
// changes with it, so a game of the changed scenario is never taken for one of
// the original. Returns an error naming the unknown rule or the bad value, or
// an empty string.
std::string apply_rule_override(Scenario& s, std::string_view name, std::string_view value);

// The rule's current value as a JSON literal (a number, or true/false), or an
// empty string for an unknown rule.
std::string rule_value_json(const Scenario& s, std::string_view name);

}  // namespace gb
