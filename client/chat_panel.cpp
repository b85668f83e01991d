// The chat tab: one log per channel with unread counts, and the input line.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "panels.hpp"

namespace gb::client {

void ChatPanel::draw(Session& game, Ui& ui) {
    const GameState& g = game.view();
    const Scenario& sc = g.sc();
    struct Ch {
        std::string label;
        ChatChannel channel;
        Team to;
    };
    std::vector<Ch> chans;
    if (game.is_control()) {
        chans.push_back({"All teams", ChatChannel::all, Team::us});
        chans.push_back({"Broadcast", ChatChannel::broadcast, Team::us});
        for (Team t : kAllTeams) chans.push_back({"To " + sc.teams[idx(t)].name, ChatChannel::control, t});
    } else if (game.is_team()) {
        chans.push_back({"Team", ChatChannel::team, game.my_team()});
        for (Team t : kAllTeams)
            if (t != game.my_team()) chans.push_back({sc.teams[idx(t)].name, ChatChannel::bilateral, t});
        chans.push_back({"All teams", ChatChannel::all, Team::us});
        chans.push_back({"White Cell", ChatChannel::control, game.my_team()});
    } else {
        chans.push_back({"All teams", ChatChannel::all, Team::us});
        chans.push_back({"White Cell", ChatChannel::broadcast, Team::us});  // its broadcasts, to read
    }
    // The White Cell's broadcasts sit in its own channel, never in "All teams".
    auto belongs = [&](const Message& m, const Ch& c) {
        if (c.channel == ChatChannel::control && !game.is_control() && m.channel == ChatChannel::broadcast) return true;
        if (m.channel != c.channel) return false;
        switch (c.channel) {
            case ChatChannel::team: return true;
            case ChatChannel::bilateral: return m.from == c.to || m.to == c.to;
            case ChatChannel::control:
                return game.is_control() ? (m.role == SeatRole::control ? m.to == c.to : m.from == c.to) : true;
            default: return true;
        }
    };
    if (want_white_cell_) {
        want_white_cell_ = false;
        for (int i = 0; i < int(chans.size()); ++i)
            if (chans[i].label == "White Cell") channel_ = i;
        focus_input_ = true;
    }
    channel_ = std::clamp(channel_, 0, int(chans.size()) - 1);
    const ImGuiStyle& style = ImGui::GetStyle();
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (int i = 0; i < int(chans.size()); ++i) {
        std::size_t count = 0;
        for (const Message& m : g.messages) count += belongs(m, chans[i]);
        std::size_t& seen = seen_[i];
        if (i == channel_) seen = count;
        std::string label = chans[i].label + (count > seen ? " (" + std::to_string(count - seen) + ")" : "") + "##ch" +
                            std::to_string(i);
        // Channels flow onto a new line rather than past the panel's edge.
        float w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                  ImGui::CalcTextSize(label.substr(0, label.find("##")).c_str()).x;
        if (i && ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right) ImGui::SameLine();
        if (ImGui::RadioButton(label.c_str(), channel_ == i)) channel_ = i;
        ui.remember_item(label);
    }
    const Ch& cur = chans[channel_];
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
            ImGui::TextColored(team_text_colour(idx(m.from)), "[T%d] %s (%s):", m.turn, name.c_str(),
                               sc.teams[idx(m.from)].name.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", m.text.c_str());
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
    if (!game.is_control() && !game.is_team()) {
        ImGui::TextDisabled("Observers read the chat; they do not write.");
        return;
    }
    ImGui::SetNextItemWidth(-70 * ui.scale);
    if (focus_input_) {
        ImGui::SetKeyboardFocusHere();
        focus_input_ = false;
    }
    bool enter = ImGui::InputTextWithHint("##say", ("Message to " + cur.label).c_str(), input_, sizeof input_,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ui.remember_item("chat-input");
    ImGui::SameLine();
    if ((ui.button("Send##chat") || enter) && input_[0]) {
        game.send(Chat{cur.channel, cur.to, input_});
        input_[0] = 0;
        ImGui::SetKeyboardFocusHere(-1);
    }
}

std::size_t ChatPanel::unread(const Session& game) {
    std::size_t n = game.view().messages.size();
    return n > seen_all_ ? n - seen_all_ : 0;
}

void ChatPanel::mark_read(const Session& game) {
    seen_all_ = game.view().messages.size();
}

}  // namespace gb::client
