// The White Cell's seats tab, its board tab (tracks and channel set by hand),
// and its view of every team's orders.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "narrate.hpp"
#include "panels.hpp"
#include "learn.hpp"
#include "rules.hpp"

namespace gb::client {

namespace {

// "Move..." for a player: to another team, or to observing (the wire's MoveSeat).
void move_menu(Session& game, Ui& ui, const Player& p) {
    const GameState& g = game.view();
    if (ui.button("Move...", !g.ended())) ImGui::OpenPopup("##move");
    if (ImGui::BeginPopup("##move")) {
        for (Team t : kAllTeams) {
            if (p.role == SeatRole::team && p.team == t) continue;
            if (ImGui::MenuItem(("To " + g.sc().teams[idx(t)].name).c_str()))
                game.send_message(net::MoveSeat{p.id, SeatRole::team, t});
        }
        if (p.role != SeatRole::observer && ImGui::MenuItem("To the observers"))
            game.send_message(net::MoveSeat{p.id, SeatRole::observer, Team::us});
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_console_seats(Session& game, Ui& ui) {
    const GameState& g = game.view();
    for (Team t : kAllTeams) {
        ImGui::PushID(idx(t));
        ImGui::TextColored(team_text_colour(idx(t)), "%s", g.sc().teams[idx(t)].name.c_str());
        ImGui::SameLine();
        bool bot = g.bot[idx(t)];
        if (ui.button(bot ? "Take the bot out" : "Put a bot in", !g.ended())) game.send(SetBot{t, !bot});
        for (const Player& p : g.players) {
            if (p.role != SeatRole::team || p.team != t) continue;
            ImGui::PushID(static_cast<int>(p.id));
            bool lead = g.lead[idx(t)] == p.id;
            presence_line(game, ui, p, lead);
            if (ui.button("Make lead", !lead)) game.send(SetLead{t, p.id});
            ImGui::SameLine();
            move_menu(game, ui, p);
            ImGui::SameLine();
            if (ui.button("Remove")) game.send(Leave{p.id});
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    section("Observers");
    for (const Player& p : g.players)
        if (p.role == SeatRole::observer) {
            ImGui::PushID(static_cast<int>(p.id));
            ImGui::BulletText("%s", p.name.c_str());
            ImGui::SameLine();
            move_menu(game, ui, p);
            ImGui::PopID();
        }
    if (ui.button("Let observers choose their team")) game.send_message(net::LetObserversChoose{true});
    ImGui::SameLine();
    if (ui.button("Stop")) game.send_message(net::LetObserversChoose{false});
    hint("With it on, whoever joins with the observer code sits at the team they pick.");
}

void BoardPanel::draw(Session& game, Ui& ui) {
    const GameState& g = game.view();
    // The sliders follow the board: a value the game changed shows at once,
    // unless the White Cell is editing that very track.
    for (int t = 0; t < kTracks; ++t)
        if (!synced_ || seen_track_[t] != g.board.tracks[t]) {
            set_track_[t] = seen_track_[t] = g.board.tracks[t];
        }
    if (!synced_ || seen_channel_ != int(g.board.channel)) set_channel_ = seen_channel_ = int(g.board.channel);
    synced_ = true;
    ImGui::TextWrapped("Set a track or the channel directly. The reason is journaled and shown in the debrief.");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##board-reason", "why you set it (this box is for the Board tab only)", reason_,
                             sizeof reason_);
    ui.remember_item("board-reason");
    bool live = !g.ended();
    bool ask = false;
    for (int t = 0; t < kTracks; ++t) {
        ImGui::PushID(t);
        const TrackDef& d = g.sc().tracks[t];
        std::string n = std::to_string(t);
        if (ui.button(("-##track" + n).c_str(), live && set_track_[t] > d.min)) --set_track_[t];
        ImGui::SameLine();
        if (ui.button(("+##track" + n).c_str(), live && set_track_[t] < d.max)) ++set_track_[t];
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::max(80.f, ImGui::GetContentRegionAvail().x * 0.35f));
        ImGui::SliderInt("##v", &set_track_[t], d.min, d.max);
        ImGui::SameLine();
        bool changed = set_track_[t] != g.board.tracks[t];
        const char* why = !changed ? "Change the value first" : "Write the reason first, in the box above";
        if (ui.button(("Set##track" + n).c_str(), live && changed && reason_[0], why)) {
            confirm_ = t;
            ask = true;
        }
        ImGui::SameLine();
        // A long name wraps in its own column.
        std::string name = track_label(t) + (changed ? " (now " + std::to_string(g.board.tracks[t]) + ")" : "");
        ImGui::TextWrapped("%s", name.c_str());
        ImGui::PopID();
    }
    static const char* chans[] = {"closed", "secret", "tactical", "strategic"};
    ImGui::SetNextItemWidth(160 * ui.scale);
    ImGui::Combo("##channel", &set_channel_, chans, 4);
    ImGui::SameLine();
    bool ch_changed = set_channel_ != int(g.board.channel);
    if (ui.button("Set the channel", live && reason_[0] != 0 && ch_changed,
                  ch_changed ? "Write the reason first, in the box above" : "Choose another level first")) {
        confirm_ = kTracks;
        ask = true;
    }
    if (ask) ImGui::OpenPopup("##confirm-track");
    // Setting the board by hand asks first.
    if (ImGui::BeginPopup("##confirm-track")) {
        if (confirm_ < kTracks)
            ImGui::Text("Set %s from %d to %d?", track_label(confirm_).c_str(), g.board.tracks[confirm_],
                        set_track_[confirm_]);
        else
            ImGui::Text("Set the channel from %s to %s?", chans[int(g.board.channel)], chans[set_channel_]);
        ImGui::TextDisabled("Reason: %s", reason_);
        if (ui.button("Confirm the change")) {
            if (confirm_ < kTracks)
                game.send(SetTrack{static_cast<Track>(confirm_), static_cast<std::int16_t>(set_track_[confirm_]),
                                   reason_});
            else
                game.send(SetChannel{static_cast<Channel>(set_channel_), reason_});
            reason_[0] = 0;  // a reason serves one change
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ui.button("Cancel##track")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void draw_omniscient(const Session& game, Ui& ui) {
    const GameState& g = game.view();
    section("Orders");
    for (Team t : kAllTeams) {
        int i = idx(t);
        ImGui::TextColored(team_text_colour(i), "%s", g.sc().teams[i].name.c_str());
        ImGui::SameLine();
        const auto& list = g.committed[i] ? g.orders[i] : g.drafts[i];
        ImGui::TextDisabled("%s", g.committed[i] ? "committed" : list.empty() ? "no drafts" : "drafting");
        ImGui::PushID(i);
        for (std::size_t k = 0; k < list.size(); ++k) {
            const Order& o = list[k];
            // What the order does, in the core's words, judged after the orders before it.
            std::vector<Order> before(list.begin(), list.begin() + static_cast<long>(k));
            // The White Cell reads them: teams by name, never "your".
            Explanation x = explain_order(g, t, o, false);
            std::vector<OrderWarning> warnings = order_warnings(g, t, o, before);
            std::string roll = roll_sentence(g, t, o, false);
            std::string key = "teams." + std::to_string(i) + "." + std::to_string(k);
            ui.note(key, x.title);
            if (!warnings.empty()) ui.note(key + ".warning", warnings[0].text);
            if (!roll.empty()) ui.note(key + ".roll", roll);
            // One line a draft: its title and who drafted it.
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s%s", x.title.c_str(), drafted_by(g, t, k).c_str());
            std::string more = roll;
            for (const OrderWarning& w : warnings) more += (more.empty() ? "" : "\n") + ("Warning: " + w.text);
            explanation_tooltip(x, more);
            if (x.spoiler) spoiler_mark();
            // Under it: warnings first, then the roll it needs.
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
            for (const OrderWarning& w : warnings) ImGui::TextWrapped("Warning: %s", w.text.c_str());
            ImGui::PopStyleColor();
            if (!roll.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s", roll.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

}  // namespace gb::client
