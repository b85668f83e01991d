// Where a panel's picture changed between two frames, read from its ImGui
// draw lists: a hover highlight changes a few vertices' colours, not the
// lists' shape, so only that widget's rectangle need be rasterized again.
#pragma once

#include <imgui.h>

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>
#include <optional>
#include <vector>

namespace gb::client {

// A frame's draw lists, kept to compare the next frame's with.
class DrawListsCopy {
public:
    void keep(const std::vector<ImDrawList*>& lists);
    // The rectangle (window pixels) outside which `now` draws what the kept
    // lists drew; nullopt when their shape differs (other commands, indices,
    // vertex counts) and the whole must be drawn again.
    std::optional<sf::IntRect> differing(const std::vector<ImDrawList*>& now, sf::Vector2u size) const;

private:
    struct List {
        std::vector<ImDrawVert> vtx;
        std::vector<ImDrawIdx> idx;
        std::vector<ImDrawCmd> cmds;
    };
    std::vector<List> lists_;
};

}  // namespace gb::client
