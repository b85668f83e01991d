// The inject card above the tabs, and the team's hand.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "explain.hpp"
#include "narrate.hpp"
#include "primer.hpp"
#include "panels.hpp"
#include "rules.hpp"

namespace gb::client {

namespace {
// The warning colour, dark enough to read on the card's paper.
const ImVec4 kSpoilerOnCard(0.62f, 0.10f, 0.06f, 1);
}  // namespace

void draw_card(Session& game, Ui& ui, CardLayout& layout) {
    const GameState& g = game.view();
    bool has_card = !g.ended() && g.inject >= 0 && g.inject_drawn;
    // Open in the inject phase, while a choice waits, before the inject and at
    // the end; folded to its header line once the turn moves on. A click on
    // the arrow decides instead, until the phase changes.
    std::tuple<int, int> now{g.turn, static_cast<int>(g.phase)};
    if (layout.phase != now) {
        layout.phase = now;
        layout.overridden = false;
    }
    bool inject_time = !has_card || g.phase == Phase::inject || g.choice_pending;
    bool open = layout.overridden ? layout.open : (inject_time || g.ended());
    ui.note("card.open", open ? "1" : "0");
    // Only as tall as its content (measured last frame), up to a share of the
    // panel: more while the card is what the phase is about.
    float avail = ImGui::GetContentRegionAvail().y;
    float cap = avail * (!open ? 0.3f : inject_time && !g.ended() ? 0.7f : 0.45f);
    float h = layout.content_h > 0 ? std::min(layout.content_h, cap) : cap;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.93f, 0.90f, 0.82f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.12f, 0.11f, 0.10f, 1));
    ImGui::BeginChild("##card", ImVec2(0, h), true);
    ui.note_visible_area("card");
    if (has_card) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ImGui::ArrowButton("##cardtoggle", open ? ImGuiDir_Down : ImGuiDir_Right)) {
            layout.overridden = true;
            layout.open = !open;
        }
        ImGui::PopStyleColor();
        ui.remember_item("##card-toggle");  // no visible label: an arrow
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", open ? "Fold the card to its title" : "Show the whole card");
        ImGui::SameLine();
    }
    if (g.ended()) {
        Standing st = standing(g);
        ImGui::TextColored(ImVec4(0.45f, 0.12f, 0.08f, 1), "THE GAME IS OVER");
        ImGui::Separator();
        for (Team t : kAllTeams)
            ImGui::Text("%-16s %3d  (par %d, %+d)%s", g.sc().teams[idx(t)].name.c_str(), st.score[idx(t)],
                        g.sc().teams[idx(t)].par, st.result[idx(t)], (st.winners >> idx(t)) & 1u ? "  WINNER" : "");
        ImGui::Text("Rapprochement: %s   War: %s   Breakout: %s", st.rapprochement ? "yes" : "no",
                    st.war ? "yes" : "no", st.breakout ? "yes" : "no");
    } else if (has_card && !open) {
        // Folded: the header line, with the choice made.
        const CardDef& c = g.card(g.inject);
        ImGui::TextColored(ImVec4(0.45f, 0.12f, 0.08f, 1), "INJECT  %s", c.date.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", c.title.c_str());
        if (c.kind == CardKind::choice && !g.choice_pending && g.chosen >= 0 && g.chosen < int(c.options.size()) &&
            ImGui::IsItemHovered())
            ImGui::SetTooltip("%s chose: %s", team_name(g, c.chooser).c_str(), c.options[g.chosen].label.c_str());
    } else if (has_card) {
        const CardDef& c = g.card(g.inject);
        ImGui::TextColored(ImVec4(0.45f, 0.12f, 0.08f, 1), "INJECT  %s", c.date.c_str());
        ImGui::PushTextWrapPos(0);
        ImGui::SetWindowFontScale(1.15f);
        ImGui::TextUnformatted(c.title.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::Separator();
        ImGui::TextUnformatted(c.text.c_str());
        if (c.kind == CardKind::choice) {
            ImGui::Spacing();
            bool mine = game.is_team() && idx(game.my_team()) == c.chooser;
            ImGui::Text("%s chooses:", team_name(g, c.chooser).c_str());
            for (std::size_t i = 0; i < c.options.size(); ++i) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
                std::string label = c.options[i].label + "##opt" + std::to_string(i);
                bool can = mine && g.choice_pending && game.is_lead();
                if (ui.button(label.c_str(), can, mine ? "Only your lead chooses" : "Another team's choice"))
                    game.send(Choose{static_cast<std::uint8_t>(i)});
                ImGui::PopStyleColor();
                // The option's story on hover; under the button, what it does: every
                // option's button stays in view without scrolling the card.
                Explanation x = explain_option(g, g.inject, int(i));
                explanation_tooltip(x, c.options[i].text);
                // What it does, in the core's words, a spoiler marked as such.
                ImGui::Indent();
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.28f, 0.25f, 0.20f, 1));
                if (x.spoiler) ImGui::TextColored(kSpoilerOnCard, "Spoiler");
                explanation_lines(x);
                ImGui::PopStyleColor();
                ImGui::Unindent();
            }
            if (!g.choice_pending && g.chosen >= 0 && g.chosen < int(c.options.size()))
                ImGui::Text("Chosen: %s", c.options[g.chosen].label.c_str());
        }
        // The source after the choice, so the options come first.
        if (!c.source.empty()) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.30f, 0.27f, 0.22f, 1));
            ImGui::TextUnformatted(("\"" + c.source + "\"").c_str());
            ImGui::PopStyleColor();
        }
        if (!c.note.empty() && (game.is_control() || g.ended())) {
            ImGui::Spacing();
            ImGui::TextColored(ImVec4(0.10f, 0.30f, 0.45f, 1), "Teaching note (White Cell)");
            ImGui::TextUnformatted(c.note.c_str());
        }
        ImGui::PopTextWrapPos();
    } else {
        // Before the inject: the turn's briefing (turn 1 the scenario's summary,
        // later turns what the last report changed), in the core's words.
        TurnBriefing b = turn_briefing(g);
        ImGui::TextColored(ImVec4(0.45f, 0.12f, 0.08f, 1), "%s", b.title.c_str());
        ImGui::PushTextWrapPos(0);
        for (const std::string& line : b.lines) ImGui::TextUnformatted(line.c_str());
        ui.note("card.briefing", b.title);
        if (!b.lines.empty()) ui.note("card.briefing.0", b.lines[0]);
        ImGui::Spacing();
        ImGui::TextDisabled("%s", game.is_control() ? "Draw the inject from the Console to begin the turn."
                                               : "Waiting for this turn's inject.");
        ImGui::PopTextWrapPos();
    }
    // The content's height, for the next frame's size (a little slack keeps a scrollbar away).
    const ImGuiStyle& st = ImGui::GetStyle();
    layout.content_h = ImGui::GetCursorPosY() - st.ItemSpacing.y + st.WindowPadding.y + 2;
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

void draw_hand(const Session& game, const Ui& ui) {
    const GameState& g = game.view();
    int t = idx(game.my_team());
    int n = g.board.hand_size[t];
    if (n == 0) ImGui::TextDisabled("Your hand is empty. Opportunity cards come to you as injects.");
    for (int i = 0; i < n; ++i) {
        const CardDef& c = g.card(g.board.hands[t][i]);
        ImGui::PushID(i);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.20f, 0.22f, 0.25f, 1));
        ImGui::BeginChild("##hcard", ImVec2(0, 120 * ui.scale), true);
        Explanation x = explain_card(g, g.board.hands[t][i], game.my_team());
        ImGui::TextColored(kAccent, "%s", c.title.c_str());
        explanation_tooltip(x);
        if (x.spoiler) spoiler_mark();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", c.date.c_str());
        ImGui::TextWrapped("%s", c.text.c_str());
        explanation_lines(x);
        hint("Play it with the 'play a card' order in the orders phase.");
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

}  // namespace gb::client
