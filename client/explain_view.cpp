// The core's explanations (core/explain.hpp) as the panels show them: a
// title, a "Spoiler" mark, one sentence a line (a line that starts with two
// spaces belongs to the one above), inline or in a hover tooltip.
#include <imgui.h>

#include "panels.hpp"

namespace gb::client {

void spoiler_mark() {
    ImGui::SameLine();
    ImGui::TextColored(kWarn, "Spoiler");
}

void explanation_lines(const Explanation& x) {
    for (const std::string& line : x.lines) {
        if (line.rfind("  ", 0) == 0) {
            ImGui::Indent();
            ImGui::TextWrapped("%s", line.c_str() + 2);
            ImGui::Unindent();
        } else {
            ImGui::TextWrapped("%s", line.c_str());
        }
    }
}

void show_explanation(const Explanation& x) {
    ImGui::TextColored(kAccent, "%s", x.title.c_str());
    if (x.spoiler) spoiler_mark();
    explanation_lines(x);
}

bool begin_wide_tooltip() {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return false;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    return true;
}

void end_wide_tooltip() {
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void explanation_tooltip(const Explanation& x, const std::string& extra) {
    if (!begin_wide_tooltip()) return;
    show_explanation(x);
    if (!extra.empty()) ImGui::TextWrapped("%s", extra.c_str());
    end_wide_tooltip();
}

void lines_tooltip(const std::vector<std::string>& lines) {
    if (lines.empty() || !begin_wide_tooltip()) return;
    for (const std::string& l : lines) ImGui::TextWrapped("%s", l.c_str());
    end_wide_tooltip();
}

}  // namespace gb::client
