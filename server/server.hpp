// gb-server: one process hosting many games over ENet. A single thread
// services the network; every accepted action is journaled and made durable
// before it is acknowledged; games never block each other.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "flush_pool.hpp"
#include "limits.hpp"
#include "lobby.hpp"
#include "log.hpp"
#include "transport.hpp"

namespace gb {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    std::uint16_t port = 7777;  // 0: any free port
    std::string data_dir;       // journals; created if missing
    int max_games = net::kDefaultMaxGames;
    int max_peers = net::kDefaultMaxPeers;
    int peers_per_address = net::kDefaultPeersPerAddress;
    // Flush a pass's journals with one syncfs when it wrote several (false:
    // one fdatasync per journal, side by side on the flush threads).
    bool group_commit = true;
    // Anyone may create and fork games (a classroom LAN); the log warns. By
    // default only who presents the admin token (admin.token in data_dir) may.
    bool open_lobby = false;
    int lead_timeout_seconds = net::kDefaultLeadTimeoutSeconds;
    // Sign every journal with the key in data_dir/journal.key (made on first start).
    bool sign_journals = true;
    std::ostream* log = nullptr;  // one line per event that matters; null: silent
};

// Where journals live by default: the user's data folder (user_data_dir():
// $XDG_DATA_HOME/grand-bargain, ~/.local/share/grand-bargain, %APPDATA%\grand-bargain).
std::string default_data_dir();

// Ties the parts together: the transport brings messages, the lobby and its
// live games answer them, and each pass ends with the journals made durable
// before anything is sent.
class Server {
public:
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Loads every journal in the data directory and binds the port. Throws
    // std::runtime_error when the port or directory cannot be used.
    void start();
    // Services the network until stop() is called (from any thread).
    void run();
    void stop() { stop_ = true; }
    std::uint16_t port() const { return transport_.port(); }
    // The server key's fingerprint (64 hex characters), once started.
    const std::string& fingerprint() const { return fingerprint_; }
    // Offers the scenario in a file on this machine to the server's clients,
    // by its id (for a server in the process of the one who hosts it); returns
    // the id, or empty when the file does not load. Call before run().
    std::string offer_scenario(const std::string& path);
    // The admin token (known after start()).
    const std::string& admin_token() const { return admin_token_; }

private:
    // A message from a peer past the handshake: to the lobby, or to its game.
    // Errors are logged and answered, never let out.
    void handle(Peer& peer, net::ClientMessage&& m);
    void dispatch(Peer& peer, net::ClientMessage&& m);
    // Makes every journal written since the last pass durable.
    void make_durable();

    ServerOptions options_;
    std::atomic<bool> stop_{false};
    std::string fingerprint_;
    Log log_;
    ActionRate rate_;
    std::unique_ptr<FlushPool> flusher_;
    Transport transport_;
    std::unique_ptr<JournalSigner> signer_;  // declared before the lobby, whose journals it signs
    Lobby lobby_;
    std::string admin_token_;
};

}  // namespace gb
