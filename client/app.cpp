#include "app.hpp"

#include <imgui.h>

// GCC names an ASan build with __SANITIZE_ADDRESS__; clang (before 16) only
// answers __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define GB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GB_ASAN 1
#endif
#endif
#if defined(GB_ASAN)
#include <dlfcn.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <utility>

#include <SFML/System/Err.hpp>
#include "idle_meter.hpp"
#include "present.hpp"
#include "client_data.hpp"
#include "serialize.hpp"

namespace gb::client {

using Clock = std::chrono::steady_clock;

namespace {

constexpr unsigned kMinWidth = 1280, kMinHeight = 720;

float scale_for_height(unsigned h) {
    return h >= 1300 ? 1.6f : h >= 1000 ? 1.3f : 1.0f;
}

}  // namespace

// The scale a window of this height gets, in large type for a projector.
float App::auto_scale(unsigned height) const {
    bool projector = opt_.projector || (menu_ && menu_->projector);
    return scale_for_height(height) * (projector ? 1.4f : 1.0f);
}

App::App(ClientOptions o) : opt_(std::move(o)), game_(opt_, toasts_) {
    const std::string assets = find_assets(opt_);  // before the window: a missing folder is the first error
    sf::ContextSettings cs;
    {
        // SFML reports on stderr that software GL cannot switch vertical sync
        // off, which it never had on; that line alone is kept quiet.
        std::streambuf* err = sf::err().rdbuf(nullptr);
        window_.create(sf::VideoMode(opt_.width, opt_.height), "Grand Bargain", sf::Style::Default, cs);
        sf::err().rdbuf(err);
    }
    if (!window_.isOpen()) throw std::runtime_error("cannot open a window (is DISPLAY set?)");
    // Without a window manager (Xvfb, a kiosk) the window opens centred on the screen.
    auto desktop = sf::VideoMode::getDesktopMode();
    window_.setPosition({std::max(0, int(desktop.width) - int(opt_.width)) / 2,
                         std::max(0, int(desktop.height) - int(opt_.height)) / 2});
    // Frames are paced in run(): a frame shown in part bypasses display()'s limit.
    window_.setFramerateLimit(0);
    settings_path_ = opt_.settings.empty() ? Settings::default_path() : opt_.settings;
    settings_ = Settings::load(settings_path_);
    ui_.scale = settings_.ui_scale > 0 ? settings_.ui_scale : auto_scale(opt_.height);
    gui_ = std::make_unique<ImGuiLayer>(window_, font_file(assets).c_str(), ui_.scale);
#if defined(GB_ASAN)
    // Keep the GL driver loaded until exit, so that leak reports can name it
    // (tests/lsan.supp suppresses the driver's own allocations).
    for (const char* drv : {"swrast_dri.so", "libGLX_mesa.so.0"})
        for (const char* dir : {"/usr/lib/x86_64-linux-gnu/dri/", "/usr/lib/x86_64-linux-gnu/", ""})
            ::dlopen((std::string(dir) + drv).c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
#endif
    map_ = load_map(assets + "/map/region.map");
    compositor_ = std::make_unique<Compositor>(window_, opt_.full_redraw);
    sounds_.muted = settings_.muted;
    popups_ = (opt_.script.empty() && opt_.screenshot.empty() && opt_.benchmark_frames == 0 &&
               opt_.idle_seconds == 0 && !opt_.projector) ||
              !opt_.settings.empty();
    primer_.open = popups_ && !settings_.primer_seen;
    menu_ = std::make_unique<Menu>(opt_);
    game_.on_ping = [this](float x, float y, const std::string& name) {
        board_.pings.push_back({x, y, name, Clock::now()});
    };
}

App::~App() = default;

// ------------------------------------------------------------------ frame

void App::layout(sf::Vector2u size) {
    float s = ui_.scale;
    float top = std::round(46 * s), tracks = std::round(92 * s);
    timeline_h_ = game_.replay() ? std::round(64 * s) : 0;
    float panel = std::clamp(size.x * 0.34f, 420 * s, 600 * s);
    camera_.set_viewport(sf::FloatRect(0, top, size.x - panel, size.y - top - tracks - timeline_h_), size);
    int w = int(size.x), h = int(size.y), t = int(top), bw = int(size.x - panel), tl = int(timeline_h_);
    int bb = int(size.y - tracks - timeline_h_);  // the board's bottom edge
    auto& rects = compositor_->panels();
    rects.clear();
    rects["##top"] = sf::IntRect(0, 0, w, t);
    rects["##side"] = sf::IntRect(bw, t, w - bw, h - t);
    rects["##tracks"] = sf::IntRect(0, bb + tl, bw, h - bb - tl);
    if (tl > 0) rects["##timeline"] = sf::IntRect(0, bb, bw, tl);
}

void App::handle_event(const sf::Event& e) {
    if (e.type == sf::Event::Closed) {
        quit_ = true;
        return;
    }
    // Uncovered or refocused, the window may need its frame again.
    if (e.type == sf::Event::GainedFocus || e.type == sf::Event::MouseEntered || e.type == sf::Event::Resized)
        force_present_ = true;
    if (e.type == sf::Event::Resized) {
        window_.setView(sf::View(sf::FloatRect(0, 0, float(e.size.width), float(e.size.height))));
        // The scale follows the window's height unless the player chose one.
        if (settings_.ui_scale <= 0) set_scale(auto_scale(e.size.height), false);
        layout({e.size.width, e.size.height});
    }
    if (e.type == sf::Event::KeyPressed && handle_key(e.key)) return;
    gui_->process(e);
    if (!game_.in_game()) return;
    bool gui_mouse = gui_->wants_mouse();
    camera_.handle(e, gui_mouse);
    if (e.type == sf::Event::MouseButtonReleased && e.mouseButton.button == sf::Mouse::Left && !gui_mouse &&
        side_.picking() && !camera_.dragged()) {
        sf::Vector2f px(float(e.mouseButton.x), float(e.mouseButton.y));
        if (camera_.in_viewport(px)) side_.on_map_click(game_, toasts_, board_.region_at(px));
    }
    if (e.type == sf::Event::MouseButtonPressed && e.mouseButton.button == sf::Mouse::Right && !gui_mouse) {
        sf::Vector2f px(float(e.mouseButton.x), float(e.mouseButton.y));
        if (camera_.in_viewport(px) && game_.connected() && !game_.replay()) {
            sf::Vector2f m = camera_.to_map(px);
            game_.send_pointer(m.x, m.y);
            board_.pings.push_back({m.x, m.y, "you", Clock::now()});
        }
    }
}

bool App::handle_key(const sf::Event::KeyEvent& k) {
    using K = sf::Keyboard;
    bool typing = ImGui::GetIO().WantTextInput;
    if (k.control && (k.code == K::Equal || k.code == K::Add)) {
        set_scale(std::min(2.5f, std::round((ui_.scale + 0.1f) * 10) / 10), true);
        return true;
    }
    if (k.control && (k.code == K::Hyphen || k.code == K::Subtract)) {
        set_scale(std::max(0.8f, std::round((ui_.scale - 0.1f) * 10) / 10), true);
        return true;
    }
    if (k.control && k.code == K::Num0) {  // back to the scale the window's height suggests
        settings_.ui_scale = 0;
        set_scale(auto_scale(window_.getSize().y), false);
        save_settings();
        return true;
    }
    if (k.code == K::F6) {  // keyboard focus to the next panel
        static const char* order[] = {"##side", "##top", "##tracks", "##timeline"};
        int n = game_.replay() ? 4 : 3;
        focus_next_ = game_.in_game() ? order[focus_cycle_++ % n] : "Grand Bargain";
        return true;
    }
    if (k.code == K::F1) {
        primer_.open = !primer_.open;
        return true;
    }
    if (typing || !game_.in_game()) return false;
    if (k.code == K::L && !k.control) {
        legend_.open = !legend_.open;
        return true;
    }
    if (k.code == K::Escape && side_.picking()) {
        side_.on_map_click(game_, toasts_, -1);
        return true;
    }
    if (k.code == K::Home) {
        camera_.fit();
        return true;
    }
    return false;
}

void App::set_scale(float scale, bool save) {
    ui_.scale = scale;
    gui_->set_scale(scale);
    if (save) {
        settings_.ui_scale = scale;
        save_settings();
        toasts_.push("Interface scale " + std::to_string(int(std::lround(scale * 100))) +
                         "% (Ctrl + and Ctrl - change it, Ctrl 0 resets it).",
                     false);
    }
    layout(window_.getSize());
}

void App::save_settings() {
    if (!settings_.save(settings_path_)) toasts_.push("Cannot save the settings in " + settings_path_, true);
}

void App::frame(float dt, bool whole) {
    gui_->new_frame(dt);
    ui_.begin_frame();
    if (!focus_next_.empty()) {
        ImGui::SetWindowFocus(focus_next_.c_str());
        focus_next_.clear();
    }
    auto size = window_.getSize();
    std::size_t board_sig = 0;
    bool in_game = game_.in_game();
    if (in_game) {
        const GameState& g = game_.view();
        if (game_.scenario().get() != board_scenario_) {
            board_scenario_ = game_.scenario().get();
            board_.set_map(map_, *board_scenario_);
            side_.replay.open(game_);
        }
        if (game_.take_changed()) board_.update(g);
        while (!board_.pings.empty() && Clock::now() - board_.pings.front().at > std::chrono::seconds(3))
            board_.pings.pop_front();
        layout(size);
        ImVec2 m = ImGui::GetIO().MousePos;
        board_.hovered = gui_->wants_mouse() ? -1 : board_.region_at(sf::Vector2f(m.x, m.y));
        board_.text_scale = ui_.scale * ImGui::GetIO().FontGlobalScale;
        // The overlay goes in a list of its own, drawn into the board layer.
        ImDrawList* overlay = compositor_->begin_overlay(size);
        board_.overlay(g, overlay);
        board_sig = compositor_->end_overlay() * 31 + board_.version() + 1;
        const auto& vp = camera_.viewport();
        hud_.legend_open = legend_.open;
        hud_.muted = sounds_.muted;
        hud_.draw_top_bar(game_, ui_, camera_, size);
        if (game_.replay())
            side_.replay.draw_timeline(game_, ui_, sf::FloatRect(0, vp.top + vp.height, vp.width, timeline_h_));
        hud_.draw_tracks(game_, ui_, camera_, size, timeline_h_);
        sf::FloatRect side_area(vp.width, vp.top, float(size.x) - vp.width, size.y - vp.top);
        if (opt_.projector || menu_->projector) {
            if (!projector_scaled_ && settings_.ui_scale <= 0) set_scale(auto_scale(size.y), false);
            projector_scaled_ = true;
            draw_projector(game_, ui_, side_area);
        } else
            side_.draw(game_, ui_, toasts_, side_area, notices_.unread_reports);
        if (side_.picking()) {
            ImGui::SetNextWindowPos(ImVec2(vp.left + vp.width / 2, vp.top + vp.height - 12 * ui_.scale), 0,
                                    ImVec2(0.5f, 1));
            ImGui::Begin("##picking", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoNav);
            ImGui::TextUnformatted("Click a region on the map for the order's target (Esc cancels).");
            ImGui::End();
        }
        legend_.draw(game_, ui_, vp);
        tutorial_.draw(game_, ui_, vp);
        if (popups_ && !primer_.open) brief_.offer(game_);
        brief_.draw(game_, ui_, size);
        hud_.draw_board_tooltip(game_, ui_, board_.hovered);
        toasts_.draw(vp, ui_);
    } else {
        menu_->draw(game_, ui_, size);
        if (menu_->quit) quit_ = true;
        toasts_.draw(sf::FloatRect(0, 0, float(size.x), float(size.y)), ui_);
    }
    primer_.draw(game_, ui_, size);
    if (primer_was_open_ && !primer_.open && !settings_.primer_seen) {
        settings_.primer_seen = true;
        save_settings();
    }
    primer_was_open_ = primer_.open;
    // What the player asked for on the top bar.
    if (std::exchange(hud_.want_primer, false)) primer_.open = true;
    if (std::exchange(hud_.want_legend, false)) legend_.open = !legend_.open;
    if (std::exchange(hud_.want_brief, false)) brief_.open = true;
    if (std::exchange(hud_.want_white_cell, false)) side_.open_white_cell_chat();
    if (std::exchange(hud_.want_mute, false)) {
        sounds_.muted = !sounds_.muted;
        settings_.muted = sounds_.muted;
        save_settings();
        toasts_.push(sounds_.muted ? "Sounds off." : "Sounds on: a short cue for each kind of notice.", false);
    }
    if (size.x < kMinWidth || size.y < kMinHeight) {
        // Below the size the panels are laid out for: say so plainly.
        ImGui::SetNextWindowPos(ImVec2(size.x / 2.f, 8), 0, ImVec2(0.5f, 0));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.55f, 0.16f, 0.12f, 0.97f));
        ImGui::Begin("##too-small", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImGui::Text("This window is %ux%u. Grand Bargain needs at least %ux%u:", size.x, size.y, kMinWidth, kMinHeight);
        ImGui::Text("enlarge the window, or some panels will be cut off.");
        ui_.remember_item("too-small");
        ImGui::End();
        ImGui::PopStyleColor();
    }
    gui_->finish();
    if (in_game)
        compositor_->compose(size, board_, board_sig, whole);
    else
        compositor_->compose_menu(whole);
}

// ------------------------------------------------------------------ run

bool App::start_from_flags() {
    std::string err;
    std::string name = opt_.name;
    if (const char* u = std::getenv("USER"); name.empty() && u) name = u;
    if (opt_.tutorial) {
        err = game_.host_tutorial(opt_.scenario, name);
    } else if (opt_.host_local) {
        std::vector<std::string> bots;
        if (opt_.bots) {
            bots = *opt_.bots;
        } else {
            for (Team t : kAllTeams)
                if (std::string(name_of(t)) != opt_.seat) bots.emplace_back(name_of(t));
        }
        err = game_.host_game(opt_.scenario, opt_.seat, opt_.seed, bots, name);
    } else if (!opt_.join.empty()) {
        err = game_.join_game(opt_.join, opt_.code, opt_.team, opt_.name);
    } else if (!opt_.replay.empty()) {
        err = game_.open_replay(opt_.replay, opt_.replay_as);
    }
    if (!err.empty()) {
        std::fprintf(stderr, "gb-client: %s\n", err.c_str());
        return false;
    }
    if (opt_.host_local && game_.local()) {
        const auto& c = game_.codes();
        std::printf(
            "hosting on port %u, us-code: %s, iran-code: %s, israel-code: %s, gulf-code: %s, observer-code: %s, "
            "control-code: %s, journals in %s\n",
            game_.local()->port, c.team[0].c_str(), c.team[1].c_str(), c.team[2].c_str(), c.team[3].c_str(),
            c.observer.c_str(), c.control.c_str(), game_.local()->data_dir.c_str());
    }
    std::fflush(stdout);
    return true;
}

// Where each region's probe point landed on screen, for tests.
void App::print_probes() {
    if (!game_.in_game()) return;
    const Scenario& sc = *game_.scenario();
    for (std::size_t r = 0; r < sc.regions.size(); ++r) {
        sf::Vector2f p;
        if (!board_.probe(static_cast<int>(r), p)) continue;
        auto q = camera_.to_screen(p.x, p.y);
        std::printf("probe %s %d %d\n", sc.regions[r].id.c_str(), int(std::lround(q.x)), int(std::lround(q.y)));
    }
    std::printf("%s\n", ScriptDriver::board_line(board_).c_str());
    std::printf("view-hash %llu\n", static_cast<unsigned long long>(state_hash(game_.view())));
}

// When the next frame is due with no input: now while something moves
// (pings, a replay playing, a quick tap still being delivered), at the next
// tick of a running timer, when a notice expires, or never.
Clock::time_point App::next_wake() const {
    auto now = Clock::now();
    auto never = Clock::time_point::max();
    if (!board_.pings.empty() || gui_->input_pending()) return now;
    if (const Replay* r = game_.replay(); r && r->playing) return now;
    auto wake = toasts_.next_expiry();
    if (ImGui::GetIO().WantTextInput) wake = std::min(wake, now + std::chrono::milliseconds(500));  // the caret blinks
    if (game_.in_game() && !game_.replay()) {
        const GameState& g = game_.view();
        if (g.timer_seconds > 0 && !g.paused && !g.ended()) wake = std::min(wake, now + std::chrono::milliseconds(250));
    }
    return wake == never ? never : wake;
}

int App::run() {
    if (!opt_.script.empty() && !script_.load(opt_.script)) {
        std::fprintf(stderr, "gb-client: cannot read script %s\n", opt_.script.c_str());
        return 2;
    }
    if (!start_from_flags()) return 1;
    layout(window_.getSize());
    sf::Clock clock;
    std::vector<double> frame_ms, redraw_ms;
    bool first = true;
    int frames = 0;
    // Measuring and scripts draw every frame; otherwise a frame is drawn only
    // when input, the network or a clock asks for one.
    bool always = opt_.benchmark_frames > 0 || !opt_.screenshot.empty() || opt_.full_redraw;
    const bool measuring = opt_.benchmark_frames > 0 || !opt_.screenshot.empty();
    constexpr auto kFrameBudget = std::chrono::microseconds(16667);
    auto busy_until = Clock::now() + std::chrono::milliseconds(500);
    IdleMeter idle(opt_.idle_seconds);
    while (window_.isOpen() && !quit_ && !script_.quit) {
        auto t0 = Clock::now();
        bool woke = false;
        sf::Event e;
        while (window_.pollEvent(e)) {
            handle_event(e);
            woke = true;
        }
        game_.pump(clock.getElapsedTime().asSeconds());
        woke = woke || game_.dirty();
        notices_.watch(game_, toasts_);
        for (Notice n : toasts_.take_new()) {
            sounds_.play(n);
            woke = true;
        }
        bool scripted = script_.active() || !script_.injected.empty();
        if (scripted) {
            ScriptContext sc{game_, ui_, board_, window_, toasts_};
            script_.step(sc);
        }
        if (!opt_.benchmark_mouse.empty() && game_.in_game()) {
            // A pointer sweeping the board or the side panel, as a user would.
            const auto& vp = camera_.viewport();
            float t = static_cast<float>(frames % 240) / 240.0f;
            sf::Event move{};
            move.type = sf::Event::MouseMoved;
            if (opt_.benchmark_mouse == "board")
                move.mouseMove = {int(vp.left + vp.width * (0.1f + 0.8f * t)), int(vp.top + vp.height * 0.45f)};
            else
                move.mouseMove = {int(vp.width + 20 + (window_.getSize().x - vp.width - 40) * t),
                                  int(vp.top + vp.height * (0.3f + 0.6f * t))};
            script_.injected.push_back({move});
        }
        // One batch of injected events per frame: a click's press and release
        // land in separate frames, a tap's in the same one.
        if (!script_.injected.empty()) {
            for (const sf::Event& ev : script_.injected.front()) handle_event(ev);
            script_.injected.pop_front();
            woke = true;
        }
        auto now = Clock::now();
        // Input leaves ImGui a few frames to settle (hover, popups, tooltips).
        if (woke) busy_until = std::max(busy_until, now + std::chrono::milliseconds(300));
        if (!always && !scripted && now >= busy_until && now < next_wake()) {
            idle.tick(false, false);
            if (idle.done()) break;
            sf::sleep(sf::milliseconds(static_cast<sf::Int32>(std::clamp<long long>(
                std::chrono::duration_cast<std::chrono::milliseconds>(next_wake() - now).count(), 1, 16))));
            continue;
        }
        // A screenshot reads the back buffer: that frame is drawn whole.
        bool shot_due = script_.screenshot_due() || (!opt_.screenshot.empty() && frames + 1 >= opt_.frames);
        frame(clock.restart().asSeconds(), force_present_ || shot_due);
        force_present_ = false;
        if (auto shot = script_.take_screenshot_request())
            if (!ScriptDriver::screenshot(window_, *shot))
                std::fprintf(stderr, "gb-client: cannot write %s\n", shot->c_str());
        ++frames;
        if (!opt_.screenshot.empty() && frames >= opt_.frames) {
            if (!ScriptDriver::screenshot(window_, opt_.screenshot)) {
                std::fprintf(stderr, "gb-client: cannot write %s\n", opt_.screenshot.c_str());
                return 1;
            }
            print_probes();
            std::printf("screenshot: %s\n", opt_.screenshot.c_str());
            quit_ = true;
        }
        // An unchanged frame is not presented again; a frame that changed in
        // a few rectangles shows only those.
        bool present = compositor_->changed();
        compositor_->present();
        if (auto check = script_.take_check_request()) check_shown(*check);
        idle.tick(true, present);
        if (idle.done()) break;
        auto t1 = Clock::now();
        // While drawing: no more frames than the screen shows (60 a second).
        if (!measuring && t1 - t0 < kFrameBudget)
            sf::sleep(sf::microseconds(static_cast<sf::Int64>(
                std::chrono::duration_cast<std::chrono::microseconds>(kFrameBudget - (t1 - t0)).count())));
        if (first) {
            first = false;
            if (opt_.benchmark_frames > 0)
                std::printf("start to first frame: %.1f ms\n",
                            std::chrono::duration<double, std::milli>(t1 - opt_.started).count());
        } else if (opt_.benchmark_frames > 0) {
            frame_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (compositor_->redrawn()) redraw_ms.push_back(frame_ms.back());
            if (static_cast<int>(frame_ms.size()) >= opt_.benchmark_frames) break;
        }
    }
    if (opt_.benchmark_frames > 0 && !frame_ms.empty()) print_benchmark(frame_ms, redraw_ms);
    idle.report();
    window_.close();
    return script_.exit_code;
}

void App::check_shown(const std::string& path) {
    // What the screen shows, then the same frame drawn whole in the back buffer.
    auto size = window_.getSize();
    sf::Image shown;
    std::ofstream out(path + ".txt");
    sf::IntRect on_screen;
    if (!read_shown_pixels(window_.getSystemHandle(), size, shown, on_screen)) {
        out << "unreadable\n";
        return;
    }
    compositor_->redraw_whole(board_);
    sf::Texture tex;
    if (!tex.create(size.x, size.y)) {
        out << "unreadable\n";
        return;
    }
    tex.update(window_);
    sf::Image drawn = tex.copyToImage();
    long differing = 0;
    for (unsigned y = unsigned(on_screen.top); y < unsigned(on_screen.top + on_screen.height); ++y)
        for (unsigned x = unsigned(on_screen.left); x < unsigned(on_screen.left + on_screen.width); ++x) {
            sf::Color a = shown.getPixel(x, y), b = drawn.getPixel(x, y);
            differing += a.r != b.r || a.g != b.g || a.b != b.b;
        }
    shown.saveToFile(path);
    out << "compared " << long(on_screen.width) * on_screen.height << "\ndiffering " << differing
        << "\nshown_in_part " << compositor_->shown_in_part() << "\nshown_whole " << compositor_->shown_whole()
        << "\npanels_redrawn_in_part " << compositor_->panels_redrawn_in_part() << "\n";
}

void App::print_benchmark(std::vector<double> v, std::vector<double> redraw_ms) {
    std::sort(v.begin(), v.end());
    auto pct = [&](double p) { return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))]; };
    double total = 0;
    for (double x : v) total += x;
    long rss_pages = 0;
    if (std::ifstream statm("/proc/self/statm"); statm) {
        long size = 0;
        statm >> size >> rss_pages;
    }
    auto sz = window_.getSize();
    std::printf("frames: %zu at %ux%u\n", v.size(), sz.x, sz.y);
    std::printf("frame time: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", pct(0.50), pct(0.99), v.back());
    std::printf("frames per second: %.0f\n", 1000.0 * v.size() / total);
    std::sort(redraw_ms.begin(), redraw_ms.end());
    if (!redraw_ms.empty()) {
        auto rp = [&](double p) {
            return redraw_ms[std::min(redraw_ms.size() - 1, static_cast<std::size_t>(p * redraw_ms.size()))];
        };
        std::printf("frames redrawn in full: %zu of %zu (p50 %.2f ms, p99 %.2f ms)\n", redraw_ms.size(), v.size(),
                    rp(0.50), rp(0.99));
    } else {
        std::printf("frames redrawn in full: 0 of %zu\n", v.size());
    }
    std::printf("frames shown in part: %ld, whole: %ld\n", compositor_->shown_in_part(), compositor_->shown_whole());
    std::printf("resident memory: %.1f MiB\n", rss_pages * 4096.0 / (1024 * 1024));
}

}  // namespace gb::client
