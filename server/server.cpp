// The server: lobby, seats, journaled actions, view-filtered updates,
// server-side bots, auto-control, phase timers and recovery from journals.
#include "server.hpp"

#include <enet/enet.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <random>
#include <sstream>
#include <stdexcept>

#include "fork.hpp"
#include "journal_replay.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"
#include "simulation.hpp"
#include "view.hpp"
#include "view_sync.hpp"

namespace gb {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace gb::net;

namespace {

void enet_once() {
    static bool ok = [] {
        if (enet_initialize() != 0) throw std::runtime_error("cannot initialise ENet");
        std::atexit(enet_deinitialize);
        return true;
    }();
    (void)ok;
}

std::string address_of(ENetPeer* p) {
    char ip[64] = "?";
    enet_address_get_host_ip(&p->address, ip, sizeof ip);
    return std::string(ip) + ":" + std::to_string(p->address.port);
}

std::uint64_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

std::string phase_line(const GameState& g) {
    return "turn " + std::to_string(g.turn) + " " + std::string(name_of(g.phase));
}

}  // namespace

std::string default_data_dir() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/grand-bargain";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/grand-bargain";
    return "grand-bargain-data";
}

struct Server::Peer {
    ENetPeer* peer = nullptr;
    std::string address;
    bool hello = false;
    std::uint32_t game = 0;  // 0: not seated
    std::uint32_t player = 0;
    Seat seat;
    std::uint32_t out_seq = 0;
    GameState last_view;
    int strikes = 0;
    std::unique_ptr<ForkGame> fork;  // a fork arriving in pieces
    bool bot = false;                // a bot seat: acts only when asked (YourMove)
};

struct Server::Game {
    std::uint32_t id = 0;
    JournalHeader header;
    std::shared_ptr<const Scenario> scenario;
    GameState state;
    JournalWriter journal;
    std::map<std::string, std::uint32_t> tokens;  // token -> player
    std::array<std::unique_ptr<Bot>, kTeams> bots;  // the server's own bots
    std::vector<Peer*> members;
    // The schedule of bot seats and the stand-in; a remote bot seat that was
    // asked for its move, and the move's number.
    Schedule schedule;
    Peer* asked = nullptr;
    std::uint32_t asked_move = 0, next_move = 1;
    std::string file;  // the journal
    // Phase timer on the server clock.
    std::optional<Clock::time_point> deadline;
    std::tuple<int, int, int, bool> timer_key{-1, -1, -1, false};
    Clock::duration paused_left{};
};

Server::Server(ServerOptions options) : options_(std::move(options)), flusher_(std::make_unique<FlushPool>(3)) {
    if (options_.data_dir.empty()) options_.data_dir = default_data_dir();
}

Server::~Server() {
    for (auto& [id, g] : games_) g->journal.sync();
    if (host_) enet_host_destroy(host_);
}

void Server::log(const std::string& line) {
    if (!options_.log) return;
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    (*options_.log) << std::put_time(&tm, "%Y-%m-%dT%H:%M:%SZ") << " " << line << "\n" << std::flush;
}

std::string Server::new_code(std::size_t length) {
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::random_device rd;
    std::string s;
    for (std::size_t i = 0; i < length; ++i) s.push_back(kAlphabet[rd() % (sizeof kAlphabet - 1)]);
    return s;
}

void Server::start() {
    enet_once();
    fs::create_directories(options_.data_dir);
    load_journals();
    ENetAddress addr;
    if (enet_address_set_host(&addr, options_.bind.c_str()) != 0)
        throw std::runtime_error("cannot resolve bind address '" + options_.bind + "'");
    addr.port = options_.port;
    host_ = enet_host_create(&addr, static_cast<std::size_t>(options_.max_peers), kChannels, 0, 0);
    if (!host_)
        throw std::runtime_error("cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
                                 " (in use, or not permitted)");
    host_->maximumPacketSize = kMaxPacket;
    host_->duplicatePeers = static_cast<std::size_t>(options_.peers_per_address);
    port_ = host_->address.port;
    log("listening on " + options_.bind + ":" + std::to_string(port_) + ", data in " + options_.data_dir + ", " +
        std::to_string(games_.size()) + " game(s) resumed");
}

