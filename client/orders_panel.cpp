// The orders tab: the team's shared draft, committing it, and adding orders
// from the legal targets the rules offer.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "bot.hpp"
#include "narrate.hpp"
#include "panels.hpp"
#include "rules.hpp"

namespace gb::client {

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
    }
    if (!orders_phase)
        hint(("Orders are written in the orders phase (now: " + std::string(name_of(g.phase)) + ").").c_str());
    if (committed) ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.5f, 1), "Your team's orders are committed.");

    section("Your team's draft (shared live with teammates)");
    if (drafts.empty()) ImGui::TextDisabled("No orders drafted yet.");
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", describe_order(g, team, drafts[i]).c_str());
        ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - 60 * ui.scale);
        std::string label = "Remove##" + std::to_string(i);
        if (ui.button(label.c_str(), orders_phase && !committed)) {
            auto next = drafts;
            next.erase(next.begin() + static_cast<long>(i));
            game.send(Draft{next});
        }
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
        ImGui::Text("%s", def.name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(%d AP%s)", def.cost, def.roll ? ", rolled" : "");
        if (targets.size() > 1 || (targets.size() == 1 && def.target != TargetKind::none)) {
            int& pick = target_choice_[int(a)];
            pick = std::clamp(pick, 0, int(targets.size()) - 1);
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
