// The map: region fills batched in one vertex array, borders in another,
// off-map boxes, and an overlay (labels, influence, stability, markers,
// pings) drawn into ImGui draw lists; a Camera places it in the window.
#pragma once

#include <SFML/Graphics.hpp>
#include <chrono>
#include <deque>
#include <string>
#include <vector>

#include "camera.hpp"
#include "map_asset.hpp"
#include "state.hpp"

struct ImDrawList;

namespace gb::client {

struct Ping {
    float x = 0, y = 0;  // map units
    std::string name;
    std::chrono::steady_clock::time_point at;
};

// Draws the board it is given (fills, borders, off-map boxes) through the
// camera it is built with; the overlay goes into ImGui draw lists.
class BoardView : public sf::Drawable {
public:
    explicit BoardView(Camera& camera) : cam_(camera) {}
    // Links the map's shapes to the scenario's regions (by id), and tells the camera the map's size.
    void set_map(const MapAsset& map, const Scenario& sc);
    // Recolours the fills for a new board.
    void update(const GameState& g);
    // Labels, influence, stability and markers: changes with the board.
    void overlay(const GameState& g, ImDrawList* dl) const;
    // The hovered region's outline and teammates' pings: changes every frame.
    void overlay_live(ImDrawList* dl) const;

    // Scenario region under a window position, or -1.
    int region_at(sf::Vector2f px) const;
    // A scenario region's label anchor in map units (boxes: their centre).
    sf::Vector2f anchor(int region) const;
    // A point inside the region for tests (map units), and whether it has one.
    bool probe(int region, sf::Vector2f& out) const;
    // The fill colour a region is drawn with on this board.
    static sf::Color fill_for(const Scenario& sc, const Board& b, int region);
    const Camera& camera() const { return cam_; }

    std::deque<Ping> pings;
    int hovered = -1;
    float text_scale = 1;  // the UI's scale: labels grow with it on large windows
    // Changes whenever what draw() paints changes (board, camera, viewport).
    std::uint64_t version() const { return version_ * 1000003u + cam_.version(); }

protected:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

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
    Camera& cam_;
    std::uint64_t version_ = 0;
    std::vector<std::string> marker_codes_;
};

}  // namespace gb::client
