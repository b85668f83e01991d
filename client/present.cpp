#include "present.hpp"

#include <GL/glx.h>

#include <cstring>

#ifndef GLX_BACK_BUFFER_AGE_EXT
#define GLX_BACK_BUFFER_AGE_EXT 0x20F4
#endif

namespace gb::client {

unsigned back_buffer_age() {
    Display* dpy = glXGetCurrentDisplay();
    GLXDrawable drawable = glXGetCurrentDrawable();
    if (!dpy || !drawable) return 0;
    // Asking for an attribute the server does not know is an X error, so
    // check the extension once first.
    static int supported = -1;
    if (supported < 0) {
        const char* ext = glXQueryExtensionsString(dpy, DefaultScreen(dpy));
        supported = ext && std::strstr(ext, "GLX_EXT_buffer_age") ? 1 : 0;
    }
    if (!supported) return 0;
    unsigned age = 0;
    glXQueryDrawable(dpy, drawable, GLX_BACK_BUFFER_AGE_EXT, &age);
    return age;
}

}  // namespace gb::client

namespace gb::client {

namespace {
using GenFramebuffers = void (*)(GLsizei, GLuint*);
using BindFramebuffer = void (*)(GLenum, GLuint);
using FramebufferTexture2D = void (*)(GLenum, GLenum, GLenum, GLuint, GLint);
using BlitFramebuffer = void (*)(GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLbitfield, GLenum);
constexpr GLenum kReadFramebuffer = 0x8CA8, kDrawFramebuffer = 0x8CA9, kColorAttachment0 = 0x8CE0;

template <class F>
F load(const char* name) {
    return reinterpret_cast<F>(glXGetProcAddressARB(reinterpret_cast<const GLubyte*>(name)));
}
}  // namespace

bool blit_texture_to_window(unsigned texture, unsigned width, unsigned height) {
    static auto gen = load<GenFramebuffers>("glGenFramebuffers");
    static auto bind = load<BindFramebuffer>("glBindFramebuffer");
    static auto attach = load<FramebufferTexture2D>("glFramebufferTexture2D");
    static auto blit = load<BlitFramebuffer>("glBlitFramebuffer");
    if (!gen || !bind || !attach || !blit) return false;
    static GLXContext owner = nullptr;
    static GLuint fbo = 0;
    if (owner != glXGetCurrentContext()) {  // framebuffers belong to one context
        owner = glXGetCurrentContext();
        gen(1, &fbo);
    }
    bind(kReadFramebuffer, fbo);
    attach(kReadFramebuffer, kColorAttachment0, GL_TEXTURE_2D, texture, 0);
    bind(kDrawFramebuffer, 0);
    blit(0, 0, GLint(width), GLint(height), 0, 0, GLint(width), GLint(height), GL_COLOR_BUFFER_BIT, GL_NEAREST);
    bind(kReadFramebuffer, 0);
    return true;
}

}  // namespace gb::client
