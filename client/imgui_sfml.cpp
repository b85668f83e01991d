#include "imgui_sfml.hpp"

#include <imgui.h>
#include <imgui_impl_opengl2.h>

#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string_view>

namespace gb::client {

namespace {

void map_keys(ImGuiIO& io) {
    using K = sf::Keyboard;
    io.KeyMap[ImGuiKey_Tab] = K::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = K::Left;
    io.KeyMap[ImGuiKey_RightArrow] = K::Right;
    io.KeyMap[ImGuiKey_UpArrow] = K::Up;
    io.KeyMap[ImGuiKey_DownArrow] = K::Down;
    io.KeyMap[ImGuiKey_PageUp] = K::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = K::PageDown;
    io.KeyMap[ImGuiKey_Home] = K::Home;
    io.KeyMap[ImGuiKey_End] = K::End;
    io.KeyMap[ImGuiKey_Insert] = K::Insert;
    io.KeyMap[ImGuiKey_Delete] = K::Delete;
    io.KeyMap[ImGuiKey_Backspace] = K::BackSpace;
    io.KeyMap[ImGuiKey_Space] = K::Space;
    io.KeyMap[ImGuiKey_Enter] = K::Enter;
    io.KeyMap[ImGuiKey_Escape] = K::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = K::Return;
    io.KeyMap[ImGuiKey_A] = K::A;
    io.KeyMap[ImGuiKey_C] = K::C;
    io.KeyMap[ImGuiKey_V] = K::V;
    io.KeyMap[ImGuiKey_X] = K::X;
    io.KeyMap[ImGuiKey_Y] = K::Y;
    io.KeyMap[ImGuiKey_Z] = K::Z;
}

// A restrained, print-like theme: dark slate panels, warm accents.
void apply_style(float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();  // sizes from their defaults, so rescaling never compounds
    ImGui::StyleColorsDark();
    s.WindowRounding = 4;
    s.FrameRounding = 3;
    s.GrabRounding = 3;
    s.TabRounding = 3;
    s.WindowBorderSize = 1;
    s.FramePadding = ImVec2(7, 4);
    s.ItemSpacing = ImVec2(8, 5);
    s.WindowPadding = ImVec2(10, 8);
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.105f, 0.118f, 0.137f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.13f, 0.145f, 0.165f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.15f, 0.98f);
    c[ImGuiCol_Border] = ImVec4(0.30f, 0.32f, 0.35f, 0.8f);
    c[ImGuiCol_FrameBg] = ImVec4(0.18f, 0.20f, 0.23f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.25f, 0.27f, 0.31f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.30f, 0.32f, 0.36f, 1.0f);
    c[ImGuiCol_TitleBg] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.14f, 0.16f, 0.19f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.23f, 0.30f, 0.38f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.30f, 0.40f, 0.50f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.36f, 0.47f, 0.58f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.22f, 0.27f, 0.33f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.28f, 0.35f, 0.43f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.33f, 0.41f, 0.50f, 1.0f);
    c[ImGuiCol_Tab] = ImVec4(0.16f, 0.18f, 0.21f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.30f, 0.40f, 0.50f, 1.0f);
    c[ImGuiCol_TabActive] = ImVec4(0.24f, 0.32f, 0.41f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.92f, 0.91f, 0.88f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.56f, 0.58f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.90f, 0.74f, 0.38f, 1.0f);
    c[ImGuiCol_PlotHistogram] = ImVec4(0.85f, 0.65f, 0.30f, 1.0f);
    s.ScaleAllSizes(scale);
}

}  // namespace

ImGuiLayer::ImGuiLayer(sf::RenderWindow& window, const char* font_path, float scale)
    : window_(window), atlas_scale_(scale) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the program's, not a file's
    io.BackendPlatformName = "gb-sfml";
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // Tab, arrows, space and Enter move through the panels
    map_keys(io);
    if (font_path && std::filesystem::exists(font_path)) {
        ImFontConfig cfg;
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x25A0, 0x25CF, 0};
        io.Fonts->AddFontFromFileTTF(font_path, kBodyPixels * scale, &cfg, ranges);
    } else {
        io.Fonts->AddFontDefault();
    }
    apply_style(scale);
    ImGui_ImplOpenGL2_Init();
    ImGui_ImplOpenGL2_CreateFontsTexture();  // now: the board's overlay list needs its id
}

