// Basic vocabulary of the game: teams, tracks, channel states, phases, seats.
// Every other part of the core speaks in these words.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gb {

enum class Team : std::uint8_t { us, iran, israel, gulf };
inline constexpr int kTeams = 4;
inline constexpr std::array<Team, kTeams> kAllTeams{Team::us, Team::iran, Team::israel, Team::gulf};

enum class Track : std::uint8_t { trust, tension, nuclear, sanctions, us_hawks, iran_hardliners, al_qaeda };
inline constexpr int kTracks = 7;

enum class Channel : std::uint8_t { closed, secret, tactical, strategic };

// The five phases of a turn; `ended` once the game is over. End of turn is
// resolved as part of releasing the report, so no seat ever waits in it.
enum class Phase : std::uint8_t { inject, negotiation, orders, adjudication, end_of_turn, ended };

enum class SeatRole : std::uint8_t { team, control, observer, system };

// Who is acting. `player` 0 on a team seat is the team's bot (or a headless
// stand-in) and acts as the lead when no human lead is seated.
struct Seat {
    SeatRole role = SeatRole::observer;
    Team team = Team::us;
    std::uint32_t player = 0;

    static Seat of_team(Team t, std::uint32_t player = 0) { return {SeatRole::team, t, player}; }
    static Seat control(std::uint32_t player = 0) { return {SeatRole::control, Team::us, player}; }
    static Seat observer(std::uint32_t player = 0) { return {SeatRole::observer, Team::us, player}; }
    static Seat system() { return {SeatRole::system, Team::us, 0}; }
};

inline int idx(Team t) {
    return static_cast<int>(t);
}
inline int idx(Track t) {
    return static_cast<int>(t);
}

std::string_view name_of(Team t);
std::string_view name_of(Track t);
std::string_view name_of(Channel c);
std::string_view name_of(Phase p);
std::string_view name_of(SeatRole r);

std::optional<Team> team_from(std::string_view s);
std::optional<Track> track_from(std::string_view s);
std::optional<Channel> channel_from(std::string_view s);

}  // namespace gb
