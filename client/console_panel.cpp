// The White Cell's console tab (phase, timer, broadcast, bookmarks, ending the
// game) and its deck tab (reorder, hold, replace and write injects).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "panels.hpp"
#include "rules.hpp"

namespace gb::client {

void ConsolePanel::draw(Session& game, Ui& ui) {
    const GameState& g = game.view();
    bool live = !g.ended();
    section("Phase");
    ImGui::Text("Turn %d, %s phase%s", g.turn, name_of(g.phase).data(), g.paused ? ", paused" : "");
    if (g.phase == Phase::inject && !g.inject_drawn) {
        if (ui.button("Draw the inject", live)) game.send(DrawInject{});
        ImGui::SameLine();
    }
    if (ui.button("Advance phase", live)) game.send(AdvancePhase{});
    ImGui::SameLine();
    if (g.paused) {
        if (ui.button("Resume", live)) game.send(Resume{});
    } else if (ui.button("Pause", live)) {
        game.send(Pause{});
    }
    if (g.phase == Phase::adjudication) {
        ImGui::SameLine();
        if (ui.button("Release the report##console", live)) game.send(Release{});
    }
    ImGui::SetNextItemWidth(140 * ui.scale);
    ImGui::InputInt("seconds##timer", &timer_seconds_, 30, 300);
    timer_seconds_ = std::clamp(timer_seconds_, 0, 86400);
    ImGui::SameLine();
    if (ui.button("Set phase timer", live)) game.send(SetTimer{timer_seconds_});
    hint("Timers run on the server clock for negotiation and orders; 0 turns them off.");
    section("Teams");
    for (Team t : kAllTeams) {
        ImGui::TextColored(team_text_colour(idx(t)), "%-14s", g.sc().teams[idx(t)].name.c_str());
        ImGui::SameLine();
        ImGui::Text("%s%s%s", g.ready[idx(t)] ? "ready " : "", g.committed[idx(t)] ? "committed " : "",
                    g.bot[idx(t)] ? "(bot)" : "");
    }
    section("Broadcast");
    ImGui::SetNextItemWidth(-90 * ui.scale);
    ImGui::InputTextWithHint("##broadcast", "a message to every seat", broadcast_, sizeof broadcast_);
    ImGui::SameLine();
    if (ui.button("Broadcast", broadcast_[0] != 0)) {
        game.send(Chat{ChatChannel::broadcast, Team::us, broadcast_});
        broadcast_[0] = 0;
    }
    section("Bookmark");
    ImGui::InputTextWithHint("Label##bm", "e.g. The 2003 offer arrives", bookmark_label_, sizeof bookmark_label_);
    ImGui::InputTextWithHint("Note##bm", "what to discuss in the debrief", bookmark_note_, sizeof bookmark_note_);
    if (ui.button("Add bookmark", bookmark_label_[0] != 0)) {
        game.send(Bookmark{bookmark_label_, bookmark_note_});
        bookmark_label_[0] = bookmark_note_[0] = 0;
    }
    section("End the game");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##end-reason", "why the game ends now (this box is for ending only)", end_reason_,
                             sizeof end_reason_);
    ui.remember_item("end-reason");
    if (ui.button("End game", live && end_reason_[0] != 0, "Write the reason first, in the box above"))
        ImGui::OpenPopup("##confirm-end");
    // Ending is final: it asks first.
    if (ImGui::BeginPopup("##confirm-end")) {
        ImGui::Text("End the game now, for every team? This cannot be undone.");
        ImGui::TextDisabled("Reason: %s", end_reason_);
        if (ui.button("Yes, end the game")) {
            game.send(EndGame{end_reason_});
            end_reason_[0] = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ui.button("Keep playing")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void DeckPanel::draw(Session& game, Ui& ui) {
    const GameState& g = game.view();
    bool editing = g.phase == Phase::inject && !g.inject_drawn && !g.ended();
    ImGui::TextWrapped("The deck, top first. Edit it before drawing this turn's inject.");
    for (std::size_t i = 0; i < g.deck.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const CardDef& c = g.card(g.deck[i]);
        if (ui.button("Up", editing && i > 0))
            game.send(ReorderDeck{static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(i - 1)});
        ImGui::SameLine();
        if (ui.button("Down", editing && i + 1 < g.deck.size()))
            game.send(ReorderDeck{static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(i + 1)});
        ImGui::SameLine();
        ImGui::Text("%zu. %s (%s)", i + 1, c.title.c_str(), c.date.c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(400 * ui.scale);
            ImGui::TextUnformatted(c.text.c_str());
            if (!c.note.empty()) ImGui::TextDisabled("Note: %s", c.note.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    if (ui.button("Hold the top card", editing && !g.deck.empty())) game.send(HoldInject{});
    if (!g.held.empty()) {
        ImGui::Text("Held:");
        for (auto c : g.held) ImGui::BulletText("%s", g.card(c).title.c_str());
    }
    section("Replace the inject with any card");
    int pool = static_cast<int>(g.sc().cards.size() + g.written.size());
    replace_card_ = std::clamp(replace_card_, 0, std::max(0, pool - 1));
    if (pool > 0 && ImGui::BeginCombo("Card##replace", g.card(replace_card_).title.c_str())) {
        for (int c = 0; c < pool; ++c)
            if (ImGui::Selectable((g.card(c).title + "##" + std::to_string(c)).c_str(), c == replace_card_))
                replace_card_ = c;
        ImGui::EndCombo();
    }
    if (ui.button("Put it on top", editing && pool > 0)) game.send(ReplaceInject{static_cast<std::int16_t>(replace_card_)});
    section("Write a new inject");
    ImGui::InputText("Title##w", inject_title_, sizeof inject_title_);
    ImGui::InputTextMultiline("Text##w", inject_text_, sizeof inject_text_, ImVec2(-1, 70 * ui.scale));
    static const char* tracks[] = {"trust",    "tension",         "nuclear", "sanctions",
                                   "us_hawks", "iran_hardliners", "al_qaeda"};
    ImGui::SetNextItemWidth(160 * ui.scale);
    ImGui::Combo("Effect on##w", &write_track_, tracks, kTracks);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * ui.scale);
    ImGui::InputInt("by##w", &write_delta_);
    write_delta_ = std::clamp(write_delta_, -5, 5);
    WriteInject w;
    w.title = inject_title_;
    w.text = inject_text_;
    if (write_delta_ != 0) {
        Effect e;
        e.verb = EffectVerb::track;
        e.a = write_track_;
        e.value = write_delta_;
        w.effects.push_back(e);
    }
    Verdict v = validate(g, game.seat(), Action{w});
    if (ui.button("Write it on top of the deck", editing && inject_title_[0] && v.ok(), v.message.c_str())) {
        game.send(w);
        inject_title_[0] = inject_text_[0] = 0;
    }
}

}  // namespace gb::client
