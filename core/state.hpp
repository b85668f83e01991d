// The game state: a value holding the board, the turn and phase, the deck,
// seats, offers, orders, reports and messages, plus the RNG. Changed only by
// `apply` in rules.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "action.hpp"
#include "board.hpp"
#include "rng.hpp"
#include "scenario.hpp"

namespace gb {

struct Player {
    std::uint32_t id = 0;
    std::string name;
    SeatRole role = SeatRole::team;
    Team team = Team::us;
    std::uint8_t grants = 0;  // observer: teams whose view the White Cell granted
    bool operator==(const Player&) const = default;
};

enum class OfferStatus : std::uint8_t { pending, accepted, rejected, lapsed, executed };

struct Offer {
    std::uint32_t id = 0;
    std::int16_t turn = 0;
    Team from = Team::us, to = Team::us;
    std::vector<std::int16_t> gives, wants;
    OfferStatus status = OfferStatus::pending;
    bool operator==(const Offer&) const = default;
};

// One line of the turn report: a deal or an order, its roll and outcome.
struct Result {
    enum class Kind : std::uint8_t { deal, order };
    Kind kind = Kind::order;
    std::int8_t team = -1;
    Order order;
    std::uint32_t offer = 0;
    Offer deal;  // for a deal: the offer as accepted (public once the report is released)
    std::int8_t die1 = 0, die2 = 0;  // 0 when no roll
    std::int16_t modifier = 0, target = 0;
    bool success = true;
    bool amended = false;
    std::string reason;  // why it failed, or the amendment's reason
    std::vector<Change> changes;
    std::vector<Event> events;
    bool operator==(const Result&) const = default;
};

struct Report {
    std::int16_t turn = 0;
    bool released = false;
    std::vector<Result> results;
    std::vector<Event> end_of_turn;  // leak roll, promises, terms, scoring
    bool operator==(const Report&) const = default;
};

struct Message {
    std::uint32_t seq = 0;
    std::int16_t turn = 0;
    std::uint32_t player = 0;
    SeatRole role = SeatRole::team;
    Team from = Team::us;
    ChatChannel channel = ChatChannel::team;
    Team to = Team::us;
    std::string text;
    bool operator==(const Message&) const = default;
};

// White Cell notes: bookmarks, and the reasons for amendments and settings.
struct Note {
    enum class Kind : std::uint8_t { bookmark, amendment, setting, inject, end };
    Kind kind = Kind::bookmark;
    std::int16_t turn = 0;
    Phase phase = Phase::inject;
    std::string label, text;
    bool operator==(const Note&) const = default;
};

enum class EndReason : std::uint8_t { none, last_turn, war, breakout, white_cell };

struct GameState {
    std::shared_ptr<const Scenario> scenario;
    std::uint64_t seed = 0;
    Rng rng;
    std::uint32_t actions_applied = 0;

    int turn = 1;
    Phase phase = Phase::inject;
    bool paused = false;
    EndReason end = EndReason::none;
    std::int32_t timer_seconds = 0;  // length of the current phase's timer

    Board board;

    // Cards: indices below scenario->cards.size() are pool cards; above are
    // White Cell cards in `written`.
    std::vector<std::int16_t> deck;
    std::vector<std::int16_t> held;
    std::vector<CardDef> written;
    std::int16_t inject = -1;  // this turn's inject
    bool inject_drawn = false;
    bool choice_pending = false;
    std::int8_t chosen = -1;
    std::vector<std::int16_t> inject_history;  // inject per turn, -1 none

    std::array<bool, kTeams> ready{};
    std::vector<Offer> offers;
    std::uint32_t next_offer = 1;

    std::array<std::int16_t, kTeams> ap{};
    std::array<std::vector<Order>, kTeams> drafts;
    // Who drafted each of a team's drafts (a player's name; "bot" for the
    // team's bot), parallel to `drafts`. Not part of the state hash.
    std::array<std::vector<std::string>, kTeams> draft_authors;
    std::array<std::vector<Order>, kTeams> orders;
    std::array<bool, kTeams> committed{};

    std::vector<Report> reports;  // one per adjudicated turn; the last may be a draft
    Board board_before_report;    // the board when adjudication began (shown until release)

    std::vector<Message> messages;
    std::uint32_t next_message = 1;
    std::vector<Note> notes;

    std::vector<Player> players;
    std::array<std::uint32_t, kTeams> lead{};
    std::array<bool, kTeams> bot{};

    std::vector<std::array<int, kTeams>> score_history;  // after each turn
    std::array<int, kTeams> score{};

    const Scenario& sc() const { return *scenario; }
    const CardDef& card(int c) const;
    bool ended() const { return phase == Phase::ended; }
    const Player* find_player(std::uint32_t id) const;
    // Whether a seat may act as its team's lead.
    bool is_lead(const Seat& s) const;
    // Who drafted a team's `i`th draft; empty when not known (a game
    // recorded before authors were kept, or a view without them).
    std::string draft_author(Team t, std::size_t i) const;
    std::string calendar_label() const;
};

// A fresh game at turn 1, inject phase.
GameState new_game(std::shared_ptr<const Scenario> scenario, std::uint64_t seed);

// The final standing of a game.
struct Standing {
    std::array<int, kTeams> score{};
    std::array<int, kTeams> result{};  // score − par
    std::uint8_t winners = 0;          // bit per team (ties shared)
    bool war = false, breakout = false, rapprochement = false;
};
Standing standing(const GameState& g);

}  // namespace gb
