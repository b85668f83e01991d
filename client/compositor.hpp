// Builds each frame from layers that are rasterized again only when they
// change (software GL pays for every pixel): the board with its labels, and
// the docked panels, each redrawn on its own when its draw lists change.
// What moves (hover outline, pings, tooltips, toasts, popups) goes on top.
#pragma once

#include <SFML/Graphics.hpp>
#include <map>
#include <memory>
#include <string>

struct ImDrawList;

namespace gb::client {

class BoardView;

class Compositor {
public:
    Compositor(sf::RenderWindow& window, bool always_redraw);
    ~Compositor();

    // The board's overlay list (labels, chips), reset for a new frame.
    ImDrawList* begin_overlay(sf::Vector2u size);
    // The overlay's fingerprint, once drawn.
    std::size_t end_overlay();
    // The docked panels' windows by ImGui name, and their rectangles.
    std::map<std::string, sf::IntRect>& panels() { return panel_rects_; }

    // The main menu: ImGui alone on the water colour; `ui_sig` is the UI's fingerprint.
    void compose_menu(std::size_t ui_sig);
    // A game's frame from the board layer, the panel layer and the live part.
    void compose(sf::Vector2u size, const BoardView& board, std::size_t board_sig);
    // A layer was rasterized again this frame.
    bool redrawn() const { return redrawn_; }
    // The window's back buffer holds a frame different from the last one presented.
    bool changed() const { return changed_; }

private:
    sf::RenderWindow& window_;
    bool always_redraw_ = false;
    std::unique_ptr<ImDrawList> overlay_;  // the board's labels, chips, outline and pings
    sf::RenderTexture board_layer_;        // the map with its overlay, redrawn when either changes
    bool board_layer_valid_ = false;
    std::size_t board_layer_sig_ = 0;
    std::unique_ptr<ImDrawList> live_;  // what moves every frame: hover outline, pings
    sf::RenderTexture panel_layer_;     // the docked panels, each redrawn when its lists change
    std::map<std::string, sf::IntRect> panel_rects_;
    std::map<std::string, std::size_t> panel_sigs_;
    sf::RenderTexture canvas_;  // the composed frame, copied to the window
    bool canvas_valid_ = false;
    std::size_t canvas_sig_ = 0, canvas_layers_sig_ = 0, last_frame_sig_ = 0;
    bool redrawn_ = false;
    bool changed_ = true;
    std::size_t menu_sig_ = 0;
};

}  // namespace gb::client
