#include "notices.hpp"

#include "narrate.hpp"
#include "tutorial.hpp"

namespace gb::client {

void NoticeWatcher::watch(const Session& game, Toasts& toasts) {
    if (!game.in_game() || game.replay()) {
        primed_ = false;
        return;
    }
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    std::size_t released = 0;
    for (const Report& r : g.reports) released += r.released;
    int key = g.turn * 8 + static_cast<int>(g.phase);
    if (!primed_) {
        // What was there when the client joined is not news.
        primed_ = true;
        phase_key_ = key;
        released_ = released;
        offers_.clear();
        for (const Offer& o : g.offers) offers_[o.id] = o.status;
        messages_ = g.messages.size();
        return;
    }
    if (key != phase_key_) {
        phase_key_ = key;
        if (g.ended())
            toasts.push("The game is over: the Game tab shows the final scores.", Notice::phase);
        else
            toasts.push("Turn " + std::to_string(g.turn) + ": the " + std::string(name_of(g.phase)) + " phase begins.",
                        Notice::phase);
    }
    if (released > released_) {
        released_ = released;
        ++unread_reports;
        toasts.push("The turn report is released: see the Report tab.", Notice::report);
    }
    bool team = game.is_team();
    for (const Offer& o : g.offers) {
        auto it = offers_.find(o.id);
        OfferStatus before = it == offers_.end() ? OfferStatus::pending : it->second;
        offers_[o.id] = o.status;
        bool mine = team && (o.from == game.my_team() || o.to == game.my_team());
        if (!mine) continue;
        if (it == offers_.end() && o.to == game.my_team())
            toasts.push(sc.teams[idx(o.from)].name + " makes your team an offer: see Diplomacy.", Notice::offer);
        if (before == o.status) continue;
        std::string other = sc.teams[idx(o.from == game.my_team() ? o.to : o.from)].name;
        if (o.status == OfferStatus::accepted)
            toasts.push("Offer #" + std::to_string(o.id) + " accepted (" + other + ").", Notice::offer);
        else if (o.status == OfferStatus::rejected)
            toasts.push("Offer #" + std::to_string(o.id) + " rejected (" + other + ").", Notice::offer);
    }
    for (std::size_t i = messages_; i < g.messages.size(); ++i) {
        const Message& m = g.messages[i];
        if (int step = tutorial_step_of(sc, m.text); step >= 0 && m.channel == ChatChannel::broadcast)
            // A tutorial step is read in its own window (tutorial_panel.cpp): the notice points there.
            toasts.push("White Cell: step " + std::to_string(step + 1) + " of " +
                            std::to_string(sc.tutorial.steps.size()) + ", " +
                            sc.tutorial.steps[static_cast<std::size_t>(step)].title + " (see its window).",
                        Notice::broadcast);
        else if (m.channel == ChatChannel::broadcast)
            toasts.push("White Cell to all: " + m.text, Notice::broadcast);
        else if (m.role == SeatRole::control && m.channel == ChatChannel::control)
            toasts.push("White Cell to your team: " + m.text, Notice::broadcast);
    }
    messages_ = g.messages.size();
    // The countdown's warnings, while your team still owes its move: at 60
    // and at 10 seconds by the server's timer (a client that joins with 40
    // seconds left is told so at once).
    bool owes = team && !g.ended() &&
                ((g.phase == Phase::orders && !g.committed[idx(game.my_team())]) ||
                 (g.phase == Phase::negotiation && !g.ready[idx(game.my_team())]));
    if (owes && g.timer_seconds > 0 && !g.paused) {
        int left = game.timer_left();
        for (int at : {60, 10}) {
            if (left > at || left <= 0 || (at == 60 && left <= 10) || (warned_key_ == key && warned_at_ <= at)) continue;
            warned_key_ = key;
            warned_at_ = at;
            toasts.push(std::to_string(left) + (left == 1 ? " second" : " seconds") + " left and your team has not " +
                            (g.phase == Phase::orders ? "committed its orders." : "declared itself ready."),
                        Notice::warning);
            break;
        }
    }
}

}  // namespace gb::client
