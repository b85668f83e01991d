// A live game: recording actions (journal first, then each seat's update),
// seats and presence, the schedule of bots, and the phase timer.
#include "live_game.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "file_read.hpp"
#include "journal_replay.hpp"
#include "os_file.hpp"
#include "view.hpp"
#include "view_sync.hpp"

namespace gb {

using namespace gb::net;

void ActionRate::count() {
    ++total_;
    auto now = std::chrono::steady_clock::now();
    if (samples_.empty() || now - samples_.back().first > std::chrono::seconds(1)) samples_.emplace_back(now, total_);
}

double ActionRate::per_second() {
    auto now = std::chrono::steady_clock::now();
    samples_.erase(std::remove_if(samples_.begin(), samples_.end(),
                                  [&](auto& x) { return now - x.first > std::chrono::seconds(10); }),
                   samples_.end());
    if (samples_.empty()) return 0.0;
    double secs = std::chrono::duration<double>(now - samples_.front().first).count();
    std::uint64_t n = total_ - samples_.front().second;
    return secs > 0.5 ? n / secs : 0.0;
}

std::string phase_line(const GameState& g) {
    return "turn " + std::to_string(g.turn) + " " + std::string(name_of(g.phase));
}

LiveGame::LiveGame(GameServices services, JournalHeader header, std::shared_ptr<const Scenario> scenario,
                   GameState state, JournalWriter journal, std::map<std::string, std::uint32_t> tokens,
                   const std::optional<DeadlineRecord>& resumed)
    : services_(services),
      header_(std::move(header)),
      scenario_(std::move(scenario)),
      state_(std::move(state)),
      journal_(std::move(journal)),
      tokens_(std::move(tokens)) {
    header_.scenario_files = {};  // they are in the journal; the live game needs only the scenario
    const GameState& s = state_;
    if (resumed && resumed->turn == s.turn && resumed->phase == s.phase && resumed->timer_seconds == s.timer_seconds &&
        resumed->paused == s.paused) {
        // The timer goes on from its journaled deadline: it does not start
        // from full. One that ran out while the server was down fires at once.
        timer_key_ = {s.turn, static_cast<int>(s.phase), s.timer_seconds, s.paused};
        if (s.paused) {
            paused_left_ = std::chrono::milliseconds(resumed->left_ms);
        } else {
            auto wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
            deadline_ = Clock::now() + std::chrono::milliseconds(resumed->deadline_unix_ms - wall_ms);
        }
    }
    update_timer();
}

Seat LiveGame::seat_of(std::uint32_t player) const {
    const Player* p = state_.find_player(player);
    if (!p) return Seat::observer(player);
    switch (p->role) {
        case SeatRole::team: return Seat::of_team(p->team, player);
        case SeatRole::control: return Seat::control(player);
        default: return Seat::observer(player);
    }
}

namespace {
constexpr auto kRetrySaving = std::chrono::seconds(1);  // how often a read-only game tries to save again
constexpr std::size_t kProbeBytes = 16 * 1024;          // what a try writes: room for a few records
}  // namespace

Verdict LiveGame::cannot_save() const {
    return Verdict{Verdict::Code::not_permitted,
                   "the server cannot save right now: nothing was changed; try again in a moment"};
}

Verdict LiveGame::record(const Seat& seat, const Action& a) {
    if (read_only_) return cannot_save();
    int turn = state_.turn;
    Phase phase = state_.phase;
    Acted done = gb::act(state_, seat, a, true);
    if (!done.ok()) return done.verdict;
    std::vector<Event>& events = done.events;
    std::uint64_t seq = 0;
    try {
        seq = journal_.append(ActionRecord{JournalEntry{seat, a}, done.hash});
    } catch (const std::exception& e) {
        // Not saved, so not applied: the state goes back to what the journal holds.
        restore();
        enter_read_only(e.what());
        return cannot_save();
    }
    services_.rate.count();
    for (Peer* p : members_) {
        p->seat = seat_of(p->player);
        GameState now = view(state_, p->seat);
        Update u = make_update(p->last_view, now);
        for (const Event& e : events)
            if (visible(state_, e, p->seat)) u.events.push_back(e);
        p->last_view = std::move(now);
        if (empty_update(u)) continue;
        u.seq = ++p->out_seq;
        services_.transport.send(*p, u);  // one ordered stream per seat, so sequence numbers never cross channels
    }
    if (std::holds_alternative<SetBot>(a)) {
        const auto& sb = std::get<SetBot>(a);
        if (sb.on && !bots_[idx(sb.team)])
            bots_[idx(sb.team)] = std::make_unique<Bot>(BotKind::heuristic, sb.team, header_.seed);
        if (!sb.on) bots_[idx(sb.team)].reset();
    }
    if (state_.turn != turn || state_.phase != phase) {
        services_.log("game " + std::to_string(id()) + ": " + phase_line(state_) +
                      (state_.ended() ? " (game over)" : ""));
    }
    // The White Cell's "Set phase timer" holds for every later phase of its
    // kind: the server sets it again, journaled, as each such phase opens.
    if (const auto* st = std::get_if<SetTimer>(&a); st && seat.role == SeatRole::control)
        timer_settings_[timer_kind(phase)] = st->seconds;
    if (state_.phase != phase && (state_.phase == Phase::negotiation || state_.phase == Phase::orders)) {
        std::int32_t want = timer_settings_[timer_kind(state_.phase)];
        if (want >= 0 && state_.timer_seconds != want && !read_only_) record(Seat::system(), SetTimer{want});
    }
    update_timer();
    last_action_seq_ = seq;  // after the records this one led to (a timer, a deadline)
    return done.verdict;
}

bool LiveGame::add_token(const std::string& token, std::uint32_t player, const JournalWriter::Mark& undo) {
    try {
        journal_.append(TokenRecord{player, token});
    } catch (const std::exception& e) {
        // A player without a token could never come back: the Join goes too.
        journal_.cut(undo);
        restore();
        for (Peer* p : members_) send_full_view(*p);
        enter_read_only(e.what());
        return false;
    }
    tokens_[token] = player;
    return true;
}

void LiveGame::lost_flush(const std::string& why) {
    std::uint64_t dropped = journal_.roll_back();
    services_.transport.recall(id(), cannot_save().message);
    restore();
    for (Peer* p : std::vector<Peer*>(members_)) {
        if (!state_.find_player(p->player)) {  // its Join was not saved
            services_.transport.error(*p, ErrorCode::save_status, "cannot join: " + cannot_save().message);
            remove(*p);
            p->game = 0;
            continue;
        }
        p->seat = seat_of(p->player);
        send_full_view(*p);
    }
    send_presence();
    services_.log("game " + std::to_string(id()) + ": " + std::to_string(dropped) +
                  " record(s) could not be made durable and were cut from the journal: " + why);
    enter_read_only(why);
}

void LiveGame::restore() {
    JournalRead jr = read_journal(journal_.path());
    ReplayedGame rg;
    if (jr.error.empty()) rg = gb::replay(jr);
    if (!jr.error.empty() || !rg.error.empty()) {
        services_.log("game " + std::to_string(id()) + ": cannot rebuild from its journal: " + jr.error + rg.error);
        return;
    }
    state_ = std::move(rg.state);
    tokens_ = std::move(rg.tokens);
    timer_settings_ = rg.timer_settings;
    for (Team t : kAllTeams) {
        if (!state_.bot[idx(t)])
            bots_[idx(t)].reset();
        else if (!bots_[idx(t)])
            bots_[idx(t)] = std::make_unique<Bot>(BotKind::heuristic, t, header_.seed);
    }
    asked_ = nullptr;
    schedule_ = Schedule{};
    update_timer();
}

void LiveGame::enter_read_only(const std::string& why) {
    read_only_why_ = why;
    retry_at_ = Clock::now() + kRetrySaving;
    if (read_only_) return;
    read_only_ = true;
    services_.log("game " + std::to_string(id()) + ": read-only, cannot save: " + why);
    for (Peer* p : members_)
        services_.transport.error(*p, ErrorCode::save_status,
                                  "game " + std::to_string(id()) +
                                      " cannot be saved right now (the server's disk is full or failing): it is "
                                      "read-only and refuses actions until it can save again; nothing acknowledged "
                                      "is lost");
}

void LiveGame::try_to_resume(Clock::time_point now) {
    retry_at_ = now + kRetrySaving;
    // A file beside the journal ("game-N.journal.probe"), written and flushed:
    // the journal itself must never hold anything but whole records.
    std::string probe = journal_.path() + ".probe";
    int fd = os::open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    bool ok = fd >= 0;
    if (ok) {
        std::string zeros(kProbeBytes, '\0');
        ok = ::write(fd, zeros.data(), zeros.size()) == static_cast<ssize_t>(zeros.size()) && os::flush_data(fd);
        os::close(fd);
        ::unlink(probe.c_str());
    }
    if (!ok) return;
    read_only_ = false;
    services_.log("game " + std::to_string(id()) + ": saving again (was read-only: " + read_only_why_ + ")");
    for (Peer* p : members_)
        services_.transport.error(*p, ErrorCode::save_status,
                                  "game " + std::to_string(id()) + " saves again: actions are accepted");
    drive();
}

std::optional<LiveGame::Clock::time_point> LiveGame::wake_at() const {
    if (read_only_) return retry_at_;
    if (pace_until_ && (!deadline_ || *pace_until_ < *deadline_)) return pace_until_;
    return deadline_;
}

void LiveGame::seat(Peer& peer, std::uint32_t player, const std::string& token) {
    peer.game = id();
    peer.player = player;
    peer.seat = seat_of(player);
    members_.push_back(&peer);
    Seated s;
    s.game = id();
    s.seat = peer.seat;
    s.token = token;
    s.scenario = header_.scenario_id;
    s.scenario_hash = header_.content_hash;
    s.seq = peer.out_seq;
    s.view = view(state_, peer.seat);
    peer.last_view = s.view;
    services_.transport.send(peer, s);
    services_.transport.send_timer(peer, timer_message());
    send_presence();
}

void LiveGame::remove(Peer& peer) {
    members_.erase(std::remove(members_.begin(), members_.end(), &peer), members_.end());
    forget_asked(peer);
}

void LiveGame::close_for_members() {
    for (Peer* p : members_) {
        services_.transport.send(*p, Closed{id()});
        p->game = 0;
    }
}

void LiveGame::send_presence() {
    Presence p;
    for (const Peer* m : members_)
        if (m->player && std::find(p.online.begin(), p.online.end(), m->player) == p.online.end())
            p.online.push_back(m->player);
    std::sort(p.online.begin(), p.online.end());
    for (Peer* m : members_) services_.transport.send(*m, p);
}

void LiveGame::send_full_view(Peer& peer) {
    Seated s;
    s.game = id();
    s.seat = peer.seat;
    s.scenario = header_.scenario_id;
    s.scenario_hash = header_.content_hash;
    s.seq = peer.out_seq;
    s.view = view(state_, peer.seat);
    for (auto& [tok, pl] : tokens_)
        if (pl == peer.player) s.token = tok;
    peer.last_view = s.view;
    services_.transport.send(peer, s);
    services_.transport.send_timer(peer, timer_message());
}

bool LiveGame::chat_allowed(Peer& peer, Clock::time_point now) {
    if (peer.seat.role == SeatRole::control) return true;
    if (peer.chat_allowance < 0) {
        peer.chat_allowance = kChatBurst;
        peer.chat_topped = now;
    }
    double refill = std::chrono::duration<double, std::milli>(now - peer.chat_topped).count() / kChatRefillMs;
    peer.chat_allowance = std::min<double>(kChatBurst, peer.chat_allowance + refill);
    peer.chat_topped = now;
    if (peer.chat_allowance < 1) return false;
    peer.chat_allowance -= 1;
    return true;
}

void LiveGame::act(Peer& peer, const Act& m) {
    Transport& net = services_.transport;
    peer.seat = seat_of(peer.player);  // leads and roles change
    if (std::holds_alternative<Chat>(m.action) && !chat_allowed(peer, Clock::now())) {
        net.error(peer, ErrorCode::refused, "chat: you are sending messages too fast; wait a moment", m.request);
        return;
    }
    if (peer.bot) {
        // A bot seat moves when the schedule asks it, so a bot game does not
        // depend on the order in which packets arrive.
        if (asked_ != &peer) {
            net.error(peer, ErrorCode::refused,
                      std::string(action_name(m.action)) + ": a bot seat acts when the server asks it (your move)",
                      m.request);
            return;
        }
        asked_ = nullptr;
    }
    Verdict v = record(peer.seat, m.action);
    if (peer.bot) schedule_.answered(v.ok());
    if (!v.ok()) {
        net.error(peer, read_only_ ? ErrorCode::save_status : ErrorCode::refused,
                  std::string(action_name(m.action)) + ": " + v.message, m.request);
        if (peer.bot) drive();
        return;
    }
    net.send_ack(peer, Ack{m.request, last_action_seq_});
    drive();
}

void LiveGame::pass(Peer& peer, const Pass& m) {
    if (!peer.bot || asked_ != &peer || m.move != asked_move_) return;  // a stale answer: nothing to do
    asked_ = nullptr;
    schedule_.answered(false);
    drive();
}

void LiveGame::forget_asked(const Peer& peer) {
    if (asked_ != &peer) return;
    asked_ = nullptr;
    schedule_.answered(false);  // a bot that went away passes
}

void LiveGame::pointer(Peer& peer, const Pointer& m) {
    if (peer.seat.role != SeatRole::team) return;
    const Player* me = state_.find_player(peer.player);
    PointerEcho e{peer.player, me ? me->name : std::string(), m.x, m.y};
    for (Peer* p : members_)
        if (p != &peer && p->seat.role == SeatRole::team && p->seat.team == peer.seat.team)
            services_.transport.send(*p, e, kChannelPresence, false);
}

bool LiveGame::control_present() const {
    return std::any_of(members_.begin(), members_.end(),
                       [](const Peer* p) { return p->seat.role == SeatRole::control; });
}

Cast LiveGame::cast() const {
    Cast c;
    c.control = control_present();
    for (Team t : kAllTeams) c.bot[idx(t)] = state_.bot[idx(t)] && bots_[idx(t)];
    for (const Peer* p : members_) {
        if (p->seat.role != SeatRole::team) continue;
        if (!p->bot)
            c.present[idx(p->seat.team)] = true;
        else if (state_.is_lead(p->seat))
            c.bot[idx(p->seat.team)] = true;
    }
    return c;
}

void LiveGame::drive() {
    // Follows the schedule until it waits for people, for a remote bot's
    // answer, or for a timer. The server's own bots answer at once.
    for (int guard = 0; guard < 200000 && !state_.ended() && !asked_ && !read_only_; ++guard) {
        if (pacing(Clock::now())) return;
        Schedule::Move m = schedule_.next(state_, cast());
        if (m.kind == Schedule::Move::Kind::wait) return;
        if (m.kind == Schedule::Move::Kind::stand_in) {
            if (!record(Seat::system(), m.action).ok()) return;
            continue;
        }
        Team t = m.team;
        if (state_.bot[idx(t)] && bots_[idx(t)]) {
            Seat seat = Seat::of_team(t);
            auto a = bots_[idx(t)]->next(state_);  // decides as from its view (see next_move)
            schedule_.answered(a && record(seat, *a).ok());
            continue;
        }
        for (Peer* p : members_)
            if (p->bot && p->seat.role == SeatRole::team && p->seat.team == t && state_.is_lead(p->seat)) {
                asked_ = p;
                asked_move_ = next_move_++;
                services_.transport.send(*p, YourMove{asked_move_});
                return;
            }
        schedule_.answered(false);  // not reached: the cast counts only connected bot seats
    }
}

void LiveGame::update_timer() {
    const GameState& s = state_;
    auto now = Clock::now();
    std::pair<int, int> phase_key{s.turn, static_cast<int>(s.phase)};
    if (phase_key != phase_key_) {
        phase_key_ = phase_key;
        phase_began_ = now;
    }
    std::tuple<int, int, int, bool> key{s.turn, static_cast<int>(s.phase), s.timer_seconds, s.paused};
    if (key == timer_key_) return;
    bool was_paused = std::get<3>(timer_key_);
    bool had = deadline_.has_value();
    timer_key_ = key;
    bool timed = (s.phase == Phase::negotiation || s.phase == Phase::orders) && s.timer_seconds > 0 && !s.ended();
    if (s.paused) {
        if (deadline_) paused_left_ = *deadline_ - now;
        deadline_.reset();
    } else if (!timed) {
        deadline_.reset();
        paused_left_ = {};
    } else {
        if (was_paused && paused_left_ > Clock::duration::zero())
            deadline_ = now + paused_left_;
        else
            deadline_ = now + std::chrono::seconds(s.timer_seconds);
        paused_left_ = {};
    }
    if (deadline_ || had || (s.paused && timed)) journal_deadline();
    for (Peer* p : members_) services_.transport.send_timer(*p, timer_message());
}

void LiveGame::journal_deadline() {
    if (!has(journal_.format(), JournalFormat::deadlines) || read_only_) return;
    const GameState& s = state_;
    DeadlineRecord d{s.turn, s.phase, s.timer_seconds, s.paused, 0, 0};
    auto now = Clock::now();
    if (deadline_) {
        auto wall_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        d.deadline_unix_ms = wall_ms + std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - now).count();
    }
    d.left_ms = std::chrono::duration_cast<std::chrono::milliseconds>(paused_left_).count();
    try {
        journal_.append(d);
    } catch (const std::exception& e) {
        services_.log("game " + std::to_string(id()) + ": cannot journal its phase timer: " + e.what());
    }
}

