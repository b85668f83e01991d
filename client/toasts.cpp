#include "toasts.hpp"

#include <imgui.h>

#include <algorithm>

namespace gb::client {

namespace {
constexpr auto kLife = std::chrono::seconds(8);

ImVec4 colour_of(Notice k) {
    switch (k) {
        case Notice::error: return ImVec4(0.45f, 0.14f, 0.12f, 1);
        case Notice::warning: return ImVec4(0.55f, 0.36f, 0.05f, 1);
        case Notice::phase: return ImVec4(0.16f, 0.24f, 0.38f, 1);
        case Notice::report: return ImVec4(0.30f, 0.22f, 0.42f, 1);
        case Notice::broadcast: return ImVec4(0.42f, 0.30f, 0.08f, 1);
        default: return ImVec4(0.14f, 0.30f, 0.22f, 1);
    }
}
}  // namespace

void Toasts::push(const std::string& text, Notice kind) {
    items_.push_back({text, kind, std::chrono::steady_clock::now()});
    fresh_.push_back(kind);
    if (items_.size() > 4) items_.pop_front();
}

std::deque<Notice> Toasts::take_new() {
    std::deque<Notice> out;
    out.swap(fresh_);
    return out;
}

std::chrono::steady_clock::time_point Toasts::next_expiry() const {
    if (items_.empty()) return std::chrono::steady_clock::time_point::max();
    return items_.front().at + kLife;
}

void Toasts::draw(sf::FloatRect area, Ui& ui) {
    float s = ui.scale;
    auto now = std::chrono::steady_clock::now();
    while (!items_.empty() && now - items_.front().at > kLife) items_.pop_front();
    // Bottom-left of the board, newest lowest, stacking upwards: the
    // corner of the map with the fewest regions, and no control under it.
    float y = area.top + area.height - 12 * s;
    int i = 0;
    for (auto it = items_.rbegin(); it != items_.rend(); ++it, ++i) {
        // Sized from the text itself, so a new notice never shows at an old one's size.
        float wrap = std::min(520 * s, area.width * 0.6f);
        ImVec2 pad = ImGui::GetStyle().WindowPadding;
        ImVec2 text = ImGui::CalcTextSize(it->text.c_str(), nullptr, false, wrap);
        ImVec2 box(text.x + 2 * pad.x + 1, text.y + 2 * pad.y);
        ImGui::SetNextWindowSize(box);
        ImGui::SetNextWindowPos(ImVec2(area.left + 12 * s, y - box.y));
        ImGui::SetNextWindowBgAlpha(0.94f);
        ImGui::PushStyleColor(ImGuiCol_WindowBg, colour_of(it->kind));
        std::string id = "##toast" + std::to_string(i);
        ImGui::Begin(id.c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoNav);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
        ImGui::TextUnformatted(it->text.c_str());
        ImGui::PopTextWrapPos();
        y -= box.y + 6 * s;
        ui.remember_window("toast" + std::to_string(i));
        ImGui::End();
        ImGui::PopStyleColor();
    }
}

}  // namespace gb::client
