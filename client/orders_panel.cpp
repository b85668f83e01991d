// The orders tab: the team's shared draft (rows of a fixed height, reordered
// with Up and Down), committing it, and adding orders from the targets the
// core offers (core/order_help.hpp), each explained in the core's words.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "order_help.hpp"
#include "panels.hpp"
#include "primer.hpp"
#include "rules.hpp"

namespace gb::client {

namespace {

// A draft row's inner padding.
float row_pad() {
    return ImGui::GetFontSize() * 0.25f;
}

const char* warning_kind(OrderWarning::Kind k) {
    switch (k) {
        case OrderWarning::Kind::repeats_deal: return "repeats_deal";
        case OrderWarning::Kind::breaks_deal: return "breaks_deal";
        case OrderWarning::Kind::breaks_promise: return "breaks_promise";
    }
    return "";
}

// A target as the tests read it: "region marker" (scenario ids, "-" for none).
std::string target_note(const Scenario& sc, const Order& o) {
    auto region = o.region >= 0 && o.region < int(sc.regions.size()) ? sc.regions[o.region].id : std::string("-");
    auto marker = o.marker >= 0 && o.marker < int(sc.markers.size()) ? sc.markers[o.marker].id : std::string("-");
    return region + " " + marker;
}

// A draft's row: its buttons and title, and two lines of what it does (it
// scrolls for the rest; its title's tooltip has it all).
float draft_row_height() {
    return ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() * 2 + row_pad() * 2;
}

// Who wrote a draft, for its row ("" when the journal predates authors).
std::string draft_author(const GameState& g, Team team, std::size_t i) {
    return g.draft_author(team, i);
}

}  // namespace

const Targets& OrdersPanel::targets(const GameState& g, Team team, int action) {
    auto key = std::make_tuple(&g.sc(), g.actions_applied, g.turn, static_cast<int>(g.phase));
    if (key != targets_for_) {
        targets_for_ = key;
        targets_.clear();
    }
    auto it = targets_.find(action);
    if (it == targets_.end()) it = targets_.emplace(action, order_targets(g, team, action, g.drafts[idx(team)])).first;
    return it->second;
}

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
    const Targets& t = targets(g, team, a);
    // The first target in the clicked region, or the default when it is there (an armed group).
    int found = -1;
    for (int i = 0; i < int(t.choices.size()); ++i)
        if (t.choices[i].order.region == region && (found < 0 || i == t.default_index)) found = i;
    if (found >= 0) {
        target_choice_[a] = t.choices[found].order;
        toasts.push(sc.actions[a].name + ": " + t.choices[found].label + ". Press Add to draft it.", false);
        return;
    }
    toasts.push(sc.regions[region].name + " is not a target " + sc.actions[a].name + " can take now.", true);
}

void OrdersPanel::draw_action_points(const Session& game) {
    const GameState& g = game.view();
    Team team = game.my_team();
    int base = g.sc().rules.action_points[idx(team)];
    int ap = action_points(g, team);
    int used = 0;
    for (const Order& o : g.drafts[idx(team)])
        if (o.action >= 0 && o.action < int(g.sc().actions.size())) used += g.sc().actions[o.action].cost;
    std::vector<std::string> reasons = action_point_reasons(g, team);
    ImGui::Text("Action points: %d of %d left", ap - used, ap);
    lines_tooltip(reasons);
    ImGui::SameLine();
    ImGui::ProgressBar(ap > 0 ? float(ap - used) / ap : 0, ImVec2(-1, 0), "");
    lines_tooltip(reasons);
    if (ap != base) {
        // Why they differ from the base, in the core's words (its last line is the total).
        ImGui::PushStyleColor(ImGuiCol_Text, kAccent);
        for (std::size_t i = 1; i + 1 < reasons.size(); ++i) ImGui::TextWrapped("%s", reasons[i].c_str());
        ImGui::PopStyleColor();
    }
}

