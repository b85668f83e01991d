#include "learn.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "explain.hpp"
#include "palette.hpp"
#include "primer.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"

namespace gb::client {

namespace {

ImU32 im(sf::Color c) {
    return IM_COL32(c.r, c.g, c.b, 255);
}

}  // namespace

std::string track_label(int t) {
    if (t < 0 || t >= kTracks) return "?";
    std::string w = track_words(static_cast<Track>(t));
    return w.rfind("al-", 0) == 0 ? w : upper_first(w);  // "al-Qaeda" keeps its small a
}

void draw_legend_rows(const Scenario& sc, float s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float h = ImGui::GetTextLineHeight(), chip = std::round(h * 1.1f);
    auto row = [&](auto&& draw_mark, const std::string& text) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        draw_mark(dl, p);
        ImGui::Dummy(ImVec2(chip * 2.6f, chip));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", text.c_str());
    };
    for (int t = 0; t < kTeams; ++t)
        row([&](ImDrawList* d, ImVec2 p) { d->AddRectFilled(p, ImVec2(p.x + chip * 2.2f, p.y + chip), im(palette::kTeam[t]), 2); },
            "A region " + sc.teams[t].name + " controls");
    row([&](ImDrawList* d, ImVec2 p) { d->AddRectFilled(p, ImVec2(p.x + chip * 2.2f, p.y + chip), im(palette::kNeutralLand), 2); },
        "A region no team controls");
    row([&](ImDrawList* d, ImVec2 p) {
            d->AddRectFilled(p, ImVec2(p.x + chip, p.y + chip), IM_COL32(30, 32, 36, 230), 2);
            d->AddRect(p, ImVec2(p.x + chip, p.y + chip), IM_COL32(230, 220, 190, 230), 2);
            d->AddText(ImVec2(p.x + chip * 0.3f, p.y), IM_COL32(240, 230, 200, 255), "3");
        },
        "Square: the region's stability (higher is calmer)");
    for (int t = 0; t < kTeams; ++t)
        row([&](ImDrawList* d, ImVec2 p) {
                d->AddRectFilled(p, ImVec2(p.x + chip * 1.8f, p.y + chip), im(palette::kTeam[t]), chip / 2);
                std::string l = std::string(palette::kTeamLetter[t]) + "2";
                d->AddText(ImVec2(p.x + chip * 0.25f, p.y), IM_COL32_WHITE, l.c_str());
            },
            std::string("Round chip with ") + palette::kTeamLetter[t] + ": " + sc.teams[t].name + "'s influence there");
    std::string groups;
    for (const auto& m : sc.markers) groups += (groups.empty() ? "" : ", ") + m.name;
    row([&](ImDrawList* d, ImVec2 p) {
            d->AddRectFilled(p, ImVec2(p.x + chip * 2.4f, p.y + chip), im(palette::kArmedGroup), 3);
            d->AddText(ImVec2(p.x + 3 * s, p.y), IM_COL32(255, 255, 255, 255), "HEZ 2");
        },
        "Tag: an armed group and its strength (" + groups + ")");
    row([&](ImDrawList* d, ImVec2 p) {
            d->AddCircle(ImVec2(p.x + chip, p.y + chip / 2), chip / 2, IM_COL32(255, 220, 80, 255), 0, 2.5f);
        },
        "Ring: a teammate's ping (right-click the map to ping)");
}

