// The projector view's column: the room's shared screen shows the public
// board with, beside it in large type, the phase and its timer, the latest
// released report and the White Cell's broadcasts.
#include <imgui.h>

#include <algorithm>

#include "explain.hpp"
#include "narrate.hpp"
#include "panels.hpp"

namespace gb::client {

void draw_projector(const Session& game, Ui& ui, sf::FloatRect area) {
    const GameState& g = game.view();
    ImGui::SetNextWindowPos(ImVec2(area.left, area.top));
    ImGui::SetNextWindowSize(ImVec2(area.width, area.height));
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PushTextWrapPos(0);
    ImGui::SetWindowFontScale(1.5f);
    std::string phase = g.ended() ? "Game over" : upper_first(std::string(name_of(g.phase)));
    ImGui::TextColored(kAccent, "Turn %d: %s", g.turn, phase.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextUnformatted(g.calendar_label().c_str());
    if (g.timer_seconds > 0 && !g.ended() && (g.phase == Phase::negotiation || g.phase == Phase::orders)) {
        int left = game.timer_left();
        ImGui::SetWindowFontScale(2.2f);
        ImGui::TextColored(left < 60 ? kWarn : ImVec4(0.9f, 0.9f, 0.9f, 1), "%s", clock_text(left).c_str());
        ImGui::SetWindowFontScale(1.0f);
        ui.remember_item("projector-timer");
    }
    if (g.inject >= 0 && g.inject_drawn && !g.ended()) {
        section("This turn's inject");
        ImGui::TextUnformatted(g.card(g.inject).title.c_str());
    }
    section("Latest report");
    const Report* last = nullptr;
    for (const Report& r : g.reports)
        if (r.released) last = &r;
    if (!last) ImGui::TextDisabled("No report released yet.");
    if (last) {
        ImGui::Text("Turn %d", last->turn);
        for (const Result& r : last->results) ImGui::BulletText("%s", explain_result(g, r).sentence.c_str());
    }
    section("From the White Cell");
    int shown = 0;
    for (auto it = g.messages.rbegin(); it != g.messages.rend() && shown < 6; ++it)
        if (it->channel == ChatChannel::broadcast) {
            ImGui::BulletText("[T%d] %s", it->turn, it->text.c_str());
            ++shown;
        }
    if (!shown) ImGui::TextDisabled("No broadcasts yet.");
    ImGui::PopTextWrapPos();
    ImGui::End();
}

}  // namespace gb::client
