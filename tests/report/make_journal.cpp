// Writes two game journals for the report tests, with what a demo game lacks:
// team, bilateral and public chat, a White Cell broadcast, bookmark, setting,
// written inject and amendment. rich.journal is the whole bot game;
// draft.journal is the same game stopped while the White Cell reviews (and
// has amended) turn 2's draft report, which no team has seen.
// usage: gb_report_fixture OUT_DIR
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>

#include "bot.hpp"
#include "journal.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"
#include "simulation.hpp"

using namespace gb;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: gb_report_fixture OUT_DIR\n";
        return 2;
    }
    try {
        std::string dir = argv[1];
        std::string path = resolve_scenario_path("after-911");
        auto loaded = load_scenario(path);
        if (!loaded.scenario) throw std::runtime_error("cannot load " + path);
        auto sc = loaded.scenario;

        JournalHeader h;
        h.game = 1;
        h.name = "report fixture";
        h.scenario_id = sc->id;
        h.scenario_path = std::filesystem::absolute(path).string();
        h.content_hash = sc->content_hash;
        h.scenario_files = loaded.sources;  // the rules travel with the journal, as the server writes it
        h.seed = 7;
        h.join_code = "JOIN00";
        h.control_code = "CONTROL000";
        h.created_unix = 1700000000;
        JournalWriter full = JournalWriter::create(dir + "/rich.journal", h);
        std::optional<JournalWriter> draft = JournalWriter::create(dir + "/draft.journal", h);

        GameState g = new_game(sc, h.seed);
        auto run = [&](const Seat& s, const Action& a) {
            Acted done = act(g, s, a, true);
            if (!done.ok()) throw std::runtime_error(std::string(action_name(a)) + " refused: " + done.verdict.message);
            ActionRecord r{{s, a}, done.hash};
            full.append(r);
            if (draft) draft->append(r);
        };
        const Seat wc = Seat::control(9);
        run(Seat::control(), Join{9, "Morgan", SeatRole::control, Team::us});
        for (Team t : kAllTeams) run(Seat::system(), SetBot{t, true});
        auto bots = make_bots(BotKind::heuristic, h.seed);
        Cast cast;  // the scripted White Cell below is not at the table: its stand-in moves the game on
        cast.bot.fill(true);
        Schedule schedule;
        bool talked = false, wrote = false, amended = false;
        for (int guard = 0; !g.ended(); ++guard) {
            if (guard > 100000) throw std::runtime_error("the game did not end");
            if (!talked && g.turn == 1 && g.phase == Phase::negotiation) {
                run(Seat::of_team(Team::us), Chat{ChatChannel::team, Team::us, "US-TEAM-ONLY keep the channel quiet"});
                run(Seat::of_team(Team::iran), Chat{ChatChannel::team, Team::iran, "IRAN-TEAM-ONLY the Leader agrees"});
                run(Seat::of_team(Team::us),
                    Chat{ChatChannel::bilateral, Team::iran, "US-IRAN-BILATERAL meet in Geneva"});
                run(Seat::of_team(Team::israel), Chat{ChatChannel::all, Team::us, "ISRAEL-TO-ALL we are watching"});
                run(wc, Chat{ChatChannel::all, Team::us, "WHITE-CELL-BROADCAST ten minutes left"});
                run(wc, Bookmark{"BOOKMARK-LABEL", "BOOKMARK-NOTE the back channel opens"});
                int tension = g.board.track(Track::tension);
                run(wc, SetTrack{Track::tension, static_cast<std::int16_t>(tension > 0 ? tension - 1 : tension + 1),
                                 "SETTING-REASON a calmer week than the rules allow"});
                talked = true;
                continue;
            }
            if (!wrote && g.turn == 3 && g.phase == Phase::inject && !g.inject_drawn) {
                run(wc, WriteInject{"WHITE-CELL-CARD Border incident", "A patrol strays across the border.", {}});
                wrote = true;
                continue;
            }
            if (!amended && g.turn == 2 && g.phase == Phase::adjudication && !g.reports.back().released) {
                const auto& results = g.reports.back().results;
                for (std::size_t i = 0; i < results.size(); ++i)
                    if (results[i].kind == Result::Kind::order) {
                        run(wc, Amend{static_cast<std::uint16_t>(i), !results[i].success,
                                      "AMENDMENT-REASON the rules did not foresee this"});
                        break;
                    }
                draft.reset();  // the draft journal ends before the release
                amended = true;
                continue;
            }
            if (auto e = next_move(g, schedule, cast, bots)) run(e->seat, e->action);
        }
        if (!talked || !wrote || !amended) throw std::runtime_error("the game ended before every extra was played");
        full.sync();
        std::cout << dir << "/rich.journal\n" << dir << "/draft.journal\n";
    } catch (const std::exception& e) {
        std::cerr << "gb_report_fixture: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
