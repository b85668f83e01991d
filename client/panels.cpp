// The side panel: the inject card, the orders editor, the hand, diplomacy,
// chat, the turn report and the game tab; the White Cell console.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app.hpp"
#include "bot.hpp"
#include "narrate.hpp"
#include "palette.hpp"
#include "rules.hpp"

namespace gb::client {

namespace {

ImVec4 team_colour(int t) {
    sf::Color c = palette::kTeam[t];
    auto up = [](sf::Uint8 x) { return std::min(1.0f, x / 255.f * 1.35f + 0.08f); };
    return ImVec4(up(c.r), up(c.g), up(c.b), 1);
}

const ImVec4 kAccent(0.90f, 0.74f, 0.38f, 1);
const ImVec4 kQuote(0.78f, 0.80f, 0.72f, 1);
const ImVec4 kWarn(1.0f, 0.55f, 0.45f, 1);

void section(const char* title) {
    ImGui::Spacing();
    ImGui::TextColored(kAccent, "%s", title);
    ImGui::Separator();
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

std::string upper_first(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace

bool App::tab(const std::string& label) {
    bool open = ImGui::BeginTabItem(label.c_str());
    remember_item(label);
    if (auto hash = label.find("###"); hash != std::string::npos) remember_item(label.substr(hash + 3));
    return open;
}

bool App::is_online(std::uint32_t player) const {
    return session_ && std::find(session_->online.begin(), session_->online.end(), player) != session_->online.end();
}

// A player in a seat list: a green dot when connected, grey when not.
void App::presence_line(const Player& p, bool lead) {
    bool on = is_online(p.id);
    ImVec2 c = ImGui::GetCursorScreenPos();
    float r = 4 * ui_scale_;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(c.x + 10 * ui_scale_, c.y + ImGui::GetTextLineHeight() / 2), r,
                                                on ? IM_COL32(90, 200, 110, 255) : IM_COL32(110, 110, 110, 255));
    ImGui::Dummy(ImVec2(18 * ui_scale_, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    ImGui::Text("%s%s%s", p.name.c_str(), lead ? "  (lead)" : "", on || replay_ ? "" : "  (not connected)");
}

void App::draw_side_panel() {
    auto size = window_.getSize();
    const auto& vp = board_.viewport();
    float top = vp.top;
    ImGui::SetNextWindowPos(ImVec2(vp.width, top));
    ImGui::SetNextWindowSize(ImVec2(float(size.x) - vp.width, float(size.y) - top));
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw_card();
    ImGui::Spacing();
    if (ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        if (replay_ && tab("Debrief")) {
            draw_debrief();
            ImGui::EndTabItem();
        }
        if (is_control()) {
            if (tab("Console")) {
                draw_console();
                ImGui::EndTabItem();
            }
            if (tab("Deck")) {
                draw_console_injects();
                ImGui::EndTabItem();
            }
            if (tab("Report")) {
                draw_report(true);
                ImGui::EndTabItem();
            }
            if (tab("Orders")) {
                draw_omniscient();
                ImGui::EndTabItem();
            }
            if (tab("Seats")) {
                draw_console_seats();
                ImGui::EndTabItem();
            }
            if (tab("Board")) {
                draw_console_tracks();
                ImGui::EndTabItem();
            }
        } else {
            if (is_team()) {
                if (tab("Orders")) {
                    draw_orders();
                    ImGui::EndTabItem();
                }
                if (tab("Diplomacy")) {
                    draw_diplomacy();
                    ImGui::EndTabItem();
                }
                if (tab("Hand")) {
                    draw_hand();
                    ImGui::EndTabItem();
                }
            }
            if (tab("Report")) {
                draw_report(false);
                ImGui::EndTabItem();
            }
        }
        // Chat with the unread count in its tab.
        std::size_t unread = 0;
        const auto& msgs = view().messages;
        std::size_t seen = chat_seen_[-1];
        if (msgs.size() > seen) unread = msgs.size() - seen;
        std::string chat = unread ? "Chat (" + std::to_string(unread) + ")###chat" : std::string("Chat###chat");
        if (tab(chat)) {
            draw_chat();
            chat_seen_[-1] = msgs.size();
            ImGui::EndTabItem();
        }
        if (tab("Game")) {
            draw_game_tab();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

void App::draw_card() {
    const GameState& g = view();
    float s = ui_scale_;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.93f, 0.90f, 0.82f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.12f, 0.11f, 0.10f, 1));
    float h = std::max(150.f * s, ImGui::GetContentRegionAvail().y * 0.36f);
    ImGui::BeginChild("##card", ImVec2(0, h), true);
    if (g.ended()) {
        Standing st = standing(g);
        ImGui::TextColored(ImVec4(0.45f, 0.12f, 0.08f, 1), "THE GAME IS OVER");
        ImGui::Separator();
        for (Team t : kAllTeams)
            ImGui::Text("%-16s %3d  (par %d, %+d)%s", g.sc().teams[idx(t)].name.c_str(), st.score[idx(t)],
                        g.sc().teams[idx(t)].par, st.result[idx(t)], (st.winners >> idx(t)) & 1u ? "  WINNER" : "");
        ImGui::Text("Rapprochement: %s   War: %s   Breakout: %s", st.rapprochement ? "yes" : "no",
                    st.war ? "yes" : "no", st.breakout ? "yes" : "no");
    } else if (g.inject >= 0 && g.inject_drawn) {
        const CardDef& c = g.card(g.inject);
        ImGui::TextColored(ImVec4(0.45f, 0.12f, 0.08f, 1), "INJECT  %s", c.date.c_str());
        ImGui::PushTextWrapPos(0);
        ImGui::SetWindowFontScale(1.15f);
        ImGui::TextUnformatted(c.title.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::Separator();
        ImGui::TextUnformatted(c.text.c_str());
        if (!c.source.empty()) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.30f, 0.27f, 0.22f, 1));
            ImGui::TextUnformatted(("\"" + c.source + "\"").c_str());
            ImGui::PopStyleColor();
        }
        if (c.kind == CardKind::choice) {
            ImGui::Spacing();
            bool mine = is_team() && idx(my_team()) == c.chooser;
            ImGui::Text("%s chooses:", team_name(g, c.chooser).c_str());
            for (std::size_t i = 0; i < c.options.size(); ++i) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
                std::string label = c.options[i].label + "##opt" + std::to_string(i);
                bool can = mine && g.choice_pending && is_lead();
                if (button(label.c_str(), can, mine ? "Only your lead chooses" : "Another team's choice"))
                    send(Choose{static_cast<std::uint8_t>(i)});
                ImGui::PopStyleColor();
                ImGui::SameLine();
                ImGui::TextWrapped("%s", c.options[i].text.c_str());
            }
            if (!g.choice_pending && g.chosen >= 0 && g.chosen < int(c.options.size()))
                ImGui::Text("Chosen: %s", c.options[g.chosen].label.c_str());
        }
        if (!c.note.empty() && (is_control() || g.ended())) {
            ImGui::Spacing();
            ImGui::TextColored(ImVec4(0.10f, 0.30f, 0.45f, 1), "Teaching note (White Cell)");
            ImGui::TextUnformatted(c.note.c_str());
        }
        ImGui::PopTextWrapPos();
    } else {
        ImGui::TextColored(ImVec4(0.45f, 0.12f, 0.08f, 1), "TURN %d: %s", g.turn, g.calendar_label().c_str());
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(g.sc().summary.c_str());
        ImGui::Spacing();
        ImGui::TextDisabled("%s", is_control() ? "Draw the inject from the Console to begin the turn."
                                               : "Waiting for this turn's inject.");
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

void App::draw_orders() {
    const GameState& g = view();
    const Scenario& sc = g.sc();
    Team team = my_team();
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
        ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - 60 * ui_scale_);
        std::string label = "Remove##" + std::to_string(i);
        if (button(label.c_str(), orders_phase && !committed)) {
            auto next = drafts;
            next.erase(next.begin() + static_cast<long>(i));
            send(Draft{next});
        }
        ImGui::PopID();
    }
    {
        bool can = orders_phase && !committed && is_lead();
        const char* why = !is_lead()  ? "Only the lead commits; drafts are shared with the lead."
                          : committed ? "Already committed"
                                      : "Not the orders phase";
        if (button("Commit orders", can, why)) send(Commit{drafts});
        ImGui::SameLine();
        ImGui::TextDisabled("%s", is_lead() ? "You are the lead." : "The lead commits.");
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
        if (button(add.c_str(), !targets.empty(), reason.c_str())) {
            int pick = std::clamp(target_choice_[int(a)], 0, int(targets.size()) - 1);
            auto next = drafts;
            next.push_back(*targets[pick]);
            send(Draft{next});
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

void App::draw_hand() {
    const GameState& g = view();
    int t = idx(my_team());
    int n = g.board.hand_size[t];
    if (n == 0) ImGui::TextDisabled("Your hand is empty. Opportunity cards come to you as injects.");
    for (int i = 0; i < n; ++i) {
        const CardDef& c = g.card(g.board.hands[t][i]);
        ImGui::PushID(i);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.20f, 0.22f, 0.25f, 1));
        ImGui::BeginChild("##hcard", ImVec2(0, 120 * ui_scale_), true);
        ImGui::TextColored(kAccent, "%s", c.title.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", c.date.c_str());
        ImGui::TextWrapped("%s", c.text.c_str());
        hint("Play it with the 'play a card' order in the orders phase.");
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

void App::draw_diplomacy() {
    const GameState& g = view();
    const Scenario& sc = g.sc();
    Team me = my_team();
    bool lead = is_lead();
    // The framework proposal.
    const Proposal& p = g.board.proposal;
    section("Grand bargain");
    if (p.from >= 0) {
        ImGui::TextWrapped("%s proposes a framework: %s", team_name(g, p.from).c_str(),
                           describe_terms(g, p.terms).c_str());
        Team answerer = p.from == idx(Team::us) ? Team::iran : Team::us;
        if (me == answerer) {
            if (button("Accept the framework", lead, "Only the lead answers")) send(AnswerFramework{true});
            ImGui::SameLine();
            if (button("Reject the framework", lead, "Only the lead answers")) send(AnswerFramework{false});
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
            if (button("Accept", can, "Only the lead answers, in negotiation")) send(AnswerOffer{o.id, true});
            ImGui::SameLine();
            if (button("Reject", can, "Only the lead answers, in negotiation")) send(AnswerOffer{o.id, false});
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
            remember_item(sc.concessions[c].name + "##g");
        }
    ImGui::NextColumn();
    ImGui::TextColored(kAccent, "You want");
    for (std::size_t c = 0; c < sc.concessions.size(); ++c)
        if (sc.concessions[c].teams & (1u << offer_to_)) {
            bool v = offer_wants_[c];
            if (ImGui::Checkbox((sc.concessions[c].name + "##w").c_str(), &v)) offer_wants_[c] = v;
            remember_item(sc.concessions[c].name + "##w");
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
    Verdict v = validate(g, seat(), Action{m});
    if (button("Send offer", v.ok(), v.message.c_str())) {
        send(m);
        std::fill(offer_gives_.begin(), offer_gives_.end(), false);
        std::fill(offer_wants_.begin(), offer_wants_.end(), false);
    }
    if (!v.ok()) {
        ImGui::SameLine();
        ImGui::TextColored(kWarn, "%s", v.message.c_str());
    }
}

void App::draw_chat() {
    const GameState& g = view();
    const Scenario& sc = g.sc();
    struct Ch {
        std::string label;
        ChatChannel channel;
        Team to;
    };
    std::vector<Ch> chans;
    if (is_control()) {
        chans.push_back({"All teams", ChatChannel::all, Team::us});
        chans.push_back({"Broadcast", ChatChannel::broadcast, Team::us});
        for (Team t : kAllTeams) chans.push_back({"To " + sc.teams[idx(t)].name, ChatChannel::control, t});
    } else if (is_team()) {
        chans.push_back({"Team", ChatChannel::team, my_team()});
        for (Team t : kAllTeams)
            if (t != my_team()) chans.push_back({sc.teams[idx(t)].name, ChatChannel::bilateral, t});
        chans.push_back({"All teams", ChatChannel::all, Team::us});
        chans.push_back({"White Cell", ChatChannel::control, my_team()});
    } else {
        chans.push_back({"All teams", ChatChannel::all, Team::us});
    }
    auto belongs = [&](const Message& m, const Ch& c) {
        if (c.channel == ChatChannel::all) return m.channel == ChatChannel::all || m.channel == ChatChannel::broadcast;
        if (m.channel != c.channel) return false;
        switch (c.channel) {
            case ChatChannel::team: return true;
            case ChatChannel::bilateral: return m.from == c.to || m.to == c.to;
            case ChatChannel::control:
                return is_control() ? (m.role == SeatRole::control ? m.to == c.to : m.from == c.to) : true;
            default: return true;
        }
    };
    chat_channel_ = std::clamp(chat_channel_, 0, int(chans.size()) - 1);
    for (int i = 0; i < int(chans.size()); ++i) {
        std::size_t count = 0;
        for (const Message& m : g.messages) count += belongs(m, chans[i]);
        std::size_t& seen = chat_seen_[i];
        if (i == chat_channel_) seen = count;
        std::string label = chans[i].label + (count > seen ? " (" + std::to_string(count - seen) + ")" : "") + "##ch" +
                            std::to_string(i);
        if (i) ImGui::SameLine();
        if (ImGui::RadioButton(label.c_str(), chat_channel_ == i)) chat_channel_ = i;
        remember_item(label);
    }
    const Ch& cur = chans[chat_channel_];
    float input_h = ImGui::GetFrameHeightWithSpacing() + 4;
    ImGui::BeginChild("##log", ImVec2(0, -input_h), true);
    for (const Message& m : g.messages) {
        if (!belongs(m, cur)) continue;
        std::string who;
        const Player* p = g.find_player(m.player);
        std::string name = p ? p->name : "?";
        if (m.role == SeatRole::control)
            ImGui::TextColored(kAccent, "[T%d] White Cell:", m.turn);
        else
            ImGui::TextColored(team_colour(idx(m.from)), "[T%d] %s (%s):", m.turn, name.c_str(),
                               sc.teams[idx(m.from)].name.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", m.text.c_str());
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-70 * ui_scale_);
    bool enter = ImGui::InputTextWithHint("##say", ("Message to " + cur.label).c_str(), chat_input_, sizeof chat_input_,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    remember_item("chat-input");
    ImGui::SameLine();
    if ((button("Send##chat") || enter) && chat_input_[0]) {
        send(Chat{cur.channel, cur.to, chat_input_});
        chat_input_[0] = 0;
        ImGui::SetKeyboardFocusHere(-1);
    }
}

void App::draw_report(bool draft_tools) {
    const GameState& g = view();
    if (g.reports.empty()) {
        ImGui::TextDisabled("No turn has been adjudicated yet.");
        return;
    }
    bool reviewing = draft_tools && !g.reports.back().released && g.phase == Phase::adjudication;
    if (reviewing) {
        // The White Cell reviews the draft before anyone sees it.
        hint("Review the draft. Amend any result with a reason, then release the report to every team.");
        ImGui::SetNextItemWidth(-150 * ui_scale_);
        ImGui::InputTextWithHint("##reason", "reason for an amendment", reason_, sizeof reason_);
        remember_item("amend-reason");
        ImGui::SameLine();
        if (button("Release the report")) send(Release{});
        ImGui::Separator();
    }
    ImGui::BeginChild("##reports", ImVec2(0, 0), false);
    for (int i = int(g.reports.size()) - 1; i >= 0; --i) {
        const Report& r = g.reports[i];
        std::string head = "Turn " + std::to_string(r.turn) + (r.released ? "" : " (draft, not released)");
        ImGui::PushID(i);
        if (ImGui::CollapsingHeader(head.c_str(),
                                    i == int(g.reports.size()) - 1 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
            bool editable = draft_tools && !r.released && g.phase == Phase::adjudication;
            for (std::size_t k = 0; k < r.results.size(); ++k) {
                const Result& res = r.results[k];
                ImGui::PushID(static_cast<int>(k));
                ImVec4 c = res.success ? ImVec4(0.75f, 0.90f, 0.75f, 1) : ImVec4(0.95f, 0.65f, 0.60f, 1);
                ImGui::PushStyleColor(ImGuiCol_Text, c);
                ImGui::TextWrapped("%s%s", describe_result(g, res).c_str(), res.amended ? "  [amended]" : "");
                ImGui::PopStyleColor();
                if (res.amended && !res.reason.empty()) hint(("   reason: " + res.reason).c_str());
                for (const Event& e : res.events)
                    if (auto line = describe(g, e); !line.empty()) hint(("   " + line).c_str());
                if (editable) {
                    std::string label =
                        std::string(res.success ? "Amend to failure" : "Amend to success") + "##" + std::to_string(k);
                    if (button(label.c_str(), reason_[0] != 0, "Write the reason first (below)"))
                        send(Amend{static_cast<std::uint16_t>(k), !res.success, reason_});
                }
                ImGui::PopID();
            }
            if (!r.end_of_turn.empty()) ImGui::TextColored(kAccent, "End of turn");
            for (const Event& e : r.end_of_turn)
                if (auto line = describe(g, e); !line.empty()) ImGui::BulletText("%s", line.c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void App::draw_game_tab() {
    const GameState& g = view();
    const Scenario& sc = g.sc();
    section("Scores");
    if (ImGui::BeginTable("##scores", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Team");
        ImGui::TableSetupColumn("Score");
        ImGui::TableSetupColumn("Par");
        ImGui::TableSetupColumn("vs par");
        ImGui::TableHeadersRow();
        for (Team t : kAllTeams) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(team_colour(idx(t)), "%s", sc.teams[idx(t)].name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", g.score[idx(t)]);
            ImGui::TableNextColumn();
            ImGui::Text("%d", sc.teams[idx(t)].par);
            ImGui::TableNextColumn();
            ImGui::Text("%+d", g.score[idx(t)] - sc.teams[idx(t)].par);
        }
        ImGui::EndTable();
    }
    section("Seats");
    for (Team t : kAllTeams) {
        ImGui::TextColored(team_colour(idx(t)), "%s", sc.teams[idx(t)].name.c_str());
        ImGui::SameLine();
        if (g.bot[idx(t)]) ImGui::TextDisabled("[bot]");
        if (g.committed[idx(t)]) {
            ImGui::SameLine();
            ImGui::TextDisabled("[committed]");
        }
        if (g.ready[idx(t)]) {
            ImGui::SameLine();
            ImGui::TextDisabled("[ready]");
        }
        for (const Player& p : g.players)
            if (p.role == SeatRole::team && p.team == t) presence_line(p, g.lead[idx(t)] == p.id);
    }
    int control = 0, observers = 0;
    for (const Player& p : g.players) {
        control += p.role == SeatRole::control && is_online(p.id);
        observers += p.role == SeatRole::observer && is_online(p.id);
    }
    ImGui::Text("White Cell: %d connected   Observers: %d connected", control, observers);
    if (!g.notes.empty()) {
        section("White Cell notes and bookmarks");
        for (const Note& n : g.notes) ImGui::BulletText("T%d %s: %s", n.turn, n.label.c_str(), n.text.c_str());
    }
    section("Help");
    ImGui::TextWrapped(
        "Drag the map to pan, scroll to zoom, Home to fit. Hover a region or a track for details and recent changes. "
        "Right-click the map to ping your teammates.");
}

// ------------------------------------------------------------------ White Cell

void App::draw_console() {
    const GameState& g = view();
    bool live = !g.ended();
    section("Phase");
    ImGui::Text("Turn %d, %s phase%s", g.turn, name_of(g.phase).data(), g.paused ? ", paused" : "");
    if (g.phase == Phase::inject && !g.inject_drawn) {
        if (button("Draw the inject", live)) send(DrawInject{});
        ImGui::SameLine();
    }
    if (button("Advance phase", live)) send(AdvancePhase{});
    ImGui::SameLine();
    if (g.paused) {
        if (button("Resume", live)) send(Resume{});
    } else if (button("Pause", live)) {
        send(Pause{});
    }
    if (g.phase == Phase::adjudication) {
        ImGui::SameLine();
        if (button("Release the report##console", live)) send(Release{});
    }
    ImGui::SetNextItemWidth(140 * ui_scale_);
    ImGui::InputInt("seconds##timer", &timer_seconds_, 30, 300);
    timer_seconds_ = std::clamp(timer_seconds_, 0, 86400);
    ImGui::SameLine();
    if (button("Set phase timer", live)) send(SetTimer{timer_seconds_});
    hint("Timers run on the server clock for negotiation and orders; 0 turns them off.");
    section("Teams");
    for (Team t : kAllTeams) {
        ImGui::TextColored(team_colour(idx(t)), "%-14s", g.sc().teams[idx(t)].name.c_str());
        ImGui::SameLine();
        ImGui::Text("%s%s%s", g.ready[idx(t)] ? "ready " : "", g.committed[idx(t)] ? "committed " : "",
                    g.bot[idx(t)] ? "(bot)" : "");
    }
    section("Broadcast");
    ImGui::SetNextItemWidth(-90 * ui_scale_);
    ImGui::InputTextWithHint("##broadcast", "a message to every seat", broadcast_, sizeof broadcast_);
    ImGui::SameLine();
    if (button("Broadcast", broadcast_[0] != 0)) {
        send(Chat{ChatChannel::broadcast, Team::us, broadcast_});
        broadcast_[0] = 0;
    }
    section("Bookmark");
    ImGui::InputTextWithHint("Label##bm", "e.g. The 2003 offer arrives", bookmark_label_, sizeof bookmark_label_);
    ImGui::InputTextWithHint("Note##bm", "what to discuss in the debrief", bookmark_note_, sizeof bookmark_note_);
    if (button("Add bookmark", bookmark_label_[0] != 0)) {
        send(Bookmark{bookmark_label_, bookmark_note_});
        bookmark_label_[0] = bookmark_note_[0] = 0;
    }
    section("End the game");
    ImGui::InputTextWithHint("Reason##end", "why the game ends now", reason_, sizeof reason_);
    if (button("End game", live && reason_[0] != 0, "Write the reason first")) send(EndGame{reason_});
}

void App::draw_console_injects() {
    const GameState& g = view();
    bool editing = g.phase == Phase::inject && !g.inject_drawn && !g.ended();
    ImGui::TextWrapped("The deck, top first. Edit it before drawing this turn's inject.");
    for (std::size_t i = 0; i < g.deck.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const CardDef& c = g.card(g.deck[i]);
        if (button("Up", editing && i > 0))
            send(ReorderDeck{static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(i - 1)});
        ImGui::SameLine();
        if (button("Down", editing && i + 1 < g.deck.size()))
            send(ReorderDeck{static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(i + 1)});
        ImGui::SameLine();
        ImGui::Text("%zu. %s (%s)", i + 1, c.title.c_str(), c.date.c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(400 * ui_scale_);
            ImGui::TextUnformatted(c.text.c_str());
            if (!c.note.empty()) ImGui::TextDisabled("Note: %s", c.note.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    if (button("Hold the top card", editing && !g.deck.empty())) send(HoldInject{});
    if (!g.held.empty()) {
        ImGui::Text("Held:");
        for (auto c : g.held) ImGui::BulletText("%s", g.card(c).title.c_str());
    }
    section("Replace the inject with any card");
    int pool = static_cast<int>(g.sc().cards.size() + g.written.size());
    replace_card_ = std::clamp(replace_card_, 0, std::max(0, pool - 1));
    if (pool > 0 && ImGui::BeginCombo("Card##replace", g.card(replace_card_).title.c_str())) {
        for (int c = 0; c < pool; ++c)
            if (ImGui::Selectable((g.card(c).title + "##" + std::to_string(c)).c_str(), c == replace_card_))
                replace_card_ = c;
        ImGui::EndCombo();
    }
    if (button("Put it on top", editing && pool > 0)) send(ReplaceInject{static_cast<std::int16_t>(replace_card_)});
    section("Write a new inject");
    ImGui::InputText("Title##w", inject_title_, sizeof inject_title_);
    ImGui::InputTextMultiline("Text##w", inject_text_, sizeof inject_text_, ImVec2(-1, 70 * ui_scale_));
    static const char* tracks[] = {"trust",    "tension",         "nuclear", "sanctions",
                                   "us_hawks", "iran_hardliners", "al_qaeda"};
    ImGui::SetNextItemWidth(160 * ui_scale_);
    ImGui::Combo("Effect on##w", &write_track_, tracks, kTracks);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * ui_scale_);
    ImGui::InputInt("by##w", &write_delta_);
    write_delta_ = std::clamp(write_delta_, -5, 5);
    WriteInject w;
    w.title = inject_title_;
    w.text = inject_text_;
    if (write_delta_ != 0) {
        Effect e;
        e.verb = EffectVerb::track;
        e.a = write_track_;
        e.value = write_delta_;
        w.effects.push_back(e);
    }
    Verdict v = validate(g, seat(), Action{w});
    if (button("Write it on top of the deck", editing && inject_title_[0] && v.ok(), v.message.c_str())) {
        send(w);
        inject_title_[0] = inject_text_[0] = 0;
    }
}

void App::draw_console_seats() {
    const GameState& g = view();
    for (Team t : kAllTeams) {
        ImGui::PushID(idx(t));
        ImGui::TextColored(team_colour(idx(t)), "%s", g.sc().teams[idx(t)].name.c_str());
        ImGui::SameLine();
        bool bot = g.bot[idx(t)];
        if (button(bot ? "Take the bot out" : "Put a bot in", !g.ended())) send(SetBot{t, !bot});
        for (const Player& p : g.players) {
            if (p.role != SeatRole::team || p.team != t) continue;
            ImGui::PushID(static_cast<int>(p.id));
            bool lead = g.lead[idx(t)] == p.id;
            presence_line(p, lead);
            ImGui::SameLine();
            if (button("Make lead", !lead)) send(SetLead{t, p.id});
            ImGui::SameLine();
            if (button("Remove")) send(Leave{p.id});
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    section("Observers");
    for (const Player& p : g.players)
        if (p.role == SeatRole::observer) ImGui::BulletText("%s", p.name.c_str());
}

void App::draw_console_tracks() {
    const GameState& g = view();
    ImGui::TextWrapped("Set a track or the channel directly. The reason is journaled and shown in the debrief.");
    ImGui::InputTextWithHint("Reason##tr", "why", reason_, sizeof reason_);
    static const char* labels[] = {"trust",    "tension",         "nuclear", "sanctions",
                                   "us_hawks", "iran_hardliners", "al_qaeda"};
    for (int t = 0; t < kTracks; ++t) {
        ImGui::PushID(t);
        const TrackDef& d = g.sc().tracks[t];
        ImGui::SetNextItemWidth(200 * ui_scale_);
        ImGui::SliderInt(labels[t], &set_track_[t], d.min, d.max);
        ImGui::SameLine();
        if (button("Set", set_track_[t] != g.board.tracks[t] && reason_[0], "Change the value and write a reason"))
            send(SetTrack{static_cast<Track>(t), static_cast<std::int16_t>(set_track_[t]), reason_});
        ImGui::PopID();
    }
    static const char* chans[] = {"closed", "secret", "tactical", "strategic"};
    ImGui::SetNextItemWidth(200 * ui_scale_);
    ImGui::Combo("channel", &set_channel_, chans, 4);
    ImGui::SameLine();
    if (button("Set##ch", reason_[0] != 0 && set_channel_ != int(g.board.channel)))
        send(SetChannel{static_cast<Channel>(set_channel_), reason_});
}

void App::draw_omniscient() {
    const GameState& g = view();
    for (Team t : kAllTeams) {
        int i = idx(t);
        ImGui::TextColored(team_colour(i), "%s", g.sc().teams[i].name.c_str());
        ImGui::SameLine();
        if (g.committed[i]) {
            ImGui::TextDisabled("committed");
            for (const Order& o : g.orders[i]) ImGui::BulletText("%s", describe_order(g, t, o).c_str());
            if (g.orders[i].empty()) ImGui::BulletText("no orders");
        } else {
            ImGui::TextDisabled("%zu drafted, not committed", g.drafts[i].size());
        }
    }
}

}  // namespace gb::client
