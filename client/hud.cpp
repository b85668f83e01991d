#include "hud.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "explain.hpp"
#include "lan_address.hpp"
#include "palette.hpp"
#include "learn.hpp"
#include "rules.hpp"

namespace gb::client {

void Hud::draw_top_bar(Session& game, Ui& ui, const Camera& cam, sf::Vector2u size) {
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    float s = ui.scale;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(float(size.x), std::round(46 * s)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.075f, 0.085f, 0.10f, 1));
    ImGui::Begin("##top", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4 * s);
    bool wide = size.x >= 1600 * s;
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "GRAND BARGAIN");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", sc.title.c_str());
    if (wide) {
        ImGui::SameLine(0, 18 * s);
        ImGui::TextUnformatted(sc.title.c_str());
    }
    ImGui::SameLine(0, 18 * s);
    std::string phase = g.ended() ? "Game over" : upper_first(std::string(name_of(g.phase)));
    ImGui::Text("Turn %d/%d  |  %s  |  %s%s", g.turn, sc.turns(), g.calendar_label().c_str(), phase.c_str(),
                g.paused ? " (paused)" : "");
    ImGui::SameLine(0, 14 * s);
    if (game.replay()) {
        ImGui::TextDisabled("Replay");
    } else if (g.timer_seconds > 0 && !g.ended() && (g.phase == Phase::negotiation || g.phase == Phase::orders)) {
        int left = game.timer_left();
        ImGui::TextColored(left < 60 ? ImVec4(1, 0.45f, 0.35f, 1) : ImVec4(0.8f, 0.85f, 0.9f, 1), "%s",
                           clock_text(left).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Time left in this phase");
    } else {
        ImGui::TextDisabled("No timer");
    }
    // Phase controls of a team's lead.
    if (game.is_team() && g.phase == Phase::negotiation && !g.ended()) {
        ImGui::SameLine(0, 14 * s);
        bool ready = g.ready[idx(game.my_team())];
        if (ready)
            ImGui::TextColored(kGood, "Ready");
        else if (ui.button("Ready", game.is_lead(), "Only your team's lead declares the team ready"))
            game.send(Ready{});
    }
    // Right side: help, the White Cell, seat, code, connection.
    std::string seat;
    if (game.is_control())
        seat = "White Cell";
    else if (game.is_team())
        seat = sc.teams[idx(game.my_team())].name + (game.is_lead() ? " (lead)" : "");
    else
        seat = "Observer";
    std::string conn = game.replay()      ? "Replay"
                       : game.connected() ? ""
                                          : "Reconnecting (" + std::to_string(game.reconnect_attempts()) + ")";
    if (game.replay() && wide)
        seat += "  (" + std::filesystem::path(game.replay()->timeline->path()).filename().string() + ")";
    // The host sees its own team's code on the bar, and every code in the tooltip.
    std::string bar_code = game.is_team() ? game.codes().team[idx(game.my_team())] : game.codes().observer;
    const ImGuiStyle& st = ImGui::GetStyle();
    auto button_w = [&](const char* t) { return ImGui::CalcTextSize(t).x + 2 * st.FramePadding.x + st.ItemSpacing.x; };
    bool can_write = game.is_team() && !game.replay();
    float w = ImGui::CalcTextSize((seat + "  " + conn).c_str()).x + 34 * s + button_w("Help");
    if (can_write) w += button_w("White Cell");
    if (!bar_code.empty()) w += ImGui::CalcTextSize(("Code " + bar_code + "  ").c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12 * s, float(size.x) - w));
    if (ui.button("Help")) ImGui::OpenPopup("##help");
    if (ImGui::BeginPopup("##help")) {
        if (ImGui::MenuItem("How to play", "F1")) want_primer = true;
        ui.remember_item("How to play");
        if (ImGui::MenuItem("Legend of the map", "L", legend_open)) want_legend = true;
        ui.remember_item("Legend of the map");
        if (ImGui::MenuItem("Team brief", nullptr, false, !game.replay())) want_brief = true;
        ui.remember_item("Team brief");
        if (ImGui::MenuItem("Sounds", nullptr, !muted)) want_mute = true;
        ui.remember_item("Sounds");
        ImGui::Separator();
        ImGui::TextDisabled("Text size: Ctrl + and Ctrl -, Ctrl 0 resets");
        ImGui::TextDisabled("Keyboard: F6 moves between panels, Tab and arrows within");
        ImGui::EndPopup();
    }
    if (can_write) {
        ImGui::SameLine();
        if (ui.button("White Cell")) want_white_cell = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Write to the White Cell (the instructor)");
    }
    ImGui::SameLine(0, 12 * s);
    if (game.is_team()) {
        ImGui::TextColored(team_text_colour(idx(game.my_team())), "%s", seat.c_str());
    } else
        ImGui::TextColored(ImVec4(0.95f, 0.95f, 0.95f, 1), "%s", seat.c_str());
    if (!bar_code.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("Code");
        ImGui::SameLine();
        ImGui::TextUnformatted(bar_code.c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("Each team joins with its own code:");
            for (int t = 0; t < kTeams; ++t)
                ImGui::BulletText("%s: %s", sc.teams[t].name.c_str(), game.codes().team[t].c_str());
            ImGui::BulletText("Observers: %s", game.codes().observer.c_str());
            if (!game.codes().control.empty())
                ImGui::BulletText("White Cell (control): %s", game.codes().control.c_str());
            ImGui::Text("at:");
            for (const auto& a : local_addresses())
                ImGui::BulletText("%s:%u", a.c_str(), game.local() ? game.local()->port : 0);
            ImGui::BulletText("127.0.0.1:%u (this machine)", game.local() ? game.local()->port : 0);
            ImGui::EndTooltip();
        }
    }
    ImGui::SameLine();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = 5 * s;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetTextLineHeight() / 2), r,
                                                game.connected() ? IM_COL32(90, 200, 110, 255) : IM_COL32(230, 90, 70, 255));
    ImGui::Dummy(ImVec2(2 * r + 2, 1));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", game.connected() ? "Connected to the server" : "Not connected");
    if (!conn.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(conn.c_str());
    }
    ImGui::End();
    ImGui::PopStyleColor();

    if (!game.connected()) {
        // A banner across the board while the connection is down.
        const auto& vp = cam.viewport();
        ImGui::SetNextWindowPos(ImVec2(vp.left + vp.width / 2, vp.top + 12 * s), 0, ImVec2(0.5f, 0));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.55f, 0.16f, 0.12f, 0.95f));
        ImGui::Begin("##banner", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::Text("Connection to the server lost. Reconnecting with your seat token (attempt %d)...",
                    game.reconnect_attempts());
        ImGui::End();
        ImGui::PopStyleColor();
    }
}

