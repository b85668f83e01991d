#include "hud.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <imgui.h>
#include <netinet/in.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "palette.hpp"
#include "rules.hpp"

namespace gb::client {

namespace {

// Non-loopback IPv4 addresses, so the host can tell teammates where to join.
std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        char buf[INET_ADDRSTRLEN];
        auto* sin = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
        if (inet_ntop(AF_INET, &sin->sin_addr, buf, sizeof buf) && std::string(buf).rfind("127.", 0) != 0)
            out.push_back(buf);
    }
    freeifaddrs(list);
    return out;
}

ImVec4 team_colour(int t, float alpha = 1) {
    sf::Color c = palette::kTeam[t];
    return ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, alpha);
}

}  // namespace

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
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "GRAND BARGAIN");
    ImGui::SameLine(0, 18 * s);
    ImGui::TextUnformatted(sc.title.c_str());
    ImGui::SameLine(0, 24 * s);
    std::string phase = g.ended() ? "Game over" : std::string(name_of(g.phase));
    if (!phase.empty()) phase[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(phase[0])));
    ImGui::Text("Turn %d/%d  |  %s  |  %s%s", g.turn, sc.turns(), g.calendar_label().c_str(), phase.c_str(),
                g.paused ? " (paused)" : "");
    ImGui::SameLine(0, 16 * s);
    if (game.replay()) {
        ImGui::TextDisabled("Replay");
    } else if (g.timer_seconds > 0 && !g.ended() && (g.phase == Phase::negotiation || g.phase == Phase::orders)) {
        int left = game.timer_left();
        ImGui::TextColored(left < 60 ? ImVec4(1, 0.45f, 0.35f, 1) : ImVec4(0.8f, 0.85f, 0.9f, 1), "Timer %s",
                           clock_text(g.paused ? g.timer_seconds : left).c_str());
    } else {
        ImGui::TextDisabled("No timer");
    }
    // Phase controls of a team's lead.
    if (game.is_team() && g.phase == Phase::negotiation && !g.ended()) {
        ImGui::SameLine(0, 16 * s);
        bool ready = g.ready[idx(game.my_team())];
        if (ready)
            ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.5f, 1), "Ready");
        else if (ui.button("Ready", game.is_lead(), "Only your team's lead declares the team ready"))
            game.send(Ready{});
    }
    // Right side: seat, code, connection.
    std::string seat;
    if (game.is_control())
        seat = "White Cell";
    else if (game.is_team())
        seat = sc.teams[idx(game.my_team())].name + (game.is_lead() ? " (lead)" : "");
    else
        seat = "Observer";
    std::string conn = game.replay()      ? "Replay"
                       : game.connected() ? "Connected"
                                    : "Reconnecting (attempt " + std::to_string(game.reconnect_attempts()) + ")";
    if (game.replay()) seat += "   (replay of " + std::filesystem::path(game.replay()->timeline->path()).filename().string() + ")";
    std::string right = seat + "   ";
    // The host sees its own team's code on the bar, and every code in the tooltip.
    std::string bar_code = game.is_team() ? game.codes().team[idx(game.my_team())] : game.codes().observer;
    if (!bar_code.empty()) right += "Code " + bar_code + "   ";
    float w = ImGui::CalcTextSize((right + conn).c_str()).x + 24 * s;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), float(size.x) - w));
    if (game.is_team()) {
        ImVec4 c = team_colour(idx(game.my_team()));
        ImGui::TextColored(ImVec4(std::min(1.f, c.x * 1.4f + 0.1f), std::min(1.f, c.y * 1.4f + 0.1f),
                                  std::min(1.f, c.z * 1.4f + 0.1f), 1),
                           "%s", seat.c_str());
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
            if (!game.codes().control.empty()) ImGui::BulletText("White Cell (control): %s", game.codes().control.c_str());
            ImGui::Text("at:");
            for (const auto& a : local_addresses()) ImGui::BulletText("%s:%u", a.c_str(), game.local() ? game.local()->port : 0);
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
    ImGui::SameLine();
    ImGui::TextUnformatted(conn.c_str());
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
    static const char* about[] = {
        "Trust between Washington and Tehran. The channel cannot grow while trust is low; a cut-off drops it.",
        "Regional tension. At the top the region goes to war and the game ends.",
        "Iran's nuclear programme. At the top: breakout.",
        "Sanctions on Iran.",
        "Hawks in Washington: pressure against engagement.",
        "Hardliners in Tehran: pressure against engagement.",
        "al-Qaeda's strength in the region.",
    };
    const TrackDef& d = g.sc().tracks[idx(t)];
    std::string s = std::string(name_of(t)) + ": " + std::to_string(g.board.track(t)) + "  (range " +
                    std::to_string(d.min) + " to " + std::to_string(d.max) + ", started at " + std::to_string(d.start) +
                    ")\n" + about[idx(t)];
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
            dl->AddText(ImVec2(p.x + 6 * s, p.y + 4 * s), IM_COL32(210, 208, 200, 255), labels[i]);
            ImVec2 vs = ImGui::CalcTextSize(value.c_str());
            dl->AddText(ImVec2(p.x + w - vs.x - 6 * s, p.y + 4 * s), IM_COL32(255, 255, 255, 255), value.c_str());
            // The gauge: one cell per step, filled up to the value.
            int steps = d.max - d.min;
            float gx = p.x + 6 * s, gy = p.y + lh + 12 * s, gw = w - 12 * s, gh = h - lh - 20 * s;
            float cw = steps > 0 ? gw / steps : gw;
            for (int k = 0; k < steps; ++k) {
                bool on = d.min + k < v;
                if (d.min < 0) on = (v >= 0) ? (d.min + k >= 0 && d.min + k < v) : (d.min + k >= v && d.min + k < 0);
                ImVec2 a(gx + k * cw + 1, gy), b(gx + (k + 1) * cw - 1, gy + gh);
                dl->AddRectFilled(a, b, on ? colours[i] : IM_COL32(60, 64, 72, 255), 2);
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
            dl->AddText(ImVec2(p.x + 6 * s, p.y + 4 * s), IM_COL32(210, 208, 200, 255), "Channel");
            std::string v = steps[c];
            ImVec2 vs = ImGui::CalcTextSize(v.c_str());
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
