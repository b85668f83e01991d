// Colour-vision deficiency simulation (Machado, Oliveira and Fernandes 2009,
// severity 1.0, applied in linear sRGB) and the CIE76 colour difference in
// CIELAB (D65), to check that a palette stays readable for everyone.
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <array>

namespace gb::client {

enum class Deficiency { none, deuteranopia, protanopia, tritanopia };

// The colour as a viewer with the deficiency sees it (sRGB, 0..255).
std::array<double, 3> simulate(sf::Color c, Deficiency d);
// CIE76 difference (Euclidean distance in CIELAB) of two sRGB colours given as 0..255 triples.
double delta_e76(const std::array<double, 3>& a, const std::array<double, 3>& b);

}  // namespace gb::client