std::string Hud::track_tooltip(const Session& game, Track t) {
    const GameState& g = game.view();
    // The value now, then what the track is, in the core's words from the scenario's data.
    std::vector<std::string> about = track_description(g.sc(), t);
    std::string s = about.empty() ? track_label(idx(t)) : about[0];
    s += "\nNow at " + std::to_string(g.board.track(t)) + ".";
    for (std::size_t i = 1; i < about.size(); ++i) s += "\n" + about[i];
    if (const auto* log = game.track_log(idx(t)); log && !log->empty()) {
        s += "\n\nRecent changes:";
        for (const auto& l : *log) s += "\n  " + l;
    }
    return s;
}

void Hud::draw_tracks(const Session& game, const Ui& ui, const Camera& cam, sf::Vector2u size, float timeline_h) {
    const GameState& g = game.view();
    const auto& vp = cam.viewport();
    float s = ui.scale;
    ImGui::SetNextWindowPos(ImVec2(0, vp.top + vp.height + timeline_h));
    ImGui::SetNextWindowSize(ImVec2(vp.width, float(size.y) - vp.top - vp.height - timeline_h));
    ImGui::Begin("##tracks", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int n = kTracks + 1;
    float avail = ImGui::GetContentRegionAvail().x;
    float gap = 8 * s;
    float unit = (avail - gap * (n - 1)) / (kTracks + 1.45f);
    float h = ImGui::GetContentRegionAvail().y;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    static const ImU32 colours[] = {IM_COL32(88, 170, 120, 255), IM_COL32(214, 84, 60, 255),
                                    IM_COL32(226, 160, 50, 255), IM_COL32(150, 130, 200, 255),
                                    IM_COL32(80, 120, 200, 255), IM_COL32(60, 150, 100, 255),
                                    IM_COL32(170, 70, 70, 255)};
    static const char* labels[] = {"Trust", "Tension", "Nuclear", "Sanctions", "US hawks", "Hardliners", "al-Qaeda"};
    for (int i = 0; i < n; ++i) {
        ImVec2 p(origin.x + i * (unit + gap), origin.y);
        float w = i < kTracks ? unit : unit * 1.45f;
        ImGui::SetCursorScreenPos(p);
        std::string id = "##gauge" + std::to_string(i);
        ImGui::InvisibleButton(id.c_str(), ImVec2(w, h));
        bool hover = ImGui::IsItemHovered();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), hover ? IM_COL32(44, 50, 58, 255) : IM_COL32(32, 36, 42, 255),
                          4);
        float lh = ImGui::GetTextLineHeight();
        if (i < kTracks) {
            Track t = static_cast<Track>(i);
            const TrackDef& d = g.sc().tracks[i];
            int v = g.board.track(t);
            std::string value = std::to_string(v);
            ImVec2 vs = ImGui::CalcTextSize(value.c_str());
            // The name shrinks, if it must, to leave room for the value.
            float room = w - vs.x - 16 * s, fsz = ImGui::GetFontSize();
            float lw = ImGui::CalcTextSize(labels[i]).x;
            if (lw > room) fsz *= std::max(0.6f, room / lw);
            dl->AddText(ImGui::GetFont(), fsz, ImVec2(p.x + 6 * s, p.y + 4 * s), IM_COL32(210, 208, 200, 255),
                        labels[i]);
            dl->AddText(ImVec2(p.x + w - vs.x - 6 * s, p.y + 4 * s), IM_COL32(255, 255, 255, 255), value.c_str());
            // The gauge: one cell per step, filled up to the value.
            int steps = d.max - d.min;
            float gx = p.x + 6 * s, gy = p.y + lh + 12 * s, gw = w - 12 * s, gh = h - lh - 20 * s;
            float cw = steps > 0 ? gw / steps : gw;
            for (int k = 0; k < steps; ++k) {
                bool on = d.min + k < v;
                ImU32 fill = colours[i];
                if (d.min < 0) {
                    // A signed track: cells from zero towards the value, blue above zero and
                    // vermillion below, so a negative value never reads as a positive one.
                    on = (v >= 0) ? (d.min + k >= 0 && d.min + k < v) : (d.min + k >= v && d.min + k < 0);
                    sf::Color sc = v >= 0 ? palette::kPositive : palette::kNegative;
                    fill = IM_COL32(sc.r, sc.g, sc.b, 255);
                }
                ImVec2 a(gx + k * cw + 1, gy), b(gx + (k + 1) * cw - 1, gy + gh);
                dl->AddRectFilled(a, b, on ? fill : IM_COL32(60, 64, 72, 255), 2);
            }
            if (d.min < 0) {  // mark zero on a signed track
                float zx = gx + (-d.min) * cw;
                dl->AddLine(ImVec2(zx, gy - 3 * s), ImVec2(zx, gy + gh + 3 * s), IM_COL32(240, 240, 240, 255), 2);
            }
            if (hover) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(360 * s);
                ImGui::TextUnformatted(track_tooltip(game, t).c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        } else {
            static const char* steps[] = {"Closed", "Secret", "Tactical", "Strategic"};
            int c = static_cast<int>(g.board.channel);
            std::string v = steps[c];
            ImVec2 vs = ImGui::CalcTextSize(v.c_str());
            float room = w - vs.x - 16 * s, fsz = ImGui::GetFontSize(), lw = ImGui::CalcTextSize("Channel").x;
            if (lw > room) fsz *= std::max(0.6f, room / lw);
            dl->AddText(ImGui::GetFont(), fsz, ImVec2(p.x + 6 * s, p.y + 4 * s), IM_COL32(210, 208, 200, 255),
                        "Channel");
            dl->AddText(ImVec2(p.x + w - vs.x - 6 * s, p.y + 4 * s), IM_COL32(255, 255, 255, 255), v.c_str());
            float gx = p.x + 6 * s, gy = p.y + lh + 12 * s, gw = w - 12 * s, gh = h - lh - 20 * s;
            for (int k = 0; k < 3; ++k) {
                ImVec2 a(gx + k * gw / 3 + 1, gy), b(gx + (k + 1) * gw / 3 - 1, gy + gh);
                dl->AddRectFilled(a, b, k < c ? IM_COL32(90, 170, 210, 255) : IM_COL32(60, 64, 72, 255), 2);
            }
            if (hover) {
                ImGui::BeginTooltip();
                ImGui::Text("The US-Iran channel: %s", steps[c]);
                ImGui::Text("Closed, secret, tactical, strategic. Cooperation needs an open channel;");
                ImGui::Text("a cut-off closes it. Trust when it last opened: %d", g.board.trust_at_open);
                if (const auto* log = game.track_log(kTracks))
                    for (const auto& l : *log) ImGui::BulletText("%s", l.c_str());
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::End();
}

std::string Hud::region_tooltip(const Session& game, int r) {
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    const RegionDef& d = sc.regions[r];
    const RegionState& st = g.board.regions[r];
    std::ostringstream o;
    o << d.name << "\n";
    o << (d.kind == RegionKind::land ? "Land region" : d.kind == RegionKind::sea ? "Sea zone" : "Off-map box");
    o << ", stability " << int(st.stability) << "\n";
    std::string ctrl = "no one";
    for (Team t : kAllTeams)
        if (controls(sc, g.board, t, r)) ctrl = sc.teams[idx(t)].name;
    if (d.kind == RegionKind::land) o << "Controlled by " << ctrl << "\n";
    o << "Influence:";
    for (Team t : kAllTeams) o << "  " << sc.teams[idx(t)].name << " " << int(st.influence[idx(t)]);
    o << "\n";
    bool any = false;
    for (int m = 0; m < g.board.marker_kinds; ++m)
        if (int v = g.board.marker(r, m); v > 0) {
            if (!any) o << "On the board:\n";
            any = true;
            o << "  " << sc.markers[m].name << ": strength " << v;
            std::string sponsors;
            for (Team t : kAllTeams)
                if (sc.markers[m].sponsors & (1u << idx(t)))
                    sponsors += (sponsors.empty() ? "" : ", ") + sc.teams[idx(t)].name;
            if (!sponsors.empty()) o << " (backed by " << sponsors << ")";
            o << "\n";
        }
    if (const auto* log = game.region_log(r); log && !log->empty()) {
        o << "\nRecent changes:";
        for (const auto& l : *log) o << "\n  " << l;
    }
    return o.str();
}

void Hud::draw_board_tooltip(const Session& game, const Ui& ui, int hovered) {
    if (hovered < 0) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(380 * ui.scale);
    ImGui::TextUnformatted(region_tooltip(game, hovered).c_str());
    ImGui::TextDisabled("Right-click to ping your team.");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace gb::client
