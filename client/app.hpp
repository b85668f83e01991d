// gb-client's shell: the window, the event loop and frame pacing. It owns
// the parts and hands each frame to them: the session (the game and its
// view), the camera and board, the compositor, the HUD, the menu, the side
// panel's tabs and the script driver that tests use.
#pragma once

#include <SFML/Graphics.hpp>
#include <memory>

#include "board_view.hpp"
#include "camera.hpp"
#include "compositor.hpp"
#include "hud.hpp"
#include "imgui_sfml.hpp"
#include "map_asset.hpp"
#include "menu.hpp"
#include "notices.hpp"
#include "options.hpp"
#include "panels.hpp"
#include "learn.hpp"
#include "tutorial_panel.hpp"
#include "script_driver.hpp"
#include "session.hpp"
#include "settings.hpp"
#include "sounds.hpp"
#include "toasts.hpp"
#include "ui.hpp"

namespace gb::client {

class App {
public:
    explicit App(ClientOptions o);
    ~App();
    int run();

private:
    bool start_from_flags();
    // Builds and composes a frame; `whole`: draw all of it in the back buffer.
    void frame(float dt, bool whole);
    // Compares what the window shows with the whole frame drawn again (a script's check-shown).
    void check_shown(const std::string& path);
    void layout(sf::Vector2u size);
    void handle_event(const sf::Event& e);
    // Keys of the shell itself (primer, legend, scale, focus); true when used.
    bool handle_key(const sf::Event::KeyEvent& k);
    void set_scale(float scale, bool save);
    float auto_scale(unsigned height) const;
    void save_settings();
    void print_benchmark(std::vector<double> frame_ms, std::vector<double> redraw_ms);
    void print_probes();
    std::chrono::steady_clock::time_point next_wake() const;

    ClientOptions opt_;
    Settings settings_;
    std::string settings_path_;
    sf::RenderWindow window_;
    std::unique_ptr<ImGuiLayer> gui_;
    Ui ui_;
    Toasts toasts_;
    Session game_;
    MapAsset map_;
    Camera camera_;
    BoardView board_{camera_};
    const Scenario* board_scenario_ = nullptr;  // the scenario the board's map is linked to
    std::unique_ptr<Compositor> compositor_;
    Hud hud_;
    std::unique_ptr<Menu> menu_;
    SidePanel side_;
    Primer primer_;
    BriefWindow brief_;
    Legend legend_;
    TutorialPanel tutorial_;
    NoticeWatcher notices_;
    Sounds sounds_;
    // The primer and the brief open by themselves (not in tests' scripted or measured runs).
    bool popups_ = true;
    bool primer_was_open_ = false;
    bool projector_scaled_ = false;
    ScriptDriver script_;
    float timeline_h_ = 0;
    bool quit_ = false;
    std::string focus_next_;  // a panel to give keyboard focus to in the next frame
    int focus_cycle_ = 0;
    bool force_present_ = true;
};

}  // namespace gb::client
