// The orders tab: the team's shared draft, committing it, and adding orders
// from the legal targets the rules offer.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "bot.hpp"
#include "narrate.hpp"
#include "panels.hpp"
#include "primer.hpp"
#include "rules.hpp"

namespace gb::client {

namespace {
// The last item under a second label (a button whose text changes).
void remember_alias(Ui& ui, const std::string& label) {
    ui.remember_item(label);
}
}  // namespace

bool OrdersPanel::picking() const {
    return picking_ >= 0;
}

void OrdersPanel::pick(Session& game, Toasts& toasts, int region) {
    int a = picking_;
    picking_ = -1;
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    if (a < 0 || a >= int(sc.actions.size()) || region < 0 || !game.is_team()) return;
    Team team = game.my_team();
    std::vector<Order> legal = legal_orders(g, team, g.drafts[idx(team)]);
    int k = 0;
    for (const Order& o : legal) {
        if (o.action != a) continue;
        if (o.region == region) {
            target_choice_[a] = k;
            toasts.push(sc.actions[a].name + ": " + sc.regions[region].name + ". Press Add to draft it.", false);
            return;
        }
        ++k;
    }
    toasts.push(sc.regions[region].name + " is not a target " + sc.actions[a].name + " can take now.", true);
}

void OrdersPanel::draw(Session& game, Ui& ui) {
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    Team team = game.my_team();
    int t = idx(team);
    const auto& drafts = g.drafts[t];
    int ap = action_points(g, team);
    int used = 0;
    for (const Order& o : drafts)
        if (o.action >= 0 && o.action < int(sc.actions.size())) used += sc.actions[o.action].cost;
    bool orders_phase = g.phase == Phase::orders && !g.ended();
    bool committed = g.committed[t];

    if (orders_phase) {
        ImGui::Text("Action points: %d of %d left", ap - used, ap);
        ImGui::SameLine();
        ImGui::ProgressBar(ap > 0 ? float(ap - used) / ap : 0, ImVec2(-1, 0), "");
        // Why the points are what they are: the base and the scenario's modifiers.
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("Base: %d action points a turn.", sc.rules.action_points[t]);
            for (const Term& term : sc.teams[t].ap_mods) ImGui::BulletText("%s", describe_term(sc, term).c_str());
            ImGui::EndTooltip();
        }
        if (ap != sc.rules.action_points[t])
            hint(("This turn " + std::to_string(ap) + " instead of " + std::to_string(sc.rules.action_points[t]) +
                  ": hover the bar for the reasons.")
                     .c_str());
    }
    if (!orders_phase)
        hint(("Orders are written in the orders phase (now: " + std::string(name_of(g.phase)) + ").").c_str());
    if (committed) ImGui::TextColored(kGood, "Your team's orders are committed.");

