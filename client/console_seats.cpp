// The White Cell's seats tab, its board tab (tracks and channel set by hand),
// and its view of every team's orders.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "narrate.hpp"
#include "panels.hpp"
#include "rules.hpp"

namespace gb::client {

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
            ImGui::SameLine();
            if (ui.button("Make lead", !lead)) game.send(SetLead{t, p.id});
            ImGui::SameLine();
            if (ui.button("Remove")) game.send(Leave{p.id});
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    section("Observers");
    for (const Player& p : g.players)
        if (p.role == SeatRole::observer) ImGui::BulletText("%s", p.name.c_str());
}

void BoardPanel::draw(Session& game, Ui& ui) {
    const GameState& g = game.view();
    ImGui::TextWrapped("Set a track or the channel directly. The reason is journaled and shown in the debrief.");
    ImGui::InputTextWithHint("Reason##tr", "why", reason_, sizeof reason_);
    static const char* labels[] = {"trust",    "tension",         "nuclear", "sanctions",
                                   "us_hawks", "iran_hardliners", "al_qaeda"};
    for (int t = 0; t < kTracks; ++t) {
        ImGui::PushID(t);
        const TrackDef& d = g.sc().tracks[t];
        ImGui::SetNextItemWidth(200 * ui.scale);
        ImGui::SliderInt(labels[t], &set_track_[t], d.min, d.max);
        ImGui::SameLine();
        if (ui.button("Set", set_track_[t] != g.board.tracks[t] && reason_[0], "Change the value and write a reason"))
            game.send(SetTrack{static_cast<Track>(t), static_cast<std::int16_t>(set_track_[t]), reason_});
        ImGui::PopID();
    }
    static const char* chans[] = {"closed", "secret", "tactical", "strategic"};
    ImGui::SetNextItemWidth(200 * ui.scale);
    ImGui::Combo("channel", &set_channel_, chans, 4);
    ImGui::SameLine();
    if (ui.button("Set##ch", reason_[0] != 0 && set_channel_ != int(g.board.channel)))
        game.send(SetChannel{static_cast<Channel>(set_channel_), reason_});
}

void draw_omniscient(const Session& game) {
    const GameState& g = game.view();
    for (Team t : kAllTeams) {
        int i = idx(t);
        ImGui::TextColored(team_text_colour(i), "%s", g.sc().teams[i].name.c_str());
        ImGui::SameLine();
        if (g.committed[i]) {
            ImGui::TextDisabled("committed");
            for (const Order& o : g.orders[i]) ImGui::BulletText("%s", describe_order(g, t, o).c_str());
            if (g.orders[i].empty()) ImGui::BulletText("no orders");
        } else {
            ImGui::TextDisabled("%zu drafted, not committed", g.drafts[i].size());
        }
    }
}

}  // namespace gb::client
