// The primer, the team brief, the turn's briefing and the reasons for a
// team's action points, from the scenario's rules, board and formulas.
#include "primer.hpp"

#include <algorithm>

#include "explain.hpp"
#include "explain_words.hpp"
#include "narrate.hpp"

namespace gb {

using namespace words;

namespace {

std::string minutes(int seconds) {
    if (seconds <= 0) return "no time limit";
    if (seconds % 60 == 0) return std::to_string(seconds / 60) + " minute" + (seconds == 60 ? "" : "s");
    return std::to_string(seconds) + " seconds";
}

// A score term as something a team wants, without its numbers, naming every
// team ("more of Iran's influence in Iraq", "regional tension below 7").
std::string want(const GameState& g, const Term& t, int team) {
    EffectContext ctx;
    ctx.self = team;
    bool condition = false;
    std::string what = term_subject(g, t, ctx, condition);
    for (std::size_t at; (at = what.find("your ")) != std::string::npos;) what.replace(at, 4, owner(g, team));
    bool up = t.weight > 0;
    std::string n = std::to_string(t.threshold);
    if (condition && t.test != Term::Test::value && t.threshold == 1)  // "below 1": it does not happen
        return (t.test == Term::Test::below) == up ? "no " + (what.rfind("a ", 0) == 0 ? what.substr(2) : what) : what;
    switch (t.test) {
        case Term::Test::below: return up ? what + " below " + n : what + " at " + n + " or more";
        case Term::Test::at_least: return up ? what + " at " + n + " or more" : what + " below " + n;
        case Term::Test::value: break;
    }
    if (condition) return up ? what : "no " + (what.rfind("a ", 0) == 0 ? what.substr(2) : what);
    return (up ? "more of " : "less of ") + what;
}

std::vector<PrimerPage> pages(const GameState& g, std::optional<Team> team) {
    const Scenario& s = g.sc();
    std::vector<PrimerPage> out;
    PrimerPage turn{"The turn", {}};
    turn.paragraphs.push_back(
        "The game lasts " + std::to_string(s.turns()) + " turns" +
        (s.calendar.empty() ? std::string(".") : ", from " + s.calendar.front() + " to " + s.calendar.back() + ".") +
        " Each turn has five phases.");
    turn.paragraphs.push_back(
        "1. Inject: the White Cell draws an event card from history. Some cards ask one team to "
        "choose how to answer; each option shows what it does.");
    turn.paragraphs.push_back("2. Negotiation (" + minutes(s.rules.negotiation_seconds) +
                              "): teams talk and trade offers of concessions. An accepted offer is a deal: it happens "
                              "when the orders are carried out.");
    turn.paragraphs.push_back("3. Orders (" + minutes(s.rules.orders_seconds) +
                              "): each team spends its action points on secret orders and commits them. Nobody sees "
                              "the others' orders until the report.");
    turn.paragraphs.push_back(
        "4. Adjudication: deals first, then every order in a fixed order, each with its roll of "
        "two dice where it needs one. The White Cell reviews the draft report and may amend a "
        "result, with a reason everyone sees.");
    turn.paragraphs.push_back(
        "5. End of turn: the report is released; secret talks may leak; promises and bargain "
        "terms fall due; scores are counted.");
    out.push_back(turn);

    PrimerPage map{"The map", {}};
    map.paragraphs.push_back(
        "A region is filled with the colour of the team that controls it. A team controls a land "
        "region when its influence is at least the region's stability and ahead of every other "
        "team's by at least the stability. Seas and the boxes (such as Washington or Tehran) are "
        "never controlled.");
    map.paragraphs.push_back("The dark square on a region is its stability, from 1 (fragile) to 5 (solid).");
    map.paragraphs.push_back("The discs are each team's influence there, from 0 to 10, in the team's colour.");
    std::string groups;
    for (const MarkerDef& m : s.markers) {
        std::string sponsors;
        for (Team t : kAllTeams)
            if (m.sponsors & (1u << idx(t))) sponsors += (sponsors.empty() ? "" : " and ") + team_name(g, idx(t));
        groups += (groups.empty() ? "" : "; ") + m.name + (sponsors.empty() ? "" : " (backed by " + sponsors + ")");
    }
    map.paragraphs.push_back("The red tags are armed groups, with their strength from 0 to 9: " + groups + ".");
    out.push_back(map);

    PrimerPage tracks{"The tracks", {}};
    for (int i = 0; i < kTracks; ++i) {
        const TrackDef& d = s.tracks[i];
        tracks.paragraphs.push_back(sentence(track_words(static_cast<Track>(i)) + ": from " + std::to_string(d.min) +
                                             " to " + std::to_string(d.max) + ", starting at " +
                                             std::to_string(d.start)));
    }
    tracks.paragraphs.push_back("Regional tension at " + std::to_string(s.tracks[idx(Track::tension)].max) +
                                " is a regional war, which ends the game; the team that brought it on loses " +
                                std::to_string(s.rules.war_penalty) + " points.");
    tracks.paragraphs.push_back(
        "The US–Iran channel runs from no talks, to secret talks, to tactical cooperation, to a "
        "strategic framework. It starts at " +
        channel_words(s.start_channel) + ".");
    out.push_back(tracks);

    PrimerPage scores{"Scores", {}};
    scores.paragraphs.push_back(
        "Each team scores by its own formula, counted on the board at every end of turn. The "
        "winner is the team furthest above its par (its expected score).");
    for (Team t : kAllTeams) {
        if (team && *team != t) continue;
        EffectContext ctx;
        ctx.self = idx(t);
        std::string f = (team ? std::string("Your score (") + team_name(g, idx(t)) + ")" : team_name(g, idx(t))) +
                        ", par " + std::to_string(s.teams[idx(t)].par) + ":";
        for (const Term& term : s.teams[idx(t)].score) f += " " + term_phrase(g, term, ctx) + ";";
        f.back() = '.';
        if (!team)
            for (std::size_t at; (at = f.find("your ")) != std::string::npos;) f.replace(at, 4, owner(g, idx(t)));
        scores.paragraphs.push_back(f);
    }
    out.push_back(scores);
    out.push_back({"Fragility", {fragility_paragraph(s)}});
    return out;
}

}  // namespace

std::vector<PrimerPage> primer(const Scenario& s, std::optional<Team> team) {
    // The wording helpers read names through a game; an opening board is enough.
    auto shared = std::make_shared<const Scenario>(s);
    GameState g = new_game(shared, 0);
    return pages(g, team);
}

TeamBrief team_brief(const GameState& g, Team team) {
    const Scenario& s = g.sc();
    TeamBrief b;
    b.title = team_name(g, idx(team)) + " in “" + s.title + "”";
    b.summary = s.summary;
    const auto& formula = s.teams[idx(team)].score;
    std::vector<const Term*> sorted;
    for (const Term& t : formula) sorted.push_back(&t);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Term* x, const Term* y) { return std::abs(x->weight) > std::abs(y->weight); });
    for (const Term* t : sorted) b.goals.push_back(sentence("you want " + want(g, *t, idx(team))));
    EffectContext ctx;
    ctx.self = idx(team);
    for (const Term& t : formula) b.scoring.push_back(sentence(term_phrase(g, t, ctx)));
    b.scoring.push_back("Your par is " + std::to_string(s.teams[idx(team)].par) +
                        ": the team furthest above its par wins. Bringing on a regional war costs " +
                        std::to_string(s.rules.war_penalty) + " points.");
    b.action_points = action_point_reasons(g, team);
    b.action_points.push_back("Cards and deals can give or take action points for the next orders phase.");
    for (Team o : kAllTeams) {
        if (o == team) continue;
        std::vector<const Term*> theirs;
        for (const Term& t : s.teams[idx(o)].score) theirs.push_back(&t);
        std::stable_sort(theirs.begin(), theirs.end(),
                         [](const Term* x, const Term* y) { return std::abs(x->weight) > std::abs(y->weight); });
        std::string line = team_name(g, idx(o)) + " wants ";
        for (std::size_t i = 0; i < theirs.size() && i < 3; ++i)
            line += (i ? (i + 1 == std::min<std::size_t>(3, theirs.size()) ? " and " : ", ") : "") +
                    want(g, *theirs[i], idx(o));
        b.others.push_back(sentence(line));
    }
    return b;
}

