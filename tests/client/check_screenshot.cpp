// gb_check_screenshot: checks a gb-client --screenshot picture as the client
// tests do (tests/client/test_client.cpp), for scripts that run a client
// elsewhere (the clean-root package test): every game region's fill against
// the team that controls it in the game's journal, and a drawn side panel.
// usage: gb_check_screenshot PNG CLIENT_OUTPUT JOURNAL MAP_FILE
// Prints what it checked; exits 0 when the picture passes, 1 otherwise.
#include <SFML/Graphics/Image.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "journal.hpp"
#include "journal_replay.hpp"
#include "map_asset.hpp"
#include "palette.hpp"

using namespace gb;

namespace {

struct Transform {
    float zoom = 0, ox = 0, oy = 0;
    sf::FloatRect viewport;
    sf::Vector2f at(client::MapPoint p) const { return {ox + p.x * zoom, oy + p.y * zoom}; }
};

// The "board zoom Z origin X Y viewport L T W H" line the client prints with --screenshot.
Transform parse_transform(const std::string& path) {
    std::ifstream in(path);
    std::string line, w;
    Transform t;
    while (std::getline(in, line)) {
        if (line.rfind("board ", 0) != 0) continue;
        std::istringstream l(line);
        l >> w >> w >> t.zoom >> w >> t.ox >> t.oy >> w >> t.viewport.left >> t.viewport.top >> t.viewport.width >>
            t.viewport.height;
    }
    return t;
}

bool near(sf::Color a, sf::Color b, int tol) {
    return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

sf::Color expected_fill(const GameState& g, int region) {
    const Scenario& sc = g.sc();
    if (sc.regions[region].kind == RegionKind::sea) return client::palette::kSeaZone;
    for (Team t : kAllTeams)
        if (controls(sc, g.board, t, region)) return client::palette::kTeam[idx(t)];
    return client::palette::kNeutralLand;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: gb_check_screenshot PNG CLIENT_OUTPUT JOURNAL MAP_FILE\n");
        return 2;
    }
    int failures = 0;
    auto check = [&](bool ok, const std::string& what) {
        std::cout << (ok ? "ok   " : "FAIL ") << what << "\n";
        failures += !ok;
    };
    sf::Image img;
    if (!img.loadFromFile(argv[1])) return std::cerr << "cannot read " << argv[1] << "\n", 1;
    Transform tf = parse_transform(argv[2]);
    if (tf.zoom <= 0) return std::cerr << "no 'board' line in " << argv[2] << "\n", 1;
    JournalRead jr = read_journal(argv[3]);
    if (!jr.error.empty()) return std::cerr << jr.error << "\n", 1;
    ReplayedGame rg = replay(jr);
    if (!rg.error.empty()) return std::cerr << rg.error << "\n", 1;
    client::MapAsset map = client::load_map(argv[4]);

    // Every game region's fill, sampled away from its label and borders.
    const GameState& g = rg.state;
    const Scenario& sc = g.sc();
    int regions_checked = 0;
    std::set<std::uint32_t> fills;
    for (std::size_t r = 0; r < sc.regions.size(); ++r) {
        const auto* geo = map.find(sc.regions[r].id);
        if (!geo) continue;
        sf::Color want = expected_fill(g, static_cast<int>(r));
        sf::Vector2f anchor = tf.at(geo->anchor);
        int sampled = 0, matched = 0;
        for (std::size_t i = 0; i + 2 < geo->triangles.size(); i += 3) {
            const auto &a = geo->triangles[i], &b = geo->triangles[i + 1], &c = geo->triangles[i + 2];
            float area = std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2 * tf.zoom * tf.zoom;
            if (area < 60) continue;
            sf::Vector2f p = tf.at({(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3});
            if (!tf.viewport.contains(p)) continue;
            if (std::hypot(p.x - anchor.x, p.y - anchor.y) < 70) continue;
            if (geo->kind == "sea") {
                bool under_land = false;
                for (const auto& other : map.regions)
                    if (other.kind != "sea" && client::contains(other, {(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3}))
                        under_land = true;
                if (under_land) continue;
            }
            ++sampled;
            matched += near(img.getPixel(unsigned(p.x), unsigned(p.y)), want, 24);
        }
        if (sampled < 3) continue;
        check(matched * 10 >= sampled * 8, "region " + sc.regions[r].id + ": " + std::to_string(matched) + " of " +
                                               std::to_string(sampled) + " points show the expected fill");
        ++regions_checked;
        fills.insert(want.toInteger());
    }
    check(regions_checked >= 9, std::to_string(regions_checked) + " regions checked (at least 9)");
    check(fills.size() >= 2, std::to_string(fills.size()) + " different fills among them (at least 2)");

    // Not blank: many colours, a drawn side panel, mostly not dark.
    auto size = img.getSize();
    std::set<std::uint32_t> colours, panel_colours;
    std::size_t dark = 0, total = 0;
    for (unsigned y = 0; y < size.y; y += 2)
        for (unsigned x = 0; x < size.x; x += 2) {
            sf::Color c = img.getPixel(x, y);
            colours.insert(c.toInteger());
            if (x > tf.viewport.left + tf.viewport.width + 4) panel_colours.insert(c.toInteger());
            dark += c.r + c.g + c.b < 30;
            ++total;
        }
    check(colours.size() > 200, std::to_string(colours.size()) + " distinct colours (more than 200)");
    check(panel_colours.size() > 40, std::to_string(panel_colours.size()) + " colours in the side panel (more than 40)");
    check(dark * 2 < total, std::to_string(dark) + " of " + std::to_string(total) + " samples dark (under half)");
    return failures == 0 ? 0 : 1;
}