net::Timer LiveGame::timer_message() const {
    net::Timer t;
    t.turn = state_.turn;
    t.phase = state_.phase;
    if (deadline_) {
        t.running = true;
        t.remaining_ms = std::max<std::int64_t>(
            0, std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - Clock::now()).count());
    } else if (state_.paused && paused_left_ > Clock::duration::zero()) {
        t.remaining_ms = std::chrono::duration_cast<std::chrono::milliseconds>(paused_left_).count();
    } else {
        t.remaining_ms = -1;  // no timer
    }
    return t;
}

bool LiveGame::pacing(Clock::time_point now) {
    pace_until_.reset();
    if (header_.min_phase_ms == 0 || state_.ended() || control_present()) return false;
    auto until = phase_began_ + std::chrono::milliseconds(header_.min_phase_ms);
    if (now >= until) return false;
    pace_until_ = until;
    return true;
}

void LiveGame::pass_leads(Clock::time_point now) {
    for (Team t : kAllTeams) {
        auto& since = lead_gone_since_[idx(t)];
        std::uint32_t lead = state_.lead[idx(t)];
        bool here = lead == 0 ||
                    std::any_of(members_.begin(), members_.end(), [&](const Peer* p) { return p->player == lead; });
        if (here) {
            since.reset();
            continue;
        }
        if (!since) since = now;
        if (now - *since < services_.lead_timeout) continue;
        // A connected teammate takes the lead: a person before a bot seat.
        const Peer* next = nullptr;
        for (const Peer* p : members_)
            if (p->seat.role == SeatRole::team && p->seat.team == t && p->player != lead &&
                (!next || (next->bot && !p->bot)))
                next = p;
        if (!next) continue;
        const Player* gone = state_.find_player(lead);
        std::string gone_name = gone ? gone->name : std::string("the lead");
        if (record(Seat::system(), SetLead{t, next->player}).ok()) {
            services_.log("game " + std::to_string(id()) + ": " + std::string(name_of(t)) + " lead passed from " +
                          gone_name + " (gone " +
                          std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now - *since).count()) +
                          " s) to " + state_.find_player(next->player)->name);
            since.reset();
            drive();
        }
    }
}

