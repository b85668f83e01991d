// Actions: every change to a game is one of these plain structs, validated
// against the acting seat and then applied. The journal is a list of them.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "scenario.hpp"
#include "types.hpp"

namespace gb {

// One order in a team's orders for the turn.
struct Order {
    std::int16_t action = -1;  // index into scenario actions
    std::int16_t region = -1;
    std::int16_t marker = -1;
    std::uint32_t terms = 0;  // framework proposal: bit per bargain term
    std::int16_t card = -1;   // card in hand
    std::int16_t term = -1;   // term to implement
    bool operator==(const Order&) const = default;
    template <class Ar>
    void serialize(Ar& ar) {
        ar(action, region, marker, terms, card, term);
    }
};

enum class ChatChannel : std::uint8_t { team, bilateral, all, control, broadcast };

// --- seats (issued by the server for players, or by the White Cell)
struct Join {
    std::uint32_t player = 0;
    std::string name;
    SeatRole role = SeatRole::team;
    Team team = Team::us;
};
struct Leave {
    std::uint32_t player = 0;
};
struct SetLead {
    Team team = Team::us;
    std::uint32_t player = 0;
};
struct SetBot {
    Team team = Team::us;
    bool on = true;
};
struct GrantView {  // White Cell lets an observer see a team's view
    std::uint32_t player = 0;
    Team team = Team::us;
    bool on = true;
};

// --- inject phase
struct DrawInject {};
struct HoldInject {};  // set the top card aside
struct ReorderDeck {   // move a deck card from one position to another
    std::uint16_t from = 0, to = 0;
};
struct ReplaceInject {  // bring any pool card (or a held one) to the top
    std::int16_t card = -1;
};
struct WriteInject {  // a White Cell card written on the spot
    std::string title, text;
    std::vector<Effect> effects;
};
struct Choose {
    std::uint8_t option = 0;
};

// --- flow
struct AdvancePhase {};
struct TimerExpired {};
struct SetTimer {
    std::int32_t seconds = 0;
};
struct Ready {};
struct Pause {};
struct Resume {};

// --- negotiation
struct MakeOffer {
    Team to = Team::us;
    std::vector<std::int16_t> gives, wants;  // concession indices
};
struct AnswerOffer {
    std::uint32_t offer = 0;
    bool accept = false;
};
struct AnswerFramework {
    bool accept = false;
};
struct Chat {
    ChatChannel channel = ChatChannel::team;
    Team to = Team::us;  // bilateral partner
    std::string text;
};

// --- orders
struct Draft {
    std::vector<Order> orders;
};
struct Commit {
    std::vector<Order> orders;
};

// --- adjudication and White Cell
struct Amend {
    std::uint16_t result = 0;
    bool success = false;
    std::string reason;
};
struct Release {};
struct SetTrack {
    Track track = Track::trust;
    std::int16_t value = 0;
    std::string reason;
};
struct SetChannel {
    Channel channel = Channel::closed;
    std::string reason;
};
struct SetMarker {
    std::int16_t region = 0, marker = 0, value = 0;
    std::string reason;
};
struct Bookmark {
    std::string label, note;
};
struct EndGame {
    std::string reason;
};

using Action = std::variant<Join, Leave, SetLead, SetBot, GrantView, DrawInject, HoldInject, ReorderDeck, ReplaceInject,
                            WriteInject, Choose, AdvancePhase, TimerExpired, SetTimer, Ready, Pause, Resume, MakeOffer,
                            AnswerOffer, AnswerFramework, Chat, Draft, Commit, Amend, Release, SetTrack, SetChannel,
                            SetMarker, Bookmark, EndGame>;

// The action's name as used in logs and the protocol ("commit", "draw_inject").
const char* action_name(const Action& a);

}  // namespace gb
