#include "script_driver.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "serialize.hpp"
#include "tutorial.hpp"

namespace gb::client {

using Clock = std::chrono::steady_clock;

namespace {

// Enter, Escape, Tab, Home, F1..F12, Equal, Hyphen, Up, Down, Left, Right, Space, A..Z.
sf::Keyboard::Key key_named(const std::string& n) {
    using K = sf::Keyboard;
    if (n == "Enter") return K::Enter;
    if (n == "Escape") return K::Escape;
    if (n == "Tab") return K::Tab;
    if (n == "Home") return K::Home;
    if (n == "Equal") return K::Equal;
    if (n == "Hyphen") return K::Hyphen;
    if (n == "Up") return K::Up;
    if (n == "Down") return K::Down;
    if (n == "Left") return K::Left;
    if (n == "Right") return K::Right;
    if (n == "Space") return K::Space;
    if (n.size() >= 2 && n[0] == 'F') {
        int f = std::atoi(n.c_str() + 1);
        if (f >= 1 && f <= 12) return static_cast<K::Key>(K::F1 + f - 1);
    }
    if (n.size() == 1 && n[0] >= 'A' && n[0] <= 'Z') return static_cast<K::Key>(K::A + (n[0] - 'A'));
    return K::Unknown;
}

}  // namespace

bool ScriptDriver::load(const std::string& path) {
    std::ifstream f(path);
    if (!f) return false;
    for (std::string l; std::getline(f, l);) lines_.push_back(l);
    return true;
}

std::optional<std::string> ScriptDriver::take_screenshot_request() {
    if (pc_ < lines_.size() && lines_[pc_].rfind("#shot ", 0) == 0) return lines_[pc_++].substr(6);
    return std::nullopt;
}

std::optional<std::string> ScriptDriver::take_check_request() {
    if (pc_ < lines_.size() && lines_[pc_].rfind("#check ", 0) == 0) return lines_[pc_++].substr(7);
    return std::nullopt;
}

// A left click at window coordinates: the pointer moves there, then the button
// goes down and up, in one frame for a tap or in two for a click.
void ScriptDriver::left_click(sf::Vector2f at, bool tap) {
    sf::Event move{}, press{}, release{};
    move.type = sf::Event::MouseMoved;
    move.mouseMove = {int(at.x), int(at.y)};
    press.type = sf::Event::MouseButtonPressed;
    press.mouseButton = {sf::Mouse::Left, int(at.x), int(at.y)};
    release.type = sf::Event::MouseButtonReleased;
    release.mouseButton = {sf::Mouse::Left, int(at.x), int(at.y)};
    injected.push_back({move});
    if (tap) {
        injected.push_back({press, release});
    } else {
        injected.push_back({press});
        injected.push_back({release});
    }
}

bool ScriptDriver::fail(const std::string& why) {
    std::fprintf(stderr, "gb-client: script line %zu (%s): %s\n", pc_ + 1,
                 pc_ < lines_.size() ? lines_[pc_].c_str() : "", why.c_str());
    exit_code = 3;
    quit = true;
    return false;
}

void ScriptDriver::save_widgets(const Ui& ui, const std::string& path) {
    std::ofstream f(path);
    for (const auto& [label, w] : ui.widgets())
        f << label << "\t" << w.rect.left << " " << w.rect.top << " " << w.rect.width << " " << w.rect.height << " "
          << (w.clipped ? 1 : 0) << " " << (w.enabled ? 1 : 0) << " " << (w.focused ? 1 : 0) << "\n";
}

void ScriptDriver::save_view(const ScriptContext& c, const std::string& path) {
    const Session& game = c.game;
    const BoardView& board = c.board;
    std::ofstream f(path);
    if (!game.in_game()) {
        f << "seated 0\n";
        return;
    }
    const GameState& g = game.view();
    f << "seated 1\nturn " << g.turn << "\nphase " << name_of(g.phase) << "\nhash " << state_hash(g) << "\nconnected "
      << (game.connected() ? 1 : 0) << "\nactions " << g.actions_applied << "\n";
    if (g.sc().tutorial.on()) f << "tutorial-step " << tutorial_current_step(g) + 1 << "\n";
    if (game.replay()) f << "point " << game.replay()->point << "\nas " << game.replay()->as.name() << "\n";
    // The countdown as shown, and this machine's wall clock when it was read
    // (ms since 1970): clients on one machine compare clock_ms + timer_ms.
    auto wall_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
    f << "timer_ms " << game.timer_left_ms().value_or(-1) << "\nclock_ms " << wall_ms.count() << "\nrtt_ms "
      << game.round_trip_ms() << "\n";
    f << "pings";
    for (const Ping& p : board.pings) f << " " << p.name;
    f << "\n";
    f << board_line(board) << "\n";
    static const char* kinds[] = {"info", "error", "phase", "report", "offer", "broadcast", "warning"};
    for (const Toast& t : c.toasts.items()) f << "toast " << kinds[static_cast<int>(t.kind)] << " " << t.text << "\n";
    for (const auto& [key, value] : c.ui.notes()) f << "note:" << key << " " << value << "\n";
}

// Where the map sits on screen, for tests that read screenshots: pixels per
// map unit, the screen position of the map's origin, and the board's area.
std::string ScriptDriver::board_line(const BoardView& board) {
    const Camera& cam = board.camera();
    const auto& vp = cam.viewport();
    auto origin = cam.to_screen(0, 0);
    char buf[160];
    std::snprintf(buf, sizeof buf, "board zoom %.6f origin %.3f %.3f viewport %.0f %.0f %.0f %.0f", cam.zoom(),
                  origin.x, origin.y, vp.left, vp.top, vp.width, vp.height);
    return buf;
}

bool ScriptDriver::screenshot(sf::RenderWindow& window, const std::string& path) {
    sf::Texture tex;
    auto size = window.getSize();
    if (!tex.create(size.x, size.y)) return false;
    tex.update(window);
    return tex.copyToImage().saveToFile(path);
}

void ScriptDriver::step(ScriptContext& c) {
    Session& game = c.game;
    Ui& ui = c.ui;
    const BoardView& board = c.board;
    sf::RenderWindow& window = c.window;
    if (pc_ >= lines_.size() || quit) return;
    if (!injected.empty()) return;  // the last command's input is still being delivered
    if (wait_frames_ > 0) {
        --wait_frames_;
        return;
    }
    std::istringstream in(lines_[pc_]);
    std::string cmd;
    in >> cmd;
    std::string rest;
    std::getline(in, rest);
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    auto next = [&] {
        ++pc_;
        waiting_ = false;
        presses_ = 0;
    };
    auto waiting = [&](int seconds) {
        if (!waiting_) {
            waiting_ = true;
            deadline_ = Clock::now() + std::chrono::seconds(seconds);
        }
        if (Clock::now() > deadline_) return fail("timed out"), false;
        return true;
    };
    if (cmd.empty() || cmd[0] == '#') {
        next();
    } else if (cmd == "wait-frames") {
        wait_frames_ = std::atoi(rest.c_str());
        next();
    } else if (cmd == "wait-seated") {
        if (game.in_game() && game.seated())
            next();
        else
            waiting(20);
    } else if (cmd == "wait-phase") {
        std::istringstream r(rest);
        std::string phase;
        int turn = 0;
        r >> phase >> turn;
        bool ok = game.in_game() && std::string(name_of(game.view().phase)) == phase && (turn == 0 || game.view().turn == turn);
        if (ok)
            next();
        else
            waiting(60);
    } else if (cmd == "wait-connected" || cmd == "wait-disconnected") {
        if (game.connected() == (cmd == "wait-connected"))
            next();
        else
            waiting(60);
    } else if (cmd == "wait-file") {  // another process says go: the file exists
        std::error_code ec;
        if (std::filesystem::exists(rest, ec))
            next();
        else
            waiting(120);
    } else if (cmd == "wait-timer-below") {  // the server's countdown shows at most N seconds
        auto ms = game.in_game() ? game.timer_left_ms() : std::nullopt;
        if (ms && *ms <= std::atol(rest.c_str()) * 1000)
            next();
        else
            waiting(120);
    } else if (cmd == "wait-ping") {  // a ping is on the board
        if (!board.pings.empty())
            next();
        else
            waiting(30);
    } else if (cmd == "wait-tutorial-step") {  // the scripted White Cell has said step N (from 1)
        if (game.in_game() && tutorial_current_step(game.view()) + 1 >= std::atoi(rest.c_str()))
            next();
        else
            waiting(60);
    } else if (cmd == "wait-actions") {  // the view has applied at least N actions
        if (game.in_game() && game.view().actions_applied >= std::strtoul(rest.c_str(), nullptr, 10))
            next();
        else
            waiting(60);
    } else if (cmd == "click" || cmd == "tap" || cmd == "hover") {  // tap: press and release in one frame
        if (ui.script_target != rest) {
            ui.script_target = rest;  // next frame scrolls it into view if need be
            return;
        }
        auto it = ui.widgets().find(rest);
        if (it == ui.widgets().end()) {
            waiting(20);
            return;
        }
        const sf::FloatRect& r = it->second.rect;
        sf::Vector2f at(r.left + r.width / 2, r.top + r.height / 2);
        if (cmd == "hover") {  // the pointer rests on the widget
            sf::Event move{};
            move.type = sf::Event::MouseMoved;
            move.mouseMove = {int(at.x), int(at.y)};
            injected.push_back({move});
        } else {
            left_click(at, cmd == "tap");
        }
        ui.script_target.clear();
        next();
    } else if (cmd == "type") {
        for (char ch : rest) {
            sf::Event t{};
            t.type = sf::Event::TextEntered;
            t.text.unicode = static_cast<unsigned char>(ch);
            injected.push_back({t});
        }
        next();
    } else if (cmd == "key-until-focus") {  // KEY MAX LABEL: press KEY until LABEL has keyboard focus
        std::istringstream r(rest);
        std::string key, label;
        int max = 0;
        r >> key >> max;
        std::getline(r, label);
        if (!label.empty() && label[0] == ' ') label.erase(0, 1);
        auto it = ui.widgets().find(label);
        if (it != ui.widgets().end() && it->second.focused) {
            next();
            return;
        }
        if (key_named(key) == sf::Keyboard::Unknown || label.empty()) {
            fail("key-until-focus wants KEY MAX LABEL");
            return;
        }
        if (presses_++ >= max) {
            fail("'" + label + "' has no keyboard focus after " + std::to_string(max) + " presses of " + key);
            return;
        }
        sf::Event k{};
        k.type = sf::Event::KeyPressed;
        k.key.code = key_named(key);
        injected.push_back({k});
        k.type = sf::Event::KeyReleased;
        injected.push_back({k});
    } else if (cmd == "key") {
        sf::Event k{};
        k.type = sf::Event::KeyPressed;
        std::string name = rest;
        if (name.rfind("ctrl+", 0) == 0) {
            k.key.control = true;
            name = name.substr(5);
        }
        k.key.code = key_named(name);
        if (k.key.code == sf::Keyboard::Unknown) {
            fail("unknown key '" + rest + "'");
            return;
        }
        injected.push_back({k});
        k.type = sf::Event::KeyReleased;
        injected.push_back({k});
        next();
    } else if (cmd == "screenshot") {
        // Taken after this frame is drawn; see run().
        next();
        lines_.insert(lines_.begin() + static_cast<long>(pc_), "#shot " + rest);
    } else if (cmd == "move-to") {  // window coordinates: the pointer hovers there
        int x = 0, y = 0;
        if (std::sscanf(rest.c_str(), "%d %d", &x, &y) != 2) {
            fail("move-to wants X Y");
            return;
        }
        sf::Event move{};
        move.type = sf::Event::MouseMoved;
        move.mouseMove = {x, y};
        injected.push_back({move});
        next();
    } else if (cmd == "check-shown") {
        // After this frame is shown: what the window shows against the whole
        // frame drawn again (App::check_shown).
        next();
        lines_.insert(lines_.begin() + static_cast<long>(pc_), "#check " + rest);
    } else if (cmd == "right-click-at") {  // window coordinates: a ping on the map
        int x = 0, y = 0;
        if (std::sscanf(rest.c_str(), "%d %d", &x, &y) != 2) {
            fail("right-click-at wants X Y");
            return;
        }
        sf::Event move{}, press{}, release{};
        move.type = sf::Event::MouseMoved;
        move.mouseMove = {x, y};
        press.type = sf::Event::MouseButtonPressed;
        press.mouseButton = {sf::Mouse::Right, x, y};
        release.type = sf::Event::MouseButtonReleased;
        release.mouseButton = {sf::Mouse::Right, x, y};
        injected.push_back({move});
        injected.push_back({press});
        injected.push_back({release});
        next();
    } else if (cmd == "resize") {  // as a user dragging the window's corner
        unsigned w = 0, h = 0;
        if (std::sscanf(rest.c_str(), "%ux%u", &w, &h) != 2 || w < 640 || h < 480) {
            fail("resize wants WxH");
            return;
        }
        window.setSize({w, h});
        next();
    } else if (cmd == "save-view") {
        save_view(c, rest);
        next();
    } else if (cmd == "save-widgets") {
        save_widgets(ui, rest);
        next();
    } else if (cmd == "wait-widget") {  // a widget with this label is drawn
        if (ui.widgets().count(rest))
            next();
        else
            waiting(30);
    } else if (cmd == "wait-toast") {  // a notice of this kind is showing
        static const char* kinds[] = {"info", "error", "phase", "report", "offer", "broadcast", "warning"};
        bool seen = false;
        for (const Toast& t : c.toasts.items()) seen = seen || rest == kinds[static_cast<int>(t.kind)];
        if (seen)
            next();
        else
            waiting(90);
    } else if (cmd == "click-at" || cmd == "click-region") {  // a left click at window coordinates, or on a region
        sf::Vector2f at;
        if (cmd == "click-at") {
            if (std::sscanf(rest.c_str(), "%f %f", &at.x, &at.y) != 2) {
                fail("click-at wants X Y");
                return;
            }
        } else {
            int r = game.in_game() ? game.scenario()->find_region(rest) : -1;
            sf::Vector2f p;
            if (r < 0 || !board.probe(r, p)) {
                fail("no region '" + rest + "' on the map");
                return;
            }
            at = board.camera().to_screen(p.x, p.y);
        }
        left_click(at, false);
        next();
    } else if (cmd == "quit") {
        quit = true;
        next();
    } else {
        fail("unknown command '" + cmd + "'");
    }
}

}  // namespace gb::client