void Server::load_journals() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(options_.data_dir))
        if (e.path().extension() == ".journal") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        JournalRead jr = read_journal(path.string());
        if (!jr.error.empty()) {
            log("game not loaded: " + jr.error);
            continue;
        }
        if (jr.torn) log(path.string() + ": dropped a torn last record (" + jr.torn_detail + ")");
        ReplayedGame rg = replay(jr);
        next_game_ = std::max(next_game_, jr.header.game + 1);
        if (!rg.error.empty()) {
            log("game not loaded: " + path.string() + ": " + rg.error);
            continue;
        }
        if (rg.closed) continue;
        auto g = std::make_unique<Game>();
        g->id = jr.header.game;
        g->header = std::move(jr.header);
        g->header.scenario_files = {};  // they are in the journal; the live game needs only the scenario
        g->scenario = rg.scenario;
        g->state = std::move(rg.state);
        g->tokens = std::move(rg.tokens);
        g->journal = JournalWriter::reopen(path.string(), jr.good_bytes, rg.next_seq);
        for (Team t : kAllTeams)
            if (g->state.bot[idx(t)]) g->bots[idx(t)] = std::make_unique<Bot>(BotKind::heuristic, t, g->header.seed);
        update_timer(*g);
        log("game " + std::to_string(g->id) + " resumed from " + path.filename().string() + ": " +
            std::to_string(rg.actions) + " actions, " + phase_line(g->state));
        games_[g->id] = std::move(g);
    }
}

void Server::run() {
    ENetEvent ev;
    while (!stop_) {
        int timeout = 20;
        for (auto& [id, g] : games_)
            if (g->deadline) {
                auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*g->deadline - Clock::now()).count();
                timeout = static_cast<int>(std::clamp<long long>(ms, 0, timeout));
            }
        int r = enet_host_service(host_, &ev, static_cast<enet_uint32>(timeout));
        pass_started_ = Clock::now();
        while (r > 0) {
            switch (ev.type) {
                case ENET_EVENT_TYPE_CONNECT: handle_connect(ev.peer); break;
                case ENET_EVENT_TYPE_RECEIVE:
                    handle_receive(ev.peer, reinterpret_cast<const char*>(ev.packet->data), ev.packet->dataLength,
                                   ev.channelID);
                    enet_packet_destroy(ev.packet);
                    break;
                case ENET_EVENT_TYPE_DISCONNECT: handle_disconnect(ev.peer); break;
                default: break;
            }
            r = enet_host_check_events(host_, &ev);
        }
        tick_timers();
        flush();
    }
    flush();
}

void Server::flush() {
    // Durability first: nothing is acknowledged or shown before it is on disk.
    std::vector<JournalWriter*> dirty;
    for (auto& [id, g] : games_)
        if (g->journal.dirty()) dirty.push_back(&g->journal);
    auto sync = [this](JournalWriter* j) {
        try {
            j->sync();
        } catch (const std::exception& e) {
            log(std::string("journal error: ") + e.what());
        }
    };
    // A pass that wrote several journals makes them all durable with one
    // syncfs (a group commit); a single journal gets its own fdatasync.
    if (dirty.size() > 1 && options_.group_commit) {
        try {
            dirty.front()->sync_filesystem();
            for (JournalWriter* j : dirty) j->mark_synced();
        } catch (const std::exception& e) {
            log(std::string("journal error: ") + e.what());
        }
    } else {
        std::vector<std::function<void()>> jobs;
        for (JournalWriter* j : dirty) jobs.emplace_back([&sync, j] { sync(j); });
        flusher_->run_all(jobs);
    }
    for (auto& o : outbox_) {
        if (peers_.count(o.peer) == 0) continue;
        ENetPacket* pkt =
            enet_packet_create(o.bytes.data(), o.bytes.size(), o.reliable ? ENET_PACKET_FLAG_RELIABLE : 0);
        if (enet_peer_send(o.peer, o.channel, pkt) != 0) enet_packet_destroy(pkt);
        if (o.received != Clock::time_point{}) {
            double ms = std::chrono::duration<double, std::milli>(Clock::now() - o.received).count();
            if (ack_ms_.size() < 10000)
                ack_ms_.push_back(ms);
            else
                ack_ms_[ack_next_++ % ack_ms_.size()] = ms;
        }
    }
    outbox_.clear();
    enet_host_flush(host_);
}

