// Dear ImGui on an SFML window: SFML events feed ImGui's input, and ImGui's
// draw lists are rendered with its OpenGL 2 renderer inside SFML's GL context.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>
#include <cstddef>
#include <vector>

struct ImDrawList;

namespace gb::client {

class ImGuiLayer {
public:
    // `font_path`: a TTF for the panels; `scale` multiplies the base size.
    ImGuiLayer(sf::RenderWindow& window, const char* font_path, float scale);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    void process(const sf::Event& e);
    void new_frame(float dt_seconds);
    // Ends the frame's UI and returns a fingerprint of everything it draws,
    // so an unchanged frame need not be rasterized again.
    std::size_t finish();
    // Draws the finished UI on a target (the window or an offscreen canvas).
    void draw(sf::RenderTarget& target);
    // A draw list of one's own (the board's overlay), drawn on a target of
    // the given size, and its fingerprint.
    static void draw_lists(sf::RenderTarget& target, const std::vector<ImDrawList*>& lists, sf::Vector2u size);
    static std::size_t fingerprint(const ImDrawList& list);
    // Whether ImGui wants the mouse or keyboard this frame (then the board ignores them).
    bool wants_mouse() const;
    bool wants_keyboard() const;

private:
    sf::RenderWindow& window_;
};

}  // namespace gb::client
