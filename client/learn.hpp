// Learning the game in the app: the "How to play" primer, the map legend,
// and the team brief shown when a game starts. The words are the core's
// (core/primer.hpp), made from the scenario's own data.
#pragma once

#include <SFML/System/Vector2.hpp>
#include <memory>
#include <string>

#include "session.hpp"
#include "ui.hpp"

namespace gb::client {

// A track as people say it, for a label: "Trust between the US and Iran".
std::string track_label(int track);
// The map's marks with their real colours and shapes, one row each.
void draw_legend_rows(const Scenario& sc, float scale);

class Primer {
public:
    bool open = false;
    int page = 0;
    void draw(const Session& game, Ui& ui, sf::Vector2u size);

private:
    // Outside a game (from the menu): the default scenario's primer.
    std::shared_ptr<const Scenario> fallback_;
};

class BriefWindow {
public:
    bool open = false;
    // Opens once for each game the client enters, when the seat is granted
    // (bot games too).
    void offer(const Session& game);
    void draw(const Session& game, Ui& ui, sf::Vector2u size);

private:
    const Scenario* shown_for_ = nullptr;
};

// The legend over the board's corner while `open`.
class Legend {
public:
    bool open = false;
    void draw(const Session& game, Ui& ui, sf::FloatRect board);
};

}  // namespace gb::client
