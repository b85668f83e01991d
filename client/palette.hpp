// Colours of the board, shared by the client and its screenshot tests.
#pragma once

#include <SFML/Graphics/Color.hpp>

namespace gb::client::palette {

// Team colours, as region fills when a team controls a region.
inline const sf::Color kTeam[4] = {
    sf::Color(44, 92, 182),   // United States: blue
    sf::Color(38, 132, 84),   // Iran: green
    sf::Color(118, 84, 170),  // Israel: violet
    sf::Color(196, 142, 44),  // Gulf states: ochre
};
inline const sf::Color kNeutralLand(222, 214, 192);  // no team controls it
inline const sf::Color kBackgroundLand(168, 166, 158);
inline const sf::Color kSeaZone(74, 122, 138);  // the sea zone: lighter, greener water
inline const sf::Color kWater(54, 78, 102);
inline const sf::Color kBorder(40, 38, 36, 200);
inline const sf::Color kHighlight(255, 236, 170);

}  // namespace gb::client::palette
