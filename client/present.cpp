#include "present.hpp"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include <cstring>
#include <utility>
#include <vector>

namespace gb::client {

namespace {
using GenFramebuffers = void (*)(GLsizei, GLuint*);
using BindFramebuffer = void (*)(GLenum, GLuint);
using FramebufferTexture2D = void (*)(GLenum, GLenum, GLenum, GLuint, GLint);
using BlitFramebuffer = void (*)(GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLbitfield, GLenum);
constexpr GLenum kReadFramebuffer = 0x8CA8, kDrawFramebuffer = 0x8CA9, kColorAttachment0 = 0x8CE0;
constexpr GLenum kDrawFramebufferBinding = 0x8CA6, kReadFramebufferBinding = 0x8CAA;

// Through SFML, which asks GLX (or WGL on Windows) for the function.
template <class F>
F load(const char* name) {
    return reinterpret_cast<F>(sf::Context::getFunction(name));
}
}  // namespace

bool blit_texture(unsigned texture, int x, int y, int width, int height, int texture_height, bool to_window) {
    static auto gen = load<GenFramebuffers>("glGenFramebuffers");
    static auto bind = load<BindFramebuffer>("glBindFramebuffer");
    static auto attach = load<FramebufferTexture2D>("glFramebufferTexture2D");
    static auto blit = load<BlitFramebuffer>("glBlitFramebuffer");
    if (!gen || !bind || !attach || !blit) return false;
    // Framebuffer objects belong to one context: one per context that blits.
    static std::vector<std::pair<sf::Uint64, GLuint>> fbos;
    sf::Uint64 ctx = sf::Context::getActiveContextId();
    GLuint fbo = 0;
    for (auto& [c, f] : fbos)
        if (c == ctx) fbo = f;
    if (!fbo) {
        gen(1, &fbo);
        fbos.emplace_back(ctx, fbo);
    }
    GLint draw = 0, read = 0;
    glGetIntegerv(kDrawFramebufferBinding, &draw);
    glGetIntegerv(kReadFramebufferBinding, &read);
    bind(kReadFramebuffer, fbo);
    attach(kReadFramebuffer, kColorAttachment0, GL_TEXTURE_2D, texture, 0);
    bind(kDrawFramebuffer, to_window ? 0 : GLuint(draw));
    // Window coordinates run down from the top; framebuffer rows run up.
    int y0 = texture_height - (y + height), y1 = texture_height - y;
    blit(x, y0, x + width, y1, x, y0, x + width, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    bind(kReadFramebuffer, GLuint(read));
    bind(kDrawFramebuffer, GLuint(draw));
    return true;
}

}  // namespace gb::client

#if defined(_WIN32) || defined(__APPLE__)
namespace gb::client {
// Without GLX a frame is always shown whole.
bool can_present_part() { return false; }
void present_part(sf::IntRect, int) {}
bool read_shown_pixels(sf::WindowHandle, sf::Vector2u, sf::Image&, sf::IntRect&) { return false; }
}  // namespace gb::client
#endif
