// The map: region fills batched in one vertex array, borders in another,
// off-map boxes, and an overlay (labels, influence, stability, markers,
// pings) drawn through ImGui's background list. Pans and zooms.
#pragma once

#include <SFML/Graphics.hpp>
#include <chrono>
#include <deque>
#include <string>
#include <vector>

#include "map_asset.hpp"
#include "state.hpp"

struct ImDrawList;

namespace gb::client {

struct Ping {
    float x = 0, y = 0;  // map units
    std::string name;
    std::chrono::steady_clock::time_point at;
};

class BoardView {
public:
    // Links the map's shapes to the scenario's regions (by id).
    void set_map(const MapAsset& map, const Scenario& sc);
    // The board's area in window pixels; the camera keeps its centre.
    void set_viewport(sf::FloatRect px, sf::Vector2u window);
    void fit();
    // Recolours the fills for a new board.
    void update(const GameState& g);
    void draw(sf::RenderTarget& target);
    // Labels, influence, stability and markers: changes with the board.
    void overlay(const GameState& g, ImDrawList* dl) const;
    // The hovered region's outline and teammates' pings: changes every frame.
    void overlay_live(ImDrawList* dl) const;
    // Pans (drag) and zooms (wheel). Returns true when it used the event.
    bool handle(const sf::Event& e, bool gui_has_mouse);

    // Scenario region under a window position, or -1.
    int region_at(sf::Vector2f px) const;
    sf::Vector2f to_screen(float x, float y) const;
    sf::Vector2f to_map(sf::Vector2f px) const;
    const sf::FloatRect& viewport() const { return viewport_; }
    bool in_viewport(sf::Vector2f px) const { return viewport_.contains(px); }

    // A scenario region's label anchor in map units (boxes: their centre).
    sf::Vector2f anchor(int region) const;
    // A point inside the region for tests (map units), and whether it has one.
    bool probe(int region, sf::Vector2f& out) const;
    // The fill colour a region is drawn with on this board.
    static sf::Color fill_for(const Scenario& sc, const Board& b, int region);

    std::deque<Ping> pings;
    int hovered = -1;
    float text_scale = 1;  // the UI's scale: labels grow with it on large windows
    float zoom() const { return zoom_; }
    // Changes whenever what draw() paints changes (board, camera, viewport).
    std::uint64_t version() const { return version_; }

private:
    struct Shape {
        int region = -1;  // scenario index, -1 for background
        const MapRegion* geo = nullptr;
        std::size_t first = 0, count = 0;  // vertices in fills_
        float area = 0;                    // map units squared
    };
    struct Box {
        int region = -1;
        sf::FloatRect rect;  // map units
    };

    const MapAsset* map_ = nullptr;
    std::vector<Shape> shapes_;
    std::vector<Box> boxes_;
    sf::VertexArray fills_{sf::Triangles};
    sf::VertexArray borders_{sf::Lines};
    sf::VertexArray box_fills_{sf::Triangles};
    sf::FloatRect viewport_;
    sf::Vector2u window_;
    sf::Vector2f centre_;
    float zoom_ = 1;  // pixels per map unit
    std::uint64_t version_ = 0;
    bool dragging_ = false;
    sf::Vector2f drag_from_;
    std::vector<std::string> marker_codes_;
};

}  // namespace gb::client