std::vector<std::string> action_point_reasons(const GameState& g, Team team) {
    const Scenario& s = g.sc();
    std::vector<std::string> out;
    int base = s.rules.action_points[idx(team)];
    out.push_back("Each turn " + team_name(g, idx(team)) + " starts with " + std::to_string(base) + " action points.");
    EffectContext ctx;
    ctx.self = idx(team);
    int mods = 0;
    for (const Term& t : s.teams[idx(team)].ap_mods) {
        int v = evaluate_term(s, g.board, t, ctx, false);
        mods += v;
        out.push_back(sentence(term_phrase(g, t, ctx) + (v ? " (it applies now)" : " (not now)")));
    }
    int total = 0;
    if (g.phase == Phase::orders) {
        total = g.ap[idx(team)];
        int bonus = total - base - mods;
        if (bonus) out.push_back(sentence(signed_number(bonus) + " this turn from cards and deals"));
        out.push_back("This turn: " + std::to_string(total) + " action points.");
    } else {
        int bonus = g.board.ap_bonus[idx(team)];
        if (bonus) out.push_back(sentence(signed_number(bonus) + " in the next orders phase from cards and deals"));
        total = std::clamp(base + mods + bonus, 0, 12);
        out.push_back("Next orders phase: " + std::to_string(total) + " action points, as the board stands now.");
    }
    return out;
}

TurnBriefing turn_briefing(const GameState& g) {
    const Scenario& s = g.sc();
    TurnBriefing b;
    b.title = "Turn " + std::to_string(g.turn) + " of " + std::to_string(s.turns()) + ": " + g.calendar_label();
    if (g.turn == 1 && g.reports.empty()) {
        b.lines.push_back(s.summary);
        return b;
    }
    const Report* last = nullptr;
    for (auto it = g.reports.rbegin(); it != g.reports.rend(); ++it)
        if (it->released && it->turn < g.turn) {
            last = &*it;
            break;
        }
    if (last) {
        int t = last->turn;
        std::string when = t >= 1 && t <= s.turns() ? s.calendar[t - 1] : "last turn";
        int card = t >= 1 && t <= static_cast<int>(g.inject_history.size()) ? g.inject_history[t - 1] : -1;
        b.lines.push_back("Last turn (" + when + ")" + (card >= 0 ? ": “" + g.card(card).title + "”." : "."));
        for (const Result& r : last->results) b.lines.push_back(explain_result(g, r).sentence);
        for (const Event& e : last->end_of_turn)
            if (auto line = explain_event(g, e); !line.empty() && e.kind != Event::Kind::note) b.lines.push_back(line);
    }
    const Board& bd = g.board;
    b.lines.push_back("Now: " + channel_words(bd.channel) + "; trust between the US and Iran " +
                      std::to_string(bd.track(Track::trust)) + "; regional tension " +
                      std::to_string(bd.track(Track::tension)) + "; Iran's nuclear programme " +
                      std::to_string(bd.track(Track::nuclear)) + ".");
    return b;
}

}  // namespace gb
