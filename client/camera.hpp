// Where the map sits in the window: the board's area in window pixels, the
// map point at its centre and the zoom. Pans with a drag, zooms with the
// wheel about the pointer, fits the whole map on demand and on resizing.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/View.hpp>
#include <SFML/Window/Event.hpp>
#include <cstdint>

namespace gb::client {

class Camera {
public:
    // The map's size in map units; fits it.
    void set_map_size(float width, float height);
    // The board's area in window pixels. A new size fits the map again.
    void set_viewport(sf::FloatRect px, sf::Vector2u window);
    void fit();
    // Pans (left or middle drag) and zooms (wheel). True when it used the event.
    bool handle(const sf::Event& e, bool gui_has_mouse);

    sf::Vector2f to_screen(float x, float y) const;
    sf::Vector2f to_map(sf::Vector2f px) const;
    const sf::FloatRect& viewport() const { return viewport_; }
    bool in_viewport(sf::Vector2f px) const { return viewport_.contains(px); }
    sf::Vector2u window() const { return window_; }
    float zoom() const { return zoom_; }
    // The zoom at which the whole map fits the viewport.
    float fit_zoom() const;
    // An SFML view that draws map units into the viewport.
    sf::View view() const;
    // Whether a drag has moved the map since the button went down.
    bool dragged() const { return drag_moved_; }
    // Changes whenever the transform changes.
    std::uint64_t version() const { return version_; }

private:
    float map_w_ = 0, map_h_ = 0;
    sf::FloatRect viewport_;
    sf::Vector2u window_;
    sf::Vector2f centre_;
    float zoom_ = 1;  // pixels per map unit
    std::uint64_t version_ = 0;
    bool dragging_ = false, drag_moved_ = false;
    sf::Vector2f drag_from_, press_at_;
};

}  // namespace gb::client
