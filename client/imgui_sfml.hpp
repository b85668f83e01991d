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

    // Body text in pixels at scale 1 (1280x720): 16 px or more for a projector.
    static constexpr float kBodyPixels = 16.0f;
    // Rescales the whole UI (style sizes and text) to `scale`.
    void set_scale(float scale);
    void process(const sf::Event& e);
    void new_frame(float dt_seconds);
    // Ends the frame's UI: its draw lists are ImGui::GetDrawData()'s.
    void finish();
    // Draws the finished UI on a target (the window or an offscreen canvas).
    void draw(sf::RenderTarget& target);
    // A draw list of one's own (the board's overlay), drawn on a target of
    // the given size, and its fingerprint.
    // With `limit`, only the pixels inside it are drawn.
    static void draw_lists(sf::RenderTarget& target, const std::vector<ImDrawList*>& lists, sf::Vector2u size,
                           const sf::IntRect* limit = nullptr);
    static std::size_t fingerprint(const ImDrawList& list);
    // Whether ImGui wants the mouse or keyboard this frame (then the board ignores them).
    bool wants_mouse() const;
    bool wants_keyboard() const;

    // A quick tap's release is still to be delivered: another frame is needed.
    bool input_pending() const;

private:
    sf::RenderWindow& window_;
    float atlas_scale_ = 1;  // the scale the font atlas was built at
    bool pressed_in_frame_[3] = {};
    bool release_pending_[3] = {};
};

}  // namespace gb::client
