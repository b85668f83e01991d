// The after-action report as one self-contained HTML5 page: inline CSS,
// inline SVG charts, no scripts and nothing fetched from anywhere.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report.hpp"
#include "report_css.hpp"

#include "clean_text.hpp"
#include "report_svg.hpp"

namespace gb::report {

namespace {

void head(std::string& out, const std::string& title) {
    out +=
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"gb report\">\n<title>" +
        esc(title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n<main class=\"report\">\n";
}

void meta(std::string& out, const std::string& key, const std::string& value) {
    out += "<div><dt>" + esc(key) + "</dt><dd>" + esc(value) + "</dd></div>";
}

// A paragraph (`tag` with `cls`) with its lead in bold; nothing for empty prose.
void paragraph(std::string& out, const char* tag, const char* cls, const Prose& p) {
    if (p.empty()) return;
    out += std::string("<") + tag + " class=\"" + cls + "\">" +
           (p.lead.empty() ? "" : "<strong>" + esc(p.lead) + "</strong>" + (p.text.empty() ? "" : " ")) + esc(p.text) +
           "</" + tag + ">\n";
}

std::string chip(int team) {
    if (team < 0 || team >= kTeams) return {};
    return std::string("<span class=\"chip\" style=\"background:") + kTeamColours[team] + "\"></span>";
}

void effects_cell(std::string& out, const std::vector<std::string>& effects) {
    out += "<td class=\"effects\">";
    for (std::size_t i = 0; i < effects.size(); ++i) {
        if (i) out += "<span class=\"sep\">; </span>";
        out += "<span class=\"effect\">" + esc(effects[i]) + "</span>";
    }
    out += "</td>";
}

// The White Cell's amendment goes on a line of its own under the outcome.
// The reason for a failure goes under the outcome, in plain type.
std::string outcome_cell(const std::string& text) {
    auto at = text.find("; amended by the White Cell: ");
    if (at != std::string::npos)
        return esc(text.substr(0, at)) + "<span class=\"sep\">; </span><span class=\"amend-note\">" +
               esc(text.substr(at + 2)) + "</span>";
    at = text.find(" (");
    if (at != std::string::npos)
        return esc(text.substr(0, at)) + "<span class=\"sep\"> </span><span class=\"outcome-note\">" +
               esc(text.substr(at + 1)) + "</span>";
    return esc(text);
}

void turn_section(std::string& out, const GameReport& r, const TurnView& tv) {
    const int t = tv.turn;
    out += "<section class=\"turn\" id=\"turn-" + std::to_string(t) + "\">\n";
    out += "<h2><span class=\"turn-no\">Turn " + std::to_string(t) + "</span> \xe2\x80\x94 <span class=\"calendar\">" +
           esc(tv.calendar) + "</span></h2>\n";

    const InjectView& iv = tv.inject;
    if (iv.drawn) {
        out += "<div class=\"inject kind-" + iv.kind + "\">\n<p class=\"card-label\">" + esc(iv.label()) + "</p>\n";
        out += "<h3 class=\"inject-title\">" + esc(iv.title) + "</h3>\n";
        if (!iv.text.empty()) out += "<p class=\"card-text\">" + esc(iv.text) + "</p>\n";
        if (!iv.source.empty()) out += "<blockquote class=\"source\">" + esc(iv.source) + "</blockquote>\n";
        if (auto taken = iv.taken_text(); !taken.empty()) out += "<p class=\"choice\">" + esc(taken) + "</p>\n";
        paragraph(out, "p", "choice", iv.choice_line());
        paragraph(out, "aside", "teaching-note", iv.note_line());
        out += "</div>\n";
    } else {
        out += "<p class=\"none\">" + esc(iv.none_text()) + "</p>\n";
    }

    paragraph(out, "p", "draft-banner", tv.draft_note());
    if (!tv.deals.empty()) {
        out += "<h3>Deals</h3>\n<ul class=\"plain deals\">\n";
        for (const ResultView& d : tv.deals) {
            out += "<li class=\"deal\">" + esc(d.deal_text());
            if (!d.effects.empty()) {
                out += "<span class=\"effects\">";
                for (const auto& e : d.effects)
                    out += "<span class=\"sep\">; </span><span class=\"effect\">" + esc(e) + "</span>";
                out += "</span>";
            }
            out += "</li>\n";
        }
        out += "</ul>\n";
    }
    if (!tv.missed.empty()) {
        out += "<h3>Missed openings</h3>\n<ul class=\"plain missed\">\n";
        for (const std::string& m : tv.missed)
            out += "<li class=\"missed\"><span class=\"tag\">missed opening</span> " + esc(m) + "</li>\n";
        out += "</ul>\n";
    }
    out += "<h3>Orders and results</h3>\n";
    if (auto note = tv.orders_note(); !note.empty()) {
        out += "<p class=\"none\">" + esc(note) + "</p>\n";
    } else {
        out +=
            "<table class=\"results\">\n<thead><tr><th>#</th><th>Team</th><th>Order</th><th>Roll</th>"
            "<th>Outcome</th><th>Effects</th></tr></thead>\n<tbody>\n";
        for (const ResultView& v : tv.orders) {
            std::string roll = v.roll_text();
            out += std::string("<tr class=\"result") + (v.amended ? " amended" : "") + "\"><td class=\"n\">" +
                   std::to_string(v.number) + "</td><td class=\"team\">" + chip(v.team) + esc(v.team_name) +
                   "</td><td class=\"order\">" + esc(v.order) + "</td><td class=\"roll\">" +
                   (roll.empty() ? "\xe2\x80\x94" : esc(roll)) + "</td><td class=\"outcome " +
                   (v.success ? "ok" : "fail") + "\">" + outcome_cell(v.outcome_text()) + "</td>";
            effects_cell(out, v.effects);
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    if (!tv.end_of_turn.empty()) {
        out += "<h3>End of turn</h3>\n<ul class=\"plain end-of-turn\">\n";
        for (const auto& e : tv.end_of_turn) out += "<li>" + esc(e) + "</li>\n";
        out += "</ul>\n";
    }

    if (!tv.white_cell.empty()) {
        out += "<h3>White Cell</h3>\n<ul class=\"plain white-cell\">\n";
        for (const NoteView& n : tv.white_cell)
            out += "<li class=\"" + n.kind + "\"><span class=\"tag\">" + esc(n.kind) + "</span>" + esc(n.label) + ": " +
                   esc(n.text) + "</li>\n";
        out += "</ul>\n";
    }
    if (!tv.bookmarks.empty()) {
        out += "<h3>Bookmarks and annotations</h3>\n<ul class=\"plain bookmarks\">\n";
        for (const NoteView& n : tv.bookmarks)
            out += "<li class=\"" + n.kind + "\"><span class=\"tag " + n.kind + "\">" + esc(n.kind) +
                   "</span><strong>" + esc(n.label) + "</strong>" + (n.text.empty() ? "" : ": " + esc(n.text)) +
                   "</li>\n";
        out += "</ul>\n";
    }
    // The board and the scores at the end of the turn, with the change over it.
    std::size_t k = static_cast<std::size_t>(t);
    if (k < r.tracks[0].values.size()) {
        out += "<div class=\"after\"><p><span class=\"k\">" + tv.after_label() + "</span>";
        for (const Series& s : r.tracks) {
            int now = s.values[k], d = now - s.values[k - 1];
            out += "<span class=\"v\">" + esc(s.label) + " " + std::to_string(now);
            if (d)
                out += std::string(" <span class=\"") + (d > 0 ? "up" : "down") + "\">(" + fmt_signed(d) + ")</span>";
            out += "</span>";
        }
        out += "<span class=\"v\">Channel " + channel_label(r.channel.values[k]) + "</span></p>";
        if (k < r.scores[0].values.size()) {
            out += "<p><span class=\"k\">Scores</span>";
            for (Team tm : kAllTeams) {
                const Series& s = r.scores[idx(tm)];
                out +=
                    "<span class=\"v\">" + chip(idx(tm)) + esc(s.label) + " " + std::to_string(s.values[k]) + "</span>";
            }
            out += "</p>";
        }
        out += "</div>\n";
    }

    if (r.include_chat) {
        out += "<section class=\"chat\" id=\"chat-turn-" + std::to_string(t) + "\">\n<h3>Chat</h3>\n";
        if (tv.chat.empty()) {
            out += "<p class=\"none\">" + esc(tv.chat_note()) + "</p>\n";
        } else {
            out += "<ul>\n";
            for (const ChatView& c : tv.chat)
                out += "<li><span class=\"from\">" + esc(c.from) + "</span> <span class=\"to\">to " + esc(c.to) +
                       "</span>: " + esc(c.text) + "</li>\n";
            out += "</ul>\n";
        }
        out += "</section>\n";
    }
    out += "</section>\n";
}

void final_table(std::string& out, const GameReport& r) {
    out += "<section id=\"final\">\n<h2>" + r.final_heading() + "</h2>\n";
    out +=
        "<table id=\"final-scores\">\n<thead><tr><th>Team</th><th class=\"num\">Score</th><th class=\"num\">Par</th>"
        "<th class=\"num\">vs par</th><th>Result</th></tr></thead>\n<tbody>\n";
    for (int i = 0; i < kTeams; ++i) {
        const TeamResult& tr = r.final[i];
        out += "<tr class=\"team-score\"><td class=\"team\">" + chip(i) + esc(tr.name) + "</td><td class=\"num\">" +
               std::to_string(tr.score) + "</td><td class=\"num\">" + std::to_string(tr.par) +
               "</td><td class=\"num\">" + fmt_signed(tr.vs_par) + "</td><td>" +
               (tr.winner ? "<span class=\"winner\">Winner</span>" : "") + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
    out += "<section id=\"outcome\">\n<h2>Shared outcome</h2>\n<ul class=\"outcome\">\n";
    for (const auto& [name, yes] : r.shared_outcomes())
        out +=
            std::string("<li class=\"") + (yes ? "yes" : "no") + "\">" + name + ": " + (yes ? "yes" : "no") + "</li>\n";
    out += "</ul>\n<p class=\"end-reason\">" + esc(r.status) + ".</p>\n</section>\n";
}

// The thesis section: the channel's episodes, the framework and its terms,
// the arc, and where the game stands among simulated games.
void thesis_section(std::string& out, const ThesisView& v) {
    out += "<section id=\"thesis\">\n<h2>The thesis: this game against gb study</h2>\n";
    out += "<p class=\"intro\">" + esc(v.intro()) + "</p>\n";
    if (!v.episodes_note().empty()) out += "<p class=\"note\">" + esc(v.episodes_note()) + "</p>\n";
    if (!v.episodes.empty()) {
        out += "<table id=\"episodes\">\n<thead><tr><th>Episode</th><th class=\"num\">Opened</th>"
               "<th class=\"num\">Trust at opening</th><th>Widest</th><th>How it ended</th>"
               "<th class=\"num\">Trust after</th><th class=\"num\">Length</th></tr></thead>\n<tbody>\n";
        for (const EpisodeView& e : v.episodes)
            out += "<tr class=\"episode " + std::string(name_of(e.end)) + "\"><td>" + std::to_string(e.number) +
                   "</td><td class=\"num\">turn " + std::to_string(e.opened) + "</td><td class=\"num\">" +
                   std::to_string(e.trust_open) + "</td><td>" + esc(e.widest) + "</td><td>" +
                   esc(e.end_text(v.ended)) + "</td><td class=\"num\">" + std::to_string(e.trust_after) +
                   "</td><td class=\"num\">" + esc(e.length_text()) + "</td></tr>\n";
        out += "</tbody>\n</table>\n";
    }
    out += "<p class=\"framework\">" + esc(v.framework_text()) + "</p>\n";
    if (!v.terms_note().empty()) out += "<p class=\"note\">" + esc(v.terms_note()) + "</p>\n";
    if (!v.terms.empty()) {
        out += "<ul class=\"terms\">\n";
        for (const TermsLine& t : v.terms) out += "<li>" + esc(t.text(v.ended)) + "</li>\n";
        out += "</ul>\n";
    }
    out += "<p class=\"arc\">" + esc(v.arc_text()) + "</p>\n";
    out += "<p class=\"study\">" + esc(v.study_text()) + "</p>\n";
    if (!v.placed.empty()) {
        out += "<ul class=\"placed\">\n";
        for (const std::string& line : v.placed) out += "<li>" + esc(line) + "</li>\n";
        out += "</ul>\n";
    }
    out += "</section>\n";
}

}  // namespace

std::string render_html(const GameReport& r) {
    std::string out;
    out.reserve(64 * 1024);
    head(out, "After-action report: " + r.scenario_title + " \xe2\x80\x94 " + r.game_name);
    out += "<header id=\"report-header\">\n<p class=\"kicker\">Grand Bargain \xc2\xb7 After-action report</p>\n";
    out += "<h1>" + esc(r.scenario_title) + "</h1>\n<p class=\"subtitle\">" + esc(r.game_name) + "</p>\n";
    out += "<dl class=\"meta\">";
    meta(out, "Scenario", r.scenario_id);
    meta(out, "Journal", r.journal_file);
    meta(out, "Seed", r.seed_text());
    meta(out, "Started", r.created);
    meta(out, "Perspective", r.perspective_label);
    meta(out, "Turns", r.turns_text());
    out += "</dl>\n<p class=\"status " + std::string(r.ended ? "ended" : "running") + "\">" + esc(r.status) +
           "</p>\n</header>\n";

    out += "<nav class=\"toc\"><a href=\"#tracks\">Tracks</a><a href=\"#scores\">Scores</a>";
    for (const TurnView& tv : r.turns)
        out += "<a href=\"#turn-" + std::to_string(tv.turn) + "\">Turn " + std::to_string(tv.turn) + "</a>";
    out += "<a href=\"#final\">Final scores</a></nav>\n";

    int points = std::max(r.turns_total, r.turns_played) + 1;
    Axis axis = make_axis(r.calendar, points);
    std::vector<std::vector<Line>> lines(kTracks + 1);
    bool partial = !r.ended;
    for (int k = 0; k < kTracks; ++k)
        lines[k].push_back({&r.tracks[k].values, "#33415c", "track", "", 2, partial, &r.tracks[k].inner});
    lines[kTracks].push_back({&r.channel.values, "#33415c", "track", "", 2, partial, &r.channel.inner});
    out += "<section id=\"tracks\" class=\"charts\">\n<h2>Tracks over the game</h2>\n<figure>\n";
    out += tracks_svg("chart-tracks", "Every track by turn", r.tracks, &r.channel, lines, axis, nullptr, 4);
    out +=
        "\n<figcaption>Each panel runs from the track's minimum to its maximum. Point 0 is the opening board; point "
        "<em>t</em> is the board at the end of turn <em>t</em>; the small hollow points between two turns are "
        "the changes within the turn, in order (an inject, a deal, an order, the leak roll)" +
        std::string(partial ? "; a hollow last point is where the unfinished journal stops" : "") +
        ".</figcaption>\n</figure>\n</section>\n";

    out += "<section id=\"scores\" class=\"charts\">\n<h2>Scores by turn</h2>\n<figure>\n";
    out += scores_svg(r, axis);
    out += "\n<ul class=\"legend\">";
    for (int i = 0; i < kTeams; ++i)
        out += std::string("<li><span class=\"swatch\" style=\"background:") + kTeamColours[i] + "\"></span>" +
               esc(r.final[i].name) + " (par " + std::to_string(r.final[i].par) + ")</li>";
    out += "</ul>\n</figure>\n</section>\n";

    for (const TurnView& tv : r.turns) turn_section(out, r, tv);
    final_table(out, r);
    thesis_section(out, r.thesis);
    out += "<footer>Written by <code>gb report</code> from the game journal alone" +
           std::string(r.perspective == "control" ? "" : ", showing only what this seat could see during the game") +
           ".</footer>\n</main>\n</body>\n</html>\n";
    return clean_text(out);  // whatever a part let through: only valid UTF-8, no control byte
}

// ------------------------------------------------------------ comparison

std::string render_compare_html(const Comparison& c) {
    std::string out;
    out.reserve(64 * 1024);
    head(out, "Comparison: " + c.scenario_title);
    out += "<header id=\"report-header\">\n<p class=\"kicker\">Grand Bargain \xc2\xb7 Games compared</p>\n";
    out += "<h1>" + esc(c.scenario_title) + "</h1>\n<p class=\"subtitle\">" + std::to_string(c.games.size()) +
           (c.games.size() == 1 ? " game" : " games") +
           (c.sim ? " against " + std::to_string(c.sim->games) + " simulated bot games" : std::string()) + "</p>\n";
    out += "<dl class=\"meta\">";
    meta(out, "Scenario", c.scenario_id);
    meta(out, "Perspective", c.perspective_label);
    if (c.sim)
        meta(out, "Simulation", std::to_string(c.sim->games) + " heuristic games, seed " + std::to_string(c.sim->seed));
    out += "</dl>\n</header>\n";

    // Legend: one colour per game.
    out += "<section id=\"games\">\n<h2>Games</h2>\n<ul class=\"legend games\">";
    for (std::size_t i = 0; i < c.games.size(); ++i)
        out += std::string("<li class=\"game\"><span class=\"swatch line\" style=\"background:") + game_colour(i) +
               "\"></span><strong>" + esc(c.games[i].game_name) + "</strong>&#160;<span class=\"file\">(" +
               esc(c.files[i]) + ")</span></li>";
    if (c.sim)
        out +=
            "<li><span class=\"swatch band-outer\"></span>simulated 10th\xe2\x80\x93"
            "90th percentile</li>"
            "<li><span class=\"swatch band-inner\"></span>25th\xe2\x80\x93"
            "75th</li>"
            "<li><span class=\"swatch line\" style=\"background:#7d889a\"></span>median</li>";
    out += "</ul>\n</section>\n";

    int points = static_cast<int>(c.calendar.size()) + 1;
    for (const auto& g : c.games) points = std::max(points, g.turns_played + 1);
    Axis axis = make_axis(c.calendar, points);
    std::array<Series, kTracks> frame;
    Series channel{"channel", "Channel", 0, 3, {}, {}};
    for (Track t : {Track::trust, Track::tension, Track::nuclear, Track::sanctions, Track::us_hawks,
                    Track::iran_hardliners, Track::al_qaeda})
        frame[idx(t)] = {std::string(name_of(t)), track_label(t), c.ranges[idx(t)].first, c.ranges[idx(t)].second,
                         {}, {}};
    std::vector<std::vector<Line>> lines(kTracks + 1);
    for (std::size_t i = 0; i < c.games.size(); ++i) {
        const GameReport& g = c.games[i];
        std::string cls = "game game-" + std::to_string(i + 1);
        for (int k = 0; k < kTracks; ++k)
            lines[k].push_back({&g.tracks[k].values, game_colour(i), cls, g.game_name, 2.2, !g.ended});
        lines[kTracks].push_back({&g.channel.values, game_colour(i), cls, g.game_name, 2.2, !g.ended});
    }
    out += "<section id=\"tracks\" class=\"charts\">\n<h2>Tracks, game by game</h2>\n<figure>\n";
    out += tracks_svg("chart-compare-tracks", "Every track by turn, one line per game", frame, &channel, lines, axis,
                      c.sim ? &*c.sim : nullptr, 2);
    out += "\n<figcaption>Point 0 is the opening board; point <em>t</em> the end of turn <em>t</em>." +
           std::string(c.sim ? " Shaded: the middle 80% and 50% of the simulated games at each point, with their "
                               "median dashed; a simulated game that ended early keeps its last values."
                             : "") +
           "</figcaption>\n</figure>\n</section>\n";

    // Outcomes side by side: one column per game.
    const SimulatedGames* sim = c.sim ? &*c.sim : nullptr;
    out += "<section id=\"outcome\">\n<h2>Outcomes side by side</h2>\n<table id=\"outcomes\">\n<thead><tr><th></th>";
    for (std::size_t i = 0; i < c.games.size(); ++i)
        out += std::string("<th class=\"game\"><span class=\"chip\" style=\"background:") + game_colour(i) +
               "\"></span>" + esc(c.games[i].game_name) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    auto row = [&](const std::string& label, auto cell) {
        out += "<tr><th scope=\"row\">" + label + "</th>";
        for (std::size_t i = 0; i < c.games.size(); ++i) out += "<td>" + cell(c.games[i]) + "</td>";
        out += "</tr>\n";
    };
    row("Journal", [&](const GameReport& g) { return esc(g.journal_file); });
    row("Seed", [&](const GameReport& g) { return g.seed ? std::to_string(*g.seed) : std::string("withheld"); });
    row("End", [&](const GameReport& g) { return esc(g.status); });
    for (int t = 0; t < kTeams; ++t)
        row(chip(t) + esc(c.games.front().final[t].name) + " (par " + std::to_string(c.games.front().final[t].par) +
                ")",
            [&](const GameReport& g) {
                const TeamResult& tr = g.final[t];
                std::string s = "<strong>" + std::to_string(tr.score) + "</strong> (" + fmt_signed(tr.vs_par) + ")";
                if (tr.winner) s += " <span class=\"winner\">Winner</span>";
                if (sim)
                    s += "<br><span class=\"pct\">" + percentile_text(percentile_of(sim->final_scores[t], tr.score)) +
                         "</span>";
                return s;
            });
    auto flag = [&](const char* name, bool GameReport::*field, int SimulatedGames::*count) {
        row(name, [&](const GameReport& g) {
            std::string s = (g.*field) ? "<strong>yes</strong>" : "no";
            if (sim) s += "<br><span class=\"pct\">yes in " + sim->share_text(sim->*count) + "</span>";
            return s;
        });
    };
    flag("Rapprochement", &GameReport::rapprochement, &SimulatedGames::rapprochement);
    flag("Regional war", &GameReport::war, &SimulatedGames::war);
    flag("Nuclear breakout", &GameReport::breakout, &SimulatedGames::breakout);
    if (sim)
        row("Same shared outcome", [&](const GameReport& g) {
            return sim->share_text(sim->outcome_counts[outcome_mask(g.rapprochement, g.war, g.breakout)]);
        });
    out += "</tbody>\n</table>\n";
    if (sim)
        out +=
            "<p class=\"note\">A score's percentile is the share of simulated games in which the team scored less "
            "(ties count half).</p>\n";
    out += "</section>\n";

    if (sim) {
        out +=
            "<section id=\"simulation\">\n<h2>The simulated games</h2>\n<table id=\"simulated\">\n<thead><tr>"
            "<th>Team</th><th class=\"num\">10th</th><th class=\"num\">25th</th><th class=\"num\">median</th>"
            "<th class=\"num\">75th</th><th class=\"num\">90th</th><th class=\"num\">Par</th></tr></thead>\n<tbody>\n";
        for (int t = 0; t < kTeams; ++t) {
            auto q = [&](double p) { return sim->score_quantile(t, p); };
            out += "<tr><td class=\"team\">" + chip(t) + esc(c.games.front().final[t].name) +
                   "</td><td class=\"num\">" + q(.1) + "</td><td class=\"num\">" + q(.25) + "</td><td class=\"num\">" +
                   q(.5) + "</td><td class=\"num\">" + q(.75) + "</td><td class=\"num\">" + q(.9) +
                   "</td><td class=\"num\">" + std::to_string(c.games.front().final[t].par) + "</td></tr>\n";
        }
        out += "</tbody>\n</table>\n<p>" + sim->summary() + "</p>\n</section>\n";
    }
    out += "<footer>Written by <code>gb report --compare</code> from the game journals" +
           std::string(sim ? " and bot games played in this process" : "") + ".</footer>\n</main>\n</body>\n</html>\n";
    return clean_text(out);  // whatever a part let through: only valid UTF-8, no control byte
}

}  // namespace gb::report
