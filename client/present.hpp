// What the window's back buffer holds: with GLX_EXT_buffer_age the driver
// says how many frames old its contents are, so an unchanged frame can be
// presented again without being drawn.
#pragma once

namespace gb::client {

// The age of the current drawable's back buffer: 1 means it holds the last
// frame shown; 0 means unknown (the extension is missing, or the contents
// are undefined). Call with the window's GL context active.
unsigned back_buffer_age();

}  // namespace gb::client

namespace gb::client {

// Copies a rectangle (in window coordinates, y down) of a texture rendered
// by SFML (a RenderTexture's) to the same place in the window's back buffer
// (to_window) or in the framebuffer bound for drawing. glBlitFramebuffer
// lets software GL copy instead of drawing a textured quad. False when the
// functions are missing; then draw a sprite instead.
bool blit_texture(unsigned texture, int x, int y, int width, int height, int texture_height, bool to_window);

}  // namespace gb::client
