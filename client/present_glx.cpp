// Showing part of a frame on X11: glXCopySubBufferMESA copies a rectangle of
// the back buffer to the window, so a frame in which only a tooltip moved
// costs that rectangle, not the window. Kept apart: Xlib's macros (None,
// Bool, Status) must not meet the rest of the client.
#include <GL/gl.h>
#include <GL/glx.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <algorithm>
#include <cstring>

#include "present.hpp"

namespace gb::client {

namespace {
using CopySubBuffer = void (*)(Display*, GLXDrawable, int, int, int, int);

CopySubBuffer copy_sub_buffer() {
    // Asked once, for the display the first game window is on.
    static CopySubBuffer fn = [] () -> CopySubBuffer {
        Display* dpy = glXGetCurrentDisplay();
        if (!dpy) return nullptr;
        const char* ext = glXQueryExtensionsString(dpy, DefaultScreen(dpy));
        if (!ext) return nullptr;
        // A whole word of the list, not a prefix of another.
        const char* name = "GLX_MESA_copy_sub_buffer";
        for (const char* p = std::strstr(ext, name); p; p = std::strstr(p + 1, name)) {
            char after = p[std::strlen(name)];
            if ((p == ext || p[-1] == ' ') && (after == ' ' || after == '\0'))
                return reinterpret_cast<CopySubBuffer>(
                    glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA")));
        }
        return nullptr;
    }();
    return fn;
}
}  // namespace

bool can_present_part() { return glXGetCurrentDrawable() != 0 && copy_sub_buffer() != nullptr; }

void present_part(sf::IntRect r, int window_height) {
    // GLX counts rows up from the bottom.
    copy_sub_buffer()(glXGetCurrentDisplay(), glXGetCurrentDrawable(), r.left, window_height - (r.top + r.height),
                      r.width, r.height);
}

bool read_shown_pixels(sf::WindowHandle window, sf::Vector2u size, sf::Image& out, sf::IntRect& on_screen) {
    Display* dpy = glXGetCurrentDisplay();
    if (!dpy) return false;
    glFinish();
    XSync(dpy, False);
    // Only the part of the window on the screen can be read.
    XWindowAttributes root{};
    int rx = 0, ry = 0;
    ::Window child = 0;
    if (!XGetWindowAttributes(dpy, DefaultRootWindow(dpy), &root) ||
        !XTranslateCoordinates(dpy, window, DefaultRootWindow(dpy), 0, 0, &rx, &ry, &child))
        return false;
    int x0 = std::max(0, -rx), y0 = std::max(0, -ry);
    int x1 = std::min(int(size.x), root.width - rx), y1 = std::min(int(size.y), root.height - ry);
    if (x1 <= x0 || y1 <= y0) return false;
    on_screen = sf::IntRect(x0, y0, x1 - x0, y1 - y0);
    XImage* img = XGetImage(dpy, window, x0, y0, unsigned(x1 - x0), unsigned(y1 - y0), AllPlanes, ZPixmap);
    if (!img) return false;
    out.create(size.x, size.y);
    auto part = [](unsigned long p, unsigned long mask) {
        if (!mask) return sf::Uint8(0);
        int shift = 0;
        while (!((mask >> shift) & 1)) ++shift;
        return sf::Uint8(((p & mask) >> shift) * 255 / (mask >> shift));
    };
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            unsigned long p = XGetPixel(img, x - x0, y - y0);
            out.setPixel(unsigned(x), unsigned(y),
                         sf::Color(part(p, img->red_mask), part(p, img->green_mask), part(p, img->blue_mask)));
        }
    XDestroyImage(img);
    return true;
}

}  // namespace gb::client
