// The after-action report's model: everything the report shows, gathered from
// a journal's timeline through one seat's view. The renderers only format it.
#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

#include "board.hpp"
#include "clean_text.hpp"
#include "narrate.hpp"
#include "os_file.hpp"
#include "rules.hpp"
#include "view.hpp"

namespace gb::report {

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : clean_text(s)) {  // text from players or a journal: valid UTF-8, no control bytes
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string track_label(Track t) {
    switch (t) {
        case Track::trust: return "Trust";
        case Track::tension: return "Tension";
        case Track::nuclear: return "Nuclear programme";
        case Track::sanctions: return "Sanctions";
        case Track::us_hawks: return "US hawks";
        case Track::iran_hardliners: return "Iran hardliners";
        case Track::al_qaeda: return "al-Qaeda";
    }
    return std::string(name_of(t));
}

std::string channel_label(int channel) {
    static const char* names[] = {"closed", "secret", "tactical", "strategic"};
    return channel >= 0 && channel < 4 ? names[channel] : "?";
}

std::string fmt_signed(int v) {
    return (v > 0 ? "+" : v < 0 ? "\xe2\x88\x92" : "\xc2\xb1") + std::to_string(v < 0 ? -v : v);
}

std::string fmt_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

const char* game_colour(std::size_t i) {
    // Distinct from the team colours, so a game's line is never read as a team.
    static const char* palette[] = {"#d1495b", "#0f7b8a", "#e08a1e", "#3d3b8e", "#5d8c3a", "#8e3b6e", "#6b6f76"};
    return palette[i % (sizeof palette / sizeof palette[0])];
}

int outcome_mask(bool rapprochement, bool war, bool breakout) {
    return (rapprochement ? 1 : 0) | (war ? 2 : 0) | (breakout ? 4 : 0);
}

double percentile_of(const std::vector<int>& sorted, int v) {
    if (sorted.empty()) return 0;
    auto lo = std::lower_bound(sorted.begin(), sorted.end(), v);
    auto hi = std::upper_bound(sorted.begin(), sorted.end(), v);
    double below = static_cast<double>(lo - sorted.begin());
    double equal = static_cast<double>(hi - lo);
    return 100.0 * (below + equal / 2.0) / static_cast<double>(sorted.size());
}

std::string percentile_text(double p) {
    if (p < 1) return "below the 1st percentile";
    if (p > 99) return "above the 99th percentile";
    int n = static_cast<int>(std::lround(p));
    const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                         : n % 10 == 1                    ? "st"
                         : n % 10 == 2                    ? "nd"
                         : n % 10 == 3                    ? "rd"
                                                          : "th";
    return std::to_string(n) + suffix + " percentile";
}

namespace {

std::string format_date(std::int64_t unix_time) {
    if (unix_time <= 0) return "unknown";
    std::time_t t = static_cast<std::time_t>(unix_time);
    std::tm tm = os::utc_time(t);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

// "2001-09" -> "September 2001"; anything else as it is.
std::string format_card_date(const std::string& d) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    if (d.size() == 7 && d[4] == '-' && std::all_of(d.begin(), d.begin() + 4, ::isdigit) && ::isdigit(d[5]) &&
        ::isdigit(d[6])) {
        int m = (d[5] - '0') * 10 + (d[6] - '0');
        if (m >= 1 && m <= 12) return std::string(months[m - 1]) + " " + d.substr(0, 4);
    }
    return d;
}

const char* kind_name(CardKind k) {
    switch (k) {
        case CardKind::event: return "event";
        case CardKind::spoiler: return "spoiler";
        case CardKind::opportunity: return "opportunity";
        case CardKind::choice: return "choice";
    }
    return "event";
}

std::string perspective_label(const Perspective& p, const Scenario& sc) {
    switch (p.kind) {
        case Perspective::Kind::control: return "White Cell (everything)";
        case Perspective::Kind::public_view: return "Public (what an observer saw)";
        case Perspective::Kind::team: return sc.teams[idx(p.team)].name + " team";
    }
    return p.name();
}

std::string end_reason_key(EndReason e) {
    switch (e) {
        case EndReason::none: return {};
        case EndReason::last_turn: return "last_turn";
        case EndReason::war: return "war";
        case EndReason::breakout: return "breakout";
        case EndReason::white_cell: return "white_cell";
    }
    return {};
}

std::string end_reason_text(EndReason e) {
    switch (e) {
        case EndReason::none: return {};
        case EndReason::last_turn: return "the last turn was played";
        case EndReason::war: return "regional war";
        case EndReason::breakout: return "nuclear breakout";
        case EndReason::white_cell: return "the White Cell ended it";
    }
    return {};
}

std::string chat_from(const GameState& g, const Message& m) {
    const Player* p = g.find_player(m.player);
    if (m.role == SeatRole::control) return "White Cell" + (p ? " (" + p->name + ")" : std::string());
    if (m.role != SeatRole::team) return p ? p->name : "observer";
    return team_name(g, idx(m.from)) + (p ? " (" + p->name + ")" : std::string());
}

std::string chat_to(const GameState& g, const Message& m) {
    switch (m.channel) {
        case ChatChannel::team: return "own team";
        case ChatChannel::bilateral: return team_name(g, idx(m.to));
        case ChatChannel::all: return "everyone";
        case ChatChannel::broadcast: return "everyone (broadcast)";
        case ChatChannel::control: return m.role == SeatRole::team ? "the White Cell" : team_name(g, idx(m.to));
    }
    return "?";
}

// A described event, with a proper arrow.
std::string event_text(const GameState& g, const Event& e) {
    std::string s = describe(g, e);
    for (std::size_t at; (at = s.find(" -> ")) != std::string::npos;) s.replace(at, 4, " \xe2\x86\x92 ");
    return s;
}

ResultView result_view(const GameState& g, const Result& res, int number, const Seat& seat) {
    ResultView v;
    v.number = number;
    v.team = res.team;
    v.team_name = team_name(g, res.team);
    v.order = res.kind == Result::Kind::deal ? describe_offer(g, res.deal)
                                             : describe_order(g, static_cast<Team>(res.team), res.order);
    v.die1 = res.die1;
    v.die2 = res.die2;
    v.modifier = res.modifier;
    v.target = res.target;
    v.success = res.success;
    v.amended = res.amended;
    v.reason = res.reason;
    for (const Event& e : res.events) {
        if (!visible(g, e, seat)) continue;
        std::string line = event_text(g, e);
        if (!line.empty()) v.effects.push_back(std::move(line));
    }
    return v;
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string share_pct(double fraction) {
    return fmt_number(100.0 * fraction) + "%";
}

// "“A”", "“A” and “B”", "“A”, “B” and “C”".
std::string quoted_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += "\xe2\x80\x9c" + items[i] + "\xe2\x80\x9d";
    }
    return out;
}

// A cut-off's cause as the tracker records it, in words.
std::string cause_text(const Scenario& sc, const std::string& cause) {
    if (cause == "leak") return "the leak roll";
    if (cause == "deal") return "a deal";
    if (cause == "white_cell") return "the White Cell";
    if (cause.rfind("card:", 0) == 0) {
        std::string id = cause.substr(5);
        for (const CardDef& c : sc.cards)
            if (c.id == id) return "the inject \xe2\x80\x9c" + c.title + "\xe2\x80\x9d";
        return "the inject \xe2\x80\x9c" + id + "\xe2\x80\x9d";
    }
    if (cause.rfind("order:", 0) == 0) {
        std::string rest = cause.substr(6);
        auto colon = rest.rfind(':');
        std::string action = rest.substr(0, colon), team = colon == std::string::npos ? "" : rest.substr(colon + 1);
        std::string who = team;
        for (Team t : kAllTeams)
            if (name_of(t) == team) who = sc.teams[idx(t)].name;
        std::string what = action;
        for (const ActionDef& a : sc.actions)
            if (a.id == action) what = a.name;
        return who + "\xe2\x80\x99s order \xe2\x80\x9c" + what + "\xe2\x80\x9d";
    }
    return "a cause the events do not name";
}

// The game's facts by gb study's tracker, replayed from the journal: every
// action up to `limit` applied again, its events given to the tracker.
GameFacts track_game(const Timeline& tl, std::size_t limit) {
    GameTracker tracker(*tl.scenario());
    GameState g = tl.state_at(0);
    for (std::size_t i = 0; i < limit; ++i) {
        const JournalEntry& e = tl.entry(i);
        std::vector<Event> events = apply(g, e.seat, e.action);
        tracker.observe(g, e, events);
    }
    return tracker.finish(g);
}

ThesisView thesis_view(const Scenario& sc, const GameFacts& f, const Board& board, bool ended, bool cut_short) {
    ThesisView v;
    v.ended = ended;
    v.cut_short = cut_short;
    v.framework_turn = f.framework_turn;
    v.turns_open = f.turns_open;
    for (std::size_t i = 0; i < f.episodes.size(); ++i) {
        const Episode& e = f.episodes[i];
        EpisodeView ev;
        ev.number = static_cast<int>(i) + 1;
        ev.opened = e.opened;
        ev.trust_open = e.trust_open;
        ev.trust_after = e.trust_after;
        ev.length = e.length;
        ev.ended_turn = e.ended_turn;
        ev.end = e.end;
        ev.widest = channel_label(static_cast<int>(e.widest));
        if (e.end == EpisodeEnd::cutoff) {
            ++v.cutoffs;
            ev.cause = cause_text(sc, e.cause);
            if (e.reason != "channel closed") ev.reason = e.reason;
        }
        v.episodes.push_back(std::move(ev));
    }
    v.arc = f.arc();
    if (!ended) v.arc.resize(v.arc.rfind(", "));  // the end is not known yet
    const std::array<std::pair<TermSide, std::string>, 3> sides{
        {{TermSide::us, sc.teams[idx(Team::us)].name}, {TermSide::iran, sc.teams[idx(Team::iran)].name},
         {TermSide::regional, "The regional parties"}}};
    for (const auto& [side, name] : sides) {
        TermsLine line;
        line.side = name;
        for (std::size_t i = 0; i < sc.terms.size() && i < board.terms.size(); ++i) {
            if (sc.terms[i].side != side) continue;
            switch (board.terms[i]) {
                case TermStatus::implemented: line.implemented.push_back(sc.terms[i].name); break;
                case TermStatus::pending: line.owed.push_back(sc.terms[i].name); break;
                case TermStatus::blocked: line.blocked.push_back(sc.terms[i].name); break;
                case TermStatus::none: break;
            }
        }
        if (!line.implemented.empty() || !line.owed.empty() || !line.blocked.empty()) v.terms.push_back(line);
    }
    return v;
}

std::array<int, kTracks> tracks_of(const Board& b) {
    return b.tracks;
}

}  // namespace

