// The side panel's tabs, one object each, owning its own state: the inject
// card, orders, hand, diplomacy, chat, the turn report, the game tab, the
// White Cell's console, deck, seats and board, and the replay's timeline
// and debrief. Each draws from the session's view and acts through it.
#pragma once

#include <SFML/System/Vector2.hpp>
#include <array>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "explain.hpp"
#include "order_help.hpp"
#include "session.hpp"
#include "ui.hpp"

namespace gb::client {

// The core's explanations as the panels show them (client/explain_view.cpp).
// "Spoiler" in the warning colour, on the line of the last item.
void spoiler_mark();
// An explanation's sentences, wrapped; a line starting with two spaces indented.
void explanation_lines(const Explanation& x);
// Its title (with the spoiler mark), then its lines.
void show_explanation(const Explanation& x);
// The explanation (and `extra` under it) in a tooltip while the last item is hovered.
void explanation_tooltip(const Explanation& x, const std::string& extra = {});
// Sentences in a tooltip while the last item is hovered.
void lines_tooltip(const std::vector<std::string>& lines);

// The inject card's layout from frame to frame: whether it is open (by
// default in the inject phase and at the end, folded to its header line in
// the other phases; a click on its arrow overrides that until the phase
// changes), and the height its content took last frame.
struct CardLayout {
    bool open = true;
    bool overridden = false;
    std::tuple<int, int> phase{-1, -1};  // (turn, phase) the override was made in
    float content_h = 0;
};
// The inject card above the tabs (or the turn's summary, or the final
// scores), only as tall as its content, up to a share of the panel's height.
void draw_card(Session& game, Ui& ui, CardLayout& layout);
// The team's hand of opportunity cards.
void draw_hand(const Session& game, const Ui& ui);
// A player in a seat list: a green dot when connected, grey when not.
void presence_line(const Session& game, const Ui& ui, const Player& p, bool lead);

class OrdersPanel {
public:
    void draw(Session& game, Ui& ui);
    // An order waiting for its target to be clicked on the map.
    bool picking() const;
    // The map was clicked on `region` while picking: it becomes the target, if legal.
    void pick(Session& game, Toasts& toasts, int region);

private:
    void draw_action_points(const Session& game);
    void draw_draft_row(Session& game, Ui& ui, std::size_t i, bool editable);
    // `open`: orders can be added now.
    void draw_menu(Session& game, Ui& ui, bool open);
    // The targets of an action, worked out again only when the view changes.
    const Targets& targets(const GameState& g, Team team, int action);
    int picking_ = -1;  // the action whose target the next map click picks
    std::map<int, Order> target_choice_;  // action -> the target the player chose
    std::tuple<const Scenario*, std::uint32_t, int, int> targets_for_{};
    std::map<int, Targets> targets_;
};

class DiplomacyPanel {
public:
    void draw(Session& game, Ui& ui);

private:
    int offer_to_ = -1;
    std::uint32_t confirm_accept_ = 0;  // the offer the confirmation asks about
    std::vector<bool> offer_gives_, offer_wants_;
};

class ChatPanel {
public:
    void draw(Session& game, Ui& ui);
    // Messages not yet read in any channel.
    std::size_t unread(const Session& game);
    void mark_read(const Session& game);
    // Shows the White Cell channel with the input focused, from the next frame.
    void select_white_cell() { want_white_cell_ = true; }

private:
    bool want_white_cell_ = false, focus_input_ = false;
    int channel_ = 0;
    std::map<int, std::size_t> seen_;
    std::size_t seen_all_ = 0;
    char input_[512] = {};
};

class ReportPanel {
public:
    // `draft_tools`: the White Cell's review (amend, release).
    void draw(Session& game, Ui& ui, bool draft_tools);

private:
    char amend_reason_[256] = {};
};

void draw_game_tab(const Session& game, const Ui& ui);

// The White Cell's console: phase, timer, broadcast, bookmarks, ending the game.
class ConsolePanel {
public:
    void draw(Session& game, Ui& ui);

private:
    int timer_seconds_ = 600;
    char broadcast_[256] = {};
    char bookmark_label_[96] = {};
    char bookmark_note_[256] = {};
    char end_reason_[256] = {};
};

// The White Cell's deck: reorder, hold, replace and write injects.
class DeckPanel {
public:
    void draw(Session& game, Ui& ui);

private:
    int replace_card_ = 0;
    char inject_title_[96] = {};
    char inject_text_[512] = {};
    int write_track_ = 1;
    int write_delta_ = -1;
};

// The White Cell's seats: bots, leads, removing players, observers.
void draw_console_seats(Session& game, Ui& ui);
// Every team's drafts and committed orders, as the White Cell sees them.
void draw_omniscient(const Session& game, Ui& ui);

// The White Cell's board: set a track or the channel, with a reason.
class BoardPanel {
public:
    void draw(Session& game, Ui& ui);

private:
    std::array<int, kTracks> set_track_{};
    std::array<int, kTracks> seen_track_{};
    bool synced_ = false;
    int set_channel_ = 0, seen_channel_ = 0;
    int confirm_ = 0;  // the track (kTracks: the channel) the confirmation asks about
    char reason_[256] = {};
};

// A replay's timeline under the board and its debrief tab.
class ReplayPanel {
public:
    void draw_timeline(Session& game, Ui& ui, sf::FloatRect area);
    void draw_debrief(Session& game, Ui& ui, Toasts& toasts);
    // Loads the annotations and bookmarks of the replay just opened.
    void open(const Session& game);

private:
    std::vector<Annotation> annotations_;
    std::vector<std::pair<std::size_t, std::string>> journal_bookmarks_;  // point, "label: note"
    std::string opened_;
    char annotation_label_[96] = {};
    char annotation_note_[256] = {};
    char fork_server_[128] = "127.0.0.1:7777";
    char fork_name_[96] = {};
    int fork_where_ = 0;  // 0 here, 1 a server
    std::string fork_result_;
};

// The docked panel to the right of the board: the card, then the tabs.
class SidePanel {
public:
    // `unread_reports`: released reports not yet read (the Report tab's badge), cleared on reading.
    void draw(Session& game, Ui& ui, Toasts& toasts, sf::FloatRect area, int& unread_reports);
    // Opens the chat on the White Cell's channel, ready to type.
    void open_white_cell_chat();
    // Whether an order waits for its target to be clicked on the map, and that click.
    bool picking() const;
    void on_map_click(Session& game, Toasts& toasts, int region);
    ReplayPanel replay;

private:
    OrdersPanel orders_;
    DiplomacyPanel diplomacy_;
    ChatPanel chat_;
    ReportPanel report_;
    ConsolePanel console_;
    DeckPanel deck_;
    BoardPanel board_;
    CardLayout card_;
    bool select_chat_ = false;
};

// The projector view's column (instead of the side panel).
void draw_projector(const Session& game, Ui& ui, sf::FloatRect area);

}  // namespace gb::client
