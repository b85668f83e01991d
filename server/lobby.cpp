// The lobby's requests: creating and forking games, listing them, stats,
// closing, and seating peers by code or resume token.
#include "lobby.hpp"

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <random>
#include <sstream>

#include "fork.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"
#include "simulation.hpp"

namespace gb {

namespace fs = std::filesystem;
using namespace gb::net;

namespace {

std::uint64_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

// A code from an alphabet without look-alike characters (no I, O, 0, 1).
std::string new_code(std::size_t length) {
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::random_device rd;
    std::string s;
    for (std::size_t i = 0; i < length; ++i) s.push_back(kAlphabet[rd() % (sizeof kAlphabet - 1)]);
    return s;
}

// A resume token: 128 random bits, in hex.
std::string new_token() {
    std::ostringstream tok;
    std::random_device rd;
    for (int i = 0; i < 4; ++i) tok << std::hex << std::setw(8) << std::setfill('0') << rd();
    return tok.str();
}

}  // namespace

Lobby::Lobby(LobbyOptions options, GameServices services) : options_(std::move(options)), services_(services) {}

Lobby::~Lobby() {
    for (auto& [id, g] : games_) {
        try {
            g->journal().sync();
        } catch (const std::exception& e) {
            services_.log(std::string("journal error at exit: ") + e.what());
        }
    }
}

void Lobby::adopt(std::unique_ptr<LiveGame> game) {
    auto id = game->id();
    games_[id] = std::move(game);
}

void Lobby::reserve_id(std::uint32_t id) {
    next_game_ = std::max(next_game_, id + 1);
}

LiveGame* Lobby::game_of(const Peer& peer) {
    if (!peer.game) return nullptr;
    auto it = games_.find(peer.game);
    return it == games_.end() ? nullptr : it->second.get();
}

void Lobby::create_game(Peer& peer, const CreateGame& m) {
    auto g = make_game(peer, m, nullptr);
    if (!g) return;
    const JournalHeader& h = g->header();
    services_.log("game " + std::to_string(g->id()) + " created: " + h.scenario_id + " \"" + h.name + "\" seed " +
                  std::to_string(h.seed) + " by " + peer.address);
    services_.transport.send(peer, GameCreated{g->id(), h.join_code, h.control_code});
    adopt(std::move(g));
}

std::unique_ptr<LiveGame> Lobby::make_game(Peer& peer, const CreateGame& m, const ForkGame* fork) {
    Transport& net = services_.transport;
    if (static_cast<int>(games_.size()) >= options_.max_games) {
        net.error(peer, ErrorCode::lobby, "the server is full (" + std::to_string(options_.max_games) + " games)");
        return nullptr;
    }
    if (m.scenario.empty() || over_limit(m)) {
        net.error(peer, ErrorCode::lobby, "scenario or name missing or too long");
        return nullptr;
    }
    // A fork is played with its saved game's files; a new game with the files here.
    std::string path = resolve_scenario_path(m.scenario);
    auto loaded = fork && !fork->scenario_files.empty()
                      ? load_scenario_from(fork->scenario_files, fork->scenario_files.front().path)
                      : load_scenario(path);
    if (!loaded.scenario) {
        net.error(peer, ErrorCode::lobby,
                  "cannot load scenario '" + m.scenario + "'" +
                      (loaded.problems.empty() ? std::string() : ": " + loaded.problems.front().str()));
        return nullptr;
    }
    std::uint32_t id = next_game_++;
    std::uint64_t seed =
        m.seed ? *m.seed : (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
    JournalHeader h;
    h.game = id;
    h.name = m.name.empty() ? loaded.scenario->title : m.name;
    h.scenario_id = loaded.scenario->id;
    h.scenario_path = fs::absolute(path).string();
    h.content_hash = loaded.scenario->content_hash;
    h.scenario_files = std::move(loaded.sources);
    h.seed = seed;
    h.join_code = new_code(kJoinCodeLength);
    h.control_code = new_code(kControlCodeLength);
    h.created_unix = static_cast<std::int64_t>(std::time(nullptr));
    if (fork) {
        h.forked_from = fork->parent;
        h.fork_point = fork->parent_point;
        h.fork_hash = fork->parent_hash;
    }
    std::string file = options_.data_dir + "/game-" + std::to_string(id) + ".journal";
    JournalWriter journal;
    try {
        journal = JournalWriter::create(file, h);
    } catch (const std::exception& e) {
        net.error(peer, ErrorCode::lobby, e.what());
        return nullptr;
    }
    GameState state = new_game(loaded.scenario, seed);
    return std::make_unique<LiveGame>(services_, std::move(h), loaded.scenario, std::move(state), std::move(journal));
}

void Lobby::fork_game(Peer& peer, ForkGame&& m) {
    Transport& net = services_.transport;
    if (!peer.fork) {
        peer.fork = std::make_unique<ForkGame>(std::move(m));
    } else {
        if (peer.fork->actions.size() + m.actions.size() > kMaxForkActions) {
            peer.fork.reset();
            net.error(peer, ErrorCode::lobby,
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
    if (rules > kMaxForkRulesBytes) {
        peer.fork.reset();
        net.error(peer, ErrorCode::lobby, "a fork's scenario files may hold at most 16 MiB");
        return;
    }
    if (!peer.fork->last) return;
    ForkGame f = std::move(*peer.fork);
    peer.fork.reset();
    f.scenario_files = join_files(std::move(f.scenario_files));
    if (f.actions.size() != f.parent_point) {
        net.error(peer, ErrorCode::lobby,
                  "the fork brought " + std::to_string(f.actions.size()) + " actions for point " +
                      std::to_string(f.parent_point));
        return;
    }
    CreateGame c{f.scenario, f.seed, f.name};
    auto g = make_game(peer, c, &f);
    if (!g) return;
    auto abandon = [&](const std::string& why) {
        g->discard();
        net.error(peer, ErrorCode::lobby, "fork refused: " + why);
    };
    // The saved game's actions, checked by the rules again and journaled, so
    // that the new journal replays through the fork point.
    if (std::string why = g->replay(f.actions); !why.empty()) return abandon(why);
    if (state_hash(g->state()) != f.parent_hash)
        return abandon("the actions do not reproduce the saved game's state at point " +
                       std::to_string(f.parent_point));
    // A fresh cast: the saved game's players leave and whoever joins the fork
    // takes the seats. Bots stay in the seats they held.
    g->fresh_cast();
    services_.log("game " + std::to_string(g->id()) + " forked from " + f.parent + " at action " +
                  std::to_string(f.parent_point) + " (" + phase_line(g->state()) + ") by " + peer.address);
    net.send(peer, GameCreated{g->id(), g->header().join_code, g->header().control_code});
    adopt(std::move(g));
}

void Lobby::list_games(Peer& peer) {
    GameList list;
    for (auto& [id, g] : games_) {
        const GameState& s = g->state();
        GameEntry e;
        e.game = id;
        e.name = g->header().name;
        e.scenario = g->header().scenario_id;
        e.turn = static_cast<std::int16_t>(s.turn);
        e.phase = s.phase;
        for (const Player& p : s.players) {
            if (p.role == SeatRole::team) ++e.players[idx(p.team)];
            if (p.role == SeatRole::observer) ++e.observers;
        }
        e.bots = s.bot;
        e.control = g->control_present();
        e.join_code = g->header().join_code;
        list.games.push_back(std::move(e));
    }
    services_.transport.send(peer, list);
}

void Lobby::send_stats(Peer& peer) {
    Stats s;
    s.games = static_cast<std::uint32_t>(games_.size());
    s.peers = static_cast<std::uint32_t>(services_.transport.peer_count());
    s.actions_total = services_.rate.total();
    s.actions_per_second = services_.rate.per_second();
    s.resident_bytes = resident_bytes();
    if (const auto& ack = services_.transport.ack_times(); !ack.empty()) {
        std::vector<double> v = ack;
        std::sort(v.begin(), v.end());
        s.ack_p50_ms = v[v.size() / 2];
        s.ack_p99_ms = v[std::min(v.size() - 1, v.size() * 99 / 100)];
    }
    services_.transport.send(peer, s);
}

void Lobby::close_game(Peer& peer, const CloseGame& m) {
    for (auto it = games_.begin(); it != games_.end(); ++it) {
        LiveGame& g = *it->second;
        if (g.header().control_code != m.control_code) continue;
        try {
            g.journal().append(CloseRecord{"closed from the lobby by " + peer.address});
            g.journal().sync();
        } catch (const std::exception& e) {
            // Not closed on disk, so not closed: a restart would bring it back.
            // Whatever this pass wrote before it is taken back with it.
            services_.log("game " + std::to_string(g.id()) + " not closed: " + e.what());
            g.lost_flush(e.what());
            services_.transport.error(peer, ErrorCode::save_status,
                                      "the server cannot save right now: the game stays open; try again later");
            return;
        }
        g.close_for_members();
        services_.log("game " + std::to_string(g.id()) + " closed by " + peer.address);
        services_.transport.send(peer, Closed{g.id()});
        games_.erase(it);
        return;
    }
    services_.transport.error(peer, ErrorCode::bad_code, "no game has that control code");
}

void Lobby::join_game(Peer& peer, const JoinGame& m) {
    Transport& net = services_.transport;
    if (peer.game) {
        net.error(peer, ErrorCode::lobby, "this connection already holds a seat");
        return;
    }
    LiveGame* g = nullptr;
    for (auto& [id, game] : games_) {
        bool control = m.role == SeatRole::control;
        if ((control ? game->header().control_code : game->header().join_code) == m.code) g = game.get();
    }
    if (!g) {
        bool control_code_used = false;
        for (auto& [id, game] : games_) control_code_used |= game->header().control_code == m.code;
        net.error(peer, ErrorCode::bad_code,
                  m.role == SeatRole::control ? "no game has that control code"
                  : control_code_used         ? "that is a control code: join as the White Cell"
                                              : "no game has that join code");
        return;
    }
    std::uint32_t player = 1;
    for (const Player& p : g->state().players) player = std::max(player, p.id + 1);
    // Ids of players who have left stay taken while their messages remain (a forked game).
    for (const Message& msg : g->state().messages) player = std::max(player, msg.player + 1);
    std::string name = m.name.empty() ? std::string(name_of(m.role)) + " " + std::to_string(player) : m.name;
    Join join{player, name, m.role, m.team};
    peer.bot = m.bot && m.role == SeatRole::team;
    JournalWriter::Mark before_join = g->journal().mark();
    if (Verdict v = g->record(Seat::system(), join); !v.ok()) {
        peer.bot = false;
        net.error(peer, ErrorCode::lobby, "cannot join: " + v.message);
        return;
    }
    std::string token = new_token();
    if (!g->add_token(token, player, before_join)) {
        peer.bot = false;
        net.error(peer, ErrorCode::save_status, "cannot join: the server cannot save right now; try again later");
        return;
    }
    g->seat(peer, player, token);
    services_.log("game " + std::to_string(g->id()) + ": " + name + " joined as " +
                  (m.role == SeatRole::team ? std::string(name_of(m.team)) : std::string(name_of(m.role))) + " from " +
                  peer.address);
    g->drive();
}

void Lobby::resume_seat(Peer& peer, const ResumeSeat& m) {
    Transport& net = services_.transport;
    if (peer.game) {
        net.error(peer, ErrorCode::lobby, "this connection already holds a seat");
        return;
    }
    if (!m.token.empty() || m.proof.empty()) {
        // A token sent as it is could have been captured: only a proof bound
        // to this session resumes a seat.
        net.error(peer, ErrorCode::bad_token, "resume with a proof of the token, not the token itself");
        net.strike(peer, "a resume without a proof");
        return;
    }
    for (auto& [id, g] : games_) {
        auto t = std::find_if(g->tokens().begin(), g->tokens().end(), [&](const auto& entry) {
            return check_resume_proof(entry.first, peer.channel.binding(), m.proof);
        });
        if (t == g->tokens().end()) continue;
        std::uint32_t player = t->second;
        const std::string token = t->first;
        if (!g->state().find_player(player)) {
            net.error(peer, ErrorCode::bad_token, "that seat was removed by the White Cell");
            return;
        }
        // A stale connection holding the same seat gives way.
        for (Peer* other : std::vector<Peer*>(g->members()))
            if (other->player == player) {
                net.error(*other, ErrorCode::bad_token, "your seat was resumed from another connection");
                g->remove(*other);
                other->game = 0;
                net.disconnect_later(*other);
            }
        peer.bot = m.bot && g->state().find_player(player)->role == SeatRole::team;
        g->seat(peer, player, token);
        services_.log("game " + std::to_string(id) + ": " + g->state().find_player(player)->name + " resumed from " +
                      peer.address);
        g->drive();
        return;
    }
    net.error(peer, ErrorCode::bad_token, "unknown resume token");
}

void Lobby::disconnected(Peer& peer) {
    LiveGame* g = game_of(peer);
    if (!g) return;
    g->remove(peer);
    const Player* pl = g->state().find_player(peer.player);
    services_.log("game " + std::to_string(peer.game) + ": " + (pl ? pl->name : std::string("player")) +
                  " disconnected (" + peer.address + ")");
    g->send_presence();
    g->drive();  // the White Cell may have gone: auto-control takes over
}

void Lobby::tick_timers() {
    auto now = LiveGame::Clock::now();
    for (auto& [id, g] : games_) {
        // One game's failure stops no other game.
        try {
            g->tick(now);
        } catch (const std::exception& e) {
            services_.log("game " + std::to_string(id) + ": error in its timer: " + e.what());
        }
    }
}

void Lobby::lost_flush(const JournalWriter* journal, const std::string& why) {
    for (auto& [id, g] : games_)
        if (&g->journal() == journal) g->lost_flush(why);
}

int Lobby::wait_ms(int limit) const {
    int timeout = limit;
    for (auto& [id, g] : games_)
        if (auto wake = g->wake_at()) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*wake - LiveGame::Clock::now()).count();
            timeout = static_cast<int>(std::clamp<long long>(ms, 0, timeout));
        }
    return timeout;
}

std::vector<JournalWriter*> Lobby::dirty_journals() {
    std::vector<JournalWriter*> dirty;
    for (auto& [id, g] : games_)
        if (g->journal().dirty()) dirty.push_back(&g->journal());
    return dirty;
}

}  // namespace gb