std::string EpisodeView::end_text(bool game_ended) const {
    switch (end) {
        case EpisodeEnd::cutoff:
            return "cut off in turn " + std::to_string(ended_turn) + " by " + cause +
                   (reason.empty() ? std::string() : " (" + reason + ")");
        case EpisodeEnd::framework: return "made strategic (a framework) in turn " + std::to_string(ended_turn);
        case EpisodeEnd::game_end: return game_ended ? "still open at the end" : "still open where the journal stops";
    }
    return {};
}

std::string EpisodeView::trust_text() const {
    return std::to_string(trust_open) + " \xe2\x86\x92 " + std::to_string(trust_after);
}

std::string EpisodeView::length_text() const {
    return plural(length, "turn", "turns");
}

std::string TermsLine::text(bool game_ended) const {
    std::vector<std::string> parts;
    if (!implemented.empty()) parts.push_back("implemented " + quoted_list(implemented));
    if (!owed.empty()) parts.push_back((game_ended ? "left owed " : "still owes ") + quoted_list(owed));
    if (!blocked.empty()) parts.push_back("saw " + quoted_list(blocked) + " blocked");
    std::string out = side + " ";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
    return out + ".";
}

std::string ThesisView::intro() const {
    std::string out =
        "The US\xe2\x80\x93Iran channel as gb study follows it: each episode runs from the channel opening to a "
        "cut-off, a framework (the channel made strategic) or the end of the game.";
    if (cut_short)
        out += " The last turn's report was still a draft, unseen by this seat, so the episodes stop before its "
               "adjudication.";
    return out;
}

