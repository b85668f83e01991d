// The docked panel right of the board: the inject card, then the tabs of
// the seat (a team's, the White Cell's, an observer's, a replay's), with
// badges on tabs that hold something unread.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "panels.hpp"

namespace gb::client {

namespace {

// "Report" with a badge: "Report (2)"; the id stays the same whatever the count.
std::string badged(const char* name, std::size_t n, const char* id) {
    return std::string(name) + (n ? " (" + std::to_string(n) + ")" : "") + "###" + id;
}

}  // namespace

void SidePanel::open_white_cell_chat() {
    chat_.select_white_cell();
    select_chat_ = true;
}

bool SidePanel::picking() const {
    return orders_.picking();
}

void SidePanel::on_map_click(Session& game, Toasts& toasts, int region) {
    orders_.pick(game, toasts, region);
}

void SidePanel::draw(Session& game, Ui& ui, Toasts& toasts, sf::FloatRect area, int& unread_reports) {
    ImGui::SetNextWindowPos(ImVec2(area.left, area.top));
    ImGui::SetNextWindowSize(ImVec2(area.width, area.height));
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw_card(game, ui, card_);
    ImGui::Spacing();
    const GameState& g = game.view();
    std::string report = badged("Report", game.replay() ? 0 : std::size_t(unread_reports), "report");
    auto report_tab = [&](bool draft_tools) {
        if (ui.tab(report)) {
            unread_reports = 0;
            report_.draw(game, ui, draft_tools);
            ImGui::EndTabItem();
        }
    };
    // Tabs a little narrower than other frames, so a seat's tabs fit at 1280x720.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(5 * ui.scale, ImGui::GetStyle().FramePadding.y));
    bool bar = ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll);
    ImGui::PopStyleVar();
    if (bar) {
        if (game.replay() && ui.tab("Debrief")) {
            replay.draw_debrief(game, ui, toasts);
            ImGui::EndTabItem();
        }
        if (game.is_control()) {
            if (!game.replay() && ui.tab("Console")) {
                console_.draw(game, ui);
                ImGui::EndTabItem();
            }
            if (!game.replay() && ui.tab("Deck")) {
                deck_.draw(game, ui);
                ImGui::EndTabItem();
            }
            report_tab(true);
            // Every team's drafts and orders, its seats, and the scores.
            if (ui.tab("Teams")) {
                draw_omniscient(game, ui);
                section("Seats");
                draw_console_seats(game, ui);
                draw_game_tab(game, ui);
                ImGui::EndTabItem();
            }
            if (!game.replay() && ui.tab("Board")) {
                board_.draw(game, ui);
                ImGui::EndTabItem();
            }
        } else {
            if (game.is_team()) {
                if (ui.tab("Orders")) {
                    orders_.draw(game, ui);
                    ImGui::EndTabItem();
                }
                std::size_t pending = 0;
                for (const Offer& o : g.offers)
                    pending += o.to == game.my_team() && o.status == OfferStatus::pending;
                if (ui.tab(badged("Diplomacy", pending, "diplomacy"))) {
                    diplomacy_.draw(game, ui);
                    ImGui::EndTabItem();
                }
            }
            report_tab(false);
        }
        // Chat with the unread count in its tab.
        ImGuiTabItemFlags chat_flags = select_chat_ ? ImGuiTabItemFlags_SetSelected : 0;
        select_chat_ = false;
        std::string chat = badged("Chat", chat_.unread(game), "chat");
        bool chat_open = ImGui::BeginTabItem(chat.c_str(), nullptr, chat_flags);
        ui.remember_item(chat);
        ui.remember_item("chat");
        if (chat_open) {
            chat_.draw(game, ui);
            chat_.mark_read(game);
            ImGui::EndTabItem();
        }
        if (!game.is_control() && ui.tab("Game")) {
            draw_game_tab(game, ui);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace gb::client
