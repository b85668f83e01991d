#include "tutorial_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "tutorial.hpp"
#include "ui.hpp"

namespace gb::client {

namespace {

const char* waits_for(TutorialWait w) {
    switch (w) {
        case TutorialWait::none: return nullptr;
        case TutorialWait::choice: return "your team's choice on the inject card";
        case TutorialWait::offer: return "your offer (Diplomacy tab, Send offer)";
        case TutorialWait::ready: return "your team to be ready (Ready, top bar)";
        case TutorialWait::draft: return "an order in your draft (Orders tab, Add)";
        case TutorialWait::commit: return "your committed orders (Orders tab, Commit orders)";
    }
    return nullptr;
}

}  // namespace

void TutorialPanel::draw(const Session& game, Ui& ui, sf::FloatRect board) {
    if (!game.in_game() || game.replay()) return;
    const GameState& g = game.view();
    const TutorialDef& tut = g.sc().tutorial;
    if (!tut.on()) return;
    int at = tutorial_current_step(g);
    const float s = ui.scale;
    ImGui::SetNextWindowPos(ImVec2(board.left + board.width - 10 * s, board.top + 10 * s), ImGuiCond_Always,
                            ImVec2(1, 0));
    // A fixed width, so the text wraps; the height follows the text.
    const float width = std::min(470 * s, board.width * 0.55f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, board.height - 20 * s));
    ImGui::SetNextWindowBgAlpha(0.96f);
    ImGui::SetNextWindowCollapsed(collapsed, ImGuiCond_Always);
    ImGui::PushStyleColor(ImGuiCol_TitleBg, ImVec4(0.45f, 0.30f, 0.08f, 1));
    ImGui::PushStyleColor(ImGuiCol_TitleBgActive, ImVec4(0.45f, 0.30f, 0.08f, 1));
    ImGui::PushStyleColor(ImGuiCol_TitleBgCollapsed, ImVec4(0.45f, 0.30f, 0.08f, 1));
    std::string title = at < 0
                            ? std::string("White Cell: tutorial")
                            : "White Cell: step " + std::to_string(at + 1) + " of " + std::to_string(tut.steps.size()) +
                                  ", " + tut.steps[static_cast<std::size_t>(at)].title;
    title += "###tutorial";
    bool shown = ImGui::Begin(title.c_str(), nullptr,
                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                  ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    collapsed = ImGui::IsWindowCollapsed();
    if (shown) {
        ui.remember_window("tutorial");
        ImGui::PushTextWrapPos(0);
        if (at < 0) {
            ImGui::TextUnformatted("The White Cell starts the tutorial once every team has a seat.");
        } else {
            const TutorialStep& step = tut.steps[static_cast<std::size_t>(at)];
            ImGui::TextUnformatted(step.text.c_str());
            ui.remember_item("tutorial-text");
            if (const char* w = waits_for(step.wait)) {
                ImGui::Separator();
                if (tutorial_step_met(g, static_cast<std::size_t>(at)))
                    ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.45f, 1), "Done: the White Cell moves on.");
                else
                    ImGui::TextColored(ImVec4(0.95f, 0.78f, 0.35f, 1), "The White Cell waits for %s.", w);
            }
            // Steps that need nothing from the student pass quickly: they can be read again here.
            if (at > 0) {
                std::string earlier = "Earlier steps (" + std::to_string(at) + "): read them again";
                bool open = ImGui::CollapsingHeader((earlier + "###tutorial-earlier").c_str());
                ui.remember_item("tutorial-earlier");
                for (int i = 0; open && i < at; ++i) {
                    const TutorialStep& e = tut.steps[static_cast<std::size_t>(i)];
                    ImGui::TextColored(kAccent, "%d. %s", i + 1, e.title.c_str());
                    ImGui::TextUnformatted(e.text.c_str());
                }
            }
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleColor(3);
}

}  // namespace gb::client
