// The lobby's requests: creating and forking games, listing them, stats,
// closing, and seating peers by code or resume token.
#include "lobby.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <random>
#include <sstream>

#include "admin_token.hpp"
#include "fork.hpp"
#include "os_file.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"
#include "simulation.hpp"

namespace gb {

namespace fs = std::filesystem;
using namespace gb::net;

namespace {

// A code from an alphabet without look-alike characters (no I, O, 0, 1).
std::string new_code(std::size_t length) {
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::random_device rd;
    std::string s;
    for (std::size_t i = 0; i < length; ++i) s.push_back(kAlphabet[rd() % (sizeof kAlphabet - 1)]);
    return s;
}

GameCodes codes_of(const JournalHeader& h) {
    GameCodes c;
    c.team = h.team_codes;
    c.observer = h.join_code;
    c.control = h.control_code;
    return c;
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

bool Lobby::backing_off(Peer& peer) {
    auto wait = attempts_.wait(peer.address, LiveGame::Clock::now());
    if (wait.count() == 0) return false;
    services_.transport.error(
        peer, ErrorCode::wait,
        "too many wrong codes from your address: try again in " + std::to_string((wait.count() + 999) / 1000) + " s");
    return true;
}

void Lobby::wrong(Peer& peer, const std::string& what) {
    int strikes = attempts_.strike(peer.address, LiveGame::Clock::now());
    services_.log("wrong " + what + " from " + peer.address + " (strike " + std::to_string(strikes) + " for " +
                  host_of(peer.address) + ")");
}

bool Lobby::admin(Peer& peer, const std::string& token, const char* what) {
    if (backing_off(peer)) return false;
    if (token_matches(options_.admin_token, token)) return true;
    if (!token.empty()) wrong(peer, "admin token");
    services_.transport.error(
        peer, ErrorCode::not_admin,
        std::string(what) + " needs the server's admin token (admin.token in its data directory)");
    return false;
}

void Lobby::create_game(Peer& peer, const CreateGame& m) {
    if (!options_.open_lobby && !admin(peer, m.admin_token, "creating a game")) return;
    auto g = make_game(peer, m, nullptr, nullptr);
    if (!g) return;
    const JournalHeader& h = g->header();
    services_.log("game " + std::to_string(g->id()) + " created: " + h.scenario_id + " \"" + h.name + "\" seed " +
                  std::to_string(h.seed) + " by " + peer.address);
    services_.transport.send(peer, GameCreated{g->id(), codes_of(h)});
    adopt(std::move(g));
}

std::unique_ptr<LiveGame> Lobby::make_game(Peer& peer, const CreateGame& m, const std::vector<SourceFile>* fork_files,
                                           const ForkGame* fork) {
    Transport& net = services_.transport;
    if (static_cast<int>(games_.size()) >= options_.max_games) {
        net.error(peer, ErrorCode::lobby, "the server is full (" + std::to_string(options_.max_games) + " games)");
        return nullptr;
    }
    auto now = LiveGame::Clock::now();
    if (options_.open_lobby && !token_matches(options_.admin_token, m.admin_token)) {
        created_.erase(
            std::remove_if(created_.begin(), created_.end(), [&](auto t) { return now - t > std::chrono::minutes(1); }),
            created_.end());
        if (static_cast<int>(created_.size()) >= kGamesPerMinute) {
            net.error(peer, ErrorCode::lobby,
                      "this open lobby creates at most " + std::to_string(kGamesPerMinute) +
                          " games a minute: try again shortly");
            return nullptr;
        }
    }
    if (m.scenario.empty() || over_limit(m)) {
        net.error(peer, ErrorCode::lobby, "scenario or name missing or too long");
        return nullptr;
    }
    // A scenario is named by id, looked up in the server's list; never a path.
    // A fork is played with its saved game's files.
    LoadResult loaded;
    if (fork_files && !fork_files->empty()) {
        loaded = load_scenario_from(*fork_files, fork_files->front().path);
    } else {
        std::string path = options_.scenarios.path_of(m.scenario);
        if (path.empty()) {
            std::string offered;
            for (const std::string& id : options_.scenarios.ids()) offered += (offered.empty() ? "" : ", ") + id;
            net.error(peer, ErrorCode::lobby,
                      "this server offers no scenario of that id (it offers: " +
                          (offered.empty() ? std::string("none") : offered) + ")");
            return nullptr;
        }
        loaded = load_scenario(path);
    }
    if (!loaded.scenario) {
        net.error(peer, ErrorCode::lobby,
                  "cannot load scenario '" + m.scenario + "'" +
                      (loaded.problems.empty() ? std::string() : ": " + loaded.problems.front().str()));
        return nullptr;
    }
    if (options_.open_lobby) created_.push_back(now);
    std::uint64_t seed =
        m.seed ? *m.seed : (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
    JournalHeader h;
    h.name = m.name.empty() ? loaded.scenario->title : m.name;
    h.scenario_id = loaded.scenario->id;
    h.content_hash = loaded.scenario->content_hash;
    h.scenario_files = std::move(loaded.sources);
    h.seed = seed;
    h.join_code = new_code(kJoinCodeLength);
    for (auto& c : h.team_codes) c = new_code(kJoinCodeLength);
    h.control_code = new_code(kControlCodeLength);
    h.created_unix = static_cast<std::int64_t>(std::time(nullptr));
    h.min_phase_ms = std::min(m.min_phase_ms, kMaxMinPhaseMs);
    if (fork) {
        h.forked_from = fork->parent;
        h.fork_point = fork->parent_point;
        h.fork_hash = fork->parent_hash;
    }
    // A journal left by a game that did not load (a damaged file) keeps its
    // number: the next free one is taken.
    JournalWriter journal;
    for (int tries = 0;; ++tries) {
        h.game = next_game_++;
        std::string file = options_.data_dir + "/game-" + std::to_string(h.game) + ".journal";
        std::error_code ec;
        if (std::filesystem::exists(file, ec) && tries < 1000) continue;
        try {
            journal = JournalWriter::create(file, h, options_.signer);
            break;
        } catch (const std::exception& e) {
            services_.log(std::string("cannot create a game's journal: ") + e.what());
            net.error(peer, ErrorCode::lobby, "the server cannot save a new game right now");
            return nullptr;
        }
    }
    GameState state = new_game(loaded.scenario, seed);
    return std::make_unique<LiveGame>(services_, std::move(h), loaded.scenario, std::move(state), std::move(journal));
}

void Lobby::drop_fork(Peer& peer) {
    peer.fork.reset();
    uploading_.erase(std::remove(uploading_.begin(), uploading_.end(), &peer), uploading_.end());
}

void Lobby::fork_game(Peer& peer, ForkGame&& m) {
    Transport& net = services_.transport;
    auto refuse = [&](const std::string& why) {
        drop_fork(peer);
        net.error(peer, ErrorCode::lobby, why);
    };
    if (!peer.fork) {
        if (!options_.open_lobby && !admin(peer, m.admin_token, "forking a game")) return;
        if (uploading_.size() >= kMaxForks)
            return refuse("the server is receiving " + std::to_string(kMaxForks) + " forks: try again shortly");
        auto up = std::make_shared<ForkUpload>();
        if (!up->open(options_.data_dir, next_upload_++)) {
            services_.log("cannot open a fork upload's temporary file in the data directory");
            return refuse("the server cannot receive a fork right now");
        }
        up->started = LiveGame::Clock::now();
        up->head = std::move(m);
        std::vector<JournalEntry> actions = std::move(up->head.actions);
        up->head.actions.clear();
        peer.fork = up;
        uploading_.push_back(&peer);
        m.actions = std::move(actions);
        m.scenario_files.clear();  // already in head
    } else {
        peer.fork->head.scenario_files.insert(peer.fork->head.scenario_files.end(),
                                              std::make_move_iterator(m.scenario_files.begin()),
                                              std::make_move_iterator(m.scenario_files.end()));
        m.scenario_files.clear();
        peer.fork->head.last = m.last;
    }
    ForkUpload& up = *peer.fork;
    if (up.actions + m.actions.size() > kMaxForkActions)
        return refuse("a fork may start from at most " + std::to_string(kMaxForkActions) + " actions");
    if (LiveGame::Clock::now() - up.started > std::chrono::seconds(kMaxForkSeconds))
        return refuse("a fork must arrive within " + std::to_string(kMaxForkSeconds) + " s");
    if (!up.spool(m.actions)) {
        services_.log("cannot write a fork upload's temporary file");
        return refuse("the server cannot receive a fork right now");
    }
    std::size_t rules = 0;
    for (const SourceFile& chunk : up.head.scenario_files) rules += chunk.text.size() + chunk.path.size();
    if (rules > kMaxForkRulesBytes)
        return refuse("a fork's scenario files may hold at most " + std::to_string(kMaxForkRulesBytes >> 20) + " MiB");
    if (up.bytes + rules > kMaxForkBytes)
        return refuse("a fork may bring at most " + std::to_string(kMaxForkBytes >> 20) + " MiB");
    if (!up.head.last) return;
    std::shared_ptr<ForkUpload> hold = peer.fork;
    drop_fork(peer);
    ForkGame& f = hold->head;
    std::vector<SourceFile> files = join_files(std::move(f.scenario_files));
    if (hold->actions != f.parent_point) {
        net.error(peer, ErrorCode::lobby,
                  "the fork brought " + std::to_string(hold->actions) + " actions for point " +
                      std::to_string(f.parent_point));
        return;
    }
    CreateGame c{f.scenario, f.seed, f.name, f.admin_token, f.min_phase_ms};
    auto g = make_game(peer, c, &files, &f);
    if (!g) return;
    auto abandon = [&](const std::string& why) {
        g->discard();
        net.error(peer, ErrorCode::lobby, "fork refused: " + why);
    };
    // The saved game's actions, checked by the rules again and journaled, so
    // that the new journal replays through the fork point.
    std::string why;
    std::size_t n = 0;
    std::string read = hold->each([&](const JournalEntry& e) {
        why = g->replay_one(e, ++n);
        return why.empty();
    });
    if (!read.empty()) return abandon(read);
    if (!why.empty()) return abandon(why);
    if (state_hash(g->state()) != f.parent_hash)
        return abandon("the actions do not reproduce the saved game's state at point " +
                       std::to_string(f.parent_point));
    // A fresh cast: the saved game's players leave and whoever joins the fork
    // takes the seats. Bots stay in the seats they held.
    g->fresh_cast();
    services_.log("game " + std::to_string(g->id()) + " forked from " + f.parent + " at action " +
                  std::to_string(f.parent_point) + " (" + phase_line(g->state()) + ") by " + peer.address);
    net.send(peer, GameCreated{g->id(), codes_of(g->header())});
    adopt(std::move(g));
}

void Lobby::list_games(Peer& peer, const ListGames& m) {
    // Anyone may list the games; only the admin sees their codes.
    bool with_codes = false;
    if (!m.admin_token.empty()) {
        if (!admin(peer, m.admin_token, "listing the codes")) return;
        with_codes = true;
    }
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
        if (with_codes) e.codes = codes_of(g->header());
        list.games.push_back(std::move(e));
    }
    services_.transport.send(peer, list);
}

void Lobby::send_stats(Peer& peer, const ServerStats& m) {
    if (!admin(peer, m.admin_token, "reading the server's statistics")) return;
    Stats s;
    s.games = static_cast<std::uint32_t>(games_.size());
    s.peers = static_cast<std::uint32_t>(services_.transport.peer_count());
    s.actions_total = services_.rate.total();
    s.actions_per_second = services_.rate.per_second();
    s.resident_bytes = os::resident_bytes();
    if (const auto& ack = services_.transport.ack_times(); !ack.empty()) {
        std::vector<double> v = ack;
        std::sort(v.begin(), v.end());
        s.ack_p50_ms = v[v.size() / 2];
        s.ack_p99_ms = v[std::min(v.size() - 1, v.size() * 99 / 100)];
    }
    services_.transport.send(peer, s);
}

void Lobby::close_game(Peer& peer, const CloseGame& m) {
    if (!admin(peer, m.admin_token, "closing a game")) return;
    for (auto it = games_.begin(); it != games_.end(); ++it) {
        LiveGame& g = *it->second;
        bool named = m.game ? g.id() == m.game : (!m.control_code.empty() && g.header().control_code == m.control_code);
        if (!named) continue;
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
    services_.transport.error(peer, ErrorCode::lobby, "no such game");
}

void Lobby::join_game(Peer& peer, const JoinGame& m) {
    Transport& net = services_.transport;
    if (peer.game) {
        net.error(peer, ErrorCode::lobby, "this connection already holds a seat");
        return;
    }
    if (backing_off(peer)) return;
    // The code says which game and which seat.
    LiveGame* g = nullptr;
    SeatRole role = SeatRole::observer;
    Team team = m.team;
    if (!m.code.empty() && !over_limit(m))
        for (auto& [id, game] : games_) {
            const JournalHeader& h = game->header();
            if (token_matches(h.control_code, m.code)) {
                g = game.get();
                role = SeatRole::control;
            } else if (token_matches(h.join_code, m.code)) {
                g = game.get();
                role = SeatRole::observer;
            } else {
                for (Team t : kAllTeams)
                    if (token_matches(h.team_codes[idx(t)], m.code)) {
                        g = game.get();
                        role = SeatRole::team;
                        team = t;
                    }
            }
            if (g) break;
        }
    if (!g) {
        wrong(peer, "code");
        net.error(peer, ErrorCode::bad_code, "no game has that code");
        return;
    }
    // The code decides the seat; what was asked for matters only to the
    // observer code, when the White Cell lets observers choose their team.
    if (m.role == SeatRole::control && role != SeatRole::control) {
        net.error(peer, ErrorCode::bad_code, "that code does not seat the White Cell: the control code does");
        return;
    }
    if (role == SeatRole::observer && m.role == SeatRole::team && g->observers_choose()) {
        role = SeatRole::team;
        team = m.team;
    }
    if (m.bot && (role != SeatRole::team || team != m.team)) {
        net.error(peer, ErrorCode::bad_code,
                  role == SeatRole::team ? "that code seats the " + std::string(name_of(team)) + " team, not " +
                                               std::string(name_of(m.team))
                                         : std::string("a bot needs its team's code"));
        return;
    }
    std::uint32_t player = 1;
    for (const Player& p : g->state().players) player = std::max(player, p.id + 1);
    // Ids of players who have left stay taken while their messages remain (a forked game).
    for (const Message& msg : g->state().messages) player = std::max(player, msg.player + 1);
    std::string name = m.name.empty() ? std::string(name_of(role)) + " " + std::to_string(player) : m.name;
    Join join{player, name, role, team};
    peer.bot = m.bot && role == SeatRole::team;
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
                  (role == SeatRole::team ? std::string(name_of(team)) : std::string(name_of(role))) + " from " +
                  peer.address);
    g->drive();
}

void Lobby::resume_seat(Peer& peer, const ResumeSeat& m) {
    Transport& net = services_.transport;
    if (peer.game) {
        net.error(peer, ErrorCode::lobby, "this connection already holds a seat");
        return;
    }
    if (backing_off(peer)) return;
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
    wrong(peer, "resume token");
    net.error(peer, ErrorCode::bad_token, "unknown resume token");
}

void Lobby::move_seat(Peer& peer, const MoveSeat& m) {
    Transport& net = services_.transport;
    LiveGame* g = game_of(peer);
    if (!g || peer.seat.role != SeatRole::control) {
        net.error(peer, ErrorCode::refused, "only the White Cell may move players");
        return;
    }
    if (std::string why = g->move_player(m.player, m.role, m.team); !why.empty()) {
        net.error(peer, ErrorCode::refused, "move: " + why);
        return;
    }
    services_.log("game " + std::to_string(g->id()) + ": the White Cell moved player " + std::to_string(m.player) +
                  " to " + (m.role == SeatRole::team ? std::string(name_of(m.team)) : std::string("observers")));
}

void Lobby::let_observers_choose(Peer& peer, const LetObserversChoose& m) {
    LiveGame* g = game_of(peer);
    if (!g || peer.seat.role != SeatRole::control) {
        services_.transport.error(peer, ErrorCode::refused, "only the White Cell may let observers choose a team");
        return;
    }
    try {
        g->set_observers_choose(m.on);
    } catch (const std::exception& e) {
        services_.log("game " + std::to_string(g->id()) + ": " + e.what());
        services_.transport.error(peer, ErrorCode::save_status, "the server cannot save that setting right now");
        return;
    }
    services_.log("game " + std::to_string(g->id()) + ": observers " + (m.on ? "may" : "may not") + " choose a team");
}

void Lobby::disconnected(Peer& peer) {
    drop_fork(peer);
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
    for (Peer* p : std::vector<Peer*>(uploading_))
        if (p->fork && now - p->fork->started > std::chrono::seconds(kMaxForkSeconds)) {
            services_.log("fork upload from " + p->address + " dropped: not finished within " +
                          std::to_string(kMaxForkSeconds) + " s");
            drop_fork(*p);
            services_.transport.error(*p, ErrorCode::lobby,
                                      "a fork must arrive within " + std::to_string(kMaxForkSeconds) + " s");
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
