// Turns changes in the view into notices, so no moment passes silently: a
// new phase, a released report, an offer to or from your team answered, a
// White Cell broadcast, and the countdown's warnings at 60 and 10 seconds
// while your team has not committed (or declared itself ready).
#pragma once

#include <map>

#include "session.hpp"
#include "toasts.hpp"

namespace gb::client {

class NoticeWatcher {
public:
    // Compares the view with the last one seen and pushes a notice per change.
    void watch(const Session& game, Toasts& toasts);
    // Reports released and not yet read (the Report tab's badge).
    int unread_reports = 0;

private:
    bool primed_ = false;
    int phase_key_ = -1;
    std::size_t released_ = 0;
    std::map<std::uint32_t, OfferStatus> offers_;
    std::size_t messages_ = 0;
    int warned_key_ = -1, warned_at_ = 0;
};

}  // namespace gb::client
