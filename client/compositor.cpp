#include "compositor.hpp"

#include <imgui.h>

#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
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

void Compositor::compose_menu(bool whole) {
    auto size = window_.getSize();
    ImDrawData* dd = ImGui::GetDrawData();
    std::size_t sig = size.x * 65537 + size.y + 1;
    for (int i = 0; i < dd->CmdListsCount; ++i) sig = sig * 1099511628211ull + ImGuiLayer::fingerprint(*dd->CmdLists[i]);
    shown_.valid = false;  // the next game frame is drawn whole
    redrawn_ = false;
    if (!whole && !always_redraw_ && sig == menu_sig_) {
        show_ = Show::nothing;
        return;
    }
    window_.setActive(true);
    window_.setView(sf::View(sf::FloatRect(0, 0, float(size.x), float(size.y))));
    window_.clear(palette::kWater);
    ImGuiLayer::draw_lists(window_, std::vector<ImDrawList*>(dd->CmdLists, dd->CmdLists + dd->CmdListsCount), size);
    redrawn_ = true;
    show_ = Show::whole;
    menu_sig_ = sig;
}

void Compositor::rasterize_board(const BoardView& board, sf::Vector2u size) {
    board_layer_.setView(sf::View(sf::FloatRect(0, 0, float(size.x), float(size.y))));
    board_layer_.clear(palette::kWater);
    board_layer_.draw(board);
    ImGuiLayer::draw_lists(board_layer_, {overlay_.get()}, size);
    board_layer_.display();
}

void Compositor::rasterize_panel(const std::vector<ImDrawList*>& lists, sf::IntRect area, sf::Vector2u size) {
    panel_layer_.setView(sf::View(sf::FloatRect(0, 0, float(size.x), float(size.y))));
    sf::RectangleShape bg(sf::Vector2f(float(area.width), float(area.height)));
    bg.setPosition(float(area.left), float(area.top));
    bg.setFillColor(sf::Color(24, 27, 31));
    panel_layer_.draw(bg, sf::RenderStates(sf::BlendNone));
    ImGuiLayer::draw_lists(panel_layer_, lists, size, &area);
}

namespace {

sf::IntRect unite(sf::IntRect a, sf::IntRect b) {
    if (a.width <= 0 || a.height <= 0) return b;
    if (b.width <= 0 || b.height <= 0) return a;
    int l = std::min(a.left, b.left), t = std::min(a.top, b.top);
    int r = std::max(a.left + a.width, b.left + b.width), btm = std::max(a.top + a.height, b.top + b.height);
    return {l, t, r - l, btm - t};
}

sf::IntRect meet(sf::IntRect a, sf::IntRect b) {
    sf::IntRect out;
    return a.intersects(b, out) ? out : sf::IntRect();
}

// Where a draw list can put pixels: its vertices' bounds within its clip
// rectangles, a pixel wider for rounding, inside the window.
sf::IntRect bounds_of(const ImDrawList& l, sf::Vector2u size) {
    if (l.VtxBuffer.Size == 0) return {};
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (const ImDrawVert& v : l.VtxBuffer) {
        x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y);
        x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
    }
    float cx0 = 1e9f, cy0 = 1e9f, cx1 = -1e9f, cy1 = -1e9f;
    for (const ImDrawCmd& c : l.CmdBuffer) {
        if (c.ElemCount == 0) continue;
        cx0 = std::min(cx0, c.ClipRect.x), cy0 = std::min(cy0, c.ClipRect.y);
        cx1 = std::max(cx1, c.ClipRect.z), cy1 = std::max(cy1, c.ClipRect.w);
    }
    x0 = std::max(x0, cx0), y0 = std::max(y0, cy0), x1 = std::min(x1, cx1), y1 = std::min(y1, cy1);
    if (x1 <= x0 || y1 <= y0) return {};
    int l0 = int(std::floor(x0)) - 1, t0 = int(std::floor(y0)) - 1;
    return meet({l0, t0, int(std::ceil(x1)) + 1 - l0, int(std::ceil(y1)) + 1 - t0}, {0, 0, int(size.x), int(size.y)});
}

long area(sf::IntRect r) { return r.width > 0 && r.height > 0 ? long(r.width) * r.height : 0; }

