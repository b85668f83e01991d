// Journal replay with verification.
#include "journal_replay.hpp"

#include "rules.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"

namespace gb {

std::shared_ptr<const Scenario> scenario_for(const JournalHeader& h, std::string& error) {
    std::string path = h.scenario_path;
    auto loaded = load_scenario(path);
    if (!loaded.scenario) loaded = load_scenario(resolve_scenario_path(h.scenario_id));
    if (!loaded.scenario) {
        error = "scenario '" + h.scenario_id + "' (" + path + ") cannot be loaded" +
                (loaded.problems.empty() ? std::string() : ": " + loaded.problems.front().str());
        return nullptr;
    }
    if (loaded.scenario->content_hash != h.content_hash) {
        error = "scenario '" + h.scenario_id + "' has changed since the game began (content hash differs)";
        return nullptr;
    }
    return loaded.scenario;
}

ReplayedGame replay(const JournalRead& journal) {
    ReplayedGame out;
    out.scenario = scenario_for(journal.header, out.error);
    if (!out.scenario) return out;
    out.state = new_game(out.scenario, journal.header.seed);
    for (const auto& [seq, record] : journal.records) {
        out.next_seq = seq + 1;
        if (const auto* a = std::get_if<ActionRecord>(&record)) {
            Verdict v = validate(out.state, a->entry.seat, a->entry.action);
            if (!v.ok()) {
                out.error = "record " + std::to_string(seq) + " (" + action_name(a->entry.action) +
                            ") is refused by the rules: " + v.message;
                return out;
            }
            apply(out.state, a->entry.seat, a->entry.action);
            ++out.actions;
            if (state_hash(out.state) != a->state_hash) {
                out.error = "record " + std::to_string(seq) + " (" + action_name(a->entry.action) +
                            "): state hash differs from the one recorded";
                return out;
            }
        } else if (const auto* t = std::get_if<TokenRecord>(&record)) {
            out.tokens[t->token] = t->player;
        } else {
            out.closed = true;
        }
    }
    return out;
}

}  // namespace gb
