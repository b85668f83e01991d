// The overridable rules: each number with the range the scenario loader
// accepts for it, and each switch.
#include "rule_override.hpp"

#include <charconv>
#include <optional>

#include "rng.hpp"

namespace gb {

namespace {

struct NumberRule {
    const char* name;
    int Rules::*field;
    int lo, hi;
};

// The same ranges as `read_rules` in scenario_loader.cpp (a test checks both agree).
constexpr NumberRule kNumbers[] = {
    {"leak_target", &Rules::leak_target, 2, 40},
    {"cutoff_penalty", &Rules::cutoff_penalty, 0, 10},
    {"closed_spoiler_trust", &Rules::closed_spoiler_trust, -10, 10},
    {"framework_spoiler_trust", &Rules::framework_spoiler_trust, -10, 10},
    {"framework_min_trust", &Rules::framework_min_trust, -10, 10},
    {"framework_reject_trust", &Rules::framework_reject_trust, -10, 10},
    {"implement_within", &Rules::implement_within, 1, 20},
    {"unimplemented_penalty", &Rules::unimplemented_penalty, 0, 10},
    {"promise_penalty", &Rules::promise_penalty, 0, 10},
    {"deal_trust", &Rules::deal_trust, -5, 5},
    {"contact_leak_bonus", &Rules::contact_leak_bonus, 0, 10},
    {"rapprochement_trust", &Rules::rapprochement_trust, -10, 10},
    {"war_penalty", &Rules::war_penalty, 0, 100},
    {"max_hand", &Rules::max_hand, 0, kMaxHand},
    {"negotiation_seconds", &Rules::negotiation_seconds, 0, 86400},
    {"orders_seconds", &Rules::orders_seconds, 0, 86400},
    {"spoiler_hold", &Rules::spoiler_hold, 0, 40},
    {"term_stake", &Rules::term_stake, 0, 10},
    {"ratify_target", &Rules::ratify_target, 0, 40},
    {"escalation_roll", &Rules::escalation_roll, 0, 40},
};

struct SwitchRule {
    const char* name;
    bool Rules::*field;
};

constexpr SwitchRule kSwitches[] = {
    {"fragility", &Rules::fragility},
    {"answers_before_orders", &Rules::answers_before_orders},
    {"cutoff_floor", &Rules::cutoff_floor},
    {"spoiler_kills_proposal", &Rules::spoiler_kills_proposal},
};

constexpr int kActionPointsMax = 12;

std::optional<int> parse_int(std::string_view v) {
    int out = 0;
    const char* end = v.data() + v.size();
    auto [p, ec] = std::from_chars(v.data() + (v.size() > 1 && v.front() == '+' ? 1 : 0), end, out);
    if (ec != std::errc() || p != end || v.empty()) return std::nullopt;
    return out;
}

std::optional<bool> parse_switch(std::string_view v) {
    if (v == "on" || v == "true" || v == "1" || v == "yes") return true;
    if (v == "off" || v == "false" || v == "0" || v == "no") return false;
    return std::nullopt;
}

std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// Sets a number after checking its range; the error names the rule and the range.
std::string set_number(int& out, std::string_view name, std::string_view value, int lo, int hi) {
    auto v = parse_int(value);
    std::string range = std::to_string(lo) + ".." + std::to_string(hi);
    if (!v) return "rule " + std::string(name) + ": '" + std::string(value) + "' is not a whole number (" + range + ")";
    if (*v < lo || *v > hi)
        return "rule " + std::string(name) + ": " + std::to_string(*v) + " is out of range (" + range + ")";
    out = *v;
    return {};
}

}  // namespace

std::vector<OverridableRule> overridable_rules() {
    std::vector<OverridableRule> out;
    for (Team t : kAllTeams)
        out.push_back({"action_points." + std::string(name_of(t)), "0.." + std::to_string(kActionPointsMax)});
    for (const auto& n : kNumbers) out.push_back({n.name, std::to_string(n.lo) + ".." + std::to_string(n.hi)});
    for (const auto& s : kSwitches) out.push_back({s.name, "on|off"});
    out.push_back({"deck_order", "historical|shuffled|seasonal", "scenario"});
    return out;
}

std::string apply_rule_override(Scenario& s, std::string_view name, std::string_view value) {
    std::string err = "unknown rule '" + std::string(name) + "' (gb study --help lists the rules)";
    bool known = false;
    if (name.rfind("action_points.", 0) == 0) {
        if (auto t = team_from(name.substr(14))) {
            known = true;
            err = set_number(s.rules.action_points[idx(*t)], name, value, 0, kActionPointsMax);
        }
    }
    for (const auto& n : kNumbers)
        if (name == n.name) {
            known = true;
            err = set_number(s.rules.*n.field, name, value, n.lo, n.hi);
        }
    for (const auto& sw : kSwitches)
        if (name == sw.name) {
            known = true;
            auto v = parse_switch(value);
            if (v) {
                s.rules.*sw.field = *v;
                err.clear();
            } else {
                err = "rule " + std::string(name) + ": '" + std::string(value) + "' is not on or off";
            }
        }
    if (name == "deck_order") {
        known = true;
        if (auto d = deck_order_from(value)) {
            s.deck_order = *d;
            err.clear();
        } else {
            err = "rule deck_order: '" + std::string(value) + "' is not historical, shuffled or seasonal";
        }
    }
    if (!known || !err.empty()) return err;
    std::string canonical = std::string(name) + "=" + rule_value_json(s, name);
    s.content_hash = mix64(fnv1a(s.content_hash, canonical));
    return {};
}

std::string rule_value_json(const Scenario& s, std::string_view name) {
    if (name.rfind("action_points.", 0) == 0) {
        if (auto t = team_from(name.substr(14))) return std::to_string(s.rules.action_points[idx(*t)]);
        return {};
    }
    for (const auto& n : kNumbers)
        if (name == n.name) return std::to_string(s.rules.*n.field);
    for (const auto& sw : kSwitches)
        if (name == sw.name) return s.rules.*sw.field ? "true" : "false";
    if (name == "deck_order") return "\"" + std::string(deck_order_name(s.deck_order)) + "\"";
    return {};
}

}  // namespace gb