// Rectangles that overlap, or that would cost little more as one, become one.
std::vector<sf::IntRect> merged(std::vector<sf::IntRect> rs) {
    rs.erase(std::remove_if(rs.begin(), rs.end(), [](sf::IntRect r) { return area(r) == 0; }), rs.end());
    for (bool again = true; again;) {
        again = false;
        for (std::size_t i = 0; i < rs.size() && !again; ++i)
            for (std::size_t j = i + 1; j < rs.size() && !again; ++j) {
                sf::IntRect u = unite(rs[i], rs[j]);
                if (area(u) <= (area(rs[i]) + area(rs[j])) * 5 / 4 + 4096) {
                    rs[i] = u;
                    rs.erase(rs.begin() + long(j));
                    again = true;
                }
            }
    }
    return rs;
}

}  // namespace

void Compositor::compose(sf::Vector2u size, const BoardView& board, std::size_t board_sig, bool whole) {
    // Software GL (Mesa llvmpipe) pays for every triangle and pixel, so the
    // frame is built from layers that are rasterized again only when they
    // change: the board with its labels (board, camera), and the panels (top
    // bar, timeline, tracks, side panel, each redrawn on its own when its
    // draw lists change). A frame copies the layers into the window with
    // glBlitFramebuffer, then draws what moves on top: the hover outline,
    // pings, tooltips, toasts and open combos. When only a rectangle changed
    // since the frame last shown (a tooltip moved, a countdown ticked), only
    // that rectangle is drawn and shown.
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
        rasterize_board(board, size);
        board_layer_sig_ = board_sig;
        board_layer_valid_ = true;
        redrawn_ = true;
    }
    const auto& vp = board.camera().viewport();
    board_rect_ = sf::IntRect(int(vp.left), int(vp.top), int(vp.width), int(vp.height));
    auto p1 = mark(board_layer_);
    // Sort the UI's draw lists: the docked panels by their window, the rest
    // (tooltips, toasts, popups) drawn live every frame.
    std::map<std::string, std::vector<ImDrawList*>>& panels = frame_panels_;
    panels.clear();
    live_lists_.clear();
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        ImDrawList* l = dd->CmdLists[i];
        std::string owner = l->_OwnerName ? l->_OwnerName : "";
        std::string top = owner.substr(0, owner.find('/'));
        if (panel_rects_.count(top))
            panels[top].push_back(l);
        else
            live_lists_.push_back(l);
    }
    bool panel_redrawn = false;
    panel_redrawn_in_.clear();
    for (const auto& [name, rect] : panel_rects_) {
        std::size_t sig = rect.left * 31 + rect.top * 131 + rect.width * 1031 + rect.height * 10037;
        for (ImDrawList* l : panels[name]) sig = sig * 1099511628211ull + ImGuiLayer::fingerprint(*l);
        auto it = panel_sigs_.find(name);
        if (it != panel_sigs_.end() && it->second == sig && !always_redraw_) continue;
        // Only where the panel's lists differ from the last drawn (a hover
        // highlight's colours), when they differ in nothing else.
        sf::IntRect area = rect;
        if (it != panel_sigs_.end() && !always_redraw_ && panel_drawn_rects_[name] == rect)
            if (auto d = panel_lists_[name].differing(panels[name], size)) area = meet(*d, rect);
        panel_sigs_[name] = sig;
        panel_drawn_rects_[name] = rect;
        panel_lists_[name].keep(panels[name]);
        panel_redrawn_in_[name] = area;
        panels_redrawn_in_part_ += area != rect;
        if (area.width <= 0 || area.height <= 0) continue;
        rasterize_panel(panels[name], area, size);
        panel_redrawn = true;
    }
    if (panel_redrawn) panel_layer_.display();
    redrawn_ = redrawn_ || panel_redrawn;
    auto p2 = mark(panel_layer_);

    // The live part: the board's hover outline and pings, then the floating windows.
    if (!live_) live_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    live_->_ResetForNewFrame();
    live_->Flags &= ~(ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill);  // fewer triangles
    live_->PushTextureID(ImGui::GetIO().Fonts->TexID);
    live_->PushClipRect(ImVec2(0, 0), ImVec2(float(size.x), float(size.y)));
    board.overlay_live(live_.get());
    live_->_PopUnusedDrawCmd();
    live_lists_.insert(live_lists_.begin(), live_.get());
    std::vector<std::size_t> live_sigs;
    std::vector<sf::IntRect> live_bounds;
    for (ImDrawList* l : live_lists_) {
        live_sigs.push_back(ImGuiLayer::fingerprint(*l));
        live_bounds.push_back(bounds_of(*l, size));
    }

    // What changed since the frame last shown, and so what to draw and show.
    bool same_layout = shown_.valid && shown_.size == size && shown_.board_rect == board_rect_ &&
                       shown_.panel_rects == panel_rects_ && shown_.board_sig == board_layer_sig_;
    std::vector<sf::IntRect> changed;
    if (same_layout) {
        for (const auto& [name, rect] : panel_rects_)
            if (shown_.panel_sigs[name] != panel_sigs_[name]) {
                // The frame last shown is the one composed last: what was redrawn of the panel is what changed.
                auto it = panel_redrawn_in_.find(name);
                changed.push_back(it != panel_redrawn_in_.end() ? it->second : rect);
            }
        if (live_sigs.size() == shown_.live_sigs.size()) {
            // The same live lists: only those that changed (the tooltip
            // moved; the hover outline stayed), where they were and are.
            for (std::size_t i = 0; i < live_sigs.size(); ++i)
                if (live_sigs[i] != shown_.live_sigs[i]) {
                    changed.push_back(shown_.live_bounds[i]);
                    changed.push_back(live_bounds[i]);
                }
        } else {
            changed.insert(changed.end(), shown_.live_bounds.begin(), shown_.live_bounds.end());
            changed.insert(changed.end(), live_bounds.begin(), live_bounds.end());
        }
        changed = merged(changed);
    }
    long changed_area = 0;
    for (sf::IntRect r : changed) changed_area += area(r);
    if (whole || always_redraw_ || !same_layout)
        show_ = Show::whole;
    else if (changed.empty())
        show_ = Show::nothing;
    else if (2 * changed_area > long(size.x) * long(size.y) || changed.size() > 8)
        show_ = Show::whole;  // most of the window: a swap costs no more
    else
        show_ = Show::part;
    if (show_ == Show::part) {
        window_.setActive(true);
        if (!can_present_part()) show_ = Show::whole;
    }
    if (show_ == Show::nothing) return;
    part_ = show_ == Show::part ? changed : std::vector<sf::IntRect>{sf::IntRect(0, 0, int(size.x), int(size.y))};
    draw_frame(size, part_);
    shown_ = Shown{true, size, board_layer_sig_, live_sigs, board_rect_, live_bounds, panel_rects_, panel_sigs_};
    auto p3 = mark(window_);
    if (profile)
        std::fprintf(stderr, "board layer %.2f ms, panels %.2f ms, frame %.2f ms (%s, %ld pixels)\n",
                     std::chrono::duration<double, std::milli>(p1 - p0).count(),
                     std::chrono::duration<double, std::milli>(p2 - p1).count(),
                     std::chrono::duration<double, std::milli>(p3 - p2).count(),
                     show_ == Show::part ? "in part" : "whole", changed_area);
}

