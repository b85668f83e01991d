// The after-action report as one self-contained HTML5 page: inline CSS,
// inline SVG charts, no scripts and nothing fetched from anywhere.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report.hpp"
#include "report_css.hpp"

#include "clean_text.hpp"

namespace gb::report {

namespace {

std::string esc(const std::string& s) {
    return html_escape(s);
}

std::string num(double v) {
    return fmt_number(v);
}

// ------------------------------------------------------------ SVG charts

struct Line {
    const std::vector<int>* values = nullptr;
    std::string colour, cls, name;
    double width = 2;
    bool last_partial = false;  // the last point is where an unfinished journal stops
};

struct Axis {
    int points = 1;                       // x runs 0 .. points-1
    std::vector<std::string> point_name;  // for tooltips: "end of turn 3 (Spring 2002)"
};

// One small multiple: a track's value over the turns, with its bounds.
void panel(std::string& out, double ox, double oy, double w, double h, const std::string& id, const std::string& title,
           int lo, int hi, const Axis& axis, const std::vector<Line>& lines, const std::vector<Band>* bands,
           bool channel) {
    const double left = channel ? 56 : 30, right = w - 10, top = 30, bottom = h - 26;
    auto X = [&](double i) { return left + (right - left) * (axis.points > 1 ? i / (axis.points - 1) : 0.5); };
    auto Y = [&](double v) { return bottom - (bottom - top) * (hi > lo ? (v - lo) / (hi - lo) : 0.5); };
    out += "<g class=\"panel\" id=\"" + esc(id) + "\" transform=\"translate(" + num(ox) + "," + num(oy) + ")\">";
    out += "<text class=\"panel-title\" x=\"" + num(left) +
           "\" y=\"15\" font-size=\"12.5\" font-weight=\"700\" fill=\"#1c2230\">" + esc(title) + "</text>";
    out += "<text x=\"" + num(right) + "\" y=\"15\" font-size=\"10.5\" text-anchor=\"end\" fill=\"#8a909c\">" +
           (channel ? std::string("closed \xe2\x80\x93 strategic") : std::to_string(lo) + " to " + std::to_string(hi)) +
           "</text>";
    // Grid: a faint line at every value for short tracks; labels at the bounds and a middle value.
    int range = hi - lo;
    int step = range <= 6 ? 1 : range <= 12 ? 2 : (range + 5) / 6;
    for (int v = lo; v <= hi; v += step) {
        bool edge = v == lo || v == hi;
        out += "<line x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(Y(v)) + "\" y2=\"" + num(Y(v)) +
               "\" stroke=\"" + (edge ? "#c9cdd5" : "#eceef2") + "\" stroke-width=\"1\"/>";
    }
    if (lo < 0 && hi > 0)
        out += "<line x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(Y(0)) + "\" y2=\"" + num(Y(0)) +
               "\" stroke=\"#a9afba\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>";
    if (channel) {
        for (int v = 0; v <= 3; ++v)
            out += "<text x=\"" + num(left - 5) + "\" y=\"" + num(Y(v) + 3.5) +
                   "\" font-size=\"10\" text-anchor=\"end\" fill=\"#5d6472\">" + channel_label(v) + "</text>";
    } else {
        std::vector<int> labels{lo, hi};
        if (range <= 6)
            for (int v = lo + 1; v < hi; ++v) labels.push_back(v);
        else if (lo < 0 && hi > 0)
            labels.push_back(0);
        else if (range % 2 == 0)
            labels.push_back(lo + range / 2);
        for (int v : labels)
            out += "<text x=\"" + num(left - 5) + "\" y=\"" + num(Y(v) + 3.5) +
                   "\" font-size=\"10\" text-anchor=\"end\" fill=\"#5d6472\">" + std::to_string(v) + "</text>";
    }
    // x axis: 0 is the opening board, t the end of turn t.
    for (int i = 0; i < axis.points; ++i) {
        out += "<line x1=\"" + num(X(i)) + "\" x2=\"" + num(X(i)) + "\" y1=\"" + num(bottom) + "\" y2=\"" +
               num(bottom + 3) + "\" stroke=\"#c9cdd5\"/>";
        out += "<text x=\"" + num(X(i)) + "\" y=\"" + num(bottom + 14) +
               "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5d6472\">" + std::to_string(i) + "</text>";
    }
    if (bands && !bands->empty()) {
        auto area = [&](auto lower, auto upper, const char* cls, const char* fill) {
            std::string d;
            for (std::size_t i = 0; i < bands->size(); ++i)
                d += (i ? "L" : "M") + num(X(static_cast<double>(i))) + "," + num(Y(upper((*bands)[i])));
            for (std::size_t i = bands->size(); i-- > 0;)
                d += "L" + num(X(static_cast<double>(i))) + "," + num(Y(lower((*bands)[i])));
            out += std::string("<path class=\"band ") + cls + "\" d=\"" + d + "Z\" fill=\"" + fill + "\"/>";
        };
        area([](const Band& b) { return b.p10; }, [](const Band& b) { return b.p90; }, "band-outer", "#dde3ec");
        area([](const Band& b) { return b.p25; }, [](const Band& b) { return b.p75; }, "band-inner", "#b9c3d3");
        std::string pts;
        for (std::size_t i = 0; i < bands->size(); ++i)
            pts += (i ? " " : "") + num(X(static_cast<double>(i))) + "," + num(Y((*bands)[i].p50));
        out += "<polyline class=\"band-median\" points=\"" + pts +
               "\" fill=\"none\" stroke=\"#7d889a\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>";
    }
    for (const Line& l : lines) {
        const auto& v = *l.values;
        if (v.empty()) continue;
        std::string pts;
        for (std::size_t i = 0; i < v.size(); ++i)
            pts += (i ? " " : "") + num(X(static_cast<double>(i))) + "," + num(Y(v[i]));
        out += "<polyline class=\"series " + l.cls + "\" points=\"" + pts + "\" fill=\"none\" stroke=\"" + l.colour +
               "\" stroke-width=\"" + num(l.width) + "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>";
        for (std::size_t i = 0; i < v.size(); ++i) {
            bool hollow = l.last_partial && i + 1 == v.size();
            std::string tip = (l.name.empty() ? "" : l.name + ", ") +
                              (i < axis.point_name.size() ? axis.point_name[i] : "point " + std::to_string(i)) + ": " +
                              (channel ? channel_label(v[i]) : std::to_string(v[i]));
            out += "<circle cx=\"" + num(X(static_cast<double>(i))) + "\" cy=\"" + num(Y(v[i])) +
                   "\" r=\"2.6\" fill=\"" + (hollow ? std::string("#ffffff") : l.colour) + "\" stroke=\"" + l.colour +
                   "\" stroke-width=\"" + (hollow ? "1.3" : "0") + "\"><title>" + esc(tip) + "</title></circle>";
        }
    }
    out += "</g>";
}

// All the tracks and the channel as small multiples in one SVG.
std::string tracks_svg(const std::string& id, const std::string& label, const std::array<Series, kTracks>& tracks,
                       const Series* channel, const std::vector<std::vector<Line>>& lines_per_panel, const Axis& axis,
                       const SimulatedGames* sim, int columns) {
    const double width = 920, pw = width / columns, ph = columns >= 4 ? 188 : 200;
    int panels = kTracks + (channel ? 1 : 0);
    int rows = (panels + columns - 1) / columns;
    std::string out = "<svg class=\"chart\" id=\"" + id + "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                      num(width) + " " + num(rows * ph) + "\" width=\"" + num(width) + "\" height=\"" + num(rows * ph) +
                      "\" role=\"img\" aria-label=\"" + esc(label) + "\">";
    for (int k = 0; k < panels; ++k) {
        double ox = (k % columns) * pw, oy = (k / columns) * ph;
        bool is_channel = k == kTracks;
        const Series& s = is_channel ? *channel : tracks[k];
        const std::vector<Band>* bands = nullptr;
        if (sim) bands = is_channel ? &sim->channel_bands : &sim->bands[k];
        panel(out, ox, oy, pw - 14, ph, id + "-" + s.key, s.label, s.min, s.max, axis, lines_per_panel[k], bands,
              is_channel);
    }
    out += "</svg>";
    return out;
}

int nice_step(int range) {
    for (int s : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000})
        if (range / s <= 7) return s;
    return 1000;
}

std::string scores_svg(const GameReport& r, const Axis& axis) {
    const double W = 920, H = 330, left = 46, right = W - 150, top = 14, bottom = H - 56;
    int lo = 0, hi = 10;
    for (const Series& s : r.scores)
        for (int v : s.values) lo = std::min(lo, v), hi = std::max(hi, v);
    for (const TeamResult& t : r.final) lo = std::min(lo, t.par), hi = std::max(hi, t.par);  // par lines fit
    int step = nice_step(hi - lo);
    lo = static_cast<int>(std::floor(static_cast<double>(lo) / step)) * step;
    hi = static_cast<int>(std::ceil(static_cast<double>(hi) / step)) * step;
    if (hi == lo) hi = lo + step;
    auto X = [&](double i) { return left + (right - left) * (axis.points > 1 ? i / (axis.points - 1) : 0.5); };
    auto Y = [&](double v) { return bottom - (bottom - top) * (v - lo) / (hi - lo); };
    std::string out = "<svg class=\"chart\" id=\"chart-scores\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                      num(W) + " " + num(H) + "\" width=\"" + num(W) + "\" height=\"" + num(H) +
                      "\" role=\"img\" aria-label=\"Each team's score by turn\">";
    for (int v = lo; v <= hi; v += step) {
        out += "<line x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(Y(v)) + "\" y2=\"" + num(Y(v)) +
               "\" stroke=\"" + (v == 0 ? "#a9afba" : "#eceef2") + "\"/>";
        out += "<text x=\"" + num(left - 8) + "\" y=\"" + num(Y(v) + 4) +
               "\" font-size=\"11\" text-anchor=\"end\" fill=\"#5d6472\">" + std::to_string(v) + "</text>";
    }
    out += "<text x=\"14\" y=\"" + num((top + bottom) / 2) +
           "\" font-size=\"11\" fill=\"#5d6472\" text-anchor=\"middle\" "
           "transform=\"rotate(-90 14 " +
           num((top + bottom) / 2) + ")\">score</text>";
    for (int i = 0; i < axis.points; ++i) {
        out += "<line x1=\"" + num(X(i)) + "\" x2=\"" + num(X(i)) + "\" y1=\"" + num(bottom) + "\" y2=\"" +
               num(bottom + 4) + "\" stroke=\"#a9afba\"/>";
        out += "<text x=\"" + num(X(i)) + "\" y=\"" + num(bottom + 17) +
               "\" font-size=\"11.5\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#1c2230\">" +
               (i == 0 ? std::string("Start") : "Turn " + std::to_string(i)) + "</text>";
        if (i >= 1 && i <= static_cast<int>(r.calendar.size()))
            out += "<text x=\"" + num(X(i)) + "\" y=\"" + num(bottom + 31) +
                   "\" font-size=\"10.5\" text-anchor=\"middle\" fill=\"#5d6472\">" + esc(r.calendar[i - 1]) +
                   "</text>";
    }
    out +=
        "<text x=\"" + num((left + right) / 2) + "\" y=\"" + num(H - 6) +
        "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#8a909c\">score at the end of each turn; the last point is "
        "the final score; dashed lines: each team's par</text>";
    // Par lines: a team above its dashed line is ahead of what the scenario expects of it.
    for (Team t : kAllTeams) {
        const TeamResult& tr = r.final[idx(t)];
        out += "<line class=\"par team-" + r.scores[idx(t)].key + "\" x1=\"" + num(left) + "\" x2=\"" + num(right) +
               "\" y1=\"" + num(Y(tr.par)) + "\" y2=\"" + num(Y(tr.par)) + "\" stroke=\"" + kTeamColours[idx(t)] +
               "\" stroke-width=\"1.4\" stroke-dasharray=\"6 4\"><title>" +
               esc(r.scores[idx(t)].label + "'s par: " + std::to_string(tr.par)) + "</title></line>";
    }
    // End labels, pushed apart so they never overlap.
    struct Label {
        double y;
        int team;
    };
    std::vector<Label> labels;
    for (Team t : kAllTeams) {
        const Series& s = r.scores[idx(t)];
        if (s.values.empty()) continue;
        std::string pts;
        for (std::size_t i = 0; i < s.values.size(); ++i)
            pts += (i ? " " : "") + num(X(static_cast<double>(i))) + "," + num(Y(s.values[i]));
        out += "<polyline class=\"series team-" + s.key + "\" points=\"" + pts + "\" fill=\"none\" stroke=\"" +
               kTeamColours[idx(t)] + "\" stroke-width=\"2.6\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>";
        for (std::size_t i = 0; i < s.values.size(); ++i)
            out += "<circle cx=\"" + num(X(static_cast<double>(i))) + "\" cy=\"" + num(Y(s.values[i])) +
                   "\" r=\"3.6\" fill=\"" + kTeamColours[idx(t)] +
                   "\" stroke=\"#ffffff\" stroke-width=\"1.2\"><title>" +
                   esc(s.label + ", " + (i < axis.point_name.size() ? axis.point_name[i] : "") + ": " +
                       std::to_string(s.values[i])) +
                   "</title></circle>";
        labels.push_back({Y(s.values.back()), idx(t)});
    }
    std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    for (std::size_t i = 1; i < labels.size(); ++i) labels[i].y = std::max(labels[i].y, labels[i - 1].y + 14);
    for (const Label& l : labels) {
        const Series& s = r.scores[l.team];
        double lx = X(static_cast<double>(s.values.size() - 1)) + 10;
        out += "<text x=\"" + num(lx) + "\" y=\"" + num(l.y + 4) + "\" font-size=\"12\" font-weight=\"700\" fill=\"" +
               kTeamColours[l.team] + "\">" + esc(s.label) + " " + std::to_string(s.values.back()) + "</text>";
    }
    out += "</svg>";
    return out;
}

Axis make_axis(const std::vector<std::string>& calendar, int points) {
    Axis a;
    a.points = points;
    for (int i = 0; i < points; ++i)
        a.point_name.push_back(i == 0
                                   ? "opening"
                                   : "end of turn " + std::to_string(i) +
                                         (i <= static_cast<int>(calendar.size()) ? " (" + calendar[i - 1] + ")" : ""));
    return a;
}

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
    for (int k = 0; k < kTracks; ++k) lines[k].push_back({&r.tracks[k].values, "#33415c", "track", "", 2, partial});
    lines[kTracks].push_back({&r.channel.values, "#33415c", "track", "", 2, partial});
    out += "<section id=\"tracks\" class=\"charts\">\n<h2>Tracks over the game</h2>\n<figure>\n";
    out += tracks_svg("chart-tracks", "Every track by turn", r.tracks, &r.channel, lines, axis, nullptr, 4);
    out +=
        "\n<figcaption>Each panel runs from the track's minimum to its maximum. Point 0 is the opening board; point "
        "<em>t</em> is the board at the end of turn <em>t</em>" +
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
    Series channel{"channel", "Channel", 0, 3, {}};
    for (Track t : {Track::trust, Track::tension, Track::nuclear, Track::sanctions, Track::us_hawks,
                    Track::iran_hardliners, Track::al_qaeda})
        frame[idx(t)] = {std::string(name_of(t)), track_label(t), c.ranges[idx(t)].first, c.ranges[idx(t)].second, {}};
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
