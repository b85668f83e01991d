// The main menu: host a game (scenario, seat, bots, seed, network), open a
// saved game's replay, or join a game with a code.
#pragma once

#include <SFML/System/Vector2.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "options.hpp"
#include "session.hpp"
#include "ui.hpp"

namespace gb::client {

class Menu {
public:
    explicit Menu(const ClientOptions& opt);
    void draw(Session& game, Ui& ui, sf::Vector2u size);
    bool quit = false;       // the player chose Quit
    bool projector = false;  // join as the room's projector (the public board in large type)

private:
    int menu_scenario_ = 0;
    std::vector<std::string> scenario_files_;
    int menu_seat_ = 0;
    bool menu_lan_ = false;
    bool menu_bots_[4] = {false, true, true, true};
    char menu_seed_[24] = "";
    char menu_address_[128] = "127.0.0.1:7777";
    char menu_code_[32] = "";
    char menu_name_[64] = "";
    int menu_join_seat_ = 0;
    std::string menu_error_;
    char menu_replay_[512] = {};
    std::vector<std::string> saved_journals_;
    struct SavedGame {
        std::filesystem::file_time_type stamp{};
        std::int64_t created = 0;
        std::string line;  // date, scenario, name, length, teams
    };
    std::map<std::string, SavedGame> journal_info_;
    std::chrono::steady_clock::time_point journals_listed_;
};

}  // namespace gb::client
