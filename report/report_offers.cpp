// Missed openings for the debrief: offers rejected or left to lapse, as the
// report's seat saw them.
#include "explain.hpp"
#include "narrate.hpp"
#include "report.hpp"

namespace gb::report {

std::vector<std::string> missed_openings(const GameState& g, int turn) {
    std::vector<std::string> out;
    for (const Offer& o : g.offers) {
        if (o.turn != turn) continue;
        if (o.status == OfferStatus::rejected)
            out.push_back(explain_offer(g, o) + ": rejected by " + team_name(g, idx(o.to)) + ".");
        else if (o.status == OfferStatus::lapsed)
            out.push_back(explain_offer(g, o) + ": never answered, it lapsed when negotiation closed.");
    }
    return out;
}

}  // namespace gb::report