void OrdersPanel::draw_draft_row(Session& game, Ui& ui, std::size_t i, bool editable) {
    const GameState& g = game.view();
    Team team = game.my_team();
    const auto& drafts = g.drafts[idx(team)];
    const Order& o = drafts[i];
    std::vector<Order> before(drafts.begin(), drafts.begin() + static_cast<long>(i));
    Explanation x = explain_order(g, team, o);
    std::vector<OrderWarning> warnings = order_warnings(g, team, o, before);
    std::string roll = roll_sentence(g, team, o);
    std::string n = std::to_string(i);
    if (!warnings.empty()) ui.note("warning.draft" + n, warning_kind(warnings[0].kind));
    if (o.action >= 0 && o.action < int(g.sc().actions.size()))
        ui.note("draft." + n, g.sc().actions[o.action].id + " " + target_note(g.sc(), o));

    // A row of a fixed height, whatever it holds: nothing moves under the
    // pointer when a description wraps, a warning shows, or a row goes.
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(row_pad() * 2, row_pad()));
    ImGui::BeginChild("##draft", ImVec2(0, draft_row_height()), true);
    ImGui::PopStyleVar();
    auto moved = [&](std::size_t from, std::size_t to) {
        auto next = drafts;
        std::swap(next[from], next[to]);
        game.send(Draft{next});
    };
    if (ui.button(("Up##draft" + n).c_str(), editable && i > 0, "Already first")) moved(i, i - 1);
    ImGui::SameLine();
    if (ui.button(("Down##draft" + n).c_str(), editable && i + 1 < drafts.size(), "Already last")) moved(i, i + 1);
    ImGui::SameLine();
    if (ui.button(("Remove##draft" + n).c_str(), editable)) {
        auto next = drafts;
        next.erase(next.begin() + static_cast<long>(i));
        game.send(Draft{next});
    }
    ImGui::SameLine();
    ImGui::TextColored(kAccent, "%zu.", i + 1);
    if (x.spoiler) spoiler_mark();  // before the title, which may wrap
    ImGui::SameLine();
    ImGui::TextWrapped("%s", x.title.c_str());
    std::string more = roll;
    for (const OrderWarning& w : warnings) more += (more.empty() ? "" : "\n") + ("Warning: " + w.text);
    explanation_tooltip(x, more);
    // Who drafted it.
    if (std::string who = draft_author(g, team, i); !who.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(drafted by %s)", who.c_str());
    }
    // Warnings first: they matter before the commit. Then the roll and what it does.
    ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
    for (const OrderWarning& w : warnings) ImGui::TextWrapped("Warning: %s", w.text.c_str());
    ImGui::PopStyleColor();
    if (!roll.empty()) ImGui::TextWrapped("%s", roll.c_str());
    explanation_lines(x);
    ImGui::EndChild();
    ImGui::PopID();
}

void OrdersPanel::draw(Session& game, Ui& ui) {
    const GameState& g = game.view();
    Team team = game.my_team();
    int t = idx(team);
    const auto& drafts = g.drafts[t];
    bool orders_phase = g.phase == Phase::orders && !g.ended();
    bool committed = g.committed[t];

    if (orders_phase) draw_action_points(game);
    if (!orders_phase)
        hint(("Orders are written in the orders phase (now: " + std::string(name_of(g.phase)) + ").").c_str());
    if (committed) ImGui::TextColored(kGood, "Your team's orders are committed.");

    section("Your team's draft (shared live with teammates)");
    bool editable = orders_phase && !committed;
    // The list keeps one height, two rows in view (it scrolls beyond), so
    // nothing below it moves when a draft is added or removed.
    ImGui::BeginChild("##drafts", ImVec2(0, 2 * (draft_row_height() + ImGui::GetStyle().ItemSpacing.y)));
    if (std::string due = orders_phase ? promise_reminder(g, team, drafts) : ""; !due.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
        ImGui::TextWrapped("%s", due.c_str());
        ImGui::PopStyleColor();
    }
    if (drafts.empty()) ImGui::TextDisabled("No orders drafted yet.");
    for (std::size_t i = 0; i < drafts.size(); ++i) draw_draft_row(game, ui, i, editable);
    ImGui::EndChild();
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
    // The rest of the tab, but never less than a few rows (the tab scrolls then).
    float rest = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 4);
    ImGui::BeginChild("##menu", ImVec2(0, rest), false);
    ui.note_visible_area("orders.menu");
    // The hand, for the "play a card" order.
    int hand = g.board.hand_size[t];
    std::string hand_label = "Your hand (" + std::to_string(hand) + (hand == 1 ? " card)" : " cards)") + "###hand";
    if (ImGui::CollapsingHeader(hand_label.c_str())) draw_hand(game, ui);
    ui.remember_item("hand");
    draw_menu(game, ui, orders_phase && !committed);
    ImGui::EndChild();
}

