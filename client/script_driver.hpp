// Scripted input for tests: a file of commands (wait for a phase, click or
// hover a widget by its label, move the pointer, type, press a key, resize,
// take a screenshot, save what the client shows, check what the window
// shows against the whole frame) fed through the same event path as the
// mouse and keyboard.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "board_view.hpp"
#include "session.hpp"
#include "toasts.hpp"
#include "ui.hpp"

namespace gb::client {

// What a script reads and drives.
struct ScriptContext {
    Session& game;
    Ui& ui;
    const BoardView& board;
    sf::RenderWindow& window;
    const Toasts& toasts;
};

class ScriptDriver {
public:
    bool load(const std::string& path);
    bool active() const { return pc_ < lines_.size(); }
    // Runs the script's next command when the last one's input is delivered.
    void step(ScriptContext& c);
    // The path of a screenshot to take after this frame is drawn, if one is due.
    std::optional<std::string> take_screenshot_request();
    bool screenshot_due() const { return pc_ < lines_.size() && lines_[pc_].rfind("#shot ", 0) == 0; }
    // The path of a check of what the window shows, to make after this frame is shown.
    std::optional<std::string> take_check_request();

    // Events the shell delivers, one batch per frame (a tap is a press and
    // its release in one frame).
    std::deque<std::vector<sf::Event>> injected;
    int exit_code = 0;
    bool quit = false;

    // Writes what the client shows (seat, turn, phase, hash, pings, board transform,
    // toasts, and the panels' notes as "note:KEY VALUE").
    static void save_view(const ScriptContext& c, const std::string& path);
    // Writes every widget drawn this frame: "label<TAB>x y w h clipped enabled focused".
    static void save_widgets(const Ui& ui, const std::string& path);
    // Where the map sits on screen, for tests that read screenshots.
    static std::string board_line(const BoardView& board);
    static bool screenshot(sf::RenderWindow& window, const std::string& path);

private:
    bool fail(const std::string& why);
    void left_click(sf::Vector2f at, bool tap);
    std::vector<std::string> lines_;
    std::size_t pc_ = 0;
    int wait_frames_ = 0;
    int presses_ = 0;  // keys pressed so far by this line's key-until-focus
    std::chrono::steady_clock::time_point deadline_;
    bool waiting_ = false;
};

}  // namespace gb::client
