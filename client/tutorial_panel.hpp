// The scripted White Cell's steps in a tutorial game (core/tutorial.hpp): the
// step it broadcast last, in a window over the board that stays until the
// next, with what it waits for and whether that is done.
#pragma once

#include <SFML/Graphics/Rect.hpp>

#include "session.hpp"
#include "ui.hpp"

namespace gb::client {

class TutorialPanel {
public:
    bool collapsed = false;  // folded to its title bar by the student
    // Draws over the board's top right corner; nothing outside a tutorial game.
    void draw(const Session& game, Ui& ui, sf::FloatRect board);
};

}  // namespace gb::client
