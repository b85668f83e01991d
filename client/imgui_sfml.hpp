// Dear ImGui on an SFML window: SFML events feed ImGui's input, and ImGui's
// draw lists are rendered with its OpenGL 2 renderer inside SFML's GL context.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

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
    void render();
    // Whether ImGui wants the mouse or keyboard this frame (then the board ignores them).
    bool wants_mouse() const;
    bool wants_keyboard() const;

private:
    sf::RenderWindow& window_;
};

}  // namespace gb::client
