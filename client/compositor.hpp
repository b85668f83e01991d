// Builds each frame from layers that are rasterized again only when they
// change (software GL pays for every pixel): the board with its labels, and
// the docked panels, each redrawn on its own when its draw lists change.
// What moves (hover outline, pings, tooltips, toasts, popups) goes on top.
#pragma once

#include <SFML/Graphics.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "draw_diff.hpp"

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

    // The main menu: ImGui alone on the water colour, drawn whole and shown
    // when it changed or when `whole` (a screenshot, the window uncovered).
    void compose_menu(bool whole);
    // A game's frame from the board layer, the panel layer and the live part,
    // drawn in the window's back buffer: all of it when `whole` (a screenshot
    // reads it, or the window was uncovered) or when much changed, else only
    // the rectangle that changed since the frame last shown.
    void compose(sf::Vector2u size, const BoardView& board, std::size_t board_sig, bool whole);
    // Shows what compose drew: the whole frame (a swap), the rectangle that
    // changed (without a swap, where the driver can), or nothing.
    void present();
    // Draws the whole of the last composed frame in the back buffer again,
    // every layer rasterized afresh, without showing it: tests compare it
    // with what the window shows.
    void redraw_whole(const BoardView& board);
    // A layer was rasterized again this frame.
    bool redrawn() const { return redrawn_; }
    // This frame differs from the one last shown.
    bool changed() const { return show_ != Show::nothing; }
    // Frames shown so far: whole, and in part.
    long shown_whole() const { return shown_whole_; }
    long shown_in_part() const { return shown_in_part_; }
    // Panels rasterized again only where their lists changed, so far.
    long panels_redrawn_in_part() const { return panels_redrawn_in_part_; }

private:
    enum class Show { nothing, whole, part };
    // Rasterizes the board layer: the map and its overlay.
    void rasterize_board(const BoardView& board, sf::Vector2u size);
    // Rasterizes `area` of a panel in the panel layer from the panel's lists.
    void rasterize_panel(const std::vector<ImDrawList*>& lists, sf::IntRect area, sf::Vector2u size);
    // Copies both layers into the window where they meet `areas`, then draws the live part.
    void draw_frame(sf::Vector2u size, const std::vector<sf::IntRect>& areas);

    sf::RenderWindow& window_;
    bool always_redraw_ = false;
    std::unique_ptr<ImDrawList> overlay_;  // the board's labels, chips, outline and pings
    sf::RenderTexture board_layer_;        // the map with its overlay, redrawn when either changes
    bool board_layer_valid_ = false;
    std::size_t board_layer_sig_ = 0;
    sf::IntRect board_rect_;                // where the board layer shows: the camera's viewport
    std::unique_ptr<ImDrawList> live_;     // what moves every frame: hover outline, pings
    std::vector<ImDrawList*> live_lists_;  // that and the floating windows (tooltips, toasts, popups)
    sf::RenderTexture panel_layer_;        // the docked panels, each redrawn when its lists change
    std::map<std::string, sf::IntRect> panel_rects_;
    std::map<std::string, std::size_t> panel_sigs_;
    std::map<std::string, std::vector<ImDrawList*>> frame_panels_;  // this frame's lists of each panel
    std::map<std::string, DrawListsCopy> panel_lists_;      // each panel's lists as last drawn
    std::map<std::string, sf::IntRect> panel_drawn_rects_;  // and its rectangle then
    std::map<std::string, sf::IntRect> panel_redrawn_in_;  // what of each panel this frame redrew
    bool redrawn_ = false;
    Show show_ = Show::whole;
    std::vector<sf::IntRect> part_;  // what a partly shown frame shows: rectangles apart
    // The frame last shown, when it was a game's: its layers, layout and live part.
    struct Shown {
        bool valid = false;
        sf::Vector2u size;
        std::size_t board_sig = 0;
        std::vector<std::size_t> live_sigs;    // each live list's fingerprint
        sf::IntRect board_rect;
        std::vector<sf::IntRect> live_bounds;  // each live list's
        std::map<std::string, sf::IntRect> panel_rects;
        std::map<std::string, std::size_t> panel_sigs;
    } shown_;
    std::size_t menu_sig_ = 0;  // the menu frame last shown, or 0
    long shown_whole_ = 0, shown_in_part_ = 0, panels_redrawn_in_part_ = 0;
};

}  // namespace gb::client