std::string LiveGame::move_player(std::uint32_t player, SeatRole role, Team team) {
    const Player* p = state_.find_player(player);
    if (!p) return "no such player";
    if (p->role == SeatRole::control) return "the White Cell stays the White Cell";
    if (role != SeatRole::team && role != SeatRole::observer) return "a player moves to a team or to the observers";
    if (p->role == role && (role == SeatRole::observer || p->team == team)) return "the player is already there";
    std::string name = p->name;
    if (Verdict v = record(Seat::system(), Leave{player}); !v.ok()) return v.message;
    if (Verdict v = record(Seat::system(), Join{player, name, role, team}); !v.ok()) return v.message;
    // The player's connections now hold the new seat: each gets its full view.
    for (Peer* m : members_)
        if (m->player == player) {
            m->seat = seat_of(player);
            m->bot = false;
            forget_asked(*m);
            send_full_view(*m);
        }
    send_presence();
    drive();
    return {};
}

bool LiveGame::tick(Clock::time_point now) {
    if (read_only_) {
        if (now < retry_at_) return false;
        try_to_resume(now);
        if (read_only_) return false;
    }
    pass_leads(now);
    if (pace_until_ && *pace_until_ <= now) {
        pace_until_.reset();
        drive();  // the phase has had its minimum: the bots and the stand-in move on
    }
    if (deadline_ && now - timer_sent_ >= kTimerResend) {
        // The time left again, now and then: a client that was busy when the
        // last one came keeps the earliest deadline it has heard.
        timer_sent_ = now;
        for (Peer* p : members_) services_.transport.send_timer(*p, timer_message());
    }
    if (!deadline_ || *deadline_ > now) return false;
    auto due = deadline_;
    deadline_.reset();
    std::string where = phase_line(state_);
    if (!record(Seat::system(), TimerExpired{}).ok()) {
        if (read_only_) deadline_ = due;  // it expires once the game can save again
        return false;
    }
    services_.log("game " + std::to_string(id()) + ": timer expired in " + where);
    drive();
    return true;
}

