// The report's SVG charts: the tracks as small multiples and the scores, with
// the points between turns where a track changed within a turn.
#pragma once

#include <string>
#include <vector>

#include "clean_text.hpp"
#include "report.hpp"

namespace gb::report {

inline std::string esc(const std::string& s) {
    return html_escape(s);
}

inline std::string num(double v) {
    return fmt_number(v);
}

struct Line {
    const std::vector<int>* values = nullptr;
    std::string colour, cls, name;
    double width = 2;
    bool last_partial = false;                       // the last point is where an unfinished journal stops
    const std::vector<InnerPoint>* inner = nullptr;  // changes within each turn, drawn between its points
};

struct Axis {
    int points = 1;                       // x runs 0 .. points-1
    std::vector<std::string> point_name;  // for tooltips: "end of turn 3 (Spring 2002)"
};

// One small multiple: a track's value over the turns, with its bounds, the
// changes within each turn between the turn's points, and the simulated
// games' bands when given.
void panel(std::string& out, double ox, double oy, double w, double h, const std::string& id, const std::string& title,
           int lo, int hi, const Axis& axis, const std::vector<Line>& lines, const std::vector<Band>* bands,
           bool channel);
// All the tracks and the channel as small multiples in one SVG.
std::string tracks_svg(const std::string& id, const std::string& label, const std::array<Series, kTracks>& tracks,
                       const Series* channel, const std::vector<std::vector<Line>>& lines_per_panel, const Axis& axis,
                       const SimulatedGames* sim, int columns);
// Each team's score by turn, with its par.
std::string scores_svg(const GameReport& r, const Axis& axis);
// Point 0 is the opening, point t the end of turn t (named from the calendar).
Axis make_axis(const std::vector<std::string>& calendar, int points);

}  // namespace gb::report