void OrdersPanel::draw_menu(Session& game, Ui& ui, bool open) {
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    Team team = game.my_team();
    int t = idx(team);
    const auto& drafts = g.drafts[t];
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
        static const Targets kNone;
        const Targets& targets = open ? this->targets(g, team, int(a)) : kNone;
        ImGui::PushID(static_cast<int>(a));
        std::string reason;
        if (targets.choices.empty()) {
            Order probe;
            probe.action = static_cast<std::int16_t>(a);
            if (def.target == TargetKind::region)
                probe.region = static_cast<std::int16_t>(def.regions.empty() ? 0 : def.regions[0]);
            Verdict v = open ? check_order(g, team, probe, drafts) : Verdict{};
            reason = g.phase != Phase::orders || g.ended() ? "Not the orders phase"
                     : g.committed[t]                       ? "Already committed"
                     : v.ok()                               ? "No target it can take now"
                                                            : v.message;
        }
        // The chosen target: the player's, while it is still offered; else the core's default.
        int pick = targets.default_index;
        if (auto it = target_choice_.find(int(a)); it != target_choice_.end())
            for (std::size_t i = 0; i < targets.choices.size(); ++i)
                if (targets.choices[i].order == it->second) pick = int(i);
        if (pick >= 0) ui.note("target." + def.id, target_note(sc, targets.choices[pick].order));
        if (ui.button(("Add##" + def.id).c_str(), pick >= 0, reason.c_str())) {
            auto next = drafts;
            next.push_back(targets.choices[pick].order);
            game.send(Draft{next});
        }
        ImGui::SameLine();
        // An action it cannot take now is greyed, the reason on hover (one row each,
        // so the menu shows as many actions as it can).
        if (pick < 0) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s  (%d AP%s)", def.name.c_str(), def.cost, def.roll ? ", rolled" : "");
        if (pick < 0) ImGui::PopStyleColor();
        explanation_tooltip(explain_action(g, team, int(a)), pick < 0 && open ? "Not now: " + reason : "");
        if (pick >= 0 && (targets.choices.size() > 1 || def.target != TargetKind::none)) {
            if (def.target == TargetKind::region || def.target == TargetKind::marker) {
                std::string label = (picking_ == int(a) ? "Click a region...##" : "Pick on the map##") + def.id;
                if (ui.button(label.c_str())) picking_ = picking_ == int(a) ? -1 : int(a);
                ui.remember_item("Pick on the map##" + def.id);
                ImGui::SameLine();
            }
            ImGui::SetNextItemWidth(-1);
            if (ImGui::BeginCombo("##target", targets.choices[pick].label.c_str())) {
                for (int i = 0; i < int(targets.choices.size()); ++i)
                    if (ImGui::Selectable(targets.choices[i].label.c_str(), i == pick))
                        target_choice_[int(a)] = targets.choices[i].order;
                ImGui::EndCombo();
            }
            const Order& o = targets.choices[pick].order;
            explanation_tooltip(explain_order(g, team, o), roll_sentence(g, team, o));
        }
        if (pick >= 0)
            for (const OrderWarning& w : order_warnings(g, team, targets.choices[pick].order, drafts)) {
                ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
                ImGui::TextWrapped("%s", w.text.c_str());
                ImGui::PopStyleColor();
            }
        ImGui::PopID();
    }
}

}  // namespace gb::client
