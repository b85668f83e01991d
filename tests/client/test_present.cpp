// Showing part of a frame: when only a tooltip or a hover highlight moved,
// the client draws and shows just that rectangle. What the window shows must
// then be, pixel for pixel, the whole frame drawn again: read back from the
// X server under Xvfb, not from the client's own buffers.
#include <catch2/catch.hpp>

#include "client_harness.hpp"

using namespace gbi;
using namespace gbc;

namespace {

struct Check {
    long compared = 0, differing = -1, in_part = -1, whole = -1, panels_in_part = -1;
};

Check read_check(const std::string& path) {
    auto v = read_view(path + ".txt");
    Check c;
    if (v.count("panels_redrawn_in_part")) c.panels_in_part = std::stol(v["panels_redrawn_in_part"]);
    if (v.count("compared")) c.compared = std::stol(v["compared"]);
    if (v.count("differing")) c.differing = std::stol(v["differing"]);
    if (v.count("shown_in_part")) c.in_part = std::stol(v["shown_in_part"]);
    if (v.count("shown_whole")) c.whole = std::stol(v["shown_whole"]);
    return c;
}

}  // namespace

TEST_CASE("A frame shown in part matches the whole frame, pixel for pixel", "[client][present]") {
    need_display();
    auto dir = temp_dir("client-present");
    std::string settings = seen_settings(dir);
    // The pointer crosses the map (the region outline and its tooltip follow
    // it), then the side panel (hover highlights redraw the panel alone).
    std::string text = "wait-seated\nwait-widget Start playing\nclick Start playing\nwait-frames 20\n";
    for (int x = 120; x <= 720; x += 40) text += "move-to " + std::to_string(x) + " " + std::to_string(200 + x / 3) + "\nwait-frames 2\n";
    text += "check-shown " + dir + "/map.png\n";
    for (int x = 880; x <= 1240; x += 90)
        for (int y = 240; y <= 700; y += 20)
            text += "move-to " + std::to_string(x) + " " + std::to_string(y) + "\nwait-frames 2\n";
    // Last, the pointer rests on a button: its highlight is on screen when checked.
    text += "hover Advance phase\nwait-frames 3\ncheck-shown " + dir + "/panel.png\nquit\n";
    auto script = write_script(dir, text);
    std::string out = dir + "/client.out";
    REQUIRE(run_client({"--host-local", "--seat", "control", "--bots", "none", "--port", "0", "--data",
                        dir + "/data", "--seed", "8", "--settings", settings, "--size", "1280x720", "--script",
                        script},
                       out) == 0);
    Check map = read_check(dir + "/map.png"), panel = read_check(dir + "/panel.png");
    INFO("map: " << map.differing << " differing, " << map.in_part << " in part, " << map.whole << " whole");
    INFO("panel: " << panel.differing << " differing, " << panel.in_part << " in part, " << panel.whole << " whole, "
                   << panel.panels_in_part << " panels redrawn in part");
    // Most pointer moves were shown in part, and the screen holds the frame.
    CHECK(map.in_part >= 8);
    CHECK(map.compared == 1280 * 720);  // the window opens whole on the screen
    CHECK(map.differing == 0);
    CHECK(panel.in_part > map.in_part);
    CHECK(panel.differing == 0);
    // Hover highlights changed the panel's colours alone: it was rasterized
    // again only there, and the screen still matches a fresh whole frame.
    CHECK(panel.panels_in_part > map.panels_in_part);
}
