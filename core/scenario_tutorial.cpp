// The [tutorial] section: the student's team and the scripted White Cell's steps.
#include "scenario_tutorial.hpp"

#include <set>
#include <tuple>

namespace gb {

namespace {

struct WaitName {
    const char* name;
    TutorialWait wait;
    Phase phase;  // the phase in which the student can do it
};
constexpr WaitName kWaits[] = {
    {"choice", TutorialWait::choice, Phase::inject},    {"offer", TutorialWait::offer, Phase::negotiation},
    {"ready", TutorialWait::ready, Phase::negotiation}, {"draft", TutorialWait::draft, Phase::orders},
    {"commit", TutorialWait::commit, Phase::orders},
};

std::optional<Phase> step_phase(const std::string& s) {
    for (Phase p : {Phase::inject, Phase::negotiation, Phase::orders, Phase::adjudication})
        if (s == name_of(p)) return p;
    return std::nullopt;
}

class StepReader {
public:
    StepReader(const Scenario& s, const TomlProblem& problem) : s_(s), problem_(problem) {}

    std::optional<TutorialStep> read(const TomlValue& v, const std::string& f) {
        if (!v.is_table()) {
            problem_(v, f, "must be a table ([[tutorial.step]])");
            return std::nullopt;
        }
        const auto& t = v.as_table();
        bool ok = true;
        for (const auto& [k, kv] : t)
            if (k != "turn" && k != "phase" && k != "title" && k != "text" && k != "wait") {
                problem_(kv, f + "." + k, "unknown field (expected one of turn, phase, title, text, wait)");
                ok = false;
            }
        TutorialStep step;
        if (auto it = t.find("turn"); it != t.end()) {
            const TomlValue& tv = it->second;
            if (!tv.is_integer() || tv.as_integer() < 1 || tv.as_integer() > s_.turns()) {
                problem_(tv, f + ".turn", "must be a turn of the scenario, 1.." + std::to_string(s_.turns()));
                ok = false;
            } else {
                step.turn = static_cast<int>(tv.as_integer());
            }
        }
        std::string phase = text_field(v, t, "phase", f, ok);
        if (auto p = step_phase(phase))
            step.phase = *p;
        else if (!phase.empty()) {
            problem_(t.at("phase"), f + ".phase",
                     "unknown phase '" + phase + "' (expected inject, negotiation, orders or adjudication)");
            ok = false;
        }
        step.title = text_field(v, t, "title", f, ok);
        step.text = text_field(v, t, "text", f, ok);
        if (step.text.size() > kMaxTutorialText) {
            problem_(t.at("text"), f + ".text",
                     "is " + std::to_string(step.text.size()) + " bytes; a step is one broadcast of at most " +
                         std::to_string(kMaxTutorialText));
            ok = false;
        }
        if (!step.text.empty() && !texts_.insert(step.text).second) {
            problem_(t.at("text"), f + ".text", "repeats an earlier step's text (each step's text must differ)");
            ok = false;
        }
        if (auto it = t.find("wait"); it != t.end()) {
            std::string w = it->second.is_string() ? it->second.as_string().str : "";
            const WaitName* found = nullptr;
            for (const WaitName& n : kWaits)
                if (w == n.name) found = &n;
            if (w == "none") {
                step.wait = TutorialWait::none;
            } else if (!found) {
                problem_(it->second, f + ".wait",
                         "unknown condition '" + w + "' (expected none, choice, offer, ready, draft or commit)");
                ok = false;
            } else if (found->phase != step.phase && !phase.empty()) {
                problem_(it->second, f + ".wait",
                         "'" + w + "' can only be done in the " + std::string(name_of(found->phase)) +
                             " phase, not in " + phase);
                ok = false;
            } else {
                step.wait = found->wait;
            }
        }
        auto at = std::make_tuple(step.turn, static_cast<int>(step.phase));
        if (ok && at < last_) {
            problem_(v, f, "comes before the step above it: steps go in the order of the turns and phases");
            ok = false;
        }
        if (!ok) return std::nullopt;
        last_ = at;
        return step;
    }

private:
    std::string text_field(const TomlValue& v, const TomlValue::table_type& t, const char* key, const std::string& f,
                           bool& ok) {
        auto it = t.find(key);
        if (it == t.end()) {
            problem_(v, f + "." + key, "missing field");
            ok = false;
            return {};
        }
        if (!it->second.is_string() || it->second.as_string().str.empty()) {
            problem_(it->second, f + "." + key, "must be a non-empty string");
            ok = false;
            return {};
        }
        return it->second.as_string().str;
    }

    const Scenario& s_;
    const TomlProblem& problem_;
    std::set<std::string> texts_;
    std::tuple<int, int> last_{0, 0};
};

}  // namespace

TutorialDef read_tutorial(const TomlValue& section, const Scenario& s, const TomlProblem& problem) {
    TutorialDef def;
    const auto& t = section.as_table();
    for (const auto& [k, v] : t)
        if (k != "team" && k != "step") problem(v, "tutorial." + k, "unknown field (expected one of team, step)");
    if (auto it = t.find("team"); it != t.end()) {
        auto team = it->second.is_string() ? team_from(it->second.as_string().str) : std::nullopt;
        if (team)
            def.team = *team;
        else
            problem(it->second, "tutorial.team", "must be one of us, iran, israel or gulf");
    }
    auto it = t.find("step");
    if (it == t.end() || !it->second.is_array() || it->second.as_array().empty()) {
        problem(section, "tutorial.step", "a tutorial needs at least one step ([[tutorial.step]])");
        return def;
    }
    const auto& steps = it->second.as_array();
    if (steps.size() > kMaxTutorialSteps) {
        problem(it->second, "tutorial.step", "at most " + std::to_string(kMaxTutorialSteps) + " steps");
        return def;
    }
    StepReader reader(s, problem);
    bool ok = true;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        auto step = reader.read(steps[i], "tutorial.step[" + std::to_string(i) + "]");
        if (step)
            def.steps.push_back(std::move(*step));
        else
            ok = false;
    }
    if (!ok) def.steps.clear();
    return def;
}

}  // namespace gb
