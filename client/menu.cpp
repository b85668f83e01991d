#include "menu.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <set>

#include "client_data.hpp"
#include "journal.hpp"
#include "server.hpp"

namespace gb::client {

using Clock = std::chrono::steady_clock;

Menu::Menu(const ClientOptions& opt) {
    scenario_files_ = menu_scenarios();
    if (!opt.name.empty()) std::snprintf(menu_name_, sizeof menu_name_, "%s", opt.name.c_str());
    if (const char* u = std::getenv("USER"); u && !*menu_name_) std::snprintf(menu_name_, sizeof menu_name_, "%s", u);
}

void Menu::draw(Session& game, Ui& ui, sf::Vector2u size) {
    const float s = ui.scale;
    ImGui::SetNextWindowPos(ImVec2(size.x / 2.f, size.y / 2.f), 0, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(620 * s, 0));
    ImGui::Begin("Grand Bargain", nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoResize);
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "GRAND BARGAIN");
    ImGui::TextWrapped("A seminar wargame of US-Iran diplomacy after 9/11. Host a game for your seminar, or join one.");
    ImGui::Separator();
    static const char* seats[] = {"United States", "Iran", "Israel", "Gulf states", "White Cell (control)"};
    static const char* seat_ids[] = {"us", "iran", "israel", "gulf", "control"};
    if (ImGui::BeginTabBar("##menu")) {
        if (ImGui::BeginTabItem("Host a game")) {
            std::vector<std::string> names;
            for (auto& f : scenario_files_) names.push_back(std::filesystem::path(f).stem().string());
            if (names.empty()) names.push_back("after-911");
            menu_scenario_ = std::clamp(menu_scenario_, 0, int(names.size()) - 1);
            if (ImGui::BeginCombo("Scenario", names[menu_scenario_].c_str())) {
                for (int i = 0; i < int(names.size()); ++i)
                    if (ImGui::Selectable(names[i].c_str(), i == menu_scenario_)) menu_scenario_ = i;
                ImGui::EndCombo();
            }
            ui.remember_item("Scenario");
            ImGui::Text("Your seat");
            for (int i = 0; i < 5; ++i) {
                if (ImGui::RadioButton(seats[i], menu_seat_ == i)) {
                    menu_seat_ = i;
                    if (i < 4) menu_bots_[i] = false;
                }
                ui.remember_item(seats[i]);
            }
            ImGui::Text("Bots play");
            for (int i = 0; i < 4; ++i) {
                ImGui::SameLine();
                std::string l = std::string(seat_ids[i]) + "##bot";
                ImGui::Checkbox(l.c_str(), &menu_bots_[i]);
                if (i == menu_seat_) menu_bots_[i] = false;
            }
            ImGui::InputTextWithHint("Seed", "random", menu_seed_, sizeof menu_seed_, ImGuiInputTextFlags_CharsDecimal);
            ImGui::InputInt("Least seconds per phase", &game.min_phase_seconds, 1, 5);
            game.min_phase_seconds = std::clamp(game.min_phase_seconds, 0, 3600);
            ui.remember_item("Least seconds per phase");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(
                    "Without a White Cell, the bots and the game wait this long in each phase,\n"
                    "so every result can be read before the next (0: no wait).");
            ImGui::Checkbox("Let others on my network join", &menu_lan_);
            ui.remember_item("Let others on my network join");
            if (ui.button("Host the game")) {
                std::vector<std::string> bots;
                for (int i = 0; i < 4; ++i)
                    if (menu_bots_[i]) bots.push_back(seat_ids[i]);
                std::optional<std::uint64_t> seed;
                if (*menu_seed_) seed = std::strtoull(menu_seed_, nullptr, 10);
                std::string scen = scenario_files_.empty() ? "after-911" : scenario_files_[menu_scenario_];
                game.lan = menu_lan_;
                menu_error_ = game.host_game(scen, seat_ids[menu_seat_], seed, bots, menu_name_);
                if (!menu_error_.empty()) game.leave();
            }
            ImGui::EndTabItem();
        }
        if (ui.tab("Tutorial")) {
            ImGui::TextWrapped(
                "New to the game? Play one turn as Iran while a scripted White Cell explains each phase and what "
                "to press; bots play the other teams. The game runs on this computer only.");
            if (ui.button("Start the tutorial")) {
                game.lan = false;
                menu_error_ = game.host_tutorial("tutorial", menu_name_);
                if (!menu_error_.empty()) game.leave();
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Open replay")) {
            ImGui::TextWrapped("Open a saved game's journal to replay it for the debrief.");
            ImGui::InputText("Journal", menu_replay_, sizeof menu_replay_);
            // The saved games, listed again every two seconds, not every frame;
            // each journal is read once (again only when it changes).
            if (Clock::now() >= journals_listed_) {
                journals_listed_ = Clock::now() + std::chrono::seconds(2);
                saved_journals_.clear();
                for (const std::string& dir : {default_data_dir(), default_data_dir() + "/hosted"}) {
                    std::error_code ec;
                    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
                        if (e.path().extension() == ".journal") saved_journals_.push_back(e.path().string());
                }
                for (const auto& f : saved_journals_) {
                    std::error_code ec;
                    auto stamp = std::filesystem::last_write_time(f, ec);
                    SavedGame& info = journal_info_[f];
                    if (info.stamp == stamp && !info.line.empty()) continue;
                    info.stamp = stamp;
                    JournalRead jr = read_journal(f);
                    std::size_t actions = 0;
                    for (const auto& [seq, rec] : jr.records) actions += std::holds_alternative<ActionRecord>(rec);
                    info.created = jr.header.created_unix;
                    char date[32] = "?";
                    std::time_t t = static_cast<std::time_t>(jr.header.created_unix);
                    if (t > 0) std::strftime(date, sizeof date, "%Y-%m-%d %H:%M", std::localtime(&t));
                    std::set<std::string> teams;
                    for (const auto& [seq, rec] : jr.records)
                        if (const auto* ar = std::get_if<ActionRecord>(&rec))
                            if (ar->entry.seat.role == SeatRole::team) teams.insert(std::string(name_of(ar->entry.seat.team)));
                    std::string who;
                    for (const auto& tm : teams) who += (who.empty() ? "" : ", ") + tm;
                    info.line = std::string(date) + "  " + (jr.header.scenario_id.empty() ? "?" : jr.header.scenario_id) +
                                "  \"" + jr.header.name + "\"  " + std::to_string(actions) + " actions" +
                                (who.empty() ? "" : "  teams acting: " + who) + (jr.error.empty() ? "" : "  (unreadable)");
                }
                // Newest first.
                std::sort(saved_journals_.begin(), saved_journals_.end(), [&](const auto& a, const auto& b) {
                    return journal_info_[a].created > journal_info_[b].created;
                });
            }
            const std::vector<std::string>& found = saved_journals_;
            if (!found.empty() && ImGui::BeginListBox("##saved", ImVec2(-1, 9 * ImGui::GetTextLineHeightWithSpacing()))) {
                for (const auto& f : found) {
                    std::string label = journal_info_[f].line + "##" + f;
                    if (ImGui::Selectable(label.c_str(), f == menu_replay_))
                        std::snprintf(menu_replay_, sizeof menu_replay_, "%s", f.c_str());
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.c_str());
                }
                ImGui::EndListBox();
            }
            if (ui.button("Open the replay")) menu_error_ = game.open_replay(menu_replay_, "control");
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Join a game")) {
            ImGui::InputText("Address", menu_address_, sizeof menu_address_);
            ImGui::InputText("Code", menu_code_, sizeof menu_code_);
            ImGui::InputText("Your name", menu_name_, sizeof menu_name_);
            for (int i = 0; i < 5; ++i)
                if (ImGui::RadioButton((std::string(seats[i]) + "##join").c_str(), menu_join_seat_ == i))
                    menu_join_seat_ = i;
            if (ImGui::RadioButton("Observer##join", menu_join_seat_ == 5)) menu_join_seat_ = 5;
            ImGui::TextDisabled(
                "Each team has its own code; the White Cell uses the control code. With the observer code, "
                "the seat you pick counts only if the White Cell lets observers choose.");
            ImGui::Checkbox("Show as the room's projector (public board, large type)", &projector);
            ui.remember_item("Show as the room's projector (public board, large type)");
            if (ui.button("Join")) {
                std::string seat = menu_join_seat_ == 5 ? "observer" : seat_ids[menu_join_seat_];
                menu_error_ = game.join_game(menu_address_, menu_code_, seat, menu_name_);
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (!menu_error_.empty()) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", menu_error_.c_str());
        ImGui::PopTextWrapPos();
    }
    if (ui.button("Quit")) quit = true;
    ImGui::End();
}

}  // namespace gb::client
