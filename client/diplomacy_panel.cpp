// The diplomacy tab: the framework proposal, offers to and from the team,
// and making an offer.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "narrate.hpp"
#include "panels.hpp"
#include "rules.hpp"

namespace gb::client {

void DiplomacyPanel::draw(Session& game, Ui& ui) {
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    Team me = game.my_team();
    bool lead = game.is_lead();
    // The framework proposal.
    const Proposal& p = g.board.proposal;
    section("Grand bargain");
    if (p.from >= 0) {
        ImGui::TextWrapped("%s proposes a framework: %s", team_name(g, p.from).c_str(),
                           describe_terms(g, p.terms).c_str());
        Team answerer = p.from == idx(Team::us) ? Team::iran : Team::us;
        if (me == answerer) {
            if (ui.button("Accept the framework", lead, "Only the lead answers")) game.send(AnswerFramework{true});
            ImGui::SameLine();
            if (ui.button("Reject the framework", lead, "Only the lead answers")) game.send(AnswerFramework{false});
        }
    } else {
        ImGui::TextDisabled("No framework proposal is on the table.");
    }
    section("Offers");
    bool any = false;
    for (const Offer& o : g.offers) {
        if (o.from != me && o.to != me) continue;
        any = true;
        ImGui::PushID(static_cast<int>(o.id));
        static const char* status[] = {"pending", "accepted", "rejected", "lapsed", "executed"};
        ImGui::TextWrapped("#%u (turn %d, %s): %s", o.id, o.turn, status[static_cast<int>(o.status)],
                           describe_offer(g, o).c_str());
        if (o.to == me && o.status == OfferStatus::pending) {
            bool can = lead && g.phase == Phase::negotiation;
            if (ui.button("Accept", can, "Only the lead answers, in negotiation")) game.send(AnswerOffer{o.id, true});
            ImGui::SameLine();
            if (ui.button("Reject", can, "Only the lead answers, in negotiation")) game.send(AnswerOffer{o.id, false});
        }
        ImGui::PopID();
    }
    if (!any) ImGui::TextDisabled("No offers to or from your team yet.");

    section("Make an offer");
    if (offer_to_ < 0 || offer_to_ == idx(me)) offer_to_ = idx(me) == 0 ? 1 : 0;
    if (ImGui::BeginCombo("To", sc.teams[offer_to_].name.c_str())) {
        for (Team t : kAllTeams)
            if (t != me && ImGui::Selectable(sc.teams[idx(t)].name.c_str(), offer_to_ == idx(t))) offer_to_ = idx(t);
        ImGui::EndCombo();
    }
    offer_gives_.resize(sc.concessions.size());
    offer_wants_.resize(sc.concessions.size());
    ImGui::Columns(2, "##offer", false);
    ImGui::TextColored(kAccent, "You give");
    for (std::size_t c = 0; c < sc.concessions.size(); ++c)
        if (sc.concessions[c].teams & (1u << idx(me))) {
            bool v = offer_gives_[c];
            if (ImGui::Checkbox((sc.concessions[c].name + "##g").c_str(), &v)) offer_gives_[c] = v;
            ui.remember_item(sc.concessions[c].name + "##g");
        }
    ImGui::NextColumn();
    ImGui::TextColored(kAccent, "You want");
    for (std::size_t c = 0; c < sc.concessions.size(); ++c)
        if (sc.concessions[c].teams & (1u << offer_to_)) {
            bool v = offer_wants_[c];
            if (ImGui::Checkbox((sc.concessions[c].name + "##w").c_str(), &v)) offer_wants_[c] = v;
            ui.remember_item(sc.concessions[c].name + "##w");
        }
    ImGui::Columns(1);
    MakeOffer m;
    m.to = static_cast<Team>(offer_to_);
    for (std::size_t c = 0; c < sc.concessions.size(); ++c) {
        if (offer_gives_[c] && (sc.concessions[c].teams & (1u << idx(me))))
            m.gives.push_back(static_cast<std::int16_t>(c));
        if (offer_wants_[c] && (sc.concessions[c].teams & (1u << offer_to_)))
            m.wants.push_back(static_cast<std::int16_t>(c));
    }
    Verdict v = validate(g, game.seat(), Action{m});
    if (ui.button("Send offer", v.ok(), v.message.c_str())) {
        game.send(m);
        std::fill(offer_gives_.begin(), offer_gives_.end(), false);
        std::fill(offer_wants_.begin(), offer_wants_.end(), false);
    }
    if (!v.ok()) {
        ImGui::SameLine();
        ImGui::TextColored(kWarn, "%s", v.message.c_str());
    }
}

}  // namespace gb::client