std::string ThesisView::episodes_note() const {
    return episodes.empty() ? "The US\xe2\x80\x93Iran channel never opened." : "";
}

std::string ThesisView::framework_text() const {
    if (framework_turn > 0)
        return "The channel became strategic (a framework) in turn " + std::to_string(framework_turn) + ".";
    return ended ? "No framework was reached." : "No framework had been reached when the journal stops.";
}

std::string ThesisView::terms_note() const {
    return terms.empty() ? "No bargain term was agreed." : "";
}

std::string ThesisView::arc_text() const {
    return (ended ? "The game's arc: " : "The game's arc so far: ") + arc + ".";
}

std::string ThesisView::study_text() const {
    if (study_games == 0)
        return "Not placed against simulated games (gb report --study-games 0, or the comparison was not run).";
    return "Placed against gb study of this scenario: " + std::to_string(study_games) +
           " games with heuristic bots in every seat, seed " + std::to_string(study_seed) + " (gb study --games " +
           std::to_string(study_games) + " --seed " + std::to_string(study_seed) +
           " gives the same figures). Intervals are 95% bootstrap intervals.";
}

namespace {
// Simulated games cut off at least `times` times.
int as_many_more(const Study& s, int times) {
    int count = 0;
    for (const GameFacts& g : s.facts) {
        int c = 0;
        for (const Episode& e : g.episodes) c += e.end == EpisodeEnd::cutoff;
        count += c >= times;
    }
    return count;
}
}  // namespace

