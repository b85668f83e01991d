// Colours of the board, shared by the client and its tests. The teams and
// the armed-group tags use the Okabe-Ito palette, chosen to stay apart under
// deuteranopia, protanopia and tritanopia (tests/client/test_palette.cpp
// simulates each and checks the CIE76 colour difference); every chip also
// carries a letter, so colour is never the only cue.
#pragma once

#include <SFML/Graphics/Color.hpp>

namespace gb::client::palette {

// Team colours, as region fills when a team controls a region.
inline const sf::Color kTeam[4] = {
    sf::Color(0, 114, 178),    // United States: Okabe-Ito blue
    sf::Color(0, 158, 115),    // Iran: bluish green
    sf::Color(204, 121, 167),  // Israel: reddish purple
    sf::Color(230, 159, 0),    // Gulf states: orange
};
// The letter on each team's influence chip.
inline const char* const kTeamLetter[4] = {"U", "I", "S", "G"};
// Armed groups' tags on the map: vermillion.
inline const sf::Color kArmedGroup(213, 94, 0);
inline const sf::Color kNeutralLand(222, 214, 192);  // no team controls it
inline const sf::Color kBackgroundLand(168, 166, 158);
inline const sf::Color kSeaZone(74, 122, 138);  // the sea zone: lighter, greener water
inline const sf::Color kWater(54, 78, 102);
inline const sf::Color kBorder(40, 38, 36, 200);
inline const sf::Color kHighlight(255, 236, 170);
// Signed gauges: above zero and below it (blue and vermillion, never green and red).
inline const sf::Color kPositive(86, 180, 233);
inline const sf::Color kNegative(213, 94, 0);

}  // namespace gb::client::palette
