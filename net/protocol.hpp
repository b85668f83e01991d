// The wire protocol: every message between gb-server and its clients, declared
// once with its fields and their limits. Messages are cereal portable-binary
// encoded, one message per ENet packet. See docs/protocol.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "action.hpp"
#include "board.hpp"
#include "journal_entry.hpp"
#include "limits.hpp"
#include "scenario_loader.hpp"
#include "state.hpp"

namespace gb::net {

// 2: presence; 3: bot seats move when the server asks them (YourMove, Pass);
// 4: a fork brings its saved game's scenario files (ForkGame::scenario_files);
// 5: an encrypted channel under every message (net/secure_channel.hpp), and
// ResumeSeat carries a proof of the token instead of the token;
// 6: one code per team, an observer code, the admin token, scenario ids only;
// 7: the phase timer's remaining time (Timer), a game's minimum phase time
// (CreateGame::min_phase_ms).
inline constexpr std::uint32_t kProtocolVersion = 7;

// ENet channels.
inline constexpr std::uint8_t kChannelControl = 0;   // handshake, lobby, actions, updates (reliable)
inline constexpr std::uint8_t kChannelChat = 1;      // chat actions and their echoes (reliable)
inline constexpr std::uint8_t kChannelPresence = 2;  // map pointers (unreliable)
inline constexpr std::size_t kChannels = 3;

// How a message is declared: its name (for logs and errors) and one
// `fields(f)` that calls f("field", member) for each field in wire order, or
// f("field", member, limit) for a string or list with a limit of its own
// (limits.hpp). The codec encodes and decodes through it, and over_limit()
// checks through it; nothing else lists a message's fields. A string or list
// without a limit of its own is bounded by the decoder (kLengthLimit).

// ------------------------------------------------------------ client -> server
struct Hello {
    std::uint32_t version = kProtocolVersion;
    std::string client;  // free text, for logs
    static constexpr const char* kName = "hello";
    template <class F>
    void fields(F& f) {
        f("version", version);
        f("client", client);
    }
};
// The lobby's administration (create, close, list with codes, stats) needs
// the server's admin token (its data directory's admin.token), unless the
// server runs with --open-lobby.
inline constexpr std::uint32_t kDefaultMinPhaseMs = 5000;
inline constexpr std::uint32_t kMaxMinPhaseMs = 3600 * 1000;  // the server caps it at an hour
struct CreateGame {
    std::string scenario;  // a scenario id from the server's list ("after-911"); never a path
    std::optional<std::uint64_t> seed;
    std::string name;
    std::string admin_token{};
    // Without a White Cell connected, the server's bots and its stand-in wait
    // until a phase has lasted this long before moving on (0: no minimum).
    std::uint32_t min_phase_ms = kDefaultMinPhaseMs;
    static constexpr const char* kName = "create_game";
    template <class F>
    void fields(F& f) {
        f("scenario", scenario, kScenarioNameLimit);
        f("seed", seed);
        f("name", name, kGameNameLimit);
        f("admin_token", admin_token, kAdminTokenLimit);
        f("min_phase_ms", min_phase_ms);
    }
};
struct ListGames {
    std::string admin_token{};  // with it, the list holds each game's codes
    static constexpr const char* kName = "list_games";
    template <class F>
    void fields(F& f) {
        f("admin_token", admin_token, kAdminTokenLimit);
    }
};
struct ServerStats {
    std::string admin_token{};
    static constexpr const char* kName = "server_stats";
    template <class F>
    void fields(F& f) {
        f("admin_token", admin_token, kAdminTokenLimit);
    }
};
struct CloseGame {
    std::string control_code;  // the game to close: by its control code,
    std::uint32_t game = 0;    // or by its id
    std::string admin_token{};
    static constexpr const char* kName = "close_game";
    template <class F>
    void fields(F& f) {
        f("control_code", control_code, kCodeLimit);
        f("game", game);
        f("admin_token", admin_token, kAdminTokenLimit);
    }
};
struct JoinGame {
    // A team's code seats on that team, the observer code an observer (or, when
    // the White Cell lets observers choose, the team asked for), the control
    // code the White Cell. `role` and `team` say what is asked for.
    std::string code;
    SeatRole role = SeatRole::team;
    Team team = Team::us;
    std::string name;
    // A bot plays this seat: it acts only when the server asks (YourMove), so
    // a bot game follows the schedule and is the same game for a seed.
    bool bot = false;
    static constexpr const char* kName = "join_game";
    template <class F>
    void fields(F& f) {
        f("code", code, kCodeLimit);
        f("role", role);
        f("team", team);
        f("name", name);
        f("bot", bot);
    }
};
struct ResumeSeat {
    std::string token;  // refused: a token never travels; send `proof`
    bool bot = false;   // as in JoinGame
    // A MAC over this session's binding keyed by the token
    // (net/secure_channel.hpp, resume_proof): a captured proof resumes nothing
    // on another connection.
    std::string proof;
    static constexpr const char* kName = "resume_seat";
    template <class F>
    void fields(F& f) {
        f("token", token, kCodeLimit);
        f("bot", bot);
        f("proof", proof);
    }
};
struct Act {
    std::uint32_t request = 0;  // echoed in the Ack or Error
    Action action;
    static constexpr const char* kName = "act";
    template <class F>
    void fields(F& f) {
        f("request", request);
        f("action", action);
    }
};
struct ResyncRequest {
    static constexpr const char* kName = "resync";
    template <class F>
    void fields(F&) {}
};
// A new game from a point of a saved one, for a counterfactual. The saved
// game's actions up to that point come in pieces (each message under the
// packet cap); the last piece creates the game, which answers GameCreated.
struct ForkGame {
    std::string scenario;  // the scenario id, as CreateGame
    std::uint64_t seed = 0;
    std::string name;
    std::string parent;              // the saved game, for the record (its journal's name)
    std::uint64_t parent_point = 0;  // how many of its actions the fork starts from
    std::uint64_t parent_hash = 0;   // the state hash there, checked by the server
    // The saved game's scenario files, in chunks that fit the pieces (the
    // server joins consecutive chunks of a file): the fork is played with
    // exactly its parent's rules. Empty: the server loads `scenario`.
    std::vector<SourceFile> scenario_files;
    std::vector<JournalEntry> actions;
    bool last = true;
    std::string admin_token{};  // the first piece's counts
    std::uint32_t min_phase_ms = kDefaultMinPhaseMs;  // as CreateGame; the first piece's counts
    static constexpr const char* kName = "fork_game";
    template <class F>
    void fields(F& f) {
        f("scenario", scenario, kScenarioNameLimit);
        f("seed", seed);
        f("name", name, kGameNameLimit);
        f("parent", parent);
        f("parent_point", parent_point);
        f("parent_hash", parent_hash);
        f("scenario_files", scenario_files);
        f("actions", actions);
        f("last", last);
        f("admin_token", admin_token, kAdminTokenLimit);
        f("min_phase_ms", min_phase_ms);
    }
};
struct Pointer {  // a map ping for teammates (unreliable)
    float x = 0, y = 0;
    static constexpr const char* kName = "pointer";
    template <class F>
    void fields(F& f) {
        f("x", x);
        f("y", y);
    }
};
// A bot seat's answer to YourMove when it has nothing to do now. (When it has
// something, it answers with Act.)
struct Pass {
    std::uint32_t move = 0;  // the YourMove it answers
    static constexpr const char* kName = "pass";
    template <class F>
    void fields(F& f) {
        f("move", move);
    }
};

// The White Cell's seating powers, from its seat: move a player (an
// observer who came with the observer code, say) to a team, to observing, or
// between teams; and let observer-code holders choose their team when they join.
struct MoveSeat {
    std::uint32_t player = 0;
    SeatRole role = SeatRole::team;  // team or observer
    Team team = Team::us;
    static constexpr const char* kName = "move_seat";
    template <class F>
    void fields(F& f) {
        f("player", player);
        f("role", role);
        f("team", team);
    }
};
struct LetObserversChoose {
    bool on = true;
    static constexpr const char* kName = "let_observers_choose";
    template <class F>
    void fields(F& f) {
        f("on", on);
    }
};

using ClientMessage = std::variant<Hello, CreateGame, ListGames, ServerStats, CloseGame, JoinGame, ResumeSeat, Act,
                                   ResyncRequest, Pointer, ForkGame, Pass, MoveSeat, LetObserversChoose>;

// ------------------------------------------------------------ server -> client
struct Welcome {
    std::uint32_t version = kProtocolVersion;
    std::string server;
    static constexpr const char* kName = "welcome";
    template <class F>
    void fields(F& f) {
        f("version", version);
        f("server", server);
    }
};
enum class ErrorCode : std::uint8_t {
    version_mismatch,
    malformed,
    not_seated,
    bad_code,
    bad_token,
    refused,  // the rules refused the action (message says why)
    lobby,    // a lobby request failed
    server_full,
    save_status,  // the server cannot save a game (its actions are refused), or can again: the message says which
    not_admin,    // a lobby request that needs the admin token
    wait,         // too many wrong codes or tokens from this address: try again later
};
struct Error {
    ErrorCode code = ErrorCode::malformed;
    std::uint32_t request = 0;
    std::string message;
    static constexpr const char* kName = "error";
    template <class F>
    void fields(F& f) {
        f("code", code);
        f("request", request);
        f("message", message);
    }
};
// A game's secret codes: one per team, one for observers, one for the White Cell.
struct GameCodes {
    std::array<std::string, kTeams> team;
    std::string observer, control;
    // The code for a seat: control, observer, or the team's.
    const std::string& for_seat(SeatRole role, Team t) const {
        return role == SeatRole::control ? control
               : role == SeatRole::team  ? team[static_cast<std::size_t>(t)]
                                         : observer;
    }
    template <class F>
    void fields(F& f) {
        f("team", team);
        f("observer", observer);
        f("control", control);
    }
};
struct GameCreated {
    std::uint32_t game = 0;
    GameCodes codes;
    static constexpr const char* kName = "game_created";
    template <class F>
    void fields(F& f) {
        f("game", game);
        f("codes", codes);
    }
};
struct GameEntry {
    std::uint32_t game = 0;
    std::string name, scenario;
    std::int16_t turn = 0;
    Phase phase = Phase::inject;
    std::array<std::uint8_t, kTeams> players{};
    std::array<bool, kTeams> bots{};
    bool control = false;
    std::uint8_t observers = 0;
    std::optional<GameCodes> codes;  // only for an admin
    template <class F>
    void fields(F& f) {
        f("game", game);
        f("name", name);
        f("scenario", scenario);
        f("turn", turn);
        f("phase", phase);
        f("players", players);
        f("bots", bots);
        f("control", control);
        f("observers", observers);
        f("codes", codes);
    }
};
struct GameList {
    std::vector<GameEntry> games;
    static constexpr const char* kName = "game_list";
    template <class F>
    void fields(F& f) {
        f("games", games);
    }
};
struct Stats {
    std::uint32_t games = 0, peers = 0;
    double actions_per_second = 0;
    std::uint64_t resident_bytes = 0;
    std::uint64_t actions_total = 0;
    // Inside the server: from receiving an action to sending its
    // acknowledgement (journal flush included), over the last 10,000 actions.
    double ack_p50_ms = 0, ack_p99_ms = 0;
    static constexpr const char* kName = "stats";
    template <class F>
    void fields(F& f) {
        f("games", games);
        f("peers", peers);
        f("actions_per_second", actions_per_second);
        f("resident_bytes", resident_bytes);
        f("actions_total", actions_total);
        f("ack_p50_ms", ack_p50_ms);
        f("ack_p99_ms", ack_p99_ms);
    }
};
struct Closed {
    std::uint32_t game = 0;
    static constexpr const char* kName = "closed";
    template <class F>
    void fields(F& f) {
        f("game", game);
    }
};
// A full view: on joining, resuming, or asking for a resync.
struct Seated {
    std::uint32_t game = 0;
    Seat seat;
    std::string token;
    std::string scenario;  // the scenario id; the client loads it and checks the hash
    std::uint64_t scenario_hash = 0;
    std::uint32_t seq = 0;  // the stream's sequence number this view corresponds to
    GameState view;
    static constexpr const char* kName = "seated";
    template <class F>
    void fields(F& f) {
        f("game", game);
        f("seat", seat);
        f("token", token);
        f("scenario", scenario);
        f("scenario_hash", scenario_hash);
        f("seq", seq);
        f("view", view);
    }
};
struct Ack {
    std::uint32_t request = 0;
    std::uint64_t journal_seq = 0;  // the durable record that holds the action
    static constexpr const char* kName = "ack";
    template <class F>
    void fields(F& f) {
        f("request", request);
        f("journal_seq", journal_seq);
    }
};
// A view-filtered change to the seat's view. The client applies it to its
// copy; `view_hash` is the hash of the view after it, to catch divergence.
struct Update {
    std::uint32_t seq = 0;
    std::optional<GameState> core;  // the view without its history lists, when it changed
    std::uint32_t reports_from = 0;
    std::vector<Report> reports;
    std::uint32_t messages_from = 0;
    std::vector<Message> messages;
    std::uint32_t offers_from = 0;
    std::vector<Offer> offers;
    std::uint32_t notes_from = 0;
    std::vector<Note> notes;
    std::vector<Event> events;
    std::uint64_t view_hash = 0;
    static constexpr const char* kName = "update";
    template <class F>
    void fields(F& f) {
        f("seq", seq);
        f("core", core);
        f("reports_from", reports_from);
        f("reports", reports);
        f("messages_from", messages_from);
        f("messages", messages);
        f("offers_from", offers_from);
        f("offers", offers);
        f("notes_from", notes_from);
        f("notes", notes);
        f("events", events);
        f("view_hash", view_hash);
    }
};
// Which of the game's players are connected now: sent to every member when
// someone joins, resumes or drops.
struct Presence {
    std::vector<std::uint32_t> online;  // player ids
    static constexpr const char* kName = "presence";
    template <class F>
    void fields(F& f) {
        f("online", online);
    }
};
struct PointerEcho {
    std::uint32_t player = 0;
    std::string name;
    float x = 0, y = 0;
    static constexpr const char* kName = "pointer_echo";
    template <class F>
    void fields(F& f) {
        f("player", player);
        f("name", name);
        f("x", x);
        f("y", y);
    }
};
// A piece of a server message too large for one packet; the client joins the
// pieces (sent back to back on the control channel) and decodes the whole.
struct Fragment {
    std::uint32_t total = 0;  // bytes of the whole message
    std::string bytes;
    static constexpr const char* kName = "fragment";
    template <class F>
    void fields(F& f) {
        f("total", total);
        f("bytes", bytes);
    }
};
// The schedule asks a bot seat for its next action, after every update that
// the action may depend on. The bot answers with one Act or with Pass.
struct YourMove {
    std::uint32_t move = 0;
    static constexpr const char* kName = "your_move";
    template <class F>
    void fields(F& f) {
        f("move", move);
    }
};
// The phase timer: sent after the Seated of a full view and whenever the
// timer changes (a timed phase opens, the White Cell sets it, a pause). The
// time left is relative, as clocks differ: the client counts down from its
// receive time, less half the connection's round-trip time.
struct Timer {
    std::int32_t turn = 0;
    Phase phase = Phase::inject;     // the phase it is for: a client ignores one for another
    bool running = false;            // counting down (not paused)
    std::int64_t remaining_ms = -1;  // what is left when sent; -1: the phase has no timer
    static constexpr const char* kName = "timer";
    template <class F>
    void fields(F& f) {
        f("turn", turn);
        f("phase", phase);
        f("running", running);
        f("remaining_ms", remaining_ms);
    }
};
inline constexpr std::size_t kFragmentBytes = kMaxPacket - 64;  // a Fragment's bytes, with room for its framing

using ServerMessage = std::variant<Welcome, Error, GameCreated, GameList, Stats, Closed, Seated, Ack, Update,
                                   PointerEcho, Fragment, Presence, YourMove, Timer>;

// Splits an encoded server message into packets of at most kMaxPacket bytes:
// the message itself when it fits, else encoded Fragments.
std::vector<std::string> packets_for(const ServerMessage& m);

const char* message_name(const ClientMessage& m);
const char* message_name(const ServerMessage& m);

namespace detail {
// The visitor behind over_limit: compares each field that has a limit with it.
struct LimitCheck {
    std::optional<std::string> problem;
    template <class T>
    void operator()(const char*, const T&) {}
    template <class T>
    void operator()(const char* field, const T& member, const Limit& limit) {
        if (!problem && member.size() > limit.value)
            problem = std::string(field) + ": " + std::to_string(member.size()) + " " + std::string(limit.unit) +
                      ", at most " + std::to_string(limit.value);
    }
};
}  // namespace detail

// The first field of a message that is longer than its declared limit, as
// "name: 81 bytes, at most 80"; nothing when every field fits.
template <class M>
std::optional<std::string> over_limit(const M& m) {
    detail::LimitCheck check;
    const_cast<M&>(m).fields(check);  // the check only reads
    return check.problem;
}

// Encoding never fails; decoding throws DecodeError with the reason.
std::string encode(const ClientMessage& m);
std::string encode(const ServerMessage& m);
ClientMessage decode_client(const char* data, std::size_t size);
ServerMessage decode_server(const char* data, std::size_t size);

}  // namespace gb::net
