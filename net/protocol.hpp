// The wire protocol: every message between gb-server and its clients, declared
// in one place with its limits. Messages are cereal portable-binary encoded,
// one message per ENet packet. See docs/protocol.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "action.hpp"
#include "board.hpp"
#include "journal_entry.hpp"
#include "scenario_loader.hpp"
#include "state.hpp"

namespace gb::net {

// 2: presence; 3: bot seats move when the server asks them (YourMove, Pass);
// 4: a fork brings its saved game's scenario files (ForkGame::scenario_files).
inline constexpr std::uint32_t kProtocolVersion = 4;
inline constexpr std::size_t kMaxPacket = 64 * 1024;  // ENet maximumPacketSize on the server
inline constexpr std::size_t kMaxName = 40;

// ENet channels.
inline constexpr std::uint8_t kChannelControl = 0;   // handshake, lobby, actions, updates (reliable)
inline constexpr std::uint8_t kChannelChat = 1;      // chat actions and their echoes (reliable)
inline constexpr std::uint8_t kChannelPresence = 2;  // map pointers (unreliable)
inline constexpr std::size_t kChannels = 3;

// ------------------------------------------------------------ client -> server
struct Hello {
    std::uint32_t version = kProtocolVersion;
    std::string client;  // free text, for logs
};
struct CreateGame {
    std::string scenario;  // name ("after-911") or a path on the server
    std::optional<std::uint64_t> seed;
    std::string name;
};
struct ListGames {};
struct ServerStats {};
struct CloseGame {
    std::string control_code;
};
struct JoinGame {
    std::string code;  // join code, or the control code for the White Cell
    SeatRole role = SeatRole::team;
    Team team = Team::us;
    std::string name;
    // A bot plays this seat: it acts only when the server asks (YourMove), so
    // a bot game follows the schedule and is the same game for a seed.
    bool bot = false;
};
struct ResumeSeat {
    std::string token;
    bool bot = false;  // as in JoinGame
};
struct Act {
    std::uint32_t request = 0;  // echoed in the Ack or Error
    Action action;
};
struct ResyncRequest {};
// A new game from a point of a saved one, for a counterfactual. The saved
// game's actions up to that point come in pieces (each message under the
// packet cap); the last piece creates the game, which answers GameCreated.
struct ForkGame {
    std::string scenario;  // name or path, as CreateGame
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
};
struct Pointer {  // a map ping for teammates (unreliable)
    float x = 0, y = 0;
};
// A bot seat's answer to YourMove when it has nothing to do now. (When it has
// something, it answers with Act.)
struct Pass {
    std::uint32_t move = 0;  // the YourMove it answers
};

using ClientMessage = std::variant<Hello, CreateGame, ListGames, ServerStats, CloseGame, JoinGame, ResumeSeat, Act,
                                   ResyncRequest, Pointer, ForkGame, Pass>;

// ------------------------------------------------------------ server -> client
struct Welcome {
    std::uint32_t version = kProtocolVersion;
    std::string server;
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
};
struct Error {
    ErrorCode code = ErrorCode::malformed;
    std::uint32_t request = 0;
    std::string message;
};
struct GameCreated {
    std::uint32_t game = 0;
    std::string join_code, control_code;
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
    std::string join_code;
};
struct GameList {
    std::vector<GameEntry> games;
};
struct Stats {
    std::uint32_t games = 0, peers = 0;
    double actions_per_second = 0;
    std::uint64_t resident_bytes = 0;
    std::uint64_t actions_total = 0;
    // Inside the server: from receiving an action to sending its
    // acknowledgement (journal flush included), over the last 10,000 actions.
    double ack_p50_ms = 0, ack_p99_ms = 0;
};
struct Closed {
    std::uint32_t game = 0;
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
};
struct Ack {
    std::uint32_t request = 0;
    std::uint64_t journal_seq = 0;  // the durable record that holds the action
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
};
// Which of the game's players are connected now: sent to every member when
// someone joins, resumes or drops.
struct Presence {
    std::vector<std::uint32_t> online;  // player ids
};
struct PointerEcho {
    std::uint32_t player = 0;
    std::string name;
    float x = 0, y = 0;
};
// A piece of a server message too large for one packet; the client joins the
// pieces (sent back to back on the control channel) and decodes the whole.
struct Fragment {
    std::uint32_t total = 0;  // bytes of the whole message
    std::string bytes;
};
// The schedule asks a bot seat for its next action, after every update that
// the action may depend on. The bot answers with one Act or with Pass.
struct YourMove {
    std::uint32_t move = 0;
};
inline constexpr std::size_t kFragmentBytes = kMaxPacket - 64;
inline constexpr std::size_t kMaxMessage = 16u << 20;  // largest reassembled message a client accepts

using ServerMessage = std::variant<Welcome, Error, GameCreated, GameList, Stats, Closed, Seated, Ack, Update,
                                   PointerEcho, Fragment, Presence, YourMove>;

// Splits an encoded server message into packets of at most kMaxPacket bytes:
// the message itself when it fits, else encoded Fragments.
std::vector<std::string> packets_for(const ServerMessage& m);

const char* message_name(const ClientMessage& m);
const char* message_name(const ServerMessage& m);

// Encoding never fails; decoding throws DecodeError with the reason.
std::string encode(const ClientMessage& m);
std::string encode(const ServerMessage& m);
ClientMessage decode_client(const char* data, std::size_t size);
ServerMessage decode_server(const char* data, std::size_t size);

}  // namespace gb::net
