#include "compositor.hpp"

#include <imgui.h>

#include <SFML/OpenGL.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "board_view.hpp"
#include "imgui_sfml.hpp"
#include "palette.hpp"
#include "present.hpp"

namespace gb::client {

using Clock = std::chrono::steady_clock;

Compositor::Compositor(sf::RenderWindow& window, bool always_redraw)
    : window_(window), always_redraw_(always_redraw) {}

Compositor::~Compositor() = default;

ImDrawList* Compositor::begin_overlay(sf::Vector2u size) {
    if (!overlay_) overlay_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    overlay_->_ResetForNewFrame();
    overlay_->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // crisp chips with a third of the triangles
    overlay_->PushTextureID(ImGui::GetIO().Fonts->TexID);
    overlay_->PushClipRect(ImVec2(0, 0), ImVec2(float(size.x), float(size.y)));
    return overlay_.get();
}

std::size_t Compositor::end_overlay() {
    overlay_->_PopUnusedDrawCmd();
    return ImGuiLayer::fingerprint(*overlay_);
}

void Compositor::compose_menu(std::size_t ui_sig) {
    auto size = window_.getSize();
    ui_sig = ui_sig * 31 + size.x * 65537 + size.y;
    changed_ = ui_sig != menu_sig_ || always_redraw_;
    menu_sig_ = ui_sig;
    last_frame_sig_ = 0;
    window_.setActive(true);
    window_.setView(sf::View(sf::FloatRect(0, 0, float(size.x), float(size.y))));
    window_.clear(palette::kWater);
    ImDrawData* dd = ImGui::GetDrawData();
    ImGuiLayer::draw_lists(window_, std::vector<ImDrawList*>(dd->CmdLists, dd->CmdLists + dd->CmdListsCount), size);
    redrawn_ = true;
    changed_ = true;
}

void Compositor::compose(sf::Vector2u size, const BoardView& board, std::size_t board_sig) {
    // Software GL (Mesa llvmpipe) pays for every triangle and pixel, so the
    // frame is built from layers that are rasterized again only when they
    // change: the board with its labels (board, camera), and the panels (top
    // bar, timeline, tracks, side panel, each redrawn on its own when its
    // draw lists change). Each frame copies both layers into the window with
    // glBlitFramebuffer, then draws what moves on top: the hover outline,
    // pings, tooltips, toasts and open combos.
    static const bool profile = [] {
        const char* e = std::getenv("GB_PROFILE");
        return e && *e && *e != '0';
    }();
    auto mark = [&](sf::RenderTarget& t) {
        if (profile) {
            t.setActive(true);
            glFinish();
        }
        return Clock::now();
    };
    sf::View full(sf::FloatRect(0, 0, float(size.x), float(size.y)));
    ImDrawData* dd = ImGui::GetDrawData();
    if (board_layer_.getSize() != size) {
        board_layer_.create(size.x, size.y);
        panel_layer_.create(size.x, size.y);
        board_layer_valid_ = false;
        panel_sigs_.clear();
    }
    redrawn_ = false;
    auto p0 = mark(window_);
    if (!board_layer_valid_ || board_sig != board_layer_sig_ || always_redraw_) {
        board_layer_.setView(full);
        board_layer_.clear(palette::kWater);
        board_layer_.draw(board);
        ImGuiLayer::draw_lists(board_layer_, {overlay_.get()}, size);
        board_layer_.display();
        board_layer_sig_ = board_sig;
        board_layer_valid_ = true;
        redrawn_ = true;
    }
    auto p1 = mark(board_layer_);
    // Sort the UI's draw lists: the docked panels by their window, the rest
    // (tooltips, toasts, popups) drawn live every frame.
    std::map<std::string, std::vector<ImDrawList*>> panels;
    std::vector<ImDrawList*> live;
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        ImDrawList* l = dd->CmdLists[i];
        std::string owner = l->_OwnerName ? l->_OwnerName : "";
        std::string top = owner.substr(0, owner.find('/'));
        if (panel_rects_.count(top))
            panels[top].push_back(l);
        else
            live.push_back(l);
    }
    bool panel_redrawn = false;
    for (const auto& [name, rect] : panel_rects_) {
        std::size_t sig = rect.left * 31 + rect.top * 131 + rect.width * 1031 + rect.height * 10037;
        for (ImDrawList* l : panels[name]) sig = sig * 1099511628211ull + ImGuiLayer::fingerprint(*l);
        auto it = panel_sigs_.find(name);
        if (it != panel_sigs_.end() && it->second == sig && !always_redraw_) continue;
        panel_sigs_[name] = sig;
        panel_layer_.setView(full);
        sf::RectangleShape bg(sf::Vector2f(float(rect.width), float(rect.height)));
        bg.setPosition(float(rect.left), float(rect.top));
        bg.setFillColor(sf::Color(24, 27, 31));
        panel_layer_.draw(bg, sf::RenderStates(sf::BlendNone));
        ImGuiLayer::draw_lists(panel_layer_, panels[name], size);
        panel_redrawn = true;
    }
    if (panel_redrawn) panel_layer_.display();
    redrawn_ = redrawn_ || panel_redrawn;
    auto p2 = mark(panel_layer_);

