#include "primer.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "palette.hpp"
#include "rules.hpp"

namespace gb::client {

namespace {

ImU32 im(sf::Color c) {
    return IM_COL32(c.r, c.g, c.b, 255);
}

const char* kTrackLabels[kTracks] = {"US-Iran trust", "Regional tension", "Iran's nuclear programme", "Sanctions",
                                     "US hawks",      "Tehran's hardliners", "al-Qaeda"};
const char* kTrackAbout[kTracks] = {
    "How far Washington and Tehran trust each other. A channel cannot grow while trust is low; a cut-off drops it.",
    "How close the region is to war. At the top, war breaks out and the game ends.",
    "How far Iran's programme has gone. At the top: breakout.",
    "The weight of sanctions on Iran.",
    "Pressure in Washington against engagement.",
    "Pressure in Tehran against engagement.",
    "al-Qaeda's strength in the region.",
};

std::string team_of(const Scenario& sc, int t) {
    return t >= 0 && t < kTeams ? sc.teams[t].name : std::string("your team");
}
std::string region_of(const Scenario& sc, int r) {
    return r >= 0 && r < int(sc.regions.size()) ? sc.regions[r].name : std::string("the order's region");
}

}  // namespace

std::string track_label(int t) {
    return t >= 0 && t < kTracks ? kTrackLabels[t] : "?";
}

std::string describe_term(const Scenario& sc, const Term& t) {
    char w[16];
    std::snprintf(w, sizeof w, "%+d", t.weight);
    std::string what;
    switch (t.source) {
        case TermSource::track: what = track_label(t.a); break;
        case TermSource::influence: what = team_of(sc, t.b) + "'s influence in " + region_of(sc, t.a); break;
        case TermSource::stability: what = "stability of " + region_of(sc, t.a); break;
        case TermSource::marker:
            what = (t.a >= 0 && t.a < int(sc.markers.size()) ? sc.markers[t.a].name : std::string("armed groups")) +
                   (t.b >= 0 ? " in " + region_of(sc, t.b) : std::string(" on the map"));
            break;
        case TermSource::control: return std::string(w) + " if " + team_of(sc, t.b) + " controls " + region_of(sc, t.a);
        case TermSource::controls: what = "regions " + team_of(sc, t.team) + " controls"; break;
        case TermSource::counter:
            what = t.a >= 0 && t.a < int(sc.counters.size()) ? sc.counters[t.a] : std::string("a counter");
            break;
        case TermSource::security: what = team_of(sc, t.team) + "'s security"; break;
        case TermSource::channel: {
            static const char* ch[] = {"closed", "secret", "tactical", "strategic"};
            return std::string(w) + " while the channel is " + (t.a >= 0 && t.a < 4 ? ch[t.a] : "open");
        }
        case TermSource::outcome: {
            static const char* oc[] = {"war breaks out", "Iran breaks out", "the two reach a rapprochement"};
            return std::string(w) + " if " + (t.a >= 0 && t.a < 3 ? oc[t.a] : "the game ends so");
        }
        case TermSource::bargain_term:
            return std::string(w) + " if " +
                   (t.a >= 0 && t.a < int(sc.terms.size()) ? sc.terms[t.a].name : std::string("a bargain term")) +
                   " is implemented";
        case TermSource::channel_level: what = "the channel's level (closed 0 to strategic 3)"; break;
        case TermSource::owed: what = "bargain terms your side accepted and has not implemented"; break;
    }
    if (t.test == Term::Test::below) return std::string(w) + " while " + what + " is below " + std::to_string(t.threshold);
    if (t.test == Term::Test::at_least)
        return std::string(w) + " while " + what + " is at least " + std::to_string(t.threshold);
    return std::string(w) + " per point of " + what;
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
    ImGui::SetNextWindowPos(ImVec2(size.x / 2.f, size.y / 2.f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760 * s, size.x - 40.f), std::min(560 * s, size.y - 40.f)));
    static const char* titles[kPages] = {"A turn", "The map", "The tracks", "How you score", "The fragility rule"};
    std::string title = std::string("How to play: ") + titles[page] + "###primer";
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    ui.remember_window("primer");
    ImGui::BeginChild("##page", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - 6 * s));
    ImGui::PushTextWrapPos(0);
    const Scenario* sc = game.in_game() ? game.scenario().get() : nullptr;
    if (page == 0) {
        ImGui::TextWrapped("Each turn is a season. It runs through five phases:");
        ImGui::BulletText("Inject: the White Cell draws an event card from the seminar notes. If it is a choice, "
                          "the named team picks an option.");
        int neg = sc ? sc->rules.negotiation_seconds : 600, ord = sc ? sc->rules.orders_seconds : 300;
        ImGui::BulletText("Negotiation (about %d min): teams chat, make offers and answer them. Your lead "
                          "declares the team ready.", neg / 60);
        ImGui::BulletText("Orders (about %d min): your team drafts orders together, spending action points; "
                          "the lead commits them. Orders are secret until the report.", ord / 60);
        ImGui::BulletText("Adjudication: the orders are resolved at once, with two dice where an order is "
                          "rolled. The White Cell may amend a result, with a reason.");
        ImGui::BulletText("End of turn: the report is released to every team, and the tracks drift.");
        ImGui::Spacing();
        ImGui::TextWrapped("A toast and a sound (if on) mark each phase change and the report's release.");
    } else if (page == 1) {
        if (sc) draw_legend_rows(*sc, s);
        ImGui::Spacing();
        ImGui::TextWrapped("Hover any region, chip or gauge for its details in words. L shows this legend over the map.");
    } else if (page == 2) {
        for (int t = 0; t < kTracks; ++t) {
            ImGui::TextColored(kAccent, "%s", track_label(t).c_str());
            if (sc)
                ImGui::TextWrapped("%s From %d to %d; it starts at %d.", kTrackAbout[t], sc->tracks[t].min,
                                   sc->tracks[t].max, sc->tracks[t].start);
        }
        ImGui::TextColored(kAccent, "The channel");
        ImGui::TextWrapped("The US-Iran channel is closed, secret, tactical or strategic. Cooperation needs it open.");
    } else if (page == 3) {
        if (sc && game.is_team()) {
            int t = idx(game.my_team());
            ImGui::TextWrapped("%s scores, at the end of the game:", sc->teams[t].name.c_str());
            for (const Term& term : sc->teams[t].score) ImGui::BulletText("%s", describe_term(*sc, term).c_str());
            ImGui::TextWrapped("Your par is %d: beating par is winning. The Game tab shows every team's score now.",
                               sc->teams[t].par);
        } else if (sc) {
            for (int t = 0; t < kTeams; ++t) {
                ImGui::TextColored(team_text_colour(t), "%s (par %d)", sc->teams[t].name.c_str(), sc->teams[t].par);
                for (const Term& term : sc->teams[t].score) ImGui::BulletText("%s", describe_term(*sc, term).c_str());
            }
        } else {
            ImGui::TextWrapped("Each team scores by its own formula, against its own par. Join a game to see yours.");
        }
    } else {
        bool on = !sc || sc->rules.fragility;
        int cut = sc ? sc->rules.cutoff_penalty : 2;
        ImGui::TextWrapped(
            "%s", on ? ("Tactical cooperation is fragile. While the US-Iran channel is secret or tactical, any "
                        "spoiler (an attack, a leak, a provocation, whoever causes it) cuts the channel off: it "
                        "closes, and trust drops by " + std::to_string(cut) +
                        ". Only a strategic channel, built on a framework both sides accepted, survives a "
                        "spoiler. Guard the channel, and expect others to try to break it.")
                           .c_str()
                     : "In this game the fragility rule is off: spoilers leave the channel and trust as they are.");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (ui.button("Back", page > 0)) --page;
    ImGui::SameLine();
    ImGui::Text("%d / %d", page + 1, kPages);
    ImGui::SameLine();
    if (ui.button("Next", page + 1 < kPages)) ++page;
    ImGui::SameLine();
    if (ui.button("Close the primer")) open = false;
    ImGui::SameLine();
    ImGui::TextDisabled("F1 opens it again");
    ImGui::End();
}

