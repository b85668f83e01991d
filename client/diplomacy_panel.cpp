// The diplomacy tab: the framework proposal, offers to and from the team,
// and making an offer.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "explain.hpp"
#include "narrate.hpp"
#include "panels.hpp"
#include "rules.hpp"

namespace gb::client {

namespace {

// The concessions of an offer, one line each, what they do on hover.
void concession_lines(const GameState& g, const std::vector<std::int16_t>& cs, Team giver, Team receiver) {
    for (auto c : cs) {
        Explanation x = explain_concession(g, c, giver, receiver);
        ImGui::BulletText("%s gives: %s", team_name(g, idx(giver)).c_str(), x.title.c_str());
        explanation_tooltip(x);
        if (x.spoiler) spoiler_mark();
    }
}

}  // namespace

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
        for (int term = 0; term < int(sc.terms.size()) && term < 32; ++term)
            if (p.terms & (1u << term)) {
                Explanation x = explain_term(g, term);
                ImGui::BulletText("%s", x.title.c_str());
                explanation_tooltip(x);
                if (x.spoiler) spoiler_mark();
            }
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
    // This turn's offers first; earlier turns' fold into a history.
    static const char* status[] = {"waiting for an answer", "accepted", "rejected", "lapsed", "carried out"};
    int now = 0, past = 0;
    for (const Offer& o : g.offers)
        if (o.from == me || o.to == me) (o.turn == g.turn || o.status == OfferStatus::pending ? now : past)++;
    auto row = [&](const Offer& o) {
        ImGui::PushID(static_cast<int>(o.id));
        std::string who = o.from == me ? "To " + sc.teams[idx(o.to)].name : "From " + sc.teams[idx(o.from)].name;
        ImGui::TextWrapped("#%u, turn %d. %s (%s): %s", o.id, o.turn, who.c_str(), status[static_cast<int>(o.status)],
                           describe_offer(g, o).c_str());
        ImGui::Indent();
        concession_lines(g, o.gives, o.from, o.to);
        concession_lines(g, o.wants, o.to, o.from);
        ImGui::Unindent();
        if (o.to == me && o.status == OfferStatus::pending) {
            bool can = lead && g.phase == Phase::negotiation;
            if (ui.button("Accept...", can, "Only the lead answers, in negotiation")) {
                confirm_accept_ = o.id;
                ImGui::OpenPopup("##accept");
            }
            ImGui::SameLine();
            if (ui.button("Reject", can, "Only the lead answers, in negotiation")) game.send(AnswerOffer{o.id, false});
            if (ImGui::BeginPopup("##accept")) {
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                ImGui::TextWrapped("Accept offer #%u? Your team then owes its side: %s", o.id,
                                   describe_offer(g, o).c_str());
                ImGui::PopTextWrapPos();
                if (ui.button("Yes, accept the offer")) {
                    game.send(AnswerOffer{confirm_accept_, true});
                    ImGui::CloseCurrentPopup();
                }
                ImGui::SameLine();
                if (ui.button("Not yet")) ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
            }
        }
        ImGui::PopID();
    };
    for (const Offer& o : g.offers)
        if ((o.from == me || o.to == me) && (o.turn == g.turn || o.status == OfferStatus::pending)) row(o);
    if (!now) ImGui::TextDisabled("No offers to or from your team this turn.");
    if (past) {
        std::string head = "Earlier offers (" + std::to_string(past) + ")###history";
        if (ImGui::CollapsingHeader(head.c_str()))
            for (auto it = g.offers.rbegin(); it != g.offers.rend(); ++it)
                if ((it->from == me || it->to == me) && it->turn != g.turn && it->status != OfferStatus::pending)
                    row(*it);
        ui.remember_item("history");
    }

    section("Make an offer");
    if (offer_to_ < 0 || offer_to_ == idx(me)) offer_to_ = idx(me) == 0 ? 1 : 0;
    if (ImGui::BeginCombo("To", sc.teams[offer_to_].name.c_str())) {
        for (Team t : kAllTeams)
            if (t != me && ImGui::Selectable(sc.teams[idx(t)].name.c_str(), offer_to_ == idx(t))) offer_to_ = idx(t);
        ImGui::EndCombo();
    }
    offer_gives_.resize(sc.concessions.size());
    offer_wants_.resize(sc.concessions.size());
    // One list under the other: each label gets the panel's whole width.
    hint("Hover a concession to read what it does.");
    ImGui::TextColored(kAccent, "You give");
    for (std::size_t c = 0; c < sc.concessions.size(); ++c)
        if (sc.concessions[c].teams & (1u << idx(me))) {
            bool v = offer_gives_[c];
            if (ImGui::Checkbox((sc.concessions[c].name + "##g").c_str(), &v)) offer_gives_[c] = v;
            ui.remember_item(sc.concessions[c].name + "##g");
            explanation_tooltip(explain_concession(g, int(c), me, static_cast<Team>(offer_to_)));
        }
    ImGui::TextColored(kAccent, "You want");
    for (std::size_t c = 0; c < sc.concessions.size(); ++c)
        if (sc.concessions[c].teams & (1u << offer_to_)) {
            bool v = offer_wants_[c];
            if (ImGui::Checkbox((sc.concessions[c].name + "##w").c_str(), &v)) offer_wants_[c] = v;
            ui.remember_item(sc.concessions[c].name + "##w");
            explanation_tooltip(explain_concession(g, int(c), static_cast<Team>(offer_to_), me));
        }
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
        ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
        ImGui::TextWrapped("%s", v.message.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace gb::client
