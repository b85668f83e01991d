// The report's SVG charts (report_svg.hpp).
#include "report_svg.hpp"

#include <algorithm>
#include <cmath>

namespace gb::report {

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
    // x axis: 0 is the opening board, t the end of turn t; a faint line marks
    // each turn's boundary, so a change within a turn reads as such.
    for (int i = 0; i < axis.points; ++i) {
        out += "<line class=\"turn-boundary\" x1=\"" + num(X(i)) + "\" x2=\"" + num(X(i)) + "\" y1=\"" + num(top) +
               "\" y2=\"" + num(bottom) + "\" stroke=\"#f0f1f4\" stroke-width=\"1\"/>";
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
        // The turn's changes sit evenly between its two points, in order.
        struct Within {
            double x;
            int value, turn, nth, of;
        };
        std::vector<Within> within;
        if (l.inner)
            for (std::size_t i = 0; i < l.inner->size();) {
                int turn = (*l.inner)[i].turn;
                std::size_t end = i;
                while (end < l.inner->size() && (*l.inner)[end].turn == turn) ++end;
                int n = static_cast<int>(end - i);
                for (int j = 0; i < end; ++i, ++j)
                    if (turn >= 1 && turn < static_cast<int>(v.size()))
                        within.push_back({turn - 1 + (j + 1.0) / (n + 1), (*l.inner)[i].value, turn, j + 1, n});
            }
        std::string pts;
        std::size_t w = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            for (; w < within.size() && within[w].x < static_cast<double>(i); ++w)
                pts += " " + num(X(within[w].x)) + "," + num(Y(within[w].value));
            pts += (i ? " " : "") + num(X(static_cast<double>(i))) + "," + num(Y(v[i]));
        }
        out += "<polyline class=\"series " + l.cls + "\" points=\"" + pts + "\" fill=\"none\" stroke=\"" + l.colour +
               "\" stroke-width=\"" + num(l.width) + "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>";
        for (const Within& p : within) {
            std::string tip = (l.name.empty() ? "" : l.name + ", ") + "during turn " + std::to_string(p.turn) +
                              (p.of > 1 ? ", change " + std::to_string(p.nth) + " of " + std::to_string(p.of) : "") +
                              ": " + (channel ? channel_label(p.value) : std::to_string(p.value));
            out += "<circle class=\"within\" cx=\"" + num(X(p.x)) + "\" cy=\"" + num(Y(p.value)) +
                   "\" r=\"1.8\" fill=\"#ffffff\" stroke=\"" + l.colour + "\" stroke-width=\"1.1\"><title>" + esc(tip) +
                   "</title></circle>";
        }
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

namespace {

int nice_step(int range) {
    for (int s : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000})
        if (range / s <= 7) return s;
    return 1000;
}

}  // namespace

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

}  // namespace gb::report