void Server::send(Peer& peer, const ServerMessage& m, std::uint8_t channel, bool reliable) {
    for (auto& bytes : packets_for(m)) outbox_.push_back({peer.peer, channel, reliable, std::move(bytes)});
}

void Server::error(Peer& peer, ErrorCode code, const std::string& message, std::uint32_t request) {
    send(peer, Error{code, request, message});
}

void Server::strike(Peer& peer, const std::string& why) {
    ++peer.strikes;
    log("error from " + peer.address + ": " + why);
    if (peer.strikes >= static_cast<int>(kMaxStrikes)) {
        log("disconnecting " + peer.address + " after " + std::to_string(peer.strikes) + " errors");
        flush();
        enet_peer_disconnect_later(peer.peer, 0);
    }
}

void Server::handle_connect(ENetPeer* p) {
    auto peer = std::make_unique<Peer>();
    peer->peer = p;
    peer->address = address_of(p);
    enet_peer_timeout(p, 32, 5000, 15000);
    peers_[p] = std::move(peer);
}

void Server::handle_disconnect(ENetPeer* p) {
    auto it = peers_.find(p);
    if (it == peers_.end()) return;
    Peer& peer = *it->second;
    if (peer.game) {
        auto g = games_.find(peer.game);
        if (g != games_.end()) {
            auto& m = g->second->members;
            m.erase(std::remove(m.begin(), m.end(), &peer), m.end());
            forget_asked(*g->second, peer);
            const Player* pl = g->second->state.find_player(peer.player);
            log("game " + std::to_string(peer.game) + ": " + (pl ? pl->name : std::string("player")) +
                " disconnected (" + peer.address + ")");
            send_presence(*g->second);
            drive(*g->second);  // the White Cell may have gone: auto-control takes over
        }
    }
    peers_.erase(it);
}

void Server::handle_receive(ENetPeer* p, const char* data, std::size_t size, std::uint8_t channel) {
    auto it = peers_.find(p);
    if (it == peers_.end()) return;
    Peer& peer = *it->second;
    (void)channel;
    ClientMessage m;
    try {
        m = decode_client(data, size);
    } catch (const DecodeError& e) {
        error(peer, ErrorCode::malformed, std::string("cannot decode message: ") + e.what());
        strike(peer, std::string("undecodable message (") + std::to_string(size) + " bytes): " + e.what());
        return;
    }
    try {
        handle(peer, std::move(m));
    } catch (const std::exception& e) {
        error(peer, ErrorCode::refused, std::string("server error: ") + e.what());
        log("error handling a message from " + peer.address + ": " + e.what());
    }
}

void Server::handle(Peer& peer, ClientMessage&& m) {
    if (auto* h = std::get_if<Hello>(&m)) {
        if (h->version != kProtocolVersion) {
            error(peer, ErrorCode::version_mismatch,
                  "this server speaks protocol version " + std::to_string(kProtocolVersion) + ", the client " +
                      std::to_string(h->version) + ": update the client or the server");
            log("refused " + peer.address + ": protocol version " + std::to_string(h->version));
            flush();
            enet_peer_disconnect_later(peer.peer, 0);
            return;
        }
        peer.hello = true;
        send(peer, Welcome{kProtocolVersion, "gb-server"});
        return;
    }
    if (!peer.hello) {
        error(peer, ErrorCode::not_seated, "say hello first: only the handshake is accepted before it");
        strike(peer, std::string(message_name(m)) + " before the handshake");
        return;
    }
    std::visit(
        [&](auto&& msg) {
            using T = std::decay_t<decltype(msg)>;
            if constexpr (std::is_same_v<T, Hello>) {
            } else if constexpr (std::is_same_v<T, CreateGame>) {
                create_game(peer, msg);
            } else if constexpr (std::is_same_v<T, ListGames>) {
                list_games(peer);
            } else if constexpr (std::is_same_v<T, ServerStats>) {
                send_stats(peer);
            } else if constexpr (std::is_same_v<T, CloseGame>) {
                close_game(peer, msg);
            } else if constexpr (std::is_same_v<T, JoinGame>) {
                join_game(peer, msg);
            } else if constexpr (std::is_same_v<T, ResumeSeat>) {
                resume_seat(peer, msg);
            } else if constexpr (std::is_same_v<T, ForkGame>) {
                fork_game(peer, std::move(msg));
            } else {
                if (!peer.game || !games_.count(peer.game)) {
                    error(peer, ErrorCode::not_seated, "join a game first: this needs a seat");
                    strike(peer, std::string(message_name(m)) + " without a seat");
                    return;
                }
                if constexpr (std::is_same_v<T, Act>) act(peer, msg);
                if constexpr (std::is_same_v<T, Pass>) pass(peer, msg);
                if constexpr (std::is_same_v<T, ResyncRequest>) send_full_view(peer, *games_[peer.game]);
                if constexpr (std::is_same_v<T, Pointer>) pointer(peer, msg);
            }
        },
        m);
}

