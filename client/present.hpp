// Presenting frames: copies between framebuffers that software GL can do
// without drawing.
#pragma once

namespace gb::client {

// Copies a rectangle (in window coordinates, y down) of a texture rendered
// by SFML (a RenderTexture's) to the same place in the window's back buffer
// (to_window) or in the framebuffer bound for drawing. glBlitFramebuffer
// lets software GL copy instead of drawing a textured quad. False when the
// functions are missing; then draw a sprite instead.
bool blit_texture(unsigned texture, int x, int y, int width, int height, int texture_height, bool to_window);

}  // namespace gb::client
