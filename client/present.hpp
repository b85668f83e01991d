// Presenting frames: copies between framebuffers that software GL can do
// without drawing, and showing part of a frame without swapping.
#pragma once

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Window/WindowHandle.hpp>

namespace gb::client {

// Copies a rectangle (in window coordinates, y down) of a texture rendered
// by SFML (a RenderTexture's) to the same place in the window's back buffer
// (to_window) or in the framebuffer bound for drawing. glBlitFramebuffer
// lets software GL copy instead of drawing a textured quad. False when the
// functions are missing; then draw a sprite instead.
bool blit_texture(unsigned texture, int x, int y, int width, int height, int texture_height, bool to_window);

// Whether the active context's window can show part of its back buffer
// without a swap (GLX_MESA_copy_sub_buffer, which Mesa's drivers have).
bool can_present_part();
// Shows a rectangle of the back buffer (window coordinates, y down) in the
// window, leaving the back buffer as it was. Only where can_present_part().
void present_part(sf::IntRect r, int window_height);
// The window's pixels as the screen shows them (not the back buffer): what
// tests compare a partly shown frame with. Only the part of the window on
// the screen can be read: `on_screen`. False where nothing can be read.
bool read_shown_pixels(sf::WindowHandle window, sf::Vector2u size, sf::Image& out, sf::IntRect& on_screen);

}  // namespace gb::client
