// The heads-up display around the board: the top bar (game, turn, phase,
// timer, seat, codes, connection), the track gauges under the board, the
// region tooltip, and the banner while the connection is down.
#pragma once

#include <SFML/System/Vector2.hpp>
#include <string>

#include "camera.hpp"
#include "session.hpp"
#include "ui.hpp"

namespace gb::client {

class Hud {
public:
    // What the player asked for on the bar this frame (the shell acts on it and clears it).
    bool want_primer = false, want_legend = false, want_brief = false, want_mute = false, want_white_cell = false;
    // Shown as ticks in the help menu.
    bool legend_open = false, muted = true;
    void draw_top_bar(Session& game, Ui& ui, const Camera& cam, sf::Vector2u size);
    void draw_tracks(const Session& game, const Ui& ui, const Camera& cam, sf::Vector2u size, float timeline_h);
    void draw_board_tooltip(const Session& game, const Ui& ui, int hovered);
    static std::string track_tooltip(const Session& game, Track t);
    static std::string region_tooltip(const Session& game, int region);
};

}  // namespace gb::client
