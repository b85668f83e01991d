// The lobby: the games a server hosts, and the requests made outside a game
// (create, fork, list, stats, close, join and resume), with their codes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "attempts.hpp"
#include "journal.hpp"
#include "live_game.hpp"
#include "peer.hpp"
#include "protocol.hpp"
#include "scenario_list.hpp"

namespace gb {

struct LobbyOptions {
    std::string data_dir;  // one journal per game
    int max_games = 0;
    // Administration (create, fork, close, list with codes, stats) needs this
    // token; with open_lobby anyone may create and fork, at a capped rate.
    std::string admin_token;
    bool open_lobby = false;
    ScenarioList scenarios;  // what CreateGame may name
    const JournalSigner* signer = nullptr;  // signs new journals; null: unsigned
};

// Owns every live game by id. A peer reaches a game through the lobby: with a
// team's, the observer or the control code, or a resume token; and leaves it
// through the lobby. Wrong codes and tokens are strikes against the address.
class Lobby {
public:
    Lobby(LobbyOptions options, GameServices services);
    ~Lobby();  // makes every journal durable
    Lobby(const Lobby&) = delete;
    Lobby& operator=(const Lobby&) = delete;

    // Adds a game resumed from its journal (see recovery.hpp).
    void adopt(std::unique_ptr<LiveGame> game);
    // Game ids continue after the highest one seen in the data directory.
    void reserve_id(std::uint32_t id);
    std::size_t size() const { return games_.size(); }
    // The game a peer is seated in, or null.
    LiveGame* game_of(const Peer& peer);
    // Set by the server at start: the admin token and the scenario list.
    LobbyOptions& options() { return options_; }
    // What a live game, or recovery, needs from the server.
    GameServices services() const { return services_; }

    void create_game(Peer& peer, const net::CreateGame& m);
    void fork_game(Peer& peer, net::ForkGame&& m);
    void list_games(Peer& peer, const net::ListGames& m);
    void send_stats(Peer& peer, const net::ServerStats& m);
    void close_game(Peer& peer, const net::CloseGame& m);
    void join_game(Peer& peer, const net::JoinGame& m);
    void resume_seat(Peer& peer, const net::ResumeSeat& m);
    // The White Cell's seating powers (from a control seat).
    void move_seat(Peer& peer, const net::MoveSeat& m);
    void let_observers_choose(Peer& peer, const net::LetObserversChoose& m);
    // A seated peer went away: its game tells the others and goes on.
    void disconnected(Peer& peer);

    // Fires the phase timers that are due, passes the leads of teams whose
    // lead is gone, and drops fork uploads that took too long.
    void tick_timers();
    // Milliseconds until the next phase timer is due, at most `limit`.
    int wait_ms(int limit) const;
    // The journals written since the last flush.
    std::vector<JournalWriter*> dirty_journals();
    // A journal could not be made durable: its game takes back this pass and goes read-only.
    void lost_flush(const JournalWriter* journal, const std::string& why);

private:
    std::unique_ptr<LiveGame> make_game(Peer& peer, const net::CreateGame& m, const std::vector<SourceFile>* fork_files,
                                        const net::ForkGame* fork);
    // Whether the peer may administer the lobby with `token`; answers and
    // counts a strike when it may not.
    bool admin(Peer& peer, const std::string& token, const char* what);
    // Whether the peer's address must wait before another code or token; answers when it must.
    bool backing_off(Peer& peer);
    // Counts a wrong code or token against the peer's address, and logs it.
    void wrong(Peer& peer, const std::string& what);
    void drop_fork(Peer& peer);

    LobbyOptions options_;
    GameServices services_;
    std::map<std::uint32_t, std::unique_ptr<LiveGame>> games_;
    std::uint32_t next_game_ = 1;
    Attempts attempts_;
    std::vector<LiveGame::Clock::time_point> created_;  // open lobby: recent creations, for the rate cap
    std::vector<Peer*> uploading_;                      // peers with a fork upload in progress
    std::uint64_t next_upload_ = 1;
};

}  // namespace gb
