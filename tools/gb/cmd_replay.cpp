// `gb replay JOURNAL --verify`: re-applies a journal, checking every checksum
// and state hash, and prints a one-screen summary. `gb replay JOURNAL --at
// TURN[.PHASE] [--as SEAT]` prints the game at that point as a seat saw it.
#include <cstdio>
#include <iostream>

#include <cstring>

#include "commands.hpp"
#include "journal.hpp"
#include "journal_replay.hpp"
#include "narrate.hpp"
#include "serialize.hpp"
#include "terminal.hpp"
#include "timeline.hpp"

namespace gb::cli {

namespace {

void print_at(const Timeline& t, std::size_t point, const Perspective& p) {
    GameState g = t.view_at(point, p);
    const Scenario& sc = g.sc();
    const Board& b = g.board;
    const JournalHeader& h = t.header();
    say_to(stdout, "game:     %u \"%s\", scenario %s, seed %llu\n", h.game, field(h.name).c_str(),
           field(h.scenario_id).c_str(), static_cast<unsigned long long>(h.seed));
    say_to(stdout, "at:       turn %d of %d (%s), %s phase%s, after action %zu of %zu\n", g.turn, sc.turns(),
           field(g.calendar_label()).c_str(), std::string(name_of(g.phase)).c_str(), g.ended() ? " (game over)" : "",
           point, t.size());
    say_to(stdout, "as:       %s\n", p.name().c_str());
    if (g.inject >= 0 && g.inject_drawn) {
        const CardDef& c = g.card(g.inject);
        say_to(stdout, "inject:   %s (%s)\n", field(c.title).c_str(), field(c.date).c_str());
    }
    say_to(stdout,
           "tracks:   trust %+d, tension %d, nuclear %d, sanctions %d, hawks %d, hardliners %d, al-Qaeda %d, "
           "channel %s\n",
           b.track(Track::trust), b.track(Track::tension), b.track(Track::nuclear), b.track(Track::sanctions),
           b.track(Track::us_hawks), b.track(Track::iran_hardliners), b.track(Track::al_qaeda),
           std::string(name_of(b.channel)).c_str());
    say_to(stdout, "regions:  %-24s %-14s %4s  %-16s %s\n", "", "control", "stab", "influence u/i/s/g", "markers");
    for (std::size_t r = 0; r < sc.regions.size(); ++r) {
        std::string ctrl = "-";
        for (Team tm : kAllTeams)
            if (controls(sc, b, tm, static_cast<int>(r))) ctrl = sc.teams[idx(tm)].name;
        const RegionState& rs = b.regions[r];
        char inf[32];
        std::snprintf(inf, sizeof inf, "%d/%d/%d/%d", rs.influence[0], rs.influence[1], rs.influence[2],
                      rs.influence[3]);
        std::string markers;
        for (int m = 0; m < b.marker_kinds; ++m)
            if (int v = b.marker(static_cast<int>(r), m); v > 0)
                markers += (markers.empty() ? "" : ", ") + sc.markers[m].name + " " + std::to_string(v);
        say_to(stdout, "          %-24s %-14s %4d  %-16s %s\n", field(sc.regions[r].name).c_str(), field(ctrl).c_str(),
               rs.stability, inf, field(markers).c_str());
    }
    say_to(stdout, "scores:  ");
    for (Team tm : kAllTeams)
        say_to(stdout, " %s %d (par %d)", field(sc.teams[idx(tm)].name).c_str(), g.score[idx(tm)],
               sc.teams[idx(tm)].par);
    say_to(stdout, "\n");
    for (Team tm : kAllTeams) {
        int i = idx(tm);
        std::string hand;
        for (int k = 0; k < b.hand_size[i]; ++k) hand += (hand.empty() ? "" : "; ") + g.card(b.hands[i][k]).title;
        if (!hand.empty()) say_to(stdout, "hand:     %s: %s\n", field(sc.teams[i].name).c_str(), field(hand).c_str());
        const auto& orders = g.committed[i] ? g.orders[i] : g.drafts[i];
        for (const Order& o : orders)
            say_to(stdout, "%s %s: %s\n", g.committed[i] ? "order:   " : "draft:   ", field(sc.teams[i].name).c_str(),
                   field(describe_order(g, tm, o)).c_str());
    }
    for (const Offer& o : g.offers)
        if (o.turn == g.turn) say_to(stdout, "offer:    %s\n", field(describe_offer(g, o)).c_str());
    if (!g.reports.empty()) {
        const Report& r = g.reports.back();
        say_to(stdout, "report:   turn %d%s, %zu results\n", r.turn, r.released ? "" : " (draft)", r.results.size());
        for (const Result& res : r.results) say_to(stdout, "          %s\n", field(describe_result(g, res)).c_str());
    }
    say_to(stdout, "chat:     %zu messages visible\n", g.messages.size());
    for (const Note& n : g.notes)
        if (n.kind == Note::Kind::bookmark)
            say_to(stdout, "bookmark: turn %d: %s: %s\n", n.turn, field(n.label).c_str(), field(n.text).c_str());
    if (p.kind == Perspective::Kind::control)
        for (const Annotation& a : load_annotations(t.path()))
            if (a.point <= point)
                say_to(stdout, "note:     action %zu: %s: %s\n", a.point, field(a.label).c_str(),
                       field(a.note).c_str());
}

}  // namespace

int cmd_replay(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << "usage: gb replay JOURNAL --verify [--public-key FILE]\n"
                     "       gb replay JOURNAL --at TURN[.PHASE] [--as control|public|us|iran|israel|gulf]\n\n"
                     "--verify re-applies a game journal from its scenario and seed, checking every record's\n"
                     "checksum and sequence number, that the rules accept every action, and that the\n"
                     "state hash after each action is the one recorded. Prints a summary; exits 1\n"
                     "naming the first bad record.\n\n"
                     "--public-key FILE also checks the journal's signatures with a server's public key\n"
                     "(its data directory's journal.pub): they show that this server wrote every record,\n"
                     "in this order, and that none was changed, removed or added since. Exits 1 when a\n"
                     "signature is missing or does not match.\n\n"
                     "A journal of format 3 carries its scenario's files and is replayed with them alone;\n"
                     "an older one (formats 1 and 2) with the first file holding its scenario id and content\n"
                     "hash: at its recorded path, as shipped, or in an archived set (scenarios/archive/).\n\n"
                     "--at prints the game at the start of a turn (3) or of a phase of it (3.orders):\n"
                     "the inject, tracks, every region, scores, hands, orders, offers, the last report.\n"
                     "--as shows it as that seat saw it live (default control: everything).\n";
        return 0;
    }
    bool verify = args.flag("--verify");
    auto at = args.value("--at");
    auto as = args.value("--as");
    auto public_key_file = args.value("--public-key");
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb replay: " << l << "\n";
        return 2;
    }
    if (args.positional().size() != 1 || verify == at.has_value()) {
        std::cerr << "gb replay: name one journal and either --verify or --at (try gb replay --help)\n";
        return 2;
    }
    if (at) {
        int turn = 0;
        std::optional<Phase> phase;
        if (!parse_turn_phase(*at, turn, phase)) {
            std::cerr << "gb replay: --at wants TURN or TURN.PHASE (e.g. 3 or 3.orders), not '" << *at << "'\n";
            return 2;
        }
        auto p = perspective_from(as.value_or("control"));
        if (!p) {
            std::cerr << "gb replay: --as is control, public, us, iran, israel or gulf, not '" << *as << "'\n";
            return 2;
        }
        Timeline t = Timeline::open(args.positional()[0]);
        auto point = t.point_of(turn, phase);
        if (!point) {
            std::cerr << "gb replay: the game never reached turn " << *at << "\n";
            return 1;
        }
        print_at(t, *point, *p);
        return 0;
    }
    if (as) {
        std::cerr << "gb replay: --as goes with --at\n";
        return 2;
    }
    std::optional<SigningPublicKey> public_key;
    if (public_key_file) {
        std::string error;
        public_key = read_public_key_file(*public_key_file, error);
        if (!public_key) {
            std::cerr << "gb replay: " << field(error) << "\n";
            return 2;
        }
    }
    const std::string& path = args.positional()[0];
    JournalRead jr = read_journal(path);
    if (!jr.error.empty()) {
        std::cout << "CORRUPT: " << field(jr.error) << "\n";
        return 1;
    }
    const JournalHeader& h = jr.header;
    say_to(stdout, "journal:  %s (format %u, %s)\n", field(path).c_str(), h.format,
           std::string(journal_format_name(h.format)).c_str());
    say_to(stdout, "game:     %u \"%s\", scenario %s, seed %llu\n", h.game, field(h.name).c_str(),
           field(h.scenario_id).c_str(), static_cast<unsigned long long>(h.seed));
    if (!h.forked_from.empty())
        say_to(stdout, "forked:   from %s at its action %llu (this journal replays through that point)\n",
               field(h.forked_from).c_str(), static_cast<unsigned long long>(h.fork_point));
    if (has(h.format, JournalFormat::deadlines)) {
        if (h.min_phase_ms > 0)
            say_to(stdout, "pacing:   without a White Cell, each phase lasts at least %.1f s\n", h.min_phase_ms / 1000.0);
        else
            say_to(stdout, "pacing:   none (bots move on as soon as they can)\n");
    }
    ReplayedGame rg = replay(jr);
    if (!rg.error.empty()) {
        std::cout << "CORRUPT: " << field(path) << ": " << field(rg.error) << "\n";
        return 1;
    }
    std::size_t tokens = 0;
    for (auto& [seq, r] : jr.records) tokens += std::holds_alternative<TokenRecord>(r) ? 1 : 0;
    say_to(stdout, "rules:    from %s\n", field(rg.scenario_from).c_str());
    say_to(stdout, "records:  %zu (%llu actions, %zu seat tokens%s)\n", jr.records.size(),
           static_cast<unsigned long long>(rg.actions), tokens, rg.closed ? ", closed" : "");
    const GameState& g = rg.state;
    const Board& b = g.board;
    say_to(stdout, "state:    turn %d of %d (%s), %s%s\n", g.turn, g.sc().turns(), field(g.calendar_label()).c_str(),
           std::string(name_of(g.phase)).c_str(), g.ended() ? " - game over" : "");
    say_to(stdout,
           "tracks:   trust %+d, tension %d, nuclear %d, sanctions %d, hawks %d, hardliners %d, al-Qaeda %d, "
           "channel %s\n",
           b.track(Track::trust), b.track(Track::tension), b.track(Track::nuclear), b.track(Track::sanctions),
           b.track(Track::us_hawks), b.track(Track::iran_hardliners), b.track(Track::al_qaeda),
           std::string(name_of(b.channel)).c_str());
    Standing s = standing(g);
    say_to(stdout, "scores:  ");
    for (Team t : kAllTeams)
        say_to(stdout, " %s %d (%+d)%s", field(g.sc().teams[idx(t)].name).c_str(), s.score[idx(t)], s.result[idx(t)],
               (s.winners >> idx(t)) & 1u && g.ended() ? " winner" : "");
    say_to(stdout, "\nplayers:  %zu seated, %zu chat messages, %zu White Cell notes\n", g.players.size(),
           g.messages.size(), g.notes.size());
    if (jr.torn) {
        std::cout << "CORRUPT: " << field(path) << ": " << jr.torn_detail
                  << " (torn last record; the server drops it)\n";
        return 1;
    }
    say_to(stdout, "hash:     %016llx after the last action\n", static_cast<unsigned long long>(state_hash(g)));
    say_to(stdout, "verified: every checksum, sequence number and state hash\n");
    if (public_key) {
        SignatureCheck check = check_signatures(jr, *public_key);
        if (!check.ok) {
            std::cout << "UNSIGNED: " << field(path) << ": " << field(check.message) << "\n";
            return 1;
        }
        say_to(stdout, "signed:   %s\n", field(check.message).c_str());
    } else if (h.signing_key.size() == std::tuple_size_v<SigningPublicKey>) {
        SigningPublicKey named{};
        std::memcpy(named.data(), h.signing_key.data(), named.size());
        say_to(stdout, "signed:   %zu signatures by key %s, not checked (give --public-key FILE)\n",
               jr.signatures.size(), public_key_fingerprint(named).c_str());
    }
    return 0;
}

}  // namespace gb::cli
