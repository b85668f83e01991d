// Every limit the wire and the server hold a peer to, declared once with its
// reason. docs/protocol.md's "Limits" table is printed from kLimits (a test keeps it equal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bounded_archive.hpp"

namespace gb::net {

// One limit: what it bounds, its value, and why it is that.
struct Limit {
    std::string_view what;
    std::uint64_t value;
    std::string_view unit;
    std::string_view checked_by;
    std::string_view reason;
};

// ------------------------------------------------------------ messages
inline constexpr Limit kPacketLimit{"client packet", 64 * 1024, "bytes", "ENet (`maximumPacketSize`), decoder",
                                    "one message per packet; larger ones are dropped before they are decoded"};
inline constexpr Limit kMessageLimit{"reassembled server message", 16u << 20, "bytes", "client",
                                     "a long game's full view fits; a hostile server cannot make a client "
                                     "buffer without end"};
inline constexpr Limit kLengthLimit{"any string or list in a message", kMaxElements, "bytes or items",
                                    "decoder (`core/bounded_archive.hpp`)",
                                    "checked, with the bytes left in the packet, before anything is allocated"};
inline constexpr Limit kScenarioNameLimit{"`CreateGame`/`ForkGame` scenario", 64, "bytes", "lobby",
                                          "a scenario id from the server's list; never a path"};
inline constexpr Limit kCodeLimit{"a code or resume token presented", 64, "bytes", "lobby",
                                  "longer than any code or token the server issues"};
inline constexpr Limit kAdminTokenLimit{"an admin token presented", 64, "bytes", "lobby",
                                        "the server's token is 32 hex digits"};
inline constexpr Limit kGameNameLimit{"`CreateGame`/`ForkGame` name", 80, "bytes", "lobby",
                                      "shown in game lists and report titles"};
// ------------------------------------------------------------ connections
inline constexpr Limit kPeersLimit{"connections (default; `--max-peers`)", 4000, "peers", "ENet",
                                   "ENet's peer table is allocated up front; at most 4,095"};
inline constexpr Limit kPeersPerAddressLimit{"connections from one IP address (default; `--peers-per-address`)", 64,
                                             "peers", "ENet (`duplicatePeers`)",
                                             "a classroom behind one NAT still fits; one host cannot take every slot"};
inline constexpr Limit kStrikesLimit{"decode or protocol errors per connection", 5, "errors", "transport",
                                     "each is answered; a client that keeps sending them is disconnected"};
inline constexpr Limit kPeerTimeoutMinLimit{"peer timeout, at least", 5000, "ms", "ENet (`enet_peer_timeout`)",
                                            "a peer that stops answering is dropped"};
inline constexpr Limit kPeerTimeoutMaxLimit{"peer timeout, at most", 15000, "ms", "ENet (`enet_peer_timeout`)",
                                            "a dropped peer's seat is shown as away within this"};
inline constexpr Limit kHandshakeTimeLimit{"time to finish the handshake (key exchange, then `Hello`)", 5000, "ms",
                                           "transport",
                                           "a peer that connects and says nothing is dropped; ENet alone keeps it"};
inline constexpr Limit kHalfOpenLimit{"connections still in their handshake, all addresses", 256, "peers", "transport",
                                      "idle connections from many addresses cannot take every slot; "
                                      "at the cap the oldest is dropped"};
// ------------------------------------------------------------ lobby
inline constexpr Limit kGamesLimit{"games hosted at once (default; `--max-games`)", 256, "games", "lobby",
                                   "each game holds a journal file and its state in memory"};
inline constexpr Limit kGamesPerMinuteLimit{"games created per minute (`--open-lobby` only)", 10, "games", "lobby",
                                            "an open lobby cannot be filled by one visitor in seconds"};
inline constexpr Limit kJoinCodeLimit{"team and observer codes", 8, "characters", "lobby",
                                      "typed by students; 32 symbols without look-alikes: 2^40 codes per game"};
inline constexpr Limit kControlCodeLimit{"control code", 10, "characters", "lobby",
                                         "seats the White Cell: longer than a team code"};
inline constexpr Limit kFreeAttemptsLimit{"wrong codes, tokens or admin tokens from one address before back-off", 3,
                                          "attempts", "lobby", "a mistyped code costs nothing"};
inline constexpr Limit kBackoffBaseLimit{"back-off after the free attempts (doubles with each strike)", 500, "ms",
                                         "lobby",
                                         "guessing a code takes years; a classroom behind one NAT waits seconds"};
inline constexpr Limit kBackoffMaxLimit{"back-off, at most", 60000, "ms", "lobby",
                                        "an address that stops guessing is forgotten after ten minutes"};
inline constexpr Limit kLeadTimeoutLimit{"a team lead's absence before the lead passes (default; `--lead-timeout`)", 60,
                                         "s", "live game",
                                         "a dropped lead reconnects within it; a squatter cannot hold a team"};
inline constexpr Limit kForkActionsLimit{"a fork's actions, all pieces", 200000, "actions", "lobby",
                                         "more than any seminar game; each is checked by the rules again"};
inline constexpr Limit kForkRulesLimit{"a fork's scenario files, all pieces", 4u << 20, "bytes", "lobby",
                                       "a scenario and its decks are well under it; held in memory"};
inline constexpr Limit kForkBytesLimit{"a fork upload, all pieces", 64u << 20, "bytes", "lobby",
                                       "actions go to a temporary file on disk, not to memory"};
inline constexpr Limit kForkSecondsLimit{"a fork upload, from its first piece to its last", 120, "s", "lobby",
                                         "an unfinished upload is dropped with its temporary file"};
inline constexpr Limit kForksLimit{"fork uploads in progress at once", 4, "uploads", "lobby",
                                   "bounds the memory held by scenario files of unfinished forks"};
// ------------------------------------------------------------ game (the rules, `core/rules.cpp`)
inline constexpr Limit kPlayerNameLimit{"player name", 40, "bytes", "rules", "fits seat lists and chat lines"};
inline constexpr Limit kTextLimit{"chat text, reasons, written inject text", 500, "bytes", "rules",
                                  "a paragraph; keeps one message well under a packet"};
inline constexpr Limit kChatLogLimit{"chat messages in a game", 5000, "messages", "rules",
                                     "the log travels in every full view and in the journal"};
inline constexpr Limit kChatChannelLimit{"chat messages of one team in one channel", 600, "messages", "rules",
                                         "one team cannot fill the log for the others; the White Cell's "
                                         "messages count only against the whole log, and its broadcasts not even that"};
inline constexpr Limit kChatBurstLimit{"chat messages a seat may send at once", 8, "messages", "live game",
                                       "then one more each kChatRefill; the White Cell is not limited"};
inline constexpr Limit kChatRefillLimit{"one more chat message every", 2000, "ms", "live game",
                                        "faster than people type; too slow to fill a channel in a game"};

inline constexpr Limit kLimits[] = {
    kPacketLimit,         kMessageLimit,        kLengthLimit,
    kScenarioNameLimit,   kCodeLimit,           kAdminTokenLimit,
    kGameNameLimit,       kPeersLimit,          kPeersPerAddressLimit,
    kStrikesLimit,        kPeerTimeoutMinLimit, kPeerTimeoutMaxLimit,
    kHandshakeTimeLimit,  kHalfOpenLimit,       kGamesLimit,
    kGamesPerMinuteLimit, kJoinCodeLimit,       kControlCodeLimit,
    kFreeAttemptsLimit,   kBackoffBaseLimit,    kBackoffMaxLimit,
    kLeadTimeoutLimit,    kForkActionsLimit,    kForkRulesLimit,
    kForkBytesLimit,      kForkSecondsLimit,    kForksLimit,
    kPlayerNameLimit,     kTextLimit,           kChatLogLimit,
    kChatChannelLimit,    kChatBurstLimit,      kChatRefillLimit,
};

// The values as plain constants, for code.
inline constexpr std::size_t kMaxPacket = kPacketLimit.value;
inline constexpr std::size_t kMaxMessage = kMessageLimit.value;  // largest reassembled message a client accepts
inline constexpr std::size_t kMaxName = kPlayerNameLimit.value;
inline constexpr std::size_t kMaxStrikes = kStrikesLimit.value;
inline constexpr std::uint32_t kPeerTimeoutMinMs = static_cast<std::uint32_t>(kPeerTimeoutMinLimit.value);
inline constexpr std::uint32_t kPeerTimeoutMaxMs = static_cast<std::uint32_t>(kPeerTimeoutMaxLimit.value);
inline constexpr std::uint32_t kHandshakeMs = static_cast<std::uint32_t>(kHandshakeTimeLimit.value);
inline constexpr std::size_t kMaxHalfOpen = kHalfOpenLimit.value;
inline constexpr int kDefaultMaxPeers = static_cast<int>(kPeersLimit.value);
inline constexpr int kDefaultPeersPerAddress = static_cast<int>(kPeersPerAddressLimit.value);
inline constexpr int kDefaultMaxGames = static_cast<int>(kGamesLimit.value);
inline constexpr std::size_t kJoinCodeLength = kJoinCodeLimit.value;
inline constexpr std::size_t kControlCodeLength = kControlCodeLimit.value;
inline constexpr std::size_t kMaxForkActions = kForkActionsLimit.value;
inline constexpr std::size_t kMaxForkRulesBytes = kForkRulesLimit.value;
inline constexpr std::size_t kMaxForkBytes = kForkBytesLimit.value;
inline constexpr int kMaxForkSeconds = static_cast<int>(kForkSecondsLimit.value);
inline constexpr std::size_t kMaxForks = kForksLimit.value;
inline constexpr int kFreeAttempts = static_cast<int>(kFreeAttemptsLimit.value);
inline constexpr int kBackoffBaseMs = static_cast<int>(kBackoffBaseLimit.value);
inline constexpr int kBackoffMaxMs = static_cast<int>(kBackoffMaxLimit.value);
inline constexpr int kDefaultLeadTimeoutSeconds = static_cast<int>(kLeadTimeoutLimit.value);
inline constexpr int kGamesPerMinute = static_cast<int>(kGamesPerMinuteLimit.value);
inline constexpr int kChatBurst = static_cast<int>(kChatBurstLimit.value);
inline constexpr int kChatRefillMs = static_cast<int>(kChatRefillLimit.value);
inline constexpr std::size_t kChatChannelQuota = kChatChannelLimit.value;

// kLimits as the Markdown table in docs/protocol.md.
std::string limits_markdown();

}  // namespace gb::net
