// The turn report tab (with the White Cell's review of a draft), and the game
// tab: scores, seats and help.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "explain.hpp"
#include "narrate.hpp"
#include "panels.hpp"
#include "rules.hpp"

namespace gb::client {

void ReportPanel::draw(Session& game, Ui& ui, bool draft_tools) {
    const GameState& g = game.view();
    if (g.reports.empty()) {
        ImGui::TextDisabled("No turn has been adjudicated yet.");
        return;
    }
    bool reviewing = draft_tools && !g.reports.back().released && g.phase == Phase::adjudication;
    if (reviewing) {
        // The White Cell reviews the draft before anyone sees it.
        hint("Review the draft. Amend any result with a reason, then release the report to every team.");
        if (ui.button("Release the report")) game.send(Release{});
        // The reason on a row of its own: its hint is never cut at 1280x720.
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##reason", "Reason for an amendment (needed to amend)", amend_reason_,
                                 sizeof amend_reason_);
        ui.remember_item("amend-reason");
        ImGui::Separator();
    }
    ImGui::BeginChild("##reports", ImVec2(0, 0), false);
    for (int i = int(g.reports.size()) - 1; i >= 0; --i) {
        const Report& r = g.reports[i];
        std::string head = "Turn " + std::to_string(r.turn) + (r.released ? "" : " (draft, not released)");
        ImGui::PushID(i);
        if (ImGui::CollapsingHeader(head.c_str(),
                                    i == int(g.reports.size()) - 1 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
            bool editable = draft_tools && !r.released && g.phase == Phase::adjudication;
            for (std::size_t k = 0; k < r.results.size(); ++k) {
                const Result& res = r.results[k];
                ImGui::PushID(static_cast<int>(k));
                ImVec4 c = res.success ? ImVec4(0.75f, 0.90f, 0.75f, 1) : ImVec4(0.95f, 0.65f, 0.60f, 1);
                ImGui::PushStyleColor(ImGuiCol_Text, c);
                ResultText said = explain_result(g, res);
                ImGui::TextWrapped("%s%s", said.sentence.c_str(), res.amended ? "  (amended by the White Cell)" : "");
                ImGui::PopStyleColor();
                if (!said.dice.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", said.dice.c_str());
                if (res.amended && !res.reason.empty()) hint(("   reason: " + res.reason).c_str());
                for (const Event& e : res.events)
                    if (auto line = explain_event(g, e); !line.empty()) hint(("   " + line).c_str());
                if (editable) {
                    std::string label =
                        std::string(res.success ? "Amend to failure" : "Amend to success") + "##" + std::to_string(k);
                    if (ui.button(label.c_str(), amend_reason_[0] != 0, "Write the reason first, in the box above")) {
                        game.send(Amend{static_cast<std::uint16_t>(k), !res.success, amend_reason_});
                        amend_reason_[0] = 0;  // a reason serves one amendment
                    }
                }
                ImGui::PopID();
            }
            if (!r.end_of_turn.empty()) ImGui::TextColored(kAccent, "End of turn");
            for (const Event& e : r.end_of_turn)
                if (auto line = explain_event(g, e); !line.empty()) ImGui::BulletText("%s", line.c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

// A player in a seat list: a green dot when connected, grey when not.
void presence_line(const Session& game, const Ui& ui, const Player& p, bool lead) {
    bool on = game.is_online(p.id);
    ImVec2 c = ImGui::GetCursorScreenPos();
    float r = 4 * ui.scale;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(c.x + 10 * ui.scale, c.y + ImGui::GetTextLineHeight() / 2), r,
                                                on ? IM_COL32(90, 200, 110, 255) : IM_COL32(110, 110, 110, 255));
    ImGui::Dummy(ImVec2(18 * ui.scale, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    ImGui::Text("%s%s%s", p.name.c_str(), lead ? "  (lead)" : "", on || game.replay() ? "" : "  (not connected)");
}

void draw_game_tab(const Session& game, const Ui& ui) {
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    section("Scores");
    if (ImGui::BeginTable("##scores", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Team");
        ImGui::TableSetupColumn("Score");
        ImGui::TableSetupColumn("Par");
        ImGui::TableSetupColumn("vs par");
        ImGui::TableHeadersRow();
        for (Team t : kAllTeams) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(team_text_colour(idx(t)), "%s", sc.teams[idx(t)].name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", g.score[idx(t)]);
            ImGui::TableNextColumn();
            ImGui::Text("%d", sc.teams[idx(t)].par);
            ImGui::TableNextColumn();
            ImGui::Text("%+d", g.score[idx(t)] - sc.teams[idx(t)].par);
        }
        ImGui::EndTable();
    }
    section("Seats");
    for (Team t : kAllTeams) {
        ImGui::TextColored(team_text_colour(idx(t)), "%s", sc.teams[idx(t)].name.c_str());
        ImGui::SameLine();
        if (g.bot[idx(t)]) ImGui::TextDisabled("[bot]");
        if (g.committed[idx(t)]) {
            ImGui::SameLine();
            ImGui::TextDisabled("[committed]");
        }
        if (g.ready[idx(t)]) {
            ImGui::SameLine();
            ImGui::TextDisabled("[ready]");
        }
        for (const Player& p : g.players)
            if (p.role == SeatRole::team && p.team == t) presence_line(game, ui, p, g.lead[idx(t)] == p.id);
    }
    int control = 0, observers = 0;
    for (const Player& p : g.players) {
        control += p.role == SeatRole::control && game.is_online(p.id);
        observers += p.role == SeatRole::observer && game.is_online(p.id);
    }
    ImGui::Text("White Cell: %d connected   Observers: %d connected", control, observers);
    if (!g.notes.empty()) {
        section("White Cell notes and bookmarks");
        for (const Note& n : g.notes) ImGui::BulletText("T%d %s: %s", n.turn, n.label.c_str(), n.text.c_str());
    }
    section("Help");
    ImGui::TextWrapped(
        "Drag the map to pan, scroll to zoom, Home to fit. Hover a region or a track for details and recent changes. "
        "Right-click the map to ping your teammates.");
}

}  // namespace gb::client
