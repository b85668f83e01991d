// The lobby: the games a server hosts, and the requests made outside a game
// (create, fork, list, stats, close, join and resume), with their codes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "journal.hpp"
#include "live_game.hpp"
#include "peer.hpp"
#include "protocol.hpp"

namespace gb {

struct LobbyOptions {
    std::string data_dir;  // one journal per game
    int max_games = 0;
};

// Owns every live game by id. A peer reaches a game through the lobby: with a
// join or control code, or a resume token; and leaves it through the lobby.
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
    // What a live game, or recovery, needs from the server.
    GameServices services() const { return services_; }

    void create_game(Peer& peer, const net::CreateGame& m);
    void fork_game(Peer& peer, net::ForkGame&& m);
    void list_games(Peer& peer);
    void send_stats(Peer& peer);
    void close_game(Peer& peer, const net::CloseGame& m);
    void join_game(Peer& peer, const net::JoinGame& m);
    void resume_seat(Peer& peer, const net::ResumeSeat& m);
    // A seated peer went away: its game tells the others and goes on.
    void disconnected(Peer& peer);

    // Fires the phase timers that are due.
    void tick_timers();
    // Milliseconds until the next phase timer is due, at most `limit`.
    int wait_ms(int limit) const;
    // The journals written since the last flush.
    std::vector<JournalWriter*> dirty_journals();
    // A journal could not be made durable: its game takes back this pass and goes read-only.
    void lost_flush(const JournalWriter* journal, const std::string& why);

private:
    std::unique_ptr<LiveGame> make_game(Peer& peer, const net::CreateGame& m, const net::ForkGame* fork);

    LobbyOptions options_;
    GameServices services_;
    std::map<std::uint32_t, std::unique_ptr<LiveGame>> games_;
    std::uint32_t next_game_ = 1;
};

}  // namespace gb
