#include "colour_vision.hpp"

#include <algorithm>
#include <cmath>

namespace gb::client {

namespace {

using Mat = std::array<std::array<double, 3>, 3>;

const Mat& matrix(Deficiency d) {
    static const Mat none{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
    static const Mat deut{{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
                           {-0.011820, 0.042940, 0.968881}}};
    static const Mat prot{{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
                           {-0.003882, -0.048116, 1.051998}}};
    static const Mat trit{{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
                           {0.004733, 0.691367, 0.303900}}};
    switch (d) {
        case Deficiency::deuteranopia: return deut;
        case Deficiency::protanopia: return prot;
        case Deficiency::tritanopia: return trit;
        default: return none;
    }
}

double to_linear(double c) {
    c /= 255;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double to_srgb(double l) {
    l = std::clamp(l, 0.0, 1.0);
    return 255 * (l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055);
}

std::array<double, 3> lab(const std::array<double, 3>& srgb) {
    double r = to_linear(srgb[0]), g = to_linear(srgb[1]), b = to_linear(srgb[2]);
    double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

}  // namespace

std::array<double, 3> simulate(sf::Color c, Deficiency d) {
    const Mat& m = matrix(d);
    double l[3] = {to_linear(c.r), to_linear(c.g), to_linear(c.b)};
    std::array<double, 3> out{};
    for (int i = 0; i < 3; ++i) out[i] = to_srgb(m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]);
    return out;
}

double delta_e76(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    auto p = lab(a), q = lab(b);
    return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
}

}  // namespace gb::client