void TeamBrief::offer(const Session& game) {
    if (!game.in_game() || game.replay()) return;
    const Scenario* sc = game.scenario().get();
    if (sc == shown_for_) return;
    shown_for_ = sc;
    open = true;
}

void TeamBrief::draw(const Session& game, Ui& ui, sf::Vector2u size) {
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
    ImGui::TextColored(kAccent, "%s", sc.title.c_str());
    ImGui::TextWrapped("%s", sc.summary.c_str());
    if (game.is_team()) {
        Team me = game.my_team();
        int t = idx(me);
        section(("You are " + sc.teams[t].name).c_str());
        ImGui::TextWrapped("Your goals, as your score counts them (par %d):", sc.teams[t].par);
        for (const Term& term : sc.teams[t].score) ImGui::BulletText("%s", describe_term(sc, term).c_str());
        ImGui::TextWrapped("Action points: %d this turn (base %d).", action_points(g, me), sc.rules.action_points[t]);
        for (const Term& term : sc.teams[t].ap_mods) ImGui::BulletText("%s", describe_term(sc, term).c_str());
        section("What the others want");
        for (int o = 0; o < kTeams; ++o) {
            if (o == t) continue;
            std::string wants;
            for (const Term& term : sc.teams[o].score)
                if (term.weight > 0 && wants.size() < 200) wants += (wants.empty() ? "" : "; ") + describe_term(sc, term);
            ImGui::TextColored(team_text_colour(o), "%s", sc.teams[o].name.c_str());
            ImGui::TextWrapped("%s", wants.c_str());
        }
    } else if (game.is_control()) {
        section("You are the White Cell");
        ImGui::TextWrapped("You run the game: draw each inject, advance the phases, review and release the report, "
                           "and amend results with a reason. The Console tab holds the phase controls and timers.");
    } else {
        section("You are observing");
        ImGui::TextWrapped("You see the public board and the released reports.");
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
