// `gb replay JOURNAL --verify`: re-applies a journal, checking every checksum
// and state hash, and prints a one-screen summary.
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "journal.hpp"
#include "journal_replay.hpp"
#include "narrate.hpp"

namespace gb::cli {

int cmd_replay(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << "usage: gb replay JOURNAL --verify\n\n"
                     "Re-applies a game journal from its scenario and seed, checking every record's\n"
                     "checksum and sequence number, that the rules accept every action, and that the\n"
                     "state hash after each action is the one recorded. Prints a summary; exits 1\n"
                     "naming the first bad record.\n";
        return 0;
    }
    bool verify = args.flag("--verify");
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb replay: " << l << "\n";
        return 2;
    }
    if (args.positional().size() != 1 || !verify) {
        std::cerr << "gb replay: name one journal and --verify (try gb replay --help)\n";
        return 2;
    }
    const std::string& path = args.positional()[0];
    JournalRead jr = read_journal(path);
    if (!jr.error.empty()) {
        std::cout << "CORRUPT: " << jr.error << "\n";
        return 1;
    }
    const JournalHeader& h = jr.header;
    std::printf("journal:  %s (format %u)\n", path.c_str(), h.format);
    std::printf("game:     %u \"%s\", scenario %s, seed %llu\n", h.game, h.name.c_str(), h.scenario_id.c_str(),
                static_cast<unsigned long long>(h.seed));
    ReplayedGame rg = replay(jr);
    if (!rg.error.empty()) {
        std::cout << "CORRUPT: " << path << ": " << rg.error << "\n";
        return 1;
    }
    std::size_t tokens = 0;
    for (auto& [seq, r] : jr.records) tokens += std::holds_alternative<TokenRecord>(r) ? 1 : 0;
    std::printf("records:  %zu (%llu actions, %zu seat tokens%s)\n", jr.records.size(),
                static_cast<unsigned long long>(rg.actions), tokens, rg.closed ? ", closed" : "");
    const GameState& g = rg.state;
    const Board& b = g.board;
    std::printf("state:    turn %d of %d (%s), %s%s\n", g.turn, g.sc().turns(), g.calendar_label().c_str(),
                std::string(name_of(g.phase)).c_str(), g.ended() ? " - game over" : "");
    std::printf(
        "tracks:   trust %+d, tension %d, nuclear %d, sanctions %d, hawks %d, hardliners %d, al-Qaeda %d, "
        "channel %s\n",
        b.track(Track::trust), b.track(Track::tension), b.track(Track::nuclear), b.track(Track::sanctions),
        b.track(Track::us_hawks), b.track(Track::iran_hardliners), b.track(Track::al_qaeda),
        std::string(name_of(b.channel)).c_str());
    Standing s = standing(g);
    std::printf("scores:  ");
    for (Team t : kAllTeams)
        std::printf(" %s %d (%+d)%s", g.sc().teams[idx(t)].name.c_str(), s.score[idx(t)], s.result[idx(t)],
                    (s.winners >> idx(t)) & 1u && g.ended() ? " winner" : "");
    std::printf("\nplayers:  %zu seated, %zu chat messages, %zu White Cell notes\n", g.players.size(),
                g.messages.size(), g.notes.size());
    if (jr.torn) {
        std::cout << "CORRUPT: " << path << ": " << jr.torn_detail << " (torn last record; the server drops it)\n";
        return 1;
    }
    std::printf("verified: every checksum, sequence number and state hash\n");
    return 0;
}

}  // namespace gb::cli