void Compositor::draw_frame(sf::Vector2u size, const std::vector<sf::IntRect>& areas) {
    window_.setActive(true);
    window_.setView(sf::View(sf::FloatRect(0, 0, float(size.x), float(size.y))));
    auto copy = [&](const sf::RenderTexture& layer, sf::IntRect r) {
        if (r.width <= 0 || r.height <= 0) return;
        if (!blit_texture(layer.getTexture().getNativeHandle(), r.left, r.top, r.width, r.height, int(size.y), true)) {
            sf::Sprite sp(layer.getTexture(), r);
            sp.setPosition(float(r.left), float(r.top));
            window_.draw(sp, sf::RenderStates(sf::BlendNone));
        }
    };
    for (sf::IntRect a : areas) {
        copy(board_layer_, meet(board_rect_, a));
        for (const auto& [name, rect] : panel_rects_) copy(panel_layer_, meet(rect, a));
    }
    // Whole lists: what falls outside the areas lands in back-buffer pixels that are not shown.
    ImGuiLayer::draw_lists(window_, live_lists_, size);
}

void Compositor::redraw_whole(const BoardView& board) {
    if (!shown_.valid) return;
    // Every layer rasterized afresh from this frame's lists, as if nothing had been kept.
    auto size = window_.getSize();
    rasterize_board(board, size);
    for (const auto& [name, rect] : panel_rects_) rasterize_panel(frame_panels_[name], rect, size);
    panel_layer_.display();
    draw_frame(size, {sf::IntRect(0, 0, int(size.x), int(size.y))});
}

void Compositor::present() {
    if (show_ == Show::whole) {
        window_.display();
        ++shown_whole_;
    } else if (show_ == Show::part) {
        window_.setActive(true);
        for (sf::IntRect r : part_) present_part(r, int(window_.getSize().y));
        ++shown_in_part_;
    }
}

}  // namespace gb::client
