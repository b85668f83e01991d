// Names of the basic vocabulary, as used in scenario files, logs and the CLI.
#include "types.hpp"

namespace gb {

namespace {
constexpr std::array<std::string_view, kTeams> kTeamNames{"us", "iran", "israel", "gulf"};
constexpr std::array<std::string_view, kTracks> kTrackNames{"trust",    "tension",         "nuclear", "sanctions",
                                                            "us_hawks", "iran_hardliners", "al_qaeda"};
constexpr std::array<std::string_view, 4> kChannelNames{"closed", "secret", "tactical", "strategic"};
constexpr std::array<std::string_view, 6> kPhaseNames{"inject",       "negotiation", "orders",
                                                      "adjudication", "end_of_turn", "ended"};
constexpr std::array<std::string_view, 4> kRoleNames{"team", "control", "observer", "system"};

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::string_view, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}
}  // namespace

std::string_view name_of(Team t) {
    return kTeamNames[static_cast<std::size_t>(t)];
}
std::string_view name_of(Track t) {
    return kTrackNames[static_cast<std::size_t>(t)];
}
std::string_view name_of(Channel c) {
    return kChannelNames[static_cast<std::size_t>(c)];
}
std::string_view name_of(Phase p) {
    return kPhaseNames[static_cast<std::size_t>(p)];
}
std::string_view name_of(SeatRole r) {
    return kRoleNames[static_cast<std::size_t>(r)];
}

std::optional<Team> team_from(std::string_view s) {
    return lookup<Team>(kTeamNames, s);
}
std::optional<Track> track_from(std::string_view s) {
    return lookup<Track>(kTrackNames, s);
}
std::optional<Channel> channel_from(std::string_view s) {
    return lookup<Channel>(kChannelNames, s);
}

}  // namespace gb