void Server::create_game(Peer& peer, const CreateGame& m) {
    auto g = make_game(peer, m, nullptr);
    if (!g) return;
    log("game " + std::to_string(g->id) + " created: " + g->header.scenario_id + " \"" + g->header.name + "\" seed " +
        std::to_string(g->header.seed) + " by " + peer.address);
    send(peer, GameCreated{g->id, g->header.join_code, g->header.control_code});
    games_[g->id] = std::move(g);
}

std::unique_ptr<Server::Game> Server::make_game(Peer& peer, const CreateGame& m, const ForkGame* fork) {
    if (static_cast<int>(games_.size()) >= options_.max_games) {
        error(peer, ErrorCode::lobby, "the server is full (" + std::to_string(options_.max_games) + " games)");
        return nullptr;
    }
    if (m.scenario.empty() || m.scenario.size() > 256 || m.name.size() > 80) {
        error(peer, ErrorCode::lobby, "scenario or name missing or too long");
        return nullptr;
    }
    // A fork is played with its saved game's files; a new game with the files here.
    std::string path = resolve_scenario_path(m.scenario);
    auto loaded = fork && !fork->scenario_files.empty()
                      ? load_scenario_from(fork->scenario_files, fork->scenario_files.front().path)
                      : load_scenario(path);
    if (!loaded.scenario) {
        error(peer, ErrorCode::lobby,
              "cannot load scenario '" + m.scenario + "'" +
                  (loaded.problems.empty() ? std::string() : ": " + loaded.problems.front().str()));
        return nullptr;
    }
    auto g = std::make_unique<Game>();
    g->id = next_game_++;
    g->scenario = loaded.scenario;
    std::uint64_t seed =
        m.seed ? *m.seed : (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
    JournalHeader& h = g->header;
    h.game = g->id;
    h.name = m.name.empty() ? loaded.scenario->title : m.name;
    h.scenario_id = loaded.scenario->id;
    h.scenario_path = fs::absolute(path).string();
    h.content_hash = loaded.scenario->content_hash;
    h.scenario_files = std::move(loaded.sources);
    h.seed = seed;
    h.join_code = new_code(6);
    h.control_code = new_code(10);
    h.created_unix = static_cast<std::int64_t>(std::time(nullptr));
    if (fork) {
        h.forked_from = fork->parent;
        h.fork_point = fork->parent_point;
        h.fork_hash = fork->parent_hash;
    }
    g->file = options_.data_dir + "/game-" + std::to_string(g->id) + ".journal";
    try {
        g->journal = JournalWriter::create(g->file, h);
    } catch (const std::exception& e) {
        error(peer, ErrorCode::lobby, e.what());
        return nullptr;
    }
    h.scenario_files = {};  // in the journal now
    g->state = new_game(g->scenario, seed);
    update_timer(*g);
    return g;
}

void Server::fork_game(Peer& peer, ForkGame&& m) {
    constexpr std::size_t kMaxForkActions = 200000;
    constexpr std::size_t kMaxForkRules = 16u << 20;  // bytes of scenario files
    if (!peer.fork) {
        peer.fork = std::make_unique<ForkGame>(std::move(m));
    } else {
        if (peer.fork->actions.size() + m.actions.size() > kMaxForkActions) {
            peer.fork.reset();
            error(peer, ErrorCode::lobby,
                  "a fork may start from at most " + std::to_string(kMaxForkActions) + " actions");
            return;
        }
        peer.fork->actions.insert(peer.fork->actions.end(), std::make_move_iterator(m.actions.begin()),
                                  std::make_move_iterator(m.actions.end()));
        peer.fork->scenario_files.insert(peer.fork->scenario_files.end(),
                                         std::make_move_iterator(m.scenario_files.begin()),
                                         std::make_move_iterator(m.scenario_files.end()));
        peer.fork->last = m.last;
    }
    std::size_t rules = 0;
    for (const SourceFile& chunk : peer.fork->scenario_files) rules += chunk.text.size();
    if (rules > kMaxForkRules) {
        peer.fork.reset();
        error(peer, ErrorCode::lobby, "a fork's scenario files may hold at most 16 MiB");
        return;
    }
    if (!peer.fork->last) return;
    ForkGame f = std::move(*peer.fork);
    peer.fork.reset();
    f.scenario_files = join_files(std::move(f.scenario_files));
    if (f.actions.size() != f.parent_point) {
        error(peer, ErrorCode::lobby,
              "the fork brought " + std::to_string(f.actions.size()) + " actions for point " +
                  std::to_string(f.parent_point));
        return;
    }
    CreateGame c{f.scenario, f.seed, f.name};
    auto g = make_game(peer, c, &f);
    if (!g) return;
    auto abandon = [&](const std::string& why) {
        g->journal = JournalWriter();
        std::error_code ec;
        fs::remove(g->file, ec);
        error(peer, ErrorCode::lobby, "fork refused: " + why);
    };
    // The saved game's actions, checked by the rules again and journaled, so
    // that the new journal replays through the fork point.
    for (std::size_t i = 0; i < f.actions.size(); ++i) {
        const JournalEntry& e = f.actions[i];
        Acted done = gb::act(g->state, e.seat, e.action, true);
        if (!done.ok())
            return abandon("action " + std::to_string(i + 1) + " (" + action_name(e.action) +
                           "): " + done.verdict.message);
        g->journal.append(ActionRecord{e, done.hash});
    }
    if (state_hash(g->state) != f.parent_hash)
        return abandon("the actions do not reproduce the saved game's state at point " +
                       std::to_string(f.parent_point));
    // A fresh cast: the saved game's players leave and whoever joins the fork
    // takes the seats. Bots stay in the seats they held.
    std::vector<std::uint32_t> players;
    for (const Player& p : g->state.players) players.push_back(p.id);
    for (auto id : players) record(*g, Seat::system(), Leave{id});
    if (g->state.paused) record(*g, Seat::system(), Resume{});
    for (Team t : kAllTeams)
        if (g->state.bot[idx(t)]) g->bots[idx(t)] = std::make_unique<Bot>(BotKind::heuristic, t, g->header.seed);
    update_timer(*g);
    log("game " + std::to_string(g->id) + " forked from " + f.parent + " at action " + std::to_string(f.parent_point) +
        " (" + phase_line(g->state) + ") by " + peer.address);
    send(peer, GameCreated{g->id, g->header.join_code, g->header.control_code});
    games_[g->id] = std::move(g);
}

void Server::list_games(Peer& peer) {
    GameList list;
    for (auto& [id, g] : games_) {
        GameEntry e;
        e.game = id;
        e.name = g->header.name;
        e.scenario = g->header.scenario_id;
        e.turn = static_cast<std::int16_t>(g->state.turn);
        e.phase = g->state.phase;
        for (const Player& p : g->state.players) {
            if (p.role == SeatRole::team) ++e.players[idx(p.team)];
            if (p.role == SeatRole::observer) ++e.observers;
        }
        e.bots = g->state.bot;
        e.control = control_present(*g);
        e.join_code = g->header.join_code;
        list.games.push_back(std::move(e));
    }
    send(peer, list);
}

void Server::send_stats(Peer& peer) {
    Stats s;
    s.games = static_cast<std::uint32_t>(games_.size());
    s.peers = static_cast<std::uint32_t>(peers_.size());
    s.actions_total = actions_total_;
    auto now = Clock::now();
    action_samples_.erase(std::remove_if(action_samples_.begin(), action_samples_.end(),
                                         [&](auto& x) { return now - x.first > std::chrono::seconds(10); }),
                          action_samples_.end());
    if (!action_samples_.empty()) {
        double secs = std::chrono::duration<double>(now - action_samples_.front().first).count();
        std::uint64_t n = actions_total_ - action_samples_.front().second;
        s.actions_per_second = secs > 0.5 ? n / secs : 0.0;
    }
    s.resident_bytes = resident_bytes();
    if (!ack_ms_.empty()) {
        std::vector<double> v = ack_ms_;
        std::sort(v.begin(), v.end());
        s.ack_p50_ms = v[v.size() / 2];
        s.ack_p99_ms = v[std::min(v.size() - 1, v.size() * 99 / 100)];
    }
    send(peer, s);
}

void Server::close_game(Peer& peer, const CloseGame& m) {
    for (auto it = games_.begin(); it != games_.end(); ++it) {
        Game& g = *it->second;
        if (g.header.control_code != m.control_code) continue;
        g.journal.append(CloseRecord{"closed from the lobby by " + peer.address});
        g.journal.sync();
        for (Peer* p : g.members) {
            send(*p, Closed{g.id});
            p->game = 0;
        }
        log("game " + std::to_string(g.id) + " closed by " + peer.address);
        send(peer, Closed{g.id});
        games_.erase(it);
        return;
    }
    error(peer, ErrorCode::bad_code, "no game has that control code");
}

Seat Server::seat_of(const Game& g, std::uint32_t player) const {
    const Player* p = g.state.find_player(player);
    if (!p) return Seat::observer(player);
    switch (p->role) {
        case SeatRole::team: return Seat::of_team(p->team, player);
        case SeatRole::control: return Seat::control(player);
        default: return Seat::observer(player);
    }
}

void Server::join_game(Peer& peer, const JoinGame& m) {
    if (peer.game) {
        error(peer, ErrorCode::lobby, "this connection already holds a seat");
        return;
    }
    Game* g = nullptr;
    for (auto& [id, game] : games_) {
        bool control = m.role == SeatRole::control;
        if ((control ? game->header.control_code : game->header.join_code) == m.code) g = game.get();
    }
    if (!g) {
        bool control_code_used = false;
        for (auto& [id, game] : games_) control_code_used |= game->header.control_code == m.code;
        error(peer, ErrorCode::bad_code,
              m.role == SeatRole::control ? "no game has that control code"
              : control_code_used         ? "that is a control code: join as the White Cell"
                                          : "no game has that join code");
        return;
    }
    std::uint32_t player = 1;
    for (const Player& p : g->state.players) player = std::max(player, p.id + 1);
    // Ids of players who have left stay taken while their messages remain (a forked game).
    for (const Message& msg : g->state.messages) player = std::max(player, msg.player + 1);
    std::string name = m.name.empty() ? std::string(name_of(m.role)) + " " + std::to_string(player) : m.name;
    Join join{player, name, m.role, m.team};
    peer.bot = m.bot && m.role == SeatRole::team;
    if (Verdict v = record(*g, Seat::system(), join); !v.ok()) {
        peer.bot = false;
        error(peer, ErrorCode::lobby, "cannot join: " + v.message);
        return;
    }
    std::ostringstream tok;
    std::random_device rd;
    for (int i = 0; i < 4; ++i) tok << std::hex << std::setw(8) << std::setfill('0') << rd();
    g->tokens[tok.str()] = player;
    g->journal.append(TokenRecord{player, tok.str()});
    seat_peer(peer, *g, player, tok.str());
    log("game " + std::to_string(g->id) + ": " + name + " joined as " +
        (m.role == SeatRole::team ? std::string(name_of(m.team)) : std::string(name_of(m.role))) + " from " +
        peer.address);
    drive(*g);
}

void Server::resume_seat(Peer& peer, const ResumeSeat& m) {
    if (peer.game) {
        error(peer, ErrorCode::lobby, "this connection already holds a seat");
        return;
    }
    for (auto& [id, g] : games_) {
        auto t = g->tokens.find(m.token);
        if (t == g->tokens.end()) continue;
        if (!g->state.find_player(t->second)) {
            error(peer, ErrorCode::bad_token, "that seat was removed by the White Cell");
            return;
        }
        // A stale connection holding the same seat gives way.
        for (Peer* other : std::vector<Peer*>(g->members))
            if (other->player == t->second) {
                error(*other, ErrorCode::bad_token, "your seat was resumed from another connection");
                auto& mem = g->members;
                mem.erase(std::remove(mem.begin(), mem.end(), other), mem.end());
                forget_asked(*g, *other);
                other->game = 0;
                enet_peer_disconnect_later(other->peer, 0);
            }
        peer.bot = m.bot && g->state.find_player(t->second)->role == SeatRole::team;
        seat_peer(peer, *g, t->second, m.token);
        log("game " + std::to_string(id) + ": " + g->state.find_player(t->second)->name + " resumed from " +
            peer.address);
        drive(*g);
        return;
    }
    error(peer, ErrorCode::bad_token, "unknown resume token");
}

void Server::seat_peer(Peer& peer, Game& g, std::uint32_t player, const std::string& token) {
    peer.game = g.id;
    peer.player = player;
    peer.seat = seat_of(g, player);
    g.members.push_back(&peer);
    Seated s;
    s.game = g.id;
    s.seat = peer.seat;
    s.token = token;
    s.scenario = g.header.scenario_id;
    s.scenario_hash = g.header.content_hash;
    s.seq = peer.out_seq;
    s.view = view(g.state, peer.seat);
    peer.last_view = s.view;
    send(peer, s);
    send_presence(g);
}

void Server::send_presence(Game& g) {
    Presence p;
    for (const Peer* m : g.members)
        if (m->player && std::find(p.online.begin(), p.online.end(), m->player) == p.online.end())
            p.online.push_back(m->player);
    std::sort(p.online.begin(), p.online.end());
    for (Peer* m : g.members) send(*m, p);
}

void Server::send_full_view(Peer& peer, Game& g) {
    Seated s;
    s.game = g.id;
    s.seat = peer.seat;
    s.scenario = g.header.scenario_id;
    s.scenario_hash = g.header.content_hash;
    s.seq = peer.out_seq;
    s.view = view(g.state, peer.seat);
    for (auto& [tok, pl] : g.tokens)
        if (pl == peer.player) s.token = tok;
    peer.last_view = s.view;
    send(peer, s);
}

void Server::act(Peer& peer, const Act& m) {
    Game& g = *games_[peer.game];
    peer.seat = seat_of(g, peer.player);  // leads and roles change
    if (peer.bot) {
        // A bot seat moves when the schedule asks it, so a bot game does not
        // depend on the order in which packets arrive.
        if (g.asked != &peer) {
            error(peer, ErrorCode::refused,
                  std::string(action_name(m.action)) + ": a bot seat acts when the server asks it (your move)",
                  m.request);
            return;
        }
        g.asked = nullptr;
    }
    Verdict v = record(g, peer.seat, m.action);
    if (peer.bot) g.schedule.answered(v.ok());
    if (!v.ok()) {
        error(peer, ErrorCode::refused, std::string(action_name(m.action)) + ": " + v.message, m.request);
        if (peer.bot) drive(g);
        return;
    }
    send(peer, Ack{m.request, g.journal.next_seq() - 1});
    outbox_.back().received = pass_started_;
    drive(g);
}

void Server::pass(Peer& peer, const Pass& m) {
    Game& g = *games_[peer.game];
    if (!peer.bot || g.asked != &peer || m.move != g.asked_move) return;  // a stale answer: nothing to do
    g.asked = nullptr;
    g.schedule.answered(false);
    drive(g);
}

void Server::forget_asked(Game& g, const Peer& peer) {
    if (g.asked != &peer) return;
    g.asked = nullptr;
    g.schedule.answered(false);  // a bot that went away passes
}

void Server::pointer(Peer& peer, const Pointer& m) {
    Game& g = *games_[peer.game];
    if (peer.seat.role != SeatRole::team) return;
    const Player* me = g.state.find_player(peer.player);
    PointerEcho e{peer.player, me ? me->name : std::string(), m.x, m.y};
    for (Peer* p : g.members)
        if (p != &peer && p->seat.role == SeatRole::team && p->seat.team == peer.seat.team)
            send(*p, e, kChannelPresence, false);
}

Verdict Server::record(Game& g, const Seat& seat, const Action& a) {
    int turn = g.state.turn;
    Phase phase = g.state.phase;
    Acted done = gb::act(g.state, seat, a, true);
    if (!done.ok()) return done.verdict;
    std::vector<Event>& events = done.events;
    g.journal.append(ActionRecord{JournalEntry{seat, a}, done.hash});
    ++actions_total_;
    if (action_samples_.empty() || Clock::now() - action_samples_.back().first > std::chrono::seconds(1))
        action_samples_.emplace_back(Clock::now(), actions_total_);
    for (Peer* p : g.members) {
        p->seat = seat_of(g, p->player);
        GameState now = view(g.state, p->seat);
        Update u = make_update(p->last_view, now);
        for (const Event& e : events)
            if (visible(g.state, e, p->seat)) u.events.push_back(e);
        p->last_view = std::move(now);
        if (empty_update(u)) continue;
        u.seq = ++p->out_seq;
        send(*p, u);  // one ordered stream per seat, so sequence numbers never cross channels
    }
    if (std::holds_alternative<SetBot>(a)) {
        const auto& sb = std::get<SetBot>(a);
        if (sb.on && !g.bots[idx(sb.team)])
            g.bots[idx(sb.team)] = std::make_unique<Bot>(BotKind::heuristic, sb.team, g.header.seed);
        if (!sb.on) g.bots[idx(sb.team)].reset();
    }
    if (g.state.turn != turn || g.state.phase != phase) {
        log("game " + std::to_string(g.id) + ": " + phase_line(g.state) + (g.state.ended() ? " (game over)" : ""));
    }
    update_timer(g);
    return done.verdict;
}

bool Server::control_present(const Game& g) const {
    return std::any_of(g.members.begin(), g.members.end(),
                       [](const Peer* p) { return p->seat.role == SeatRole::control; });
}

Cast Server::cast_of(const Game& g) const {
    Cast c;
    c.control = control_present(g);
    for (Team t : kAllTeams) c.bot[idx(t)] = g.state.bot[idx(t)] && g.bots[idx(t)];
    for (const Peer* p : g.members) {
        if (p->seat.role != SeatRole::team) continue;
        if (!p->bot)
            c.present[idx(p->seat.team)] = true;
        else if (g.state.is_lead(p->seat))
            c.bot[idx(p->seat.team)] = true;
    }
    return c;
}

void Server::drive(Game& g) {
    // Follows the schedule until it waits for people, for a remote bot's
    // answer, or for a timer. The server's own bots answer at once.
    for (int guard = 0; guard < 200000 && !g.state.ended() && !g.asked; ++guard) {
        Cast cast = cast_of(g);
        Schedule::Move m = g.schedule.next(g.state, cast);
        if (m.kind == Schedule::Move::Kind::wait) return;
        if (m.kind == Schedule::Move::Kind::stand_in) {
            if (!record(g, Seat::system(), m.action).ok()) return;
            continue;
        }
        Team t = m.team;
        if (g.state.bot[idx(t)] && g.bots[idx(t)]) {
            Seat seat = Seat::of_team(t);
            auto a = g.bots[idx(t)]->next(g.state);  // decides as from its view (see next_move)
            g.schedule.answered(a && record(g, seat, *a).ok());
            continue;
        }
        for (Peer* p : g.members)
            if (p->bot && p->seat.role == SeatRole::team && p->seat.team == t && g.state.is_lead(p->seat)) {
                g.asked = p;
                g.asked_move = g.next_move++;
                send(*p, YourMove{g.asked_move});
                return;
            }
        g.schedule.answered(false);  // not reached: the cast counts only connected bot seats
    }
}

void Server::update_timer(Game& g) {
    const GameState& s = g.state;
    std::tuple<int, int, int, bool> key{s.turn, static_cast<int>(s.phase), s.timer_seconds, s.paused};
    if (key == g.timer_key) return;
    bool was_paused = std::get<3>(g.timer_key);
    g.timer_key = key;
    bool timed = (s.phase == Phase::negotiation || s.phase == Phase::orders) && s.timer_seconds > 0 && !s.ended();
    if (s.paused) {
        if (g.deadline) g.paused_left = *g.deadline - Clock::now();
        g.deadline.reset();
        return;
    }
    if (!timed) {
        g.deadline.reset();
        return;
    }
    if (was_paused && g.paused_left > Clock::duration::zero())
        g.deadline = Clock::now() + g.paused_left;
    else
        g.deadline = Clock::now() + std::chrono::seconds(s.timer_seconds);
    g.paused_left = {};
}

void Server::tick_timers() {
    auto now = Clock::now();
    for (auto& [id, g] : games_) {
        if (!g->deadline || *g->deadline > now) continue;
        g->deadline.reset();
        std::string where = phase_line(g->state);
        if (!record(*g, Seat::system(), TimerExpired{}).ok()) continue;
        log("game " + std::to_string(id) + ": timer expired in " + where);
        drive(*g);
    }
}

}  // namespace gb