    section("Your team's draft (shared live with teammates)");
    if (drafts.empty()) ImGui::TextDisabled("No orders drafted yet.");
    // The row's buttons come first, at fixed places, so nothing moves under
    // the pointer when a description wraps or a row goes.
    bool editable = orders_phase && !committed;
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        auto moved = [&](std::size_t from, std::size_t to) {
            auto next = drafts;
            std::swap(next[from], next[to]);
            game.send(Draft{next});
        };
        std::string n = std::to_string(i);
        if (ui.button(("Up##draft" + n).c_str(), editable && i > 0, "Already first")) moved(i, i - 1);
        ImGui::SameLine();
        if (ui.button(("Down##draft" + n).c_str(), editable && i + 1 < drafts.size(), "Already last"))
            moved(i, i + 1);
        ImGui::SameLine();
        if (ui.button(("Remove##draft" + n).c_str(), editable)) {
            auto next = drafts;
            next.erase(next.begin() + static_cast<long>(i));
            game.send(Draft{next});
        }
        ImGui::SameLine();
        ImGui::TextWrapped("%zu. %s%s", i + 1, describe_order(g, team, drafts[i]).c_str(),
                           drafted_by(g, team, i).c_str());
        ImGui::PopID();
    }
    {
        bool can = orders_phase && !committed && game.is_lead();
        const char* why = !game.is_lead()  ? "Only the lead commits; drafts are shared with the lead."
                          : committed ? "Already committed"
                                      : "Not the orders phase";
        if (ui.button("Commit orders", can, why)) game.send(Commit{drafts});
        ImGui::SameLine();
        ImGui::TextDisabled("%s", game.is_lead() ? "You are the lead." : "The lead commits.");
    }

    // The hand, for the "play a card" order.
    int hand = g.board.hand_size[t];
    std::string hand_label = "Your hand (" + std::to_string(hand) + (hand == 1 ? " card)" : " cards)") + "###hand";
    if (ImGui::CollapsingHeader(hand_label.c_str())) draw_hand(game, ui);
    ui.remember_item("hand");

    section("Add an order");
    std::vector<Order> legal = orders_phase && !committed ? legal_orders(g, team, drafts) : std::vector<Order>{};
    ImGui::BeginChild("##menu", ImVec2(0, 0), false);
    std::string category;
    std::vector<std::size_t> menu;
    for (std::size_t a = 0; a < sc.actions.size(); ++a) menu.push_back(a);
    std::stable_sort(menu.begin(), menu.end(),
                     [&](std::size_t x, std::size_t y) { return sc.actions[x].category < sc.actions[y].category; });
    for (std::size_t a : menu) {
        const ActionDef& def = sc.actions[a];
        if (!(def.teams & (1u << t))) continue;
        if (def.category != category) {
            category = def.category;
            ImGui::TextColored(kAccent, "%s", upper_first(category).c_str());
        }
        std::vector<const Order*> targets;
        for (const Order& o : legal)
            if (o.action == int(a)) targets.push_back(&o);
        ImGui::PushID(static_cast<int>(a));
        std::string add = "Add##" + def.id;
        std::string reason;
        if (targets.empty()) {
            Order probe;
            probe.action = static_cast<std::int16_t>(a);
            if (def.target == TargetKind::region)
                probe.region = static_cast<std::int16_t>(def.regions.empty() ? 0 : def.regions[0]);
            Verdict v = orders_phase ? check_order(g, team, probe, drafts) : Verdict{};
            reason = !orders_phase ? "Not the orders phase"
                     : committed   ? "Already committed"
                     : v.ok()      ? "No legal target"
                                   : v.message;
        }
        if (ui.button(add.c_str(), !targets.empty(), reason.c_str())) {
            int pick = std::clamp(target_choice_[int(a)], 0, int(targets.size()) - 1);
            auto next = drafts;
            next.push_back(*targets[pick]);
            game.send(Draft{next});
        }
        ImGui::SameLine();
        ImGui::TextWrapped("%s  (%d AP%s)", def.name.c_str(), def.cost, def.roll ? ", rolled" : "");
        if (targets.size() > 1 || (targets.size() == 1 && def.target != TargetKind::none)) {
            int& pick = target_choice_[int(a)];
            pick = std::clamp(pick, 0, int(targets.size()) - 1);
            if (def.target == TargetKind::region) {
                std::string label = (picking_ == int(a) ? "Click a region...##" : "Pick on the map##") + def.id;
                if (ui.button(label.c_str())) picking_ = picking_ == int(a) ? -1 : int(a);
                remember_alias(ui, "Pick on the map##" + def.id);
                ImGui::SameLine();
            }
            ImGui::SetNextItemWidth(-1);
            std::string cur = describe_order(g, team, *targets[pick]);
            if (ImGui::BeginCombo("##target", cur.c_str())) {
                for (int i = 0; i < int(targets.size()); ++i)
                    if (ImGui::Selectable(describe_order(g, team, *targets[i]).c_str(), i == pick)) pick = i;
                ImGui::EndCombo();
            }
        } else if (targets.empty() && orders_phase && !committed) {
            ImGui::TextColored(kWarn, "  %s", reason.c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace gb::client