void place_against(GameReport& r, const Study& s) {
    ThesisView& v = r.thesis;
    const GameFacts& f = r.facts;
    v.study_games = static_cast<int>(s.facts.size());
    v.study_seed = s.options.seed;
    v.placed.clear();
    const int n = v.study_games;
    if (n == 0) return;
    if (!v.ended) {
        // The simulated games are played to their end; half a game does not compare with them.
        v.placed.push_back("The game is not over (the journal stops in turn " + std::to_string(r.end_turn) +
                           "), so it is not placed among the simulated games, which are played to their end.");
        return;
    }
    auto interval = [](const Estimate& e, bool pct) {
        if (!e.defined) return std::string();
        auto f = [&](double x) { return pct ? fmt_number(100.0 * x) : fmt_number(x); };
        return " (95% interval " + f(e.low) + "\xe2\x80\x93" + f(e.high) + (pct ? "%)" : ")");
    };
    auto share = [&](int count) { return fmt_number(100.0 * count / n) + "%"; };

    // The framework.
    std::string fw = s.framework_share.defined ? share_pct(s.framework_share.value) : "0%";
    if (f.framework_turn > 0) {
        int same_or_earlier = 0;
        for (const GameFacts& g : s.facts) same_or_earlier += g.framework_turn > 0 && g.framework_turn <= f.framework_turn;
        v.placed.push_back("This game reached a framework in turn " + std::to_string(f.framework_turn) + "; " + fw +
                           " of simulated games do" + interval(s.framework_share, true) +
                           (s.framework_turn.defined ? ", in turn " + fmt_number(s.framework_turn.value) + " on average"
                                                     : std::string()) +
                           ", and " + share(same_or_earlier) + " by turn " + std::to_string(f.framework_turn) + ".");
    } else {
        v.placed.push_back("This game reached no framework; " + fw + " of simulated games do" +
                           interval(s.framework_share, true) + ".");
    }

    // Episodes and cut-offs.
    const int eps = static_cast<int>(f.episodes.size());
    if (s.per_game.defined)
        v.placed.push_back("Its channel opened " + plural(eps, "time", "times") +
                           "; simulated games average " + fmt_number(s.per_game.value) + interval(s.per_game, false) +
                           ".");
    int total_cuts = 0, as_many = 0;
    for (const GameFacts& g : s.facts) {
        int c = 0;
        for (const Episode& e : g.episodes) c += e.end == EpisodeEnd::cutoff;
        total_cuts += c;
        as_many += c >= v.cutoffs;
    }
    v.placed.push_back("Its channel was cut off " + plural(v.cutoffs, "time", "times") +
                       "; simulated games average " + fmt_number(static_cast<double>(total_cuts) / n) + ", and " +
                       (v.cutoffs == 0 ? share(n - as_many_more(s, 1)) + " of them were never cut off."
                                       : share(as_many) + " of them were cut off as often or more."));
    if (s.turns_open.defined)
        v.placed.push_back("Its channel was open at the end of " + plural(f.turns_open, "turn", "turns") +
                           "; simulated games average " + fmt_number(s.turns_open.value) +
                           interval(s.turns_open, false) + ".");

    // The arc and the end.
    {
        int same = 0;
        for (const auto& [arc, count] : s.arcs)
            if (arc == v.arc) same = count;
        std::string line = "Its arc (" + v.arc + ") is shared by " + share(same) + " of simulated games (" +
                           std::to_string(same) + " of " + std::to_string(n) + ")";
        if (!s.arcs.empty() && s.arcs.front().first != v.arc)
            line += "; the most common is \xe2\x80\x9c" + s.arcs.front().first + "\xe2\x80\x9d (" +
                    share(s.arcs.front().second) + ")";
        else if (!s.arcs.empty())
            line += ", the most common arc";
        v.placed.push_back(line + ".");
        // The shared outcome: rapprochement, war and breakout together, as the comparison counts them.
        const Standing& st = f.standing;
        const int mask = outcome_mask(st.rapprochement, st.war, st.breakout);
        int same_end = 0;
        for (const GameFacts& g : s.facts)
            same_end += outcome_mask(g.standing.rapprochement, g.standing.war, g.standing.breakout) == mask;
        std::vector<std::string> ends;
        if (st.rapprochement) ends.push_back("rapprochement");
        if (st.war) ends.push_back("regional war");
        if (st.breakout) ends.push_back("nuclear breakout");
        std::string how = ends.empty() ? "none of rapprochement, regional war or nuclear breakout" : ends[0];
        for (std::size_t i = 1; i < ends.size(); ++i) how += (i + 1 == ends.size() ? " and " : ", ") + ends[i];
        v.placed.push_back("It ended with " + how + "; so did " + share(same_end) + " of simulated games.");
    }
}

