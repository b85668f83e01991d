// The client's game: the connection to a seat (on an embedded server this
// client hosts, or a remote one) or a replay's timeline, and the view both
// give the panels. Reconnects, journals recent changes for tooltips, and
// turns what happens into notices.
#pragma once

#include <algorithm>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "client.hpp"
#include "options.hpp"
#include "timeline.hpp"
#include "toasts.hpp"

namespace gb {
class Server;
}

namespace gb::client {

// The embedded server of a hosted game, on its own thread.
struct LocalServer {
    std::unique_ptr<Server> server;
    std::thread thread;
    std::string data_dir;
    std::string admin_token;  // read from data_dir's admin.token
    std::uint16_t port = 0;
    ~LocalServer();
};

// A replay: a journal's timeline, the point shown and whose eyes.
struct Replay {
    std::unique_ptr<Timeline> timeline;
    GameState view;
    std::size_t point = 0;
    Perspective as;
    bool playing = false;
    float speed = 4;  // actions per second
    double accum = 0;
};

class Session {
public:
    Session(const ClientOptions& opt, Toasts& toasts)
        : min_phase_seconds(opt.min_phase_seconds), opt_(opt), toasts_(toasts) {}
    ~Session();

    // ---- opening and leaving; each returns an error message, empty on success
    std::string host_game(const std::string& scenario, const std::string& seat, std::optional<std::uint64_t> seed,
                          const std::vector<std::string>& bots, const std::string& name);
    // Hosts a tutorial scenario (scenarios/tutorial.toml): this client on its
    // student's team, bots on every other.
    std::string host_tutorial(const std::string& scenario, const std::string& name);
    std::string join_game(const std::string& endpoint, const std::string& code, const std::string& seat,
                          const std::string& name);
    std::string open_replay(const std::string& journal, const std::string& as);
    // A new live game from the replay's point, on an embedded server or a
    // remote one; this client takes its White Cell seat.
    std::string fork_here(bool embedded, const std::string& endpoint, const std::string& name);
    void leave();
    bool lan = false;  // the menu's "let others on my network join"
    // A hosted game's minimum time per phase while no White Cell is connected
    // (--min-phase, or the host screen's field).
    int min_phase_seconds = 5;
    std::uint32_t min_phase_ms() const {
        return static_cast<std::uint32_t>(std::clamp(min_phase_seconds, 0, 3600)) * 1000;
    }

    // ---- each frame
    void pump(float dt);
    // Sends an action from this seat (refused with a notice in a replay or offline).
    void send(const Action& a);
    void send_pointer(float x, float y);
    // A message of the wire outside actions (the White Cell's MoveSeat, say).
    void send_message(const net::ClientMessage& m);

    // ---- what the panels read
    bool in_game() const { return in_game_; }
    bool connected() const { return connected_; }
    bool seated() const { return session_ && session_->seated(); }
    int reconnect_attempts() const { return reconnect_attempts_; }
    const GameState& view() const;  // the live seat's view, or the replay's
    Seat seat() const;
    bool is_control() const;
    bool is_team() const;
    bool is_lead() const;
    Team my_team() const;
    bool is_online(std::uint32_t player) const;
    std::shared_ptr<const Scenario> scenario() const { return scenario_; }
    const net::GameCodes& codes() const { return codes_; }
    const LocalServer* local() const { return local_.get(); }
    // Seconds left on the phase timer (rounded up): from the server's Timer
    // (its remaining time less half the round trip), so every client agrees;
    // in a replay, or before the server's first Timer, from when this client
    // saw the phase.
    int timer_left() const;
    // The same in milliseconds, when the server gave the timer; else empty.
    std::optional<std::int64_t> timer_left_ms() const;
    // The connection's round-trip time in ms (0 without one).
    std::uint32_t round_trip_ms() const;
    // Changes since the board last read the view (cleared by the reader).
    bool take_changed();
    bool dirty() const { return changed_; }

    // ---- replay
    Replay* replay() { return replay_.timeline ? &replay_ : nullptr; }
    const Replay* replay() const { return replay_.timeline ? &replay_ : nullptr; }
    void seek(std::size_t point);
    void set_perspective(const Perspective& p);

    // Recent changes by region and track (kTracks: the channel), newest first.
    const std::deque<std::string>* region_log(int region) const;
    const std::deque<std::string>* track_log(int track) const;

    std::function<void(float x, float y, const std::string& name)> on_ping;

private:
    std::string start_local_server(const std::string& scenario = {});
    void on_update(const net::Update& u);

    const ClientOptions& opt_;
    Toasts& toasts_;
    std::unique_ptr<LocalServer> local_;
    std::unique_ptr<net::SeatSession> session_;
    std::shared_ptr<const Scenario> scenario_;
    std::string endpoint_host_;
    std::uint16_t endpoint_port_ = 0;
    net::GameCodes codes_;  // the codes of a game this client hosts or forked
    bool in_game_ = false;
    bool connected_ = false;
    bool changed_ = true;
    int reconnect_attempts_ = 0;
    std::chrono::steady_clock::time_point next_reconnect_;
    std::chrono::steady_clock::time_point phase_started_;
    int seen_phase_key_ = -1;
    std::size_t seen_refusals_ = 0;
    Replay replay_;
    std::map<int, std::deque<std::string>> region_log_, track_log_;
};

}  // namespace gb::client