ImGuiLayer::~ImGuiLayer() {
    window_.setActive(true);
    ImGui_ImplOpenGL2_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiLayer::set_scale(float scale) {
    apply_style(scale);
    ImGui::GetIO().FontGlobalScale = scale / atlas_scale_;
}

void ImGuiLayer::process(const sf::Event& e) {
    ImGuiIO& io = ImGui::GetIO();
    switch (e.type) {
        case sf::Event::MouseMoved: io.MousePos = ImVec2(float(e.mouseMove.x), float(e.mouseMove.y)); break;
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: {
            int b = e.mouseButton.button;
            io.MousePos = ImVec2(float(e.mouseButton.x), float(e.mouseButton.y));
            if (b < 0 || b >= 3) break;
            if (e.type == sf::Event::MouseButtonPressed) {
                io.MouseDown[b] = true;
                pressed_in_frame_[b] = true;
            } else if (pressed_in_frame_[b]) {
                // Pressed and released before ImGui saw the press (a quick
                // tap): it sees the button down for one frame, then up.
                release_pending_[b] = true;
            } else {
                io.MouseDown[b] = false;
            }
            break;
        }
        case sf::Event::MouseWheelScrolled:
            if (e.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
                io.MouseWheel += e.mouseWheelScroll.delta;
            else
                io.MouseWheelH += e.mouseWheelScroll.delta;
            break;
        case sf::Event::MouseLeft: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: {
            bool down = e.type == sf::Event::KeyPressed;
            const int code = static_cast<int>(e.key.code);  // as an int: clang sees the enum's range
            if (code >= 0 && code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[code] = down;
            io.KeyCtrl = e.key.control;
            io.KeyShift = e.key.shift;
            io.KeyAlt = e.key.alt;
            io.KeySuper = e.key.system;
            break;
        }
        case sf::Event::TextEntered:
            if (e.text.unicode >= 32 && e.text.unicode != 127) io.AddInputCharacter(e.text.unicode);
            break;
        case sf::Event::LostFocus:
            for (bool& k : io.KeysDown) k = false;
            break;
        default: break;
    }
}

void ImGuiLayer::new_frame(float dt) {
    ImGuiIO& io = ImGui::GetIO();
    auto size = window_.getSize();
    io.DisplaySize = ImVec2(float(size.x), float(size.y));
    io.DeltaTime = dt > 0 ? dt : 1.0f / 60.0f;
    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
    for (int b = 0; b < 3; ++b) {
        if (release_pending_[b]) io.MouseDown[b] = false;  // seen from the next frame
        release_pending_[b] = pressed_in_frame_[b] = false;
    }
}

bool ImGuiLayer::input_pending() const {
    for (int b = 0; b < 3; ++b)
        if (release_pending_[b]) return true;
    return false;
}

namespace {
void mix(std::size_t& h, std::string_view bytes) {
    h = (h ^ std::hash<std::string_view>()(bytes)) * 1099511628211ull;
}
}  // namespace

std::size_t ImGuiLayer::fingerprint(const ImDrawList& l) {
    std::size_t h = 14695981039346656037ull;
    mix(h, {reinterpret_cast<const char*>(l.VtxBuffer.Data), l.VtxBuffer.Size * sizeof(ImDrawVert)});
    mix(h, {reinterpret_cast<const char*>(l.IdxBuffer.Data), l.IdxBuffer.Size * sizeof(ImDrawIdx)});
    for (const ImDrawCmd& c : l.CmdBuffer) {
        float key[6] = {c.ClipRect.x, c.ClipRect.y, c.ClipRect.z, c.ClipRect.w, float(c.ElemCount), float(c.IdxOffset)};
        mix(h, {reinterpret_cast<const char*>(key), sizeof key});
    }
    return h;
}

void ImGuiLayer::finish() {
    ImGui::Render();
}

void ImGuiLayer::draw_lists(sf::RenderTarget& target, const std::vector<ImDrawList*>& lists, sf::Vector2u size,
                            const sf::IntRect* limit) {
    if (lists.empty()) return;
    // A limit narrows every command's clip rectangle (the scissor) for this
    // draw; the lists are given back as they were.
    std::vector<ImVec4> clips;
    if (limit) {
        ImVec4 l(float(limit->left), float(limit->top), float(limit->left + limit->width),
                 float(limit->top + limit->height));
        for (ImDrawList* list : lists)
            for (ImDrawCmd& c : list->CmdBuffer) {
                clips.push_back(c.ClipRect);
                c.ClipRect = ImVec4(std::max(c.ClipRect.x, l.x), std::max(c.ClipRect.y, l.y),
                                    std::min(c.ClipRect.z, l.z), std::min(c.ClipRect.w, l.w));
            }
    }
    ImDrawData d;
    d.Valid = true;
    d.CmdLists = const_cast<ImDrawList**>(lists.data());
    d.CmdListsCount = static_cast<int>(lists.size());
    for (ImDrawList* l : lists) {
        d.TotalVtxCount += l->VtxBuffer.Size;
        d.TotalIdxCount += l->IdxBuffer.Size;
    }
    d.DisplayPos = ImVec2(0, 0);
    d.DisplaySize = ImVec2(float(size.x), float(size.y));
    d.FramebufferScale = ImVec2(1, 1);
    target.pushGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(&d);
    target.popGLStates();
    if (limit) {
        std::size_t i = 0;
        for (ImDrawList* list : lists)
            for (ImDrawCmd& c : list->CmdBuffer) c.ClipRect = clips[i++];
    }
}

void ImGuiLayer::draw(sf::RenderTarget& target) {
    target.pushGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    target.popGLStates();
}

bool ImGuiLayer::wants_mouse() const {
    return ImGui::GetIO().WantCaptureMouse;
}
bool ImGuiLayer::wants_keyboard() const {
    return ImGui::GetIO().WantCaptureKeyboard;
}

}  // namespace gb::client
