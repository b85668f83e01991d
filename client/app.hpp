// gb-client: the window, the main menu, the connection to a game (embedded
// or remote), the panels, the White Cell console, scripted input for tests,
// screenshots and the frame benchmark.
#pragma once

#include <SFML/Graphics.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "board_view.hpp"
#include "client.hpp"
#include "imgui_sfml.hpp"
#include "map_asset.hpp"
#include "timeline.hpp"

struct ImDrawList;

namespace gb {
class Server;
}

namespace gb::client {

struct ClientOptions {
    // Host a game on an embedded server.
    bool host_local = false;
    std::string scenario = "after-911";
    std::string seat = "us";  // us|iran|israel|gulf|control
    std::optional<std::uint64_t> seed;
    std::optional<std::vector<std::string>> bots;  // teams bots play (default: every other team)
    std::uint16_t port = 7777;
    // The embedded server listens on this machine only, unless others on the
    // network may join (--lan, or the menu's checkbox); --bind names an address.
    bool lan = false;
    std::string bind;
    std::string data;  // journals of hosted games
    // Join a game on a server.
    std::string join;  // host:port
    std::string code, team = "us", name;
    // Output.
    std::string screenshot;
    int frames = 30;
    int benchmark_frames = 0;
    bool full_redraw = false;
    std::string benchmark_mouse;  // board|panel: move the pointer every frame while measuring  // rasterize every
                                  // frame, even an unchanged one
    unsigned width = 1280, height = 720;
    std::string script;
    std::string replay;  // a journal to open
    std::string replay_as = "control";
    std::string assets;  // directory holding map/region.map
    std::chrono::steady_clock::time_point started;
};

// The embedded server of a hosted game, on its own thread.
struct LocalServer {
    std::unique_ptr<Server> server;
    std::thread thread;
    std::string data_dir;
    std::string admin_token;  // read from data_dir's admin.token
    std::uint16_t port = 0;
    ~LocalServer();
};

struct Toast {
    std::string text;
    bool error = false;
    std::chrono::steady_clock::time_point at;
};

class App {
public:
    explicit App(ClientOptions o);
    ~App();
    int run();

private:
    // ---- lifecycle
    bool start_from_flags();
    std::string host_game(const std::string& scenario, const std::string& seat, std::optional<std::uint64_t> seed,
                          const std::vector<std::string>& bots);
    std::string join_game(const std::string& endpoint, const std::string& code, const std::string& seat,
                          const std::string& name);
    void leave_game();
    // Starts the embedded server (local_) on the configured port, or any free one.
    // Starts the embedded server; `scenario`, a file on this machine, is
    // offered to it by its id (the host's own choice of rules).
    std::string start_local_server(const std::string& scenario = {});
    // ---- replay
    std::string open_replay(const std::string& journal, const std::string& as);
    void seek(std::size_t point);
    void draw_timeline();
    void draw_debrief();
    std::string fork_here(bool embedded, const std::string& endpoint);
    void pump_network();
    void on_update(const net::Update& u);

    // ---- frame
    void frame(float dt);
    void compose(sf::Vector2u size, std::size_t board_sig);
    void layout(sf::Vector2u size);
    void handle_event(const sf::Event& e);
    void draw_menu();
    void draw_top_bar();
    void draw_tracks();
    void draw_board_tooltip();
    void draw_side_panel();
    void draw_card();
    void draw_orders();
    void draw_hand();
    void draw_diplomacy();
    void draw_chat();
    void draw_report(bool draft_tools);
    void draw_game_tab();
    void draw_console();
    void draw_console_injects();
    void draw_console_seats();
    void draw_console_tracks();
    void draw_omniscient();
    void draw_toasts();

    // ---- helpers
    bool button(const char* label, bool enabled = true, const char* why_not = nullptr);
    void remember_item(const std::string& label);
    bool tab(const std::string& label);
    bool is_online(std::uint32_t player) const;
    void presence_line(const Player& p, bool lead);
    void send(const Action& a);
    bool is_control() const;
    const GameState& view() const;  // the live seat's view, or the replay's
    Seat seat() const;
    bool is_team() const;
    bool is_lead() const;
    Team my_team() const;
    void toast(const std::string& text, bool error);
    std::string track_tooltip(Track t) const;
    std::string region_tooltip(int region) const;

    // ---- scripted input (tests): the same event path as the mouse and keyboard
    void script_step();
    bool script_fail(const std::string& why);
    void save_view(const std::string& path);
    bool screenshot(const std::string& path);
    std::string board_line() const;