void Primer::draw(const Session& game, Ui& ui, sf::Vector2u size) {
    if (!open) return;
    float s = ui.scale;
    const Scenario* sc = game.in_game() ? game.scenario().get() : nullptr;
    if (!sc) {
        if (!fallback_) fallback_ = load_scenario(resolve_scenario_path("after-911")).scenario;
        sc = fallback_.get();
    }
    std::vector<PrimerPage> pages;
    if (sc) pages = primer(*sc, game.in_game() && game.is_team() ? std::optional<Team>(game.my_team()) : std::nullopt);
    int n = std::max(1, int(pages.size()));
    page = std::clamp(page, 0, n - 1);
    ImGui::SetNextWindowPos(ImVec2(size.x / 2.f, size.y / 2.f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760 * s, size.x - 40.f), std::min(560 * s, size.y - 40.f)));
    std::string title = "How to play" + (pages.empty() ? "" : ": " + pages[page].title) + "###primer";
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    ui.remember_window("primer");
    ImGui::BeginChild("##page", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - 6 * s));
    ImGui::PushTextWrapPos(0);
    if (pages.empty()) ImGui::TextWrapped("No scenario is at hand to explain: host or join a game.");
    if (!pages.empty()) {
        // The map's page draws the marks themselves above its words.
        if (sc && pages[page].title == "The map") {
            draw_legend_rows(*sc, s);
            ImGui::Spacing();
        }
        for (const std::string& p : pages[page].paragraphs) {
            ImGui::TextWrapped("%s", p.c_str());
            ImGui::Spacing();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (ui.button("Back", page > 0)) --page;
    ImGui::SameLine();
    ImGui::Text("%d / %d", page + 1, n);
    ImGui::SameLine();
    if (ui.button("Next", page + 1 < n)) ++page;
    ImGui::SameLine();
    if (ui.button("Close the primer")) open = false;
    ImGui::SameLine();
    ImGui::TextDisabled("F1 opens it again");
    ImGui::End();
}

void BriefWindow::offer(const Session& game) {
    if (!game.in_game() || !game.seated() || game.replay()) return;
    const Scenario* sc = game.scenario().get();
    if (sc == shown_for_) return;
    shown_for_ = sc;
    open = true;
}

void BriefWindow::draw(const Session& game, Ui& ui, sf::Vector2u size) {
    if (!open || !game.in_game()) return;
    float s = ui.scale;
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    ImGui::SetNextWindowPos(ImVec2(size.x / 2.f, size.y / 2.f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760 * s, size.x - 40.f), std::min(600 * s, size.y - 40.f)));
    if (!ImGui::Begin("Team brief###brief", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    ui.remember_window("brief");
    ImGui::BeginChild("##brief", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - 6 * s));
    ImGui::PushTextWrapPos(0);
    auto bullets = [](const std::vector<std::string>& lines) {
        for (const std::string& l : lines) ImGui::BulletText("%s", l.c_str());
    };
    if (game.is_team()) {
        gb::TeamBrief b = team_brief(g, game.my_team());
        ImGui::TextColored(kAccent, "%s", b.title.c_str());
        ImGui::TextWrapped("%s", b.summary.c_str());
        section("What your team wants");
        bullets(b.goals);
        section("How your score is made");
        bullets(b.scoring);
        section("Your action points");
        bullets(b.action_points);
        section("What the others want");
        bullets(b.others);
    } else {
        ImGui::TextColored(kAccent, "%s", sc.title.c_str());
        ImGui::TextWrapped("%s", sc.summary.c_str());
        if (game.is_control()) {
            section("You are the White Cell");
            ImGui::TextWrapped("You run the game: draw each inject, advance the phases, review and release the "
                               "report, and amend results with a reason. The Console tab holds the phase controls "
                               "and timers.");
        } else {
            section("You are observing");
            ImGui::TextWrapped("You see the public board and the released reports.");
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (ui.button("Start playing")) open = false;
    ImGui::SameLine();
    ImGui::TextDisabled("The Game tab opens this brief again.");
    ImGui::End();
}

void Legend::draw(const Session& game, Ui& ui, sf::FloatRect board) {
    if (!open || !game.in_game()) return;
    float s = ui.scale;
    ImGui::SetNextWindowPos(ImVec2(board.left + 10 * s, board.top + board.height - 10 * s), ImGuiCond_Always,
                            ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(std::min(420 * s, board.width * 0.6f), 0));
    ImGui::SetNextWindowBgAlpha(0.94f);
    if (ImGui::Begin("Legend###legend", &open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        ui.remember_window("legend");
        draw_legend_rows(game.view().sc(), s);
        ImGui::TextDisabled("L hides the legend.");
    }
    ImGui::End();
}

}  // namespace gb::client
