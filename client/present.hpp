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

// Copies a texture (an offscreen canvas the size of the window) to the
// window's back buffer with glBlitFramebuffer, which software GL can do as a
// copy instead of drawing a textured quad. False when the functions are
// missing (then draw a sprite instead). Call with the window's context active.
bool blit_texture_to_window(unsigned texture, unsigned width, unsigned height);

}  // namespace gb::client
