// Learning the game in the app: the "How to play" primer (a few pages made
// from the scenario's own data: the turn, the map's marks, the tracks, how
// your team scores, the fragility rule), the map legend, and the team brief
// shown when a game starts.
#pragma once

#include <SFML/System/Vector2.hpp>
#include <string>

#include "session.hpp"
#include "ui.hpp"

namespace gb::client {

// A track as people say it: "US hawks", "Tehran's hardliners".
std::string track_label(int track);
// One scoring or action-point term in words ("+2 per point of trust").
std::string describe_term(const Scenario& sc, const Term& t);
// The map's marks with their real colours and shapes, one row each.
void draw_legend_rows(const Scenario& sc, float scale);

class Primer {
public:
    bool open = false;
    int page = 0;
    static constexpr int kPages = 5;
    void draw(const Session& game, Ui& ui, sf::Vector2u size);
};

class TeamBrief {
public:
    bool open = false;
    // Opens once for each game the client enters.
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
