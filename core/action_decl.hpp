// Action declarations: each alternative of the Action variant is declared
// once, here, with its stable tag (the name used in logs, journals and the
// protocol), who may issue it and in which phases. action_name(), the first
// check of validate(), the journal (format 4 records the tag, not the
// variant's index) and the protocol's action table (`gb actions --markdown`)
// all read this table.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "action.hpp"

namespace gb {

// Who may issue an action: a set of these bits.
using Issuers = std::uint8_t;
namespace by {
inline constexpr Issuers team_lead = 1;    // the lead of the issuing seat's team (or its bot)
inline constexpr Issuers team_member = 2;  // any team seat, the lead included
inline constexpr Issuers white_cell = 4;   // the White Cell's seat
inline constexpr Issuers system = 8;       // the server itself (timers, seating, the White Cell's stand-in)
inline constexpr Issuers observer = 16;
}  // namespace by
inline constexpr Issuers kWhiteCellOrServer = by::white_cell | by::system;

// In which phases an action may be issued: a bit per Phase.
using Phases = std::uint8_t;
constexpr Phases phase_bit(Phase p) {
    return static_cast<Phases>(1u << static_cast<unsigned>(p));
}
template <class... P>
constexpr Phases phases(P... p) {
    return static_cast<Phases>((phase_bit(p) | ...));
}
inline constexpr Phases kAnyPhase = phases(Phase::inject, Phase::negotiation, Phase::orders, Phase::adjudication,
                                           Phase::end_of_turn, Phase::ended);
// Any phase until the game is over.
inline constexpr Phases kLive = kAnyPhase & static_cast<Phases>(~phase_bit(Phase::ended));

struct ActionDecl {
    std::string_view tag;  // stable: journals (format 4) record it; never change or reuse one
    Issuers who = 0;
    Phases when = 0;
};

// One specialisation per alternative of Action, below; a missing one does not
// compile, nor does a second.
template <class A>
struct Declared;

#define GB_DECLARE_ACTION(Type, tag, who, when) \
    template <>                                 \
    struct Declared<Type> {                     \
        static constexpr ActionDecl decl{tag, who, when}; \
    }

GB_DECLARE_ACTION(Join, "join", kWhiteCellOrServer, kAnyPhase);
GB_DECLARE_ACTION(Leave, "leave", kWhiteCellOrServer, kAnyPhase);
GB_DECLARE_ACTION(SetLead, "set_lead", by::team_lead | kWhiteCellOrServer, kAnyPhase);
GB_DECLARE_ACTION(SetBot, "set_bot", kWhiteCellOrServer, kAnyPhase);
GB_DECLARE_ACTION(GrantView, "grant_view", kWhiteCellOrServer, kAnyPhase);
GB_DECLARE_ACTION(DrawInject, "draw_inject", kWhiteCellOrServer, phases(Phase::inject));
GB_DECLARE_ACTION(HoldInject, "hold_inject", by::white_cell, phases(Phase::inject));
GB_DECLARE_ACTION(ReorderDeck, "reorder_deck", by::white_cell, kLive);
GB_DECLARE_ACTION(ReplaceInject, "replace_inject", by::white_cell, phases(Phase::inject));
GB_DECLARE_ACTION(WriteInject, "write_inject", by::white_cell, phases(Phase::inject));
GB_DECLARE_ACTION(Choose, "choose", by::team_lead, phases(Phase::inject));
GB_DECLARE_ACTION(AdvancePhase, "advance_phase", kWhiteCellOrServer, kLive);
GB_DECLARE_ACTION(TimerExpired, "timer_expired", by::system, phases(Phase::negotiation, Phase::orders));
GB_DECLARE_ACTION(SetTimer, "set_timer", kWhiteCellOrServer, kLive);
GB_DECLARE_ACTION(Ready, "ready", by::team_lead, phases(Phase::negotiation));
GB_DECLARE_ACTION(Pause, "pause", kWhiteCellOrServer, kLive);
GB_DECLARE_ACTION(Resume, "resume", kWhiteCellOrServer, kAnyPhase);
GB_DECLARE_ACTION(MakeOffer, "make_offer", by::team_lead, phases(Phase::negotiation));
GB_DECLARE_ACTION(AnswerOffer, "answer_offer", by::team_lead, phases(Phase::negotiation));
GB_DECLARE_ACTION(AnswerFramework, "answer_framework", by::team_lead, phases(Phase::negotiation, Phase::orders));
GB_DECLARE_ACTION(Chat, "chat", by::team_member | kWhiteCellOrServer, kAnyPhase);
GB_DECLARE_ACTION(Draft, "draft", by::team_member, phases(Phase::orders));
GB_DECLARE_ACTION(Commit, "commit", by::team_lead, phases(Phase::orders));
GB_DECLARE_ACTION(Amend, "amend", by::white_cell, phases(Phase::adjudication));
GB_DECLARE_ACTION(Release, "release", kWhiteCellOrServer, phases(Phase::adjudication));
GB_DECLARE_ACTION(SetTrack, "set_track", by::white_cell, kLive);
GB_DECLARE_ACTION(SetChannel, "set_channel", by::white_cell, kLive);
GB_DECLARE_ACTION(SetMarker, "set_marker", by::white_cell, kLive);
GB_DECLARE_ACTION(Bookmark, "bookmark", by::white_cell, kAnyPhase);
GB_DECLARE_ACTION(EndGame, "end_game", by::white_cell, kLive);

#undef GB_DECLARE_ACTION

// The declarations in the variant's order.
namespace detail {
template <std::size_t... I>
constexpr auto declarations(std::index_sequence<I...>) {
    return std::array<ActionDecl, sizeof...(I)>{Declared<std::variant_alternative_t<I, Action>>::decl...};
}
constexpr bool unique_tags(const auto& table) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].tag.empty() || table[i].who == 0 || table[i].when == 0) return false;
        for (std::size_t j = i + 1; j < table.size(); ++j)
            if (table[i].tag == table[j].tag) return false;
    }
    return true;
}
}  // namespace detail

inline constexpr auto kActionDecls = detail::declarations(std::make_index_sequence<std::variant_size_v<Action>>{});
static_assert(detail::unique_tags(kActionDecls), "every action needs a tag of its own, issuers and phases");

inline const ActionDecl& declaration(const Action& a) {
    return kActionDecls[a.index()];
}
// The variant index of the action tagged `tag`, if any.
std::optional<std::size_t> action_index(std::string_view tag);
// An action of the alternative at `index` with its fields defaulted.
Action default_action(std::size_t index);

// "a team's lead or the White Cell"; "the server"
std::string describe_issuers(Issuers who);
// "any", "any until the game ends", "negotiation, orders"
std::string describe_phases(Phases when);
// The protocol's action table (docs/protocol.md), one row per action.
std::string actions_markdown();

}  // namespace gb
