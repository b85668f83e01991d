#include "ui.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

#include "palette.hpp"

namespace gb::client {

void Ui::remember_item(const std::string& label) {
    // A child window scrolled wholly out of view submits no items: there is
    // no rectangle to note (the last item's is another widget's).
    if (ImGui::GetCurrentWindow()->SkipItems) return;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (label == script_target) {
        // Scroll a scripted click's target into view first, as a user would.
        const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
        if (a.y < clip.Min.y || b.y > clip.Max.y) {
            ImGui::SetScrollHereY(0.5f);
            return;
        }
    }
    Widget w;
    w.rect = sf::FloatRect(a.x, a.y, b.x - a.x, b.y - a.y);
    // The visible label: up to "##"; a "###" id shows the part before it.
    std::string text = label.substr(0, label.find("##"));
    float text_w = text.empty() ? 0 : ImGui::CalcTextSize(text.c_str()).x;
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    w.clipped = text_w > w.rect.width + 0.5f || b.x > clip.Max.x + 0.5f || a.x < clip.Min.x - 0.5f;
    w.enabled = !(GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled);
    w.focused = ImGui::IsItemFocused();
    widgets_[label] = w;
}

void Ui::remember_window(const std::string& label) {
    ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    widgets_[label] = Widget{sf::FloatRect(p.x, p.y, s.x, s.y), false, true, false};
}

void Ui::note_visible_area(const std::string& key) {
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.1f %.1f %.1f %.1f", clip.Min.x, clip.Min.y, clip.GetWidth(), clip.GetHeight());
    note(key, buf);
}

bool Ui::button(const char* label, bool enabled, const char* why_not) {
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(label);
    if (!enabled) ImGui::EndDisabled();
    remember_item(label);
    if (!enabled && why_not && *why_not && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", why_not);
    return pressed && enabled;
}

bool Ui::tab(const std::string& label) {
    bool open = ImGui::BeginTabItem(label.c_str());
    remember_item(label);
    if (auto hash = label.find("###"); hash != std::string::npos) remember_item(label.substr(hash + 3));
    return open;
}

void section(const char* title) {
    ImGui::Spacing();
    ImGui::TextColored(kAccent, "%s", title);
    ImGui::Separator();
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

ImVec4 team_text_colour(int t) {
    sf::Color c = palette::kTeam[t];
    auto up = [](sf::Uint8 x) { return std::min(1.0f, x / 255.f * 1.35f + 0.08f); };
    return ImVec4(up(c.r), up(c.g), up(c.b), 1);
}

std::string upper_first(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string clock_text(int seconds) {
    if (seconds < 0) seconds = 0;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", seconds / 60, seconds % 60);
    return buf;
}

}  // namespace gb::client