std::string LiveGame::replay(const std::vector<JournalEntry>& actions) {
    for (std::size_t i = 0; i < actions.size(); ++i)
        if (std::string why = replay_one(actions[i], i + 1); !why.empty()) return why;
    return {};
}

std::string LiveGame::replay_one(const JournalEntry& e, std::size_t n) {
    Phase before = state_.phase;
    Acted done = gb::act(state_, e.seat, e.action, true);
    if (!done.ok()) return "action " + std::to_string(n) + " (" + action_name(e.action) + "): " + done.verdict.message;
    if (const auto* st = std::get_if<SetTimer>(&e.action); st && e.seat.role == SeatRole::control)
        timer_settings_[timer_kind(before)] = st->seconds;  // the fork keeps the White Cell's timers
    try {
        journal_.append(ActionRecord{e, done.hash});
    } catch (const std::exception&) {
        return "the server cannot save right now";
    }
    return {};
}

void LiveGame::fresh_cast() {
    std::vector<std::uint32_t> players;
    for (const Player& p : state_.players) players.push_back(p.id);
    for (auto id : players) record(Seat::system(), Leave{id});
    if (state_.paused) record(Seat::system(), Resume{});
    start_bots();
    update_timer();
}

void LiveGame::start_bots() {
    for (Team t : kAllTeams)
        if (state_.bot[idx(t)]) bots_[idx(t)] = std::make_unique<Bot>(BotKind::heuristic, t, header_.seed);
}

void LiveGame::discard() {
    std::string file = journal_.path();
    journal_ = JournalWriter();
    std::error_code ec;
    std::filesystem::remove(file, ec);
    std::filesystem::remove(file + ".seating", ec);
}

namespace {
constexpr char kObserversChoose[] = "observers-choose\n";
}

void LiveGame::set_observers_choose(bool on) {
    std::string file = journal_.path() + ".seating";
    if (on) {
        write_private_file(file, kObserversChoose);
    } else {
        std::error_code ec;
        std::filesystem::remove(file, ec);
        if (ec) throw std::runtime_error("cannot remove " + file + ": " + ec.message());
    }
    observers_choose_ = on;
}

void LiveGame::load_seating() {
    FileRead f = read_regular_file(journal_.path() + ".seating", 64, false);
    observers_choose_ = f.ok && f.bytes == kObserversChoose;
}

}  // namespace gb
