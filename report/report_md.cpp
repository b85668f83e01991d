// The after-action report as Markdown: the same content in the same order as
// the HTML page, with the charts given as tables of values per turn.
#include <cstdio>

#include "report.hpp"

namespace gb::report {

namespace {

// Text for a paragraph: no raw HTML, one line.
std::string md(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '<')
            out += "&lt;";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

// Text for a table cell.
std::string cell(const std::string& s) {
    std::string out;
    for (char c : md(s)) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

std::string row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
}

std::string rule(std::size_t n, std::size_t left = 1) {
    std::string out = "|";
    for (std::size_t i = 0; i < n; ++i) out += i < left ? "---|" : "---:|";
    return out + "\n";
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

void series_table(std::string& out, const std::array<Series, kTracks>* tracks, const Series* channel, int points) {
    std::vector<std::string> h{"Track", "Range"};
    for (int i = 0; i < points; ++i) h.push_back(i == 0 ? "Start" : std::to_string(i));
    out += row(h) + rule(h.size(), 2);
    auto line = [&](const Series& s, bool is_channel) {
        std::vector<std::string> c{cell(s.label), is_channel ? "closed \xe2\x80\x93 strategic"
                                                             : std::to_string(s.min) + " to " + std::to_string(s.max)};
        for (int i = 0; i < points; ++i)
            c.push_back(i < static_cast<int>(s.values.size())
                            ? (is_channel ? channel_label(s.values[i]) : std::to_string(s.values[i]))
                            : "");
        out += row(c);
    };
    if (tracks)
        for (const Series& s : *tracks) line(s, false);
    if (channel) line(*channel, true);
}

void turn_section(std::string& out, const GameReport& r, const TurnView& tv) {
    const int t = tv.turn;
    out += "## Turn " + std::to_string(t) + " \xe2\x80\x94 " + md(tv.calendar) + "\n\n";
    const InjectView& iv = tv.inject;
    if (iv.drawn) {
        out += "### Inject: " + md(iv.title) + "\n\n*Inject \xc2\xb7 " + iv.kind +
               (iv.written ? " \xc2\xb7 written by the White Cell" : "") +
               (iv.date.empty() ? "" : " \xc2\xb7 " + md(iv.date)) + "*\n\n";
        if (!iv.text.empty()) out += md(iv.text) + "\n\n";
        if (!iv.source.empty()) out += "> " + md(iv.source) + "\n\n";
        if (!iv.to.empty()) out += "Taken into hand by " + md(iv.to) + ".\n\n";
        if (!iv.chooser.empty())
            out += "**" + md(iv.chooser) + " chose:** " +
                   (iv.choice.empty()
                        ? std::string("(not yet chosen)")
                        : md(iv.choice) + (iv.choice_text.empty() ? "" : " \xe2\x80\x94 " + md(iv.choice_text))) +
                   "\n\n";
        if (!iv.note.empty()) out += "**Teaching note.** " + md(iv.note) + "\n\n";
    } else {
        out += "*No inject this turn.*\n\n";
    }
    if (tv.draft)
        out +=
            "**Draft report.** The White Cell had not released this turn's report when the journal ends; the "
            "teams had not seen these results.\n\n";
    if (!tv.deals.empty()) {
        out += "### Deals\n\n";
        for (const ResultView& d : tv.deals) {
            std::string line = "Deal: " + d.order + (d.success ? "" : " (cancelled)");
            if (d.amended) line += "; amended by the White Cell: " + d.reason;
            for (const auto& e : d.effects) line += "; " + e;
            out += "- " + md(line) + "\n";
        }
        out += "\n";
    }
    out += "### Orders and results\n\n";
    if (!tv.adjudicated) {
        out += std::string(tv.complete ? "*No orders were adjudicated this turn.*"
                                       : "*The orders of this turn had not been revealed when the journal ends.*") +
               "\n\n";
    } else if (tv.orders.empty()) {
        out += "*No team gave orders this turn.*\n\n";
    } else {
        out += row({"#", "Team", "Order", "Roll", "Outcome", "Effects"}) + rule(6, 6);
        for (const ResultView& v : tv.orders) {
            std::string roll = v.roll_text(), effects;
            for (std::size_t i = 0; i < v.effects.size(); ++i) effects += (i ? "; " : "") + v.effects[i];
            out += row({std::to_string(v.number), cell(v.team_name), cell(v.order),
                        roll.empty() ? "\xe2\x80\x94" : cell(roll), cell(v.outcome_text()), cell(effects)});
        }
        out += "\n";
    }
    if (!tv.end_of_turn.empty()) {
        out += "### End of turn\n\n";
        for (const auto& e : tv.end_of_turn) out += "- " + md(e) + "\n";
        out += "\n";
    }
    if (!tv.white_cell.empty()) {
        out += "### White Cell\n\n";
        for (const NoteView& n : tv.white_cell) out += "- *" + n.kind + "* " + md(n.label) + ": " + md(n.text) + "\n";
        out += "\n";
    }
    if (!tv.bookmarks.empty()) {
        out += "### Bookmarks and annotations\n\n";
        for (const NoteView& n : tv.bookmarks)
            out += "- *" + n.kind + "* **" + md(n.label) + "**" + (n.text.empty() ? "" : ": " + md(n.text)) + "\n";
        out += "\n";
    }
    std::size_t k = static_cast<std::size_t>(t);
    if (k < r.tracks[0].values.size()) {
        out += "**" + std::string(tv.complete ? "After the turn" : "Where the journal stops") + ":** ";
        bool first = true;
        for (const Series& s : r.tracks) {
            int now = s.values[k], d = now - s.values[k - 1];
            out += (first ? "" : ", ") + s.label + " " + std::to_string(now) + (d ? " (" + fmt_signed(d) + ")" : "");
            first = false;
        }
        out += ", channel " + channel_label(r.channel.values[k]) + "\n";
        if (k < r.scores[0].values.size()) {
            out += "\n**Scores:** ";
            for (Team tm : kAllTeams)
                out += (idx(tm) ? ", " : "") + md(r.scores[idx(tm)].label) + " " +
                       std::to_string(r.scores[idx(tm)].values[k]);
            out += "\n";
        }
        out += "\n";
    }
    if (r.include_chat) {
        out += "### Chat\n\n";
        if (tv.chat.empty()) out += "*No messages this seat could see.*\n";
        for (const ChatView& c : tv.chat) out += "- **" + md(c.from) + "** to " + md(c.to) + ": " + md(c.text) + "\n";
        out += "\n";
    }
}

}  // namespace

std::string render_markdown(const GameReport& r) {
    std::string out;
    out.reserve(32 * 1024);
    out += "# After-action report: " + md(r.scenario_title) + "\n\n*" + md(r.game_name) + "*\n\n";
    out += row({"", ""}) + rule(2, 2);
    out += row({"Scenario", cell(r.scenario_id)});
    out += row({"Journal", cell(r.journal_file)});
    out += row({"Seed", r.seed ? std::to_string(*r.seed) : "withheld from this seat"});
    out += row({"Started", cell(r.created)});
    out += row({"Perspective", cell(r.perspective_label)});
    out += row({"Turns", std::to_string(r.turns_played) + " of " + std::to_string(r.turns_total)});
    out += "\n**" + md(r.status) + "**\n\n";

    int points = std::max(r.turns_total, r.turns_played) + 1;
    out += "## Tracks over the game\n\n";
    series_table(out, &r.tracks, &r.channel, points);
    out += "\nStart is the opening board; column *t* is the board at the end of turn *t*" +
           std::string(r.ended ? "" : " (the last column is where the unfinished journal stops)") + ".\n\n";

    out += "## Scores by turn\n\n";
    std::vector<std::string> h{"Team", "Par"};
    for (int i = 0; i < points; ++i)
        h.push_back(i == 0 ? "Start"
                           : "Turn " + std::to_string(i) +
                                 (i <= static_cast<int>(r.calendar.size()) ? " (" + r.calendar[i - 1] + ")" : ""));
    out += row(h) + rule(h.size(), 1);
    for (int t = 0; t < kTeams; ++t) {
        std::vector<std::string> c{cell(r.scores[t].label), std::to_string(r.final[t].par)};
        for (int i = 0; i < points; ++i)
            c.push_back(i < static_cast<int>(r.scores[t].values.size()) ? std::to_string(r.scores[t].values[i]) : "");
        out += row(c);
    }
    out += "\n";

    for (const TurnView& tv : r.turns) turn_section(out, r, tv);

    out += "## " + std::string(r.ended ? "Final scores" : "Standing so far") + "\n\n";
    out += row({"Team", "Score", "Par", "vs par", "Result"}) + "|---|---:|---:|---:|---|\n";
    for (const TeamResult& tr : r.final)
        out += row({cell(tr.name), std::to_string(tr.score), std::to_string(tr.par), fmt_signed(tr.vs_par),
                    tr.winner ? "Winner" : ""});
    out += "\n## Shared outcome\n\n";
    out += std::string("- Rapprochement: ") + (r.rapprochement ? "yes" : "no") + "\n";
    out += std::string("- Regional war: ") + (r.war ? "yes" : "no") + "\n";
    out += std::string("- Nuclear breakout: ") + (r.breakout ? "yes" : "no") + "\n\n";
    out += md(r.status) + ".\n";
    return out;
}

std::string render_compare_markdown(const Comparison& c) {
    std::string out;
    const SimulatedGames* sim = c.sim ? &*c.sim : nullptr;
    out += "# Games compared: " + md(c.scenario_title) + "\n\n";
    out += "Scenario `" + c.scenario_id + "`, " + std::to_string(c.games.size()) +
           (c.games.size() == 1 ? " game" : " games") + ", perspective: " + md(c.perspective_label) + "." +
           (sim ? " Simulation: " + std::to_string(sim->games) + " heuristic bot games, seed " +
                      std::to_string(sim->seed) + "."
                : std::string()) +
           "\n\n## Games\n\n";
    for (std::size_t i = 0; i < c.games.size(); ++i)
        out += std::to_string(i + 1) + ". **" + md(c.games[i].game_name) + "** (" + md(c.files[i]) + ")\n";
    out += "\n";

    int points = static_cast<int>(c.calendar.size()) + 1;
    for (const auto& g : c.games) points = std::max(points, g.turns_played + 1);
    out += "## Tracks, game by game\n\n";
    std::vector<std::string> h{"Track", "Game"};
    for (int i = 0; i < points; ++i) h.push_back(i == 0 ? "Start" : std::to_string(i));
    out += row(h) + rule(h.size(), 2);
    for (int k = 0; k <= kTracks; ++k) {
        bool is_channel = k == kTracks;
        for (std::size_t gi = 0; gi < c.games.size(); ++gi) {
            const Series& s = is_channel ? c.games[gi].channel : c.games[gi].tracks[k];
            std::vector<std::string> r{gi == 0 ? cell(s.label) : "", std::to_string(gi + 1)};
            for (int i = 0; i < points; ++i)
                r.push_back(i < static_cast<int>(s.values.size())
                                ? (is_channel ? channel_label(s.values[i]) : std::to_string(s.values[i]))
                                : "");
            out += row(r);
        }
        if (sim) {
            const auto& bands = is_channel ? sim->channel_bands : sim->bands[k];
            std::vector<std::string> r{"",
                                       "sim. median (25th\xe2\x80\x93"
                                       "75th)"};
            for (int i = 0; i < points; ++i)
                r.push_back(i < static_cast<int>(bands.size()) ? num(bands[i].p50) + " (" + num(bands[i].p25) +
                                                                     "\xe2\x80\x93" + num(bands[i].p75) + ")"
                                                               : "");
            out += row(r);
        }
    }
    out += "\n## Outcomes side by side\n\n";
    std::vector<std::string> hh{""};
    for (const auto& g : c.games) hh.push_back(cell(g.game_name));
    out += row(hh) + rule(hh.size(), 1);
    auto line = [&](const std::string& label, auto f) {
        std::vector<std::string> r{label};
        for (const auto& g : c.games) r.push_back(f(g));
        out += row(r);
    };
    line("Journal", [](const GameReport& g) { return cell(g.journal_file); });
    line("Seed", [](const GameReport& g) { return g.seed ? std::to_string(*g.seed) : std::string("withheld"); });
    line("End", [](const GameReport& g) { return cell(g.status); });
    for (int t = 0; t < kTeams; ++t)
        line(cell(c.games.front().final[t].name) + " (par " + std::to_string(c.games.front().final[t].par) + ")",
             [&](const GameReport& g) {
                 const TeamResult& tr = g.final[t];
                 std::string s = "**" + std::to_string(tr.score) + "** (" + fmt_signed(tr.vs_par) + ")" +
                                 (tr.winner ? " Winner" : "");
                 if (sim) s += ", " + percentile_text(percentile_of(sim->final_scores[t], tr.score));
                 return s;
             });
    auto flag = [&](const char* name, bool GameReport::*field, int SimulatedGames::*count) {
        line(name, [&](const GameReport& g) {
            std::string s = (g.*field) ? "**yes**" : "no";
            if (sim) s += " (yes in " + num(100.0 * (sim->*count) / std::max(1, sim->games)) + "% of simulated games)";
            return s;
        });
    };
    flag("Rapprochement", &GameReport::rapprochement, &SimulatedGames::rapprochement);
    flag("Regional war", &GameReport::war, &SimulatedGames::war);
    flag("Nuclear breakout", &GameReport::breakout, &SimulatedGames::breakout);
    if (sim)
        line("Same shared outcome", [&](const GameReport& g) {
            return num(100.0 * sim->outcome_counts[outcome_mask(g.rapprochement, g.war, g.breakout)] /
                       std::max(1, sim->games)) +
                   "% of simulated games";
        });
    if (sim) {
        out += "\n## The simulated games\n\n";
        out += row({"Team", "10th", "25th", "median", "75th", "90th", "Par"}) + rule(7, 1);
        for (int t = 0; t < kTeams; ++t) {
            const auto& v = sim->final_scores[t];
            auto q = [&](double p) {
                if (v.empty()) return std::string("\xe2\x80\x94");
                return std::to_string(v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)]);
            };
            out += row({cell(c.games.front().final[t].name), q(.1), q(.25), q(.5), q(.75), q(.9),
                        std::to_string(c.games.front().final[t].par)});
        }
        out += "\nFinal scores of " + std::to_string(sim->games) + " games with heuristic bots in every seat. " +
               "Rapprochement in " + num(100.0 * sim->rapprochement / std::max(1, sim->games)) + "%, regional war in " +
               num(100.0 * sim->war / std::max(1, sim->games)) + "%, nuclear breakout in " +
               num(100.0 * sim->breakout / std::max(1, sim->games)) + "% of them.\n";
    }
    return out;
}

}  // namespace gb::report
