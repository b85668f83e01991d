// The after-action report as Markdown: the same content in the same order as
// the HTML page, with the charts given as tables of values per turn.

#include "report.hpp"

#include "clean_text.hpp"

namespace gb::report {

namespace {

// Text for a paragraph: one line of valid UTF-8 without control characters,
// with no raw HTML and no link or image syntax. Any text may hold words from
// players or from a journal's scenario (a White Cell inject): escaping the
// backslash, the brackets and '<' is what keeps `[x](javascript:...)`,
// `![](https://...)`, `<a href>` and `<https://...>` from becoming live.
std::string md(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : clean_text(s)) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '\\': out += "\\\\"; break;
            case '[': out += "\\["; break;
            case ']': out += "\\]"; break;
            case '\n':
            case '\t': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

// Text a player wrote (chat, notes, a game's name): as md(), and every other
// character Markdown gives a meaning to is escaped too, so that it reads as
// typed: no emphasis, headings, code or block quotes.
std::string player(const std::string& s) {
    std::string out;
    for (char c : md(s)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '>': out += "&gt;"; break;
            case '(':
            case ')':
            case '!':
            case '*':
            case '_':
            case '`':
            case '#':
            case '~':
            case '|':
            case '+':
            case '-':
            case '=':
            case '{':
            case '}':
                out += '\\';
                out += c;
                break;
            default: out += c;
        }
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

// A paragraph with its lead in bold; nothing for empty prose.
void paragraph(std::string& out, const Prose& p) {
    if (p.empty()) return;
    out += (p.lead.empty() ? "" : "**" + md(p.lead) + "**" + (p.text.empty() ? "" : " ")) + md(p.text) + "\n\n";
}

std::string rule(std::size_t n, std::size_t left = 1) {
    std::string out = "|";
    for (std::size_t i = 0; i < n; ++i) out += i < left ? "---|" : "---:|";
    return out + "\n";
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

// The values each track took within a turn, in order, for the turns in which
// it changed more than its table shows (the charts' small hollow points).
void within_turns(std::string& out, const GameReport& r) {
    std::string lines;
    auto line = [&](const Series& s, bool is_channel) {
        std::string turns;
        for (std::size_t i = 0; i < s.inner.size();) {
            int turn = s.inner[i].turn;
            std::string path;
            for (; i < s.inner.size() && s.inner[i].turn == turn; ++i)
                path += (path.empty() ? "" : " \xe2\x86\x92 ") +
                        (is_channel ? channel_label(s.inner[i].value) : std::to_string(s.inner[i].value));
            turns += (turns.empty() ? "" : "; ") + std::string("turn ") + std::to_string(turn) + ": " + path;
        }
        if (!turns.empty()) lines += "- " + cell(s.label) + ": " + turns + "\n";
    };
    for (const Series& s : r.tracks) line(s, false);
    line(r.channel, true);
    if (lines.empty()) return;
    out += "Changes within each turn, in order:\n\n" + lines + "\n";
}

void turn_section(std::string& out, const GameReport& r, const TurnView& tv) {
    const int t = tv.turn;
    out += "## Turn " + std::to_string(t) + " \xe2\x80\x94 " + md(tv.calendar) + "\n\n";
    const InjectView& iv = tv.inject;
    if (iv.drawn) {
        // A card the White Cell wrote during the game is a player's text.
        auto text = [&](const std::string& s) { return iv.written ? player(s) : md(s); };
        out += "### Inject: " + text(iv.title) + "\n\n*" + md(iv.label()) + "*\n\n";
        if (!iv.text.empty()) out += text(iv.text) + "\n\n";
        if (!iv.source.empty()) out += "> " + md(iv.source) + "\n\n";
        if (auto taken = iv.taken_text(); !taken.empty()) out += md(taken) + "\n\n";
        paragraph(out, iv.choice_line());
        paragraph(out, iv.note_line());
    } else {
        out += "*" + md(iv.none_text()) + "*\n\n";
    }
    paragraph(out, tv.draft_note());
    if (!tv.deals.empty()) {
        out += "### Deals\n\n";
        for (const ResultView& d : tv.deals) {
            std::string line = d.deal_text();
            for (const auto& e : d.effects) line += "; " + e;
            out += "- " + md(line) + "\n";
        }
        out += "\n";
    }
    if (!tv.missed.empty()) {
        out += "### Missed openings\n\n";
        for (const std::string& m : tv.missed) out += "- *missed opening* " + md(m) + "\n";
        out += "\n";
    }
    out += "### Orders and results\n\n";
    if (auto note = tv.orders_note(); !note.empty()) {
        out += "*" + md(note) + "*\n\n";
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
        for (const NoteView& n : tv.white_cell)
            out += "- *" + n.kind + "* " + player(n.label) + ": " + player(n.text) + "\n";
        out += "\n";
    }
    if (!tv.bookmarks.empty()) {
        out += "### Bookmarks and annotations\n\n";
        for (const NoteView& n : tv.bookmarks)
            out +=
                "- *" + n.kind + "* **" + player(n.label) + "**" + (n.text.empty() ? "" : ": " + player(n.text)) + "\n";
        out += "\n";
    }
    std::size_t k = static_cast<std::size_t>(t);
    if (k < r.tracks[0].values.size()) {
        out += "**" + md(tv.after_label()) + ":** ";
        bool first = true;
        for (const Series& s : r.tracks) {
            int now = s.values[k], d = now - s.values[k - 1];
            out +=
                (first ? "" : ", ") + md(s.label) + " " + std::to_string(now) + (d ? " (" + fmt_signed(d) + ")" : "");
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
        if (tv.chat.empty()) out += "*" + md(tv.chat_note()) + "*\n";
        for (const ChatView& c : tv.chat)
            out += "- **" + player(c.from) + "** to " + player(c.to) + ": " + player(c.text) + "\n";
        out += "\n";
    }
}

// The thesis section: the channel's episodes, the framework and its terms,
// the arc, and where the game stands among simulated games.
void thesis_section(std::string& out, const ThesisView& v) {
    out += "\n## The thesis: this game against gb study\n\n";
    out += md(v.intro()) + "\n\n";
    if (!v.episodes_note().empty()) out += md(v.episodes_note()) + "\n\n";
    if (!v.episodes.empty()) {
        out += row({"Episode", "Opened", "Trust at opening", "Widest", "How it ended", "Trust after", "Length"}) +
               "|---|---:|---:|---|---|---:|---:|\n";
        for (const EpisodeView& e : v.episodes)
            out += row({std::to_string(e.number), "turn " + std::to_string(e.opened), std::to_string(e.trust_open),
                        cell(e.widest), cell(e.end_text(v.ended)), std::to_string(e.trust_after), e.length_text()});
        out += "\n";
    }
    out += md(v.framework_text()) + "\n\n";
    if (!v.terms_note().empty()) out += md(v.terms_note()) + "\n\n";
    for (const TermsLine& t : v.terms) out += "- " + md(t.text(v.ended)) + "\n";
    if (!v.terms.empty()) out += "\n";
    out += md(v.arc_text()) + "\n\n";
    out += md(v.study_text()) + "\n";
    if (!v.placed.empty()) out += "\n";
    for (const std::string& line : v.placed) out += "- " + md(line) + "\n";
}

}  // namespace

std::string render_markdown(const GameReport& r) {
    std::string out;
    out.reserve(32 * 1024);
    out += "# After-action report: " + md(r.scenario_title) + "\n\n*" + player(r.game_name) + "*\n\n";
    out += row({"", ""}) + rule(2, 2);
    out += row({"Scenario", cell(r.scenario_id)});
    out += row({"Journal", cell(r.journal_file)});
    out += row({"Seed", r.seed_text()});
    out += row({"Started", cell(r.created)});
    out += row({"Perspective", cell(r.perspective_label)});
    out += row({"Turns", r.turns_text()});
    out += "\n**" + md(r.status) + "**\n\n";

    int points = std::max(r.turns_total, r.turns_played) + 1;
    out += "## Tracks over the game\n\n";
    series_table(out, &r.tracks, &r.channel, points);
    out += "\nStart is the opening board; column *t* is the board at the end of turn *t*" +
           std::string(r.ended ? "" : " (the last column is where the unfinished journal stops)") + ".\n\n";
    within_turns(out, r);

    out += "## Scores by turn\n\n";
    std::vector<std::string> h{"Team", "Par"};
    for (int i = 0; i < points; ++i)
        h.push_back(i == 0
                        ? "Start"
                        : "Turn " + std::to_string(i) +
                              (i <= static_cast<int>(r.calendar.size()) ? " (" + cell(r.calendar[i - 1]) + ")" : ""));
    out += row(h) + rule(h.size(), 1);
    for (int t = 0; t < kTeams; ++t) {
        std::vector<std::string> c{cell(r.scores[t].label), std::to_string(r.final[t].par)};
        for (int i = 0; i < points; ++i)
            c.push_back(i < static_cast<int>(r.scores[t].values.size()) ? std::to_string(r.scores[t].values[i]) : "");
        out += row(c);
    }
    out += "\n";

    for (const TurnView& tv : r.turns) turn_section(out, r, tv);

    out += "## " + md(r.final_heading()) + "\n\n";
    out += row({"Team", "Score", "Par", "vs par", "Result"}) + "|---|---:|---:|---:|---|\n";
    for (const TeamResult& tr : r.final)
        out += row({cell(tr.name), std::to_string(tr.score), std::to_string(tr.par), fmt_signed(tr.vs_par),
                    tr.winner ? "Winner" : ""});
    out += "\n## Shared outcome\n\n";
    for (const auto& [name, yes] : r.shared_outcomes())
        out += std::string("- ") + name + ": " + (yes ? "yes" : "no") + "\n";
    out += "\n";
    out += md(r.status) + ".\n";
    thesis_section(out, r.thesis);
    return clean_text(out);  // whatever a part above let through: no control byte, no bad UTF-8
}

std::string render_compare_markdown(const Comparison& c) {
    std::string out;
    const SimulatedGames* sim = c.sim ? &*c.sim : nullptr;
    out += "# Games compared: " + md(c.scenario_title) + "\n\n";
    out += "Scenario " + md(c.scenario_id) + ", " + std::to_string(c.games.size()) +
           (c.games.size() == 1 ? " game" : " games") + ", perspective: " + md(c.perspective_label) + "." +
           (sim ? " Simulation: " + std::to_string(sim->games) + " heuristic bot games, seed " +
                      std::to_string(sim->seed) + "."
                : std::string()) +
           "\n\n## Games\n\n";
    for (std::size_t i = 0; i < c.games.size(); ++i)
        out += std::to_string(i + 1) + ". **" + player(c.games[i].game_name) + "** (" + md(c.files[i]) + ")\n";
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
                r.push_back(i < static_cast<int>(bands.size())
                                ? fmt_number(bands[i].p50) + " (" + fmt_number(bands[i].p25) + "\xe2\x80\x93" +
                                      fmt_number(bands[i].p75) + ")"
                                : "");
            out += row(r);
        }
    }
    out += "\n## Outcomes side by side\n\n";
    std::vector<std::string> hh{""};
    for (const auto& g : c.games) hh.push_back(player(g.game_name));
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
            if (sim) s += " (yes in " + sim->share_text(sim->*count) + ")";
            return s;
        });
    };
    flag("Rapprochement", &GameReport::rapprochement, &SimulatedGames::rapprochement);
    flag("Regional war", &GameReport::war, &SimulatedGames::war);
    flag("Nuclear breakout", &GameReport::breakout, &SimulatedGames::breakout);
    if (sim)
        line("Same shared outcome", [&](const GameReport& g) {
            return sim->share_text(sim->outcome_counts[outcome_mask(g.rapprochement, g.war, g.breakout)]);
        });
    if (sim) {
        out += "\n## The simulated games\n\n";
        out += row({"Team", "10th", "25th", "median", "75th", "90th", "Par"}) + rule(7, 1);
        for (int t = 0; t < kTeams; ++t) {
            auto q = [&](double p) { return sim->score_quantile(t, p); };
            out += row({cell(c.games.front().final[t].name), q(.1), q(.25), q(.5), q(.75), q(.9),
                        std::to_string(c.games.front().final[t].par)});
        }
        out += "\n" + sim->summary() + "\n";
    }
    return clean_text(out);
}

}  // namespace gb::report
