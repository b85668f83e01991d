// Journal replay with verification.
#include "journal_replay.hpp"

#include "rules.hpp"
#include "scenario_archive.hpp"
#include "serialize.hpp"

namespace gb {

JournalScenario scenario_for(const JournalHeader& h) {
    JournalScenario out;
    if (h.scenario_files.empty()) {  // formats 1 and 2
        ScenarioSearch found = find_scenario(h.scenario_id, h.content_hash, h.scenario_path);
        out.scenario = std::move(found.loaded.scenario);
        out.files = std::move(found.loaded.sources);
        out.from = std::move(found.path);
        out.error = std::move(found.error);
        return out;
    }
    LoadResult l = load_scenario_from(h.scenario_files, h.scenario_files.front().path);
    std::string copy = "the journal's copy of scenario '" + h.scenario_id + "'";
    if (!l.scenario) {
        out.error = copy + " does not load" + (l.problems.empty() ? std::string() : ": " + l.problems.front().str());
    } else if (l.scenario->id != h.scenario_id || l.scenario->content_hash != h.content_hash) {
        out.error = copy + " is not the one the header names (it holds '" + l.scenario->id + "' with content hash " +
                    hash_text(l.scenario->content_hash) + ", the header says " + hash_text(h.content_hash) + ")";
    } else {
        out.scenario = std::move(l.scenario);
        out.files = h.scenario_files;
        out.from = "the journal's own copy";
    }
    return out;
}

int timer_kind(Phase phase) {
    return phase == Phase::orders ? 1 : 0;
}

ReplayedGame replay(const JournalRead& journal) {
    ReplayedGame out;
    JournalScenario js = scenario_for(journal.header);
    out.scenario = std::move(js.scenario);
    out.scenario_from = std::move(js.from);
    out.error = std::move(js.error);
    if (!out.scenario) return out;
    out.state = new_game(out.scenario, journal.header.seed);
    out.next_seq = journal.next_seq;
    for (const auto& [seq, record] : journal.records) {
        if (const auto* a = std::get_if<ActionRecord>(&record)) {
            Phase before = out.state.phase;
            std::string why = replay_action(out.state, a->entry.seat, a->entry.action, a->state_hash);
            if (!why.empty()) {
                out.error = "record " + std::to_string(seq) + " (" + action_name(a->entry.action) + "): " + why;
                return out;
            }
            ++out.actions;
            if (const auto* st = std::get_if<SetTimer>(&a->entry.action); st && a->entry.seat.role == SeatRole::control)
                out.timer_settings[timer_kind(before)] = st->seconds;
        } else if (const auto* t = std::get_if<TokenRecord>(&record)) {
            out.tokens[t->token] = t->player;
        } else if (const auto* d = std::get_if<DeadlineRecord>(&record)) {
            out.deadline = *d;
        } else {
            out.closed = true;
        }
    }
    return out;
}

}  // namespace gb