GameReport build_report(const Timeline& tl, const ReportOptions& o, const std::vector<Annotation>& annotations) {
    GameReport r;
    const Perspective& p = o.perspective;
    const bool control = p.kind == Perspective::Kind::control;
    const Seat seat = p.seat();
    const Scenario& sc = *tl.scenario();
    const JournalHeader& h = tl.header();
    const GameState fin = tl.view_at(tl.size(), p);

    r.scenario_id = sc.id;
    r.scenario_title = sc.title;
    r.game_name = h.name;
    r.journal_file = std::filesystem::path(tl.path()).filename().string();
    if (control) r.seed = h.seed;
    r.created = format_date(h.created_unix);
    r.perspective = p.name();
    r.perspective_label = perspective_label(p, sc);
    r.ended = fin.ended();
    r.include_chat = o.include_chat;
    r.teaching_notes = r.ended || control;
    r.annotations = control;
    r.turns_total = sc.turns();
    r.turns_played = std::max(1, fin.turn);
    const int T = r.turns_played;
    for (int t = 1; t <= std::max(T, sc.turns()); ++t)
        r.calendar.push_back(t <= sc.turns() ? sc.calendar[t - 1] : "Turn " + std::to_string(t));

    // ---- series: the opening board, then the board at the end of each turn
    // (the first point of the next turn; the last turn ends at the final state).
    for (Track t : {Track::trust, Track::tension, Track::nuclear, Track::sanctions, Track::us_hawks,
                    Track::iran_hardliners, Track::al_qaeda}) {
        Series& s = r.tracks[idx(t)];
        s.key = std::string(name_of(t));
        s.label = track_label(t);
        s.min = sc.tracks[idx(t)].min;
        s.max = sc.tracks[idx(t)].max;
    }
    r.channel = {"channel", "Channel", 0, 3, {}, {}};
    std::optional<Board> opening;
    auto add_point = [&](const Board& b) {
        auto v = tracks_of(b);
        for (int i = 0; i < kTracks; ++i) r.tracks[i].values.push_back(v[i]);
        r.channel.values.push_back(static_cast<int>(b.channel));
        if (!opening) opening = b;
    };
    for (int t = 1; t <= T; ++t) {
        auto pt = tl.point_of(t);
        if (!pt) break;  // cannot happen for a turn the game reached
        add_point(tl.view_at(*pt, p).board);
    }
    add_point(fin.board);
    sample_within_turns(tl, p, r);

    const Standing st = standing(fin);
    for (Team t : kAllTeams) {
        Series& s = r.scores[idx(t)];
        s.key = std::string(name_of(t));
        s.label = sc.teams[idx(t)].name;
        s.values.push_back(team_score(sc, *opening, t, false));
        for (int k = 1; k <= T; ++k) {
            if (k == T && r.ended)
                s.values.push_back(st.score[idx(t)]);
            else if (static_cast<int>(fin.score_history.size()) >= k)
                s.values.push_back(fin.score_history[k - 1][idx(t)]);
        }
        s.min = *std::min_element(s.values.begin(), s.values.end());
        s.max = *std::max_element(s.values.begin(), s.values.end());
    }

    // ---- per turn: group the game's records by turn in one pass each.
    std::map<int, const Report*> reports;
    for (const Report& rep : fin.reports) reports[rep.turn] = &rep;
    std::map<int, std::vector<const Note*>> notes;
    for (const Note& n : fin.notes) notes[n.turn].push_back(&n);
    std::map<int, std::vector<const Message*>> messages;
    if (o.include_chat)
        for (const Message& m : fin.messages) messages[m.turn].push_back(&m);
    std::map<int, std::vector<const Annotation*>> notes_after;
    if (control)
        for (const Annotation& a : annotations)
            notes_after[tl.mark_of(std::min(a.point, tl.size())).turn].push_back(&a);

    for (int t = 1; t <= T; ++t) {
        TurnView tv;
        tv.turn = t;
        tv.calendar = r.calendar[t - 1];
        tv.complete = t < T || r.ended;

        int card = t - 1 < static_cast<int>(fin.inject_history.size()) ? fin.inject_history[t - 1] : -1;
        if (card >= 0) {
            const CardDef& c = fin.card(card);
            InjectView& iv = tv.inject;
            iv.drawn = true;
            iv.written = card >= static_cast<int>(sc.cards.size());
            iv.title = c.title;
            iv.date = format_card_date(c.date);
            iv.kind = kind_name(c.kind);
            iv.text = c.text;
            iv.source = c.source;
            if (r.teaching_notes) iv.note = c.note;
            if (c.kind == CardKind::opportunity && c.to >= 0) iv.to = team_name(fin, c.to);
            if (c.kind == CardKind::choice && !c.options.empty()) {
                iv.chooser = team_name(fin, c.chooser);
                // The choice is made in the inject phase: it shows from the negotiation on.
                auto pt = tl.point_of(t, Phase::negotiation);
                std::optional<int> chosen;
                if (pt)
                    chosen = tl.view_at(*pt, p).chosen;
                else if (t == T)
                    chosen = fin.chosen;
                if (chosen && *chosen >= 0 && *chosen < static_cast<int>(c.options.size())) {
                    iv.choice = c.options[*chosen].label;
                    iv.choice_text = c.options[*chosen].text;
                }
            }
        }

        if (auto it = reports.find(t); it != reports.end()) {
            const Report& rep = *it->second;
            tv.adjudicated = true;
            tv.draft = !rep.released;
            for (std::size_t i = 0; i < rep.results.size(); ++i) {
                const Result& res = rep.results[i];
                ResultView v = result_view(fin, res, static_cast<int>(i) + 1, seat);
                (res.kind == Result::Kind::deal ? tv.deals : tv.orders).push_back(std::move(v));
            }
            for (const Event& e : rep.end_of_turn) {
                if (!visible(fin, e, seat) || e.kind == Event::Kind::game_over) continue;
                std::string line = event_text(fin, e);
                if (!line.empty()) tv.end_of_turn.push_back(std::move(line));
            }
        }

        tv.missed = missed_openings(fin, t);

        for (const Note* n : notes[t]) {
            switch (n->kind) {
                case Note::Kind::bookmark: tv.bookmarks.push_back({"bookmark", n->label, n->text}); break;
                case Note::Kind::amendment: {
                    std::string label = n->label;
                    // "result 3" -> the result it changed, when the report is visible.
                    if (auto rit = reports.find(t); rit != reports.end() && label.rfind("result ", 0) == 0) {
                        int k = std::atoi(label.c_str() + 7);
                        const auto& res = rit->second->results;
                        if (k >= 1 && k <= static_cast<int>(res.size()))
                            label += " (" + team_name(fin, res[k - 1].team) + ": " +
                                     (res[k - 1].kind == Result::Kind::deal
                                          ? "deal"
                                          : describe_order(fin, static_cast<Team>(res[k - 1].team), res[k - 1].order)) +
                                     ")";
                    }
                    tv.white_cell.push_back({"amendment", label, n->text});
                    break;
                }
                case Note::Kind::setting: tv.white_cell.push_back({"setting", n->label, n->text}); break;
                case Note::Kind::inject: tv.white_cell.push_back({"inject", n->label, n->text}); break;
                case Note::Kind::end: tv.white_cell.push_back({"end", "game ended", n->text}); break;
            }
        }
        for (const Annotation* a : notes_after[t]) tv.bookmarks.push_back({"annotation", a->label, a->note});
        for (const Message* m : messages[t]) tv.chat.push_back({chat_from(fin, *m), chat_to(fin, *m), m->text});
        r.turns.push_back(std::move(tv));
    }

    // ---- the end
    for (Team t : kAllTeams) {
        TeamResult& tr = r.final[idx(t)];
        tr.name = sc.teams[idx(t)].name;
        tr.colour = kTeamColours[idx(t)];
        tr.score = st.score[idx(t)];
        tr.par = sc.teams[idx(t)].par;
        tr.vs_par = st.result[idx(t)];
        tr.winner = r.ended && ((st.winners >> idx(t)) & 1u);
    }
    r.rapprochement = st.rapprochement;
    r.war = st.war;
    r.breakout = st.breakout;
    r.end_turn = fin.turn;

    // ---- the thesis: gb study's tracker over the game as this seat saw it.
    // A seat other than the White Cell has not seen a draft report: its
    // episodes stop where that turn's adjudication begins.
    std::size_t limit = tl.size();
    bool cut_short = false;
    const GameState& full = tl.final_state();
    if (!control && !full.reports.empty() && !full.reports.back().released)
        if (auto pt = tl.point_of(full.reports.back().turn, Phase::adjudication)) {
            limit = *pt;
            cut_short = true;
        }
    r.facts = track_game(tl, limit);
    r.thesis = thesis_view(sc, r.facts, fin.board, r.ended, cut_short);

    if (r.ended) {
        r.end_reason = end_reason_key(fin.end);
        r.status = "Game over after turn " + std::to_string(fin.turn) + " of " + std::to_string(sc.turns()) + ": " +
                   end_reason_text(fin.end);
    } else {
        r.status = "In progress: the journal stops in turn " + std::to_string(fin.turn) + " of " +
                   std::to_string(sc.turns()) + ", " + std::string(name_of(fin.phase)) + " phase";
    }
    return r;
}

}  // namespace gb::report
