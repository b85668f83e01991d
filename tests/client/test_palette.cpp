// The board's colours under simulated colour-vision deficiencies: every two
// team colours, and each against the armed-group tags and neutral land, stay
// at least kMinDeltaE apart (CIE76, in CIELAB) for deuteranopia, protanopia
// and tritanopia (Machado et al. 2009, severity 1.0).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "colour_vision.hpp"
#include "palette.hpp"

using namespace gb::client;

namespace {

constexpr double kMinDeltaE = 15.0;

struct Named {
    std::string name;
    sf::Color colour;
};

double worst_pair(const std::vector<Named>& set, Deficiency d, std::string& which) {
    double worst = 1e9;
    for (std::size_t i = 0; i < set.size(); ++i)
        for (std::size_t j = i + 1; j < set.size(); ++j) {
            double e = delta_e76(simulate(set[i].colour, d), simulate(set[j].colour, d));
            if (e < worst) {
                worst = e;
                which = set[i].name + " / " + set[j].name;
            }
        }
    return worst;
}

std::vector<Named> board_colours() {
    return {{"United States", palette::kTeam[0]}, {"Iran", palette::kTeam[1]},     {"Israel", palette::kTeam[2]},
            {"Gulf states", palette::kTeam[3]},   {"armed group", palette::kArmedGroup}, {"neutral land", palette::kNeutralLand}};
}

}  // namespace

TEST_CASE("Team colours and armed-group tags stay apart under colour-vision deficiencies", "[palette]") {
    for (Deficiency d : {Deficiency::none, Deficiency::deuteranopia, Deficiency::protanopia, Deficiency::tritanopia}) {
        std::string which;
        double worst = worst_pair(board_colours(), d, which);
        INFO("deficiency " << static_cast<int>(d) << ": closest pair " << which << ", delta E " << worst);
        CHECK(worst >= kMinDeltaE);
    }
}

TEST_CASE("The colour-vision check tells close colours apart from distinct ones", "[palette]") {
    // The client's former blue and violet, which merged under protanopia, fail the check.
    std::vector<Named> old = {{"old blue", sf::Color(44, 92, 182)}, {"old violet", sf::Color(118, 84, 170)}};
    std::string which;
    CHECK(worst_pair(old, Deficiency::none, which) >= kMinDeltaE);
    CHECK(worst_pair(old, Deficiency::protanopia, which) < kMinDeltaE);
    // Simulating no deficiency leaves a colour as it is; deuteranopia turns red and green alike.
    auto same = simulate(sf::Color(10, 200, 30), Deficiency::none);
    CHECK(same[0] == Approx(10).margin(0.5));
    CHECK(same[1] == Approx(200).margin(0.5));
    CHECK(delta_e76(simulate(sf::Color(200, 60, 40), Deficiency::deuteranopia),
                    simulate(sf::Color(110, 110, 40), Deficiency::deuteranopia)) <
          delta_e76(simulate(sf::Color(200, 60, 40), Deficiency::none),
                    simulate(sf::Color(110, 110, 40), Deficiency::none)));
}