    // Compose the frame in the canvas when anything in it changed, then
    // copy the canvas to the window.
    if (!live_) live_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    live_->_ResetForNewFrame();
    live_->Flags &= ~(ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill);  // fewer triangles
    live_->PushTextureID(ImGui::GetIO().Fonts->TexID);
    live_->PushClipRect(ImVec2(0, 0), ImVec2(float(size.x), float(size.y)));
    board.overlay_live(live_.get());
    live_->_PopUnusedDrawCmd();
    live.insert(live.begin(), live_.get());
    std::size_t layers_sig = board_layer_sig_ * 31 + size.x * 65537 + size.y;
    for (const auto& [name, v] : panel_sigs_) layers_sig = layers_sig * 1099511628211ull + v;
    std::size_t sig = layers_sig;
    for (ImDrawList* l : live) sig = sig * 1099511628211ull + ImGuiLayer::fingerprint(*l);
    if (canvas_.getSize() != size) {
        canvas_.create(size.x, size.y);
        canvas_valid_ = false;
    }
    // Composes the frame on a target: both layers copied in, the live part on top.
    auto compose_on = [&](sf::RenderTarget& target, bool to_window) {
        target.setActive(true);
        target.setView(full);
        auto copy = [&](const sf::RenderTexture& layer, sf::IntRect r) {
            if (r.width <= 0 || r.height <= 0) return;
            if (!blit_texture(layer.getTexture().getNativeHandle(), r.left, r.top, r.width, r.height, int(size.y),
                              to_window)) {
                sf::Sprite sp(layer.getTexture(), r);
                sp.setPosition(float(r.left), float(r.top));
                target.draw(sp, sf::RenderStates(sf::BlendNone));
            }
        };
        const auto& vp = board.camera().viewport();
        copy(board_layer_, sf::IntRect(int(vp.left), int(vp.top), int(vp.width), int(vp.height)));
        for (const auto& [name, rect] : panel_rects_) copy(panel_layer_, rect);
        ImGuiLayer::draw_lists(target, live, size);
    };
    // Only what is drawn live changed (a tooltip follows the pointer): compose
    // straight into the window, which saves the canvas copy. The canvas is
    // composed again once things are still.
    bool moving = sig != last_frame_sig_;
    changed_ = moving || always_redraw_;
    last_frame_sig_ = sig;
    if (moving && canvas_valid_ && layers_sig == canvas_layers_sig_ && sig != canvas_sig_ && !always_redraw_) {
        compose_on(window_, true);
        changed_ = true;
        return;
    }
    if (!canvas_valid_ || sig != canvas_sig_ || always_redraw_) {
        compose_on(canvas_, false);
        canvas_.display();
        canvas_sig_ = sig;
        canvas_layers_sig_ = layers_sig;
        canvas_valid_ = true;
    }
    auto p25 = mark(canvas_);
    window_.setActive(true);
    if (!blit_texture(canvas_.getTexture().getNativeHandle(), 0, 0, int(size.x), int(size.y), int(size.y), true)) {
        window_.setView(full);
        sf::Sprite frame(canvas_.getTexture());
        window_.draw(frame, sf::RenderStates(sf::BlendNone));
    }
    auto p3 = mark(window_);
    if (profile)
        std::fprintf(stderr, "board layer %.2f ms, panels %.2f ms, compose %.2f ms, present %.2f ms\n",
                     std::chrono::duration<double, std::milli>(p1 - p0).count(),
                     std::chrono::duration<double, std::milli>(p2 - p1).count(),
                     std::chrono::duration<double, std::milli>(p25 - p2).count(),
                     std::chrono::duration<double, std::milli>(p3 - p25).count());
}

}  // namespace gb::client