    ClientOptions opt_;
    sf::RenderWindow window_;
    std::unique_ptr<ImGuiLayer> gui_;
    MapAsset map_;
    BoardView board_;
    std::unique_ptr<ImDrawList> overlay_;  // the board's labels, chips, outline and pings
    sf::RenderTexture board_layer_;        // the map with its overlay, redrawn when either changes
    bool board_layer_valid_ = false;
    std::size_t board_layer_sig_ = 0;
    std::unique_ptr<ImDrawList> live_;  // what moves every frame: hover outline, pings
    sf::RenderTexture panel_layer_;     // the docked panels, each redrawn when its lists change
    std::map<std::string, sf::IntRect> panel_rects_;
    std::map<std::string, std::size_t> panel_sigs_;
    sf::RenderTexture canvas_;  // the composed frame, copied to the window every frame
    bool canvas_valid_ = false;
    std::size_t canvas_sig_ = 0, canvas_layers_sig_ = 0, last_frame_sig_ = 0;
    bool redrawn_ = false;  // a layer was rasterized again this frame
    bool always_redraw_ = false;
    float ui_scale_ = 1;

    // game
    std::unique_ptr<LocalServer> local_;
    std::unique_ptr<net::SeatSession> session_;
    std::shared_ptr<const Scenario> scenario_;
    std::string endpoint_host_;
    std::uint16_t endpoint_port_ = 0;
    net::GameCodes codes_;  // the codes of a game this client hosts or forked
    bool in_game_ = false;
    bool connected_ = false;
    int reconnect_attempts_ = 0;
    std::chrono::steady_clock::time_point next_reconnect_;
    std::chrono::steady_clock::time_point phase_started_;
    int seen_phase_key_ = -1;
    std::size_t seen_refusals_ = 0;
    bool board_dirty_ = true;

    // replay
    std::unique_ptr<Timeline> replay_;
    GameState replay_view_;
    std::size_t replay_point_ = 0;
    Perspective replay_as_;
    bool replay_playing_ = false;
    float replay_speed_ = 4;  // actions per second
    double replay_accum_ = 0;
    std::vector<Annotation> annotations_;
    float timeline_h_ = 0;
    std::vector<std::pair<std::size_t, std::string>> journal_bookmarks_;  // point, "label: note"
    char annotation_label_[96] = {};
    char annotation_note_[256] = {};
    char fork_server_[128] = "127.0.0.1:7777";
    char fork_name_[96] = {};
    int fork_where_ = 0;  // 0 here, 1 a server
    std::string fork_result_;
    char menu_replay_[512] = {};
    std::vector<std::string> saved_journals_;
    std::chrono::steady_clock::time_point journals_listed_;

    // recent changes by region and track, for tooltips
    std::map<int, std::deque<std::string>> region_log_;
    std::map<int, std::deque<std::string>> track_log_;
    std::deque<Toast> toasts_;

    // panel state
    int chat_channel_ = 0;  // 0 team, 1..4 bilateral per team, 5 all, 6 White Cell, 7 broadcast
    std::map<int, std::size_t> chat_seen_;
    char chat_input_[512] = {};
    int offer_to_ = -1;
    std::vector<bool> offer_gives_, offer_wants_;
    std::map<int, int> target_choice_;  // action -> index among its legal targets
    std::map<int, bool> amend_choice_;
    char reason_[256] = {};
    char inject_title_[96] = {};
    char inject_text_[512] = {};
    char bookmark_label_[96] = {};
    char bookmark_note_[256] = {};
    char broadcast_[256] = {};
    int timer_seconds_ = 600;
    int replace_card_ = 0;
    int write_track_ = 1;
    int write_delta_ = -1;
    std::array<int, kTracks> set_track_{};
    int set_channel_ = 0;
    std::optional<Ping> my_ping_;

    // menu state
    int menu_tab_ = 0;
    int menu_scenario_ = 0;
    std::vector<std::string> scenario_files_;
    int menu_seat_ = 0;
    bool menu_lan_ = false;
    bool menu_bots_[4] = {false, true, true, true};
    char menu_seed_[24] = "";
    char menu_address_[128] = "127.0.0.1:7777";
    char menu_code_[32] = "";
    char menu_name_[64] = "";
    int menu_join_seat_ = 0;
    std::string menu_error_;

    // widgets seen last frame, for scripted clicks
    std::map<std::string, sf::FloatRect> widgets_;
    // script
    std::vector<std::string> script_;
    std::size_t script_pc_ = 0;
    std::string script_target_;  // the widget a scripted click waits for
    int script_wait_frames_ = 0;
    std::chrono::steady_clock::time_point script_deadline_;
    bool script_waiting_ = false;
    std::deque<sf::Event> injected_;
    int exit_code_ = 0;
    bool quit_ = false;
};

}  // namespace gb::client
