// The docked panel right of the board: the inject card, then the tabs of
// the seat (a team's, the White Cell's, an observer's, a replay's).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "panels.hpp"

namespace gb::client {

void SidePanel::draw(Session& game, Ui& ui, Toasts& toasts, sf::FloatRect area) {
    ImGui::SetNextWindowPos(ImVec2(area.left, area.top));
    ImGui::SetNextWindowSize(ImVec2(area.width, area.height));
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw_card(game, ui);
    ImGui::Spacing();
    if (ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        if (game.replay() && ui.tab("Debrief")) {
            replay.draw_debrief(game, ui, toasts);
            ImGui::EndTabItem();
        }
        if (game.is_control()) {
            if (ui.tab("Console")) {
                console_.draw(game, ui);
                ImGui::EndTabItem();
            }
            if (ui.tab("Deck")) {
                deck_.draw(game, ui);
                ImGui::EndTabItem();
            }
            if (ui.tab("Report")) {
                report_.draw(game, ui, true);
                ImGui::EndTabItem();
            }
            if (ui.tab("Orders")) {
                draw_omniscient(game);
                ImGui::EndTabItem();
            }
            if (ui.tab("Seats")) {
                draw_console_seats(game, ui);
                ImGui::EndTabItem();
            }
            if (ui.tab("Board")) {
                board_.draw(game, ui);
                ImGui::EndTabItem();
            }
        } else {
            if (game.is_team()) {
                if (ui.tab("Orders")) {
                    orders_.draw(game, ui);
                    ImGui::EndTabItem();
                }
                if (ui.tab("Diplomacy")) {
                    diplomacy_.draw(game, ui);
                    ImGui::EndTabItem();
                }
                if (ui.tab("Hand")) {
                    draw_hand(game, ui);
                    ImGui::EndTabItem();
                }
            }
            if (ui.tab("Report")) {
                report_.draw(game, ui, false);
                ImGui::EndTabItem();
            }
        }
        // Chat with the unread count in its tab.
        std::size_t unread = chat_.unread(game);
        std::string chat = unread ? "Chat (" + std::to_string(unread) + ")###chat" : std::string("Chat###chat");
        if (ui.tab(chat)) {
            chat_.draw(game, ui);
            chat_.mark_read(game);
            ImGui::EndTabItem();
        }
        if (ui.tab("Game")) {
            draw_game_tab(game, ui);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace gb::client
