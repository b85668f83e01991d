// View diffs and their application.
#include "view_sync.hpp"

#include <cereal/archives/portable_binary.hpp>
#include <sstream>

#include "serialize.hpp"

namespace gb::net {

namespace {

// The view without its four history lists.
GameState core_of(const GameState& v) {
    GameState c = v;
    c.reports.clear();
    c.messages.clear();
    c.offers.clear();
    c.notes.clear();
    return c;
}

std::uint64_t core_hash(const GameState& v) {
    GameState c = core_of(v);
    return state_hash(c);
}

template <class T>
std::uint32_t first_difference(const std::vector<T>& a, const std::vector<T>& b) {
    std::size_t n = std::min(a.size(), b.size()), i = 0;
    while (i < n && a[i] == b[i]) ++i;
    return static_cast<std::uint32_t>(i);
}

template <class T>
void splice(std::vector<T>& list, std::uint32_t from, const std::vector<T>& tail) {
    if (from > list.size()) from = static_cast<std::uint32_t>(list.size());
    list.resize(from);
    list.insert(list.end(), tail.begin(), tail.end());
}

}  // namespace

namespace {

// The digest given the hash of the view's core.
std::uint64_t digest_with(std::uint64_t core, const GameState& v) {
    std::uint64_t h = core;
    for (std::size_t n : {v.reports.size(), v.messages.size(), v.offers.size(), v.notes.size()})
        h = mix64(h ^ static_cast<std::uint64_t>(n));
    if (!v.reports.empty()) h = mix64(h ^ v.reports.back().results.size() ^ (v.reports.back().released ? 1u : 0u));
    if (!v.offers.empty()) h = mix64(h ^ static_cast<std::uint64_t>(v.offers.back().status));
    return h;
}

}  // namespace

std::uint64_t view_digest(const GameState& v) {
    return digest_with(core_hash(v), v);
}

Update make_update(const GameState& before, const GameState& after) {
    Update u;
    // The core is built and hashed once for the change test and the digest.
    GameState core = core_of(after);
    std::uint64_t after_hash = state_hash(core);
    if (core_hash(before) != after_hash) u.core = std::move(core);
    u.reports_from = first_difference(before.reports, after.reports);
    u.reports.assign(after.reports.begin() + u.reports_from, after.reports.end());
    u.messages_from = first_difference(before.messages, after.messages);
    u.messages.assign(after.messages.begin() + u.messages_from, after.messages.end());
    u.offers_from = first_difference(before.offers, after.offers);
    u.offers.assign(after.offers.begin() + u.offers_from, after.offers.end());
    u.notes_from = first_difference(before.notes, after.notes);
    u.notes.assign(after.notes.begin() + u.notes_from, after.notes.end());
    u.view_hash = digest_with(after_hash, after);
    return u;
}

bool empty_update(const Update& u) {
    return !u.core && u.reports.empty() && u.messages.empty() && u.offers.empty() && u.notes.empty() &&
           u.events.empty();
}

bool apply_update(GameState& view, const Update& u) {
    std::vector<Report> reports = std::move(view.reports);
    std::vector<Message> messages = std::move(view.messages);
    std::vector<Offer> offers = std::move(view.offers);
    std::vector<Note> notes = std::move(view.notes);
    if (u.core) {
        auto scenario = view.scenario;
        view = *u.core;
        view.scenario = scenario;
    }
    splice(reports, u.reports_from, u.reports);
    splice(messages, u.messages_from, u.messages);
    splice(offers, u.offers_from, u.offers);
    splice(notes, u.notes_from, u.notes);
    view.reports = std::move(reports);
    view.messages = std::move(messages);
    view.offers = std::move(offers);
    view.notes = std::move(notes);
    return view_digest(view) == u.view_hash;
}

}  // namespace gb::net
