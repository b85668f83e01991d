#include "app.hpp"

#include <arpa/inet.h>
#include <dlfcn.h>
#include <ifaddrs.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <netinet/in.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <SFML/OpenGL.hpp>
#include <SFML/System/Err.hpp>
#include "admin_token.hpp"
#include "client_data.hpp"
#include "narrate.hpp"
#include "palette.hpp"
#include "present.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"
#include "serialize.hpp"
#include "server.hpp"

namespace gb::client {

using Clock = std::chrono::steady_clock;

namespace {

// Non-loopback IPv4 addresses, so the host can tell teammates where to join.
std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        char buf[INET_ADDRSTRLEN];
        auto* sin = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
        if (inet_ntop(AF_INET, &sin->sin_addr, buf, sizeof buf) && std::string(buf).rfind("127.", 0) != 0)
            out.push_back(buf);
    }
    freeifaddrs(list);
    return out;
}

std::string clock_text(int seconds) {
    if (seconds < 0) seconds = 0;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", seconds / 60, seconds % 60);
    return buf;
}

ImVec4 team_colour(int t, float alpha = 1) {
    sf::Color c = palette::kTeam[t];
    return ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, alpha);
}

}  // namespace

LocalServer::~LocalServer() {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
}

App::App(ClientOptions o) : opt_(std::move(o)) {
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
    bool measuring = opt_.benchmark_frames > 0 || !opt_.screenshot.empty();
    window_.setFramerateLimit(measuring ? 0 : 60);
    always_redraw_ = opt_.full_redraw;
    ui_scale_ = opt_.height >= 1300 ? 1.6f : opt_.height >= 1000 ? 1.3f : 1.0f;
    gui_ = std::make_unique<ImGuiLayer>(window_, font_file(assets).c_str(), ui_scale_);
#if defined(__SANITIZE_ADDRESS__)
    // Keep the GL driver loaded until exit, so that leak reports can name it
    // (tests/lsan.supp suppresses the driver's own allocations).
    for (const char* drv : {"swrast_dri.so", "libGLX_mesa.so.0"})
        for (const char* dir : {"/usr/lib/x86_64-linux-gnu/dri/", "/usr/lib/x86_64-linux-gnu/", ""})
            ::dlopen((std::string(dir) + drv).c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
#endif
    map_ = load_map(assets + "/map/region.map");
    scenario_files_ = menu_scenarios();
    if (!opt_.name.empty()) std::snprintf(menu_name_, sizeof menu_name_, "%s", opt_.name.c_str());
    if (const char* u = std::getenv("USER"); u && !*menu_name_) std::snprintf(menu_name_, sizeof menu_name_, "%s", u);
}

App::~App() {
    // A hosted game's server stops first, so the host's leaving is not
    // played out (auto-control would otherwise run the bots to the end).
    local_.reset();
    session_.reset();
}

// ------------------------------------------------------------------ games

std::string App::start_local_server(const std::string& scenario) {
    auto ls = std::make_unique<LocalServer>();
    ls->data_dir = opt_.data.empty() ? default_data_dir() + "/hosted" : opt_.data;
    ServerOptions so;
    so.bind = !opt_.bind.empty() ? opt_.bind : opt_.lan || menu_lan_ ? "0.0.0.0" : "127.0.0.1";
    so.port = opt_.port;
    so.data_dir = ls->data_dir;
    ls->server = std::make_unique<Server>(so);
    try {
        ls->server->start();
    } catch (const std::exception& e) {
        if (opt_.port == 0) return e.what();
        so.port = 0;  // the usual port is taken: any free one will do
        ls->server = std::make_unique<Server>(so);
        try {
            ls->server->start();
        } catch (const std::exception& e2) {
            return e2.what();
        }
    }
    ls->port = ls->server->port();
    // The host administers its own server: the token is in the data directory it chose.
    ls->admin_token = read_admin_token(admin_token_path(ls->data_dir)).value_or("");
    if (!scenario.empty()) ls->server->offer_scenario(scenario);
    Server* srv = ls->server.get();
    ls->thread = std::thread([srv] { srv->run(); });
    local_ = std::move(ls);
    return {};
}

std::string App::host_game(const std::string& scenario, const std::string& seat, std::optional<std::uint64_t> seed,
                           const std::vector<std::string>& bots) {
    auto loaded = load_scenario(resolve_scenario_path(scenario));
    if (!loaded.scenario) {
        std::string msg = "cannot load scenario '" + scenario + "'";
        for (const auto& p : loaded.problems) msg += "\n" + p.str();
        return msg;
    }
    if (auto err = start_local_server(resolve_scenario_path(scenario)); !err.empty()) return err;
    net::Connection lobby;
    if (auto err = lobby.open("127.0.0.1", local_->port); !err.empty()) return "embedded server: " + err;
    net::CreateGame create;
    create.scenario = loaded.scenario->id;
    create.admin_token = local_->admin_token;
    create.seed = seed;
    create.name = "Seminar game";
    auto reply = lobby.request(create);
    if (!reply) return "the embedded server did not answer";
    if (auto* e = std::get_if<net::Error>(&*reply)) return e->message;
    auto* created = std::get_if<net::GameCreated>(&*reply);
    if (!created) return "the embedded server did not create the game";
    codes_ = created->codes;
    lobby.close();

    std::string who = opt_.name.empty() ? (*menu_name_ ? menu_name_ : "host") : opt_.name;
    if (seat == "control") {
        // The host is the White Cell: switch the bots in from its own seat,
        // so auto-control never starts the game behind its back.
        if (auto err = join_game("127.0.0.1:" + std::to_string(local_->port), codes_.control, seat, who); !err.empty())
            return err;
        for (const auto& b : bots)
            if (auto t = team_from(b)) session_->act(SetBot{*t, true});
        return {};
    }
    // Bots take their seats through the White Cell's power to switch them.
    if (!bots.empty()) {
        net::SeatSession control;
        if (auto err = control.join("127.0.0.1", local_->port, {codes_.control, SeatRole::control, Team::us, "host"});
            !err.empty())
            return "seating bots: " + err;
        std::vector<std::uint32_t> reqs;
        for (const auto& b : bots)
            if (auto t = team_from(b)) reqs.push_back(control.act(SetBot{*t, true}));
        auto until = Clock::now() + std::chrono::seconds(5);
        auto done = [&] {
            for (auto r : reqs)
                if (!control.acks.count(r) && !control.refusals.count(r)) return false;
            return true;
        };
        while (!done() && Clock::now() < until) control.pump(net::Millis(20));
        for (auto& [r, why] : control.refusals) return "seating bots: " + why;
        control.connection().close();
    }
    auto t = team_from(seat);
    return join_game("127.0.0.1:" + std::to_string(local_->port),
                     t ? codes_.team[idx(*t)] : codes_.for_seat(SeatRole::observer, Team::us), seat, who);
}

std::string App::join_game(const std::string& endpoint, const std::string& code, const std::string& seat,
                           const std::string& name) {
    if (!net::parse_endpoint(endpoint, endpoint_host_, endpoint_port_))
        return "bad address '" + endpoint + "' (HOST:PORT)";
    net::JoinGame j;
    j.code = code;
    j.name = name.empty() ? "player" : name;
    if (seat == "control") {
        j.role = SeatRole::control;
    } else if (seat == "observer") {
        j.role = SeatRole::observer;
    } else if (auto t = team_from(seat)) {
        j.role = SeatRole::team;
        j.team = *t;
    } else {
        return "unknown seat '" + seat + "' (us, iran, israel, gulf, control or observer)";
    }
    auto s = std::make_unique<net::SeatSession>();
    if (auto err = s->join(endpoint_host_, endpoint_port_, j); !err.empty()) return err;
    s->on_update = [this](const net::Update& u) { on_update(u); };
    s->on_error = [this](const net::Error& e) {
        if (e.code != net::ErrorCode::refused) toast("Server: " + e.message, true);
    };
    s->on_pointer = [this](const net::PointerEcho& p) { board_.pings.push_back({p.x, p.y, p.name, Clock::now()}); };
    s->on_seated = [this] { board_dirty_ = true; };
    session_ = std::move(s);
    scenario_ = session_->view().scenario;
    board_.set_map(map_, *scenario_);
    board_dirty_ = true;
    in_game_ = true;
    connected_ = true;
    phase_started_ = Clock::now();
    seen_refusals_ = 0;
    offer_gives_.assign(scenario_->concessions.size(), false);
    offer_wants_.assign(scenario_->concessions.size(), false);
    for (int t = 0; t < kTracks; ++t) set_track_[t] = session_->view().board.tracks[t];
    return {};
}

void App::leave_game() {
    local_.reset();
    session_.reset();
    in_game_ = false;
    codes_ = {};
}

void App::on_update(const net::Update& u) {
    board_dirty_ = true;
    const GameState& g = session_->view();
    for (const Event& e : u.events) {
        std::string line = describe(g, e);
        if (line.empty()) continue;
        line = "T" + std::to_string(g.turn) + ": " + line;
        std::deque<std::string>* log = nullptr;
        switch (e.kind) {
            case Event::Kind::track: log = &track_log_[e.a]; break;
            case Event::Kind::channel: log = &track_log_[kTracks]; break;
            case Event::Kind::influence:
            case Event::Kind::stability:
            case Event::Kind::marker: log = &region_log_[e.a]; break;
            default: break;
        }
        if (log) {
            log->push_front(line);
            if (log->size() > 6) log->pop_back();
        }
        if (e.kind == Event::Kind::game_over) toast("The game is over.", false);
    }
}

void App::pump_network() {
    if (!session_) return;
    if (connected_) {
        if (!session_->pump(net::Millis(0))) {
            connected_ = false;
            reconnect_attempts_ = 0;
            next_reconnect_ = Clock::now() + std::chrono::milliseconds(300);
            toast("Connection lost. Reconnecting...", true);
        }
    } else if (Clock::now() >= next_reconnect_) {
        ++reconnect_attempts_;
        std::string err = session_->resume(net::Millis(250));
        if (err.empty()) {
            connected_ = true;
            board_dirty_ = true;
            toast("Reconnected: your seat and the full game state are back.", false);
        } else {
            int backoff = std::min(5000, 250 << std::min(reconnect_attempts_, 5));
            next_reconnect_ = Clock::now() + std::chrono::milliseconds(backoff);
        }
    }
    if (session_->refusals.size() > seen_refusals_) {
        auto it = session_->refusals.begin();
        std::advance(it, static_cast<long>(seen_refusals_));
        for (; it != session_->refusals.end(); ++it) toast("Refused: " + it->second, true);
        seen_refusals_ = session_->refusals.size();
    }
    const GameState& g = view();
    int key = g.turn * 8 + static_cast<int>(g.phase);
    if (key != seen_phase_key_) {
        seen_phase_key_ = key;
        phase_started_ = Clock::now();
    }
}

void App::send(const Action& a) {
    if (replay_) {
        toast("This is a replay: nothing can be changed. Fork it to play on from here.", true);
        return;
    }
    if (!session_ || !connected_) {
        toast("Not connected: the action was not sent.", true);
        return;
    }
    session_->act(a);
}

bool App::is_control() const {
    return (session_ || replay_) && seat().role == SeatRole::control;
}
bool App::is_team() const {
    return (session_ || replay_) && seat().role == SeatRole::team;
}
Team App::my_team() const {
    return (session_ || replay_) ? seat().team : Team::us;
}
bool App::is_lead() const {
    return !replay_ && is_team() && view().is_lead(seat());
}
const GameState& App::view() const {
    return replay_ ? replay_view_ : session_->view();
}
Seat App::seat() const {
    return replay_ ? replay_as_.seat() : session_->seat();
}

void App::toast(const std::string& text, bool error) {
    toasts_.push_back({text, error, Clock::now()});
    if (toasts_.size() > 5) toasts_.pop_front();
}

// ------------------------------------------------------------------ widgets

void App::remember_item(const std::string& label) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (label == script_target_) {
        // Scroll a scripted click's target into view first, as a user would.
        const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
        if (a.y < clip.Min.y || b.y > clip.Max.y) {
            ImGui::SetScrollHereY(0.5f);
            return;
        }
    }
    widgets_[label] = sf::FloatRect(a.x, a.y, b.x - a.x, b.y - a.y);
}

bool App::button(const char* label, bool enabled, const char* why_not) {
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(label);
    if (!enabled) ImGui::EndDisabled();
    remember_item(label);
    if (!enabled && why_not && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", why_not);
    return pressed && enabled;
}

// ------------------------------------------------------------------ frame

void App::layout(sf::Vector2u size) {
    float s = ui_scale_;
    float top = std::round(46 * s), tracks = std::round(92 * s);
    timeline_h_ = replay_ ? std::round(64 * s) : 0;
    float panel = std::clamp(size.x * 0.34f, 420 * s, 600 * s);
    board_.set_viewport(sf::FloatRect(0, top, size.x - panel, size.y - top - tracks - timeline_h_), size);
    int w = int(size.x), h = int(size.y), t = int(top), bw = int(size.x - panel), tl = int(timeline_h_);
    int bb = int(size.y - tracks - timeline_h_);  // the board's bottom edge
    panel_rects_.clear();
    panel_rects_["##top"] = sf::IntRect(0, 0, w, t);
    panel_rects_["##side"] = sf::IntRect(bw, t, w - bw, h - t);
    panel_rects_["##tracks"] = sf::IntRect(0, bb + tl, bw, h - bb - tl);
    if (tl > 0) panel_rects_["##timeline"] = sf::IntRect(0, bb, bw, tl);
}

void App::handle_event(const sf::Event& e) {
    if (e.type == sf::Event::Closed) {
        quit_ = true;
        return;
    }
    if (e.type == sf::Event::Resized) {
        window_.setView(sf::View(sf::FloatRect(0, 0, float(e.size.width), float(e.size.height))));
        float want = e.size.height >= 1300 ? 1.6f : e.size.height >= 1000 ? 1.3f : 1.0f;
        ImGui::GetIO().FontGlobalScale = want / ui_scale_;
        layout({e.size.width, e.size.height});
    }
    gui_->process(e);
    if (!in_game_) return;
    bool gui_mouse = gui_->wants_mouse();
    board_.handle(e, gui_mouse);
    if (e.type == sf::Event::MouseButtonPressed && e.mouseButton.button == sf::Mouse::Right && !gui_mouse) {
        sf::Vector2f px(float(e.mouseButton.x), float(e.mouseButton.y));
        if (board_.in_viewport(px) && session_ && connected_) {
            sf::Vector2f m = board_.to_map(px);
            session_->connection().send(net::Pointer{m.x, m.y}, net::kChannelPresence, false);
            board_.pings.push_back({m.x, m.y, "you", Clock::now()});
        }
    }
    if (e.type == sf::Event::KeyPressed && e.key.code == sf::Keyboard::Home && !gui_->wants_keyboard()) board_.fit();
}

void App::frame(float dt) {
    if (replay_ && replay_playing_) {
        replay_accum_ += dt * replay_speed_;
        if (replay_accum_ >= 1) {
            auto steps = static_cast<std::size_t>(replay_accum_);
            replay_accum_ -= static_cast<double>(steps);
            seek(replay_point_ + steps);
            if (replay_point_ >= replay_->size()) replay_playing_ = false;
        }
    }
    gui_->new_frame(dt);
    widgets_.clear();
    auto size = window_.getSize();
    std::size_t board_sig = 0;
    if (in_game_) {
        const GameState& g = view();
        if (board_dirty_) {
            board_.update(g);
            board_dirty_ = false;
        }
        while (!board_.pings.empty() && Clock::now() - board_.pings.front().at > std::chrono::seconds(3))
            board_.pings.pop_front();
        layout(size);
        ImVec2 m = ImGui::GetIO().MousePos;
        board_.hovered = gui_->wants_mouse() ? -1 : board_.region_at(sf::Vector2f(m.x, m.y));
        board_.text_scale = ui_scale_ * ImGui::GetIO().FontGlobalScale;
        // The overlay goes in a list of its own, drawn into the board layer.
        if (!overlay_) overlay_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
        overlay_->_ResetForNewFrame();
        overlay_->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // crisp chips with a third of the triangles
        overlay_->PushTextureID(ImGui::GetIO().Fonts->TexID);
        overlay_->PushClipRect(ImVec2(0, 0), ImVec2(float(size.x), float(size.y)));
        board_.overlay(g, overlay_.get());
        overlay_->_PopUnusedDrawCmd();
        board_sig = ImGuiLayer::fingerprint(*overlay_) * 31 + board_.version() + 1;
        draw_top_bar();
        if (replay_) draw_timeline();
        draw_tracks();
        draw_side_panel();
        draw_board_tooltip();
    } else {
        draw_menu();
    }
    draw_toasts();
    gui_->finish();
    compose(size, board_sig);
}

void App::compose(sf::Vector2u size, std::size_t board_sig) {
    // Software GL (Mesa llvmpipe) pays for every triangle and pixel, so the
    // frame is built from layers that are rasterized again only when they
    // change: the board with its labels (board, camera), and the panels (top
    // bar, timeline, tracks, side panel, each redrawn on its own when its
    // draw lists change). Each frame copies both layers into the window with
    // glBlitFramebuffer, then draws what moves on top: the hover outline,
    // pings, tooltips, toasts and open combos.
    static const bool profile = [] {
        const char* e = std::getenv("GB_PROFILE");
        return e && *e && *e != '0';
    }();
    auto mark = [&](sf::RenderTarget& t) {
        if (profile) {
            t.setActive(true);
            glFinish();
        }
        return Clock::now();
    };
    sf::View full(sf::FloatRect(0, 0, float(size.x), float(size.y)));
    ImDrawData* dd = ImGui::GetDrawData();
    if (!in_game_) {
        window_.setActive(true);
        window_.setView(full);
        window_.clear(palette::kWater);
        gui_->draw(window_);
        redrawn_ = true;
        return;
    }
    if (board_layer_.getSize() != size) {
        board_layer_.create(size.x, size.y);
        panel_layer_.create(size.x, size.y);
        board_layer_valid_ = false;
        panel_sigs_.clear();
    }
    redrawn_ = false;
    auto p0 = mark(window_);
    if (!board_layer_valid_ || board_sig != board_layer_sig_ || always_redraw_) {
        board_layer_.setView(full);
        board_layer_.clear(palette::kWater);
        board_.draw(board_layer_);
        ImGuiLayer::draw_lists(board_layer_, {overlay_.get()}, size);
        board_layer_.display();
        board_layer_sig_ = board_sig;
        board_layer_valid_ = true;
        redrawn_ = true;
    }
    auto p1 = mark(board_layer_);
    // Sort the UI's draw lists: the docked panels by their window, the rest
    // (tooltips, toasts, popups) drawn live every frame.
    std::map<std::string, std::vector<ImDrawList*>> panels;
    std::vector<ImDrawList*> live;
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        ImDrawList* l = dd->CmdLists[i];
        std::string owner = l->_OwnerName ? l->_OwnerName : "";
        std::string top = owner.substr(0, owner.find('/'));
        if (panel_rects_.count(top))
            panels[top].push_back(l);
        else
            live.push_back(l);
    }
    bool panel_redrawn = false;
    for (const auto& [name, rect] : panel_rects_) {
        std::size_t sig = rect.left * 31 + rect.top * 131 + rect.width * 1031 + rect.height * 10037;
        for (ImDrawList* l : panels[name]) sig = sig * 1099511628211ull + ImGuiLayer::fingerprint(*l);
        auto it = panel_sigs_.find(name);
        if (it != panel_sigs_.end() && it->second == sig && !always_redraw_) continue;
        panel_sigs_[name] = sig;
        panel_layer_.setView(full);
        sf::RectangleShape bg(sf::Vector2f(float(rect.width), float(rect.height)));
        bg.setPosition(float(rect.left), float(rect.top));
        bg.setFillColor(sf::Color(24, 27, 31));
        panel_layer_.draw(bg, sf::RenderStates(sf::BlendNone));
        ImGuiLayer::draw_lists(panel_layer_, panels[name], size);
        panel_redrawn = true;
    }
    if (panel_redrawn) panel_layer_.display();
    redrawn_ = redrawn_ || panel_redrawn;
    auto p2 = mark(panel_layer_);

    // Compose the frame in the canvas when anything in it changed, then
    // copy the canvas to the window.
    if (!live_) live_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    live_->_ResetForNewFrame();
    live_->Flags &= ~(ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill);  // fewer triangles
    live_->PushTextureID(ImGui::GetIO().Fonts->TexID);
    live_->PushClipRect(ImVec2(0, 0), ImVec2(float(size.x), float(size.y)));
    board_.overlay_live(live_.get());
    live_->_PopUnusedDrawCmd();
    live.insert(live.begin(), live_.get());
    std::size_t layers_sig = board_layer_sig_ * 31 + size.x * 65537 + size.y;
    for (const auto& [name, v] : panel_sigs_) layers_sig = layers_sig * 1099511628211ull + v;
    std::size_t sig = layers_sig;
    for (ImDrawList* l : live) sig = sig * 1099511628211ull + ImGuiLayer::fingerprint(*l);
    if (canvas_.getSize() != size) {
        canvas_.create(size.x, size.y);
        canvas_valid_ = false;
    }
    // Composes the frame on a target: both layers copied in, the live part on top.
    auto compose_on = [&](sf::RenderTarget& target, bool to_window) {
        target.setActive(true);
        target.setView(full);
        auto copy = [&](const sf::RenderTexture& layer, sf::IntRect r) {
            if (r.width <= 0 || r.height <= 0) return;
            if (!blit_texture(layer.getTexture().getNativeHandle(), r.left, r.top, r.width, r.height, int(size.y),
                              to_window)) {
                sf::Sprite sp(layer.getTexture(), r);
                sp.setPosition(float(r.left), float(r.top));
                target.draw(sp, sf::RenderStates(sf::BlendNone));
            }
        };
        const auto& vp = board_.viewport();
        copy(board_layer_, sf::IntRect(int(vp.left), int(vp.top), int(vp.width), int(vp.height)));
        for (const auto& [name, rect] : panel_rects_) copy(panel_layer_, rect);
        ImGuiLayer::draw_lists(target, live, size);
    };
    // Only what is drawn live changed (a tooltip follows the pointer): compose
    // straight into the window, which saves the canvas copy. The canvas is
    // composed again once things are still.
    bool moving = sig != last_frame_sig_;
    last_frame_sig_ = sig;
    if (moving && canvas_valid_ && layers_sig == canvas_layers_sig_ && sig != canvas_sig_ && !always_redraw_) {
        compose_on(window_, true);
        return;
    }
    if (!canvas_valid_ || sig != canvas_sig_ || always_redraw_) {
        compose_on(canvas_, false);
        canvas_.display();
        canvas_sig_ = sig;
        canvas_layers_sig_ = layers_sig;
        canvas_valid_ = true;
    }
    auto p25 = mark(canvas_);
    window_.setActive(true);
    if (!blit_texture(canvas_.getTexture().getNativeHandle(), 0, 0, int(size.x), int(size.y), int(size.y), true)) {
        window_.setView(full);
        sf::Sprite frame(canvas_.getTexture());
        window_.draw(frame, sf::RenderStates(sf::BlendNone));
    }
    auto p3 = mark(window_);
    if (profile)
        std::fprintf(stderr, "board layer %.2f ms, panels %.2f ms, compose %.2f ms, present %.2f ms\n",
                     std::chrono::duration<double, std::milli>(p1 - p0).count(),
                     std::chrono::duration<double, std::milli>(p2 - p1).count(),
                     std::chrono::duration<double, std::milli>(p25 - p2).count(),
                     std::chrono::duration<double, std::milli>(p3 - p25).count());
}

void App::draw_top_bar() {
    const GameState& g = view();
    const Scenario& sc = g.sc();
    auto size = window_.getSize();
    float s = ui_scale_;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(float(size.x), std::round(46 * s)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.075f, 0.085f, 0.10f, 1));
    ImGui::Begin("##top", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4 * s);
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "GRAND BARGAIN");
    ImGui::SameLine(0, 18 * s);
    ImGui::TextUnformatted(sc.title.c_str());
    ImGui::SameLine(0, 24 * s);
    std::string phase = g.ended() ? "Game over" : std::string(name_of(g.phase));
    if (!phase.empty()) phase[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(phase[0])));
    ImGui::Text("Turn %d/%d  |  %s  |  %s%s", g.turn, sc.turns(), g.calendar_label().c_str(), phase.c_str(),
                g.paused ? " (paused)" : "");
    ImGui::SameLine(0, 16 * s);
    if (replay_) {
        ImGui::TextDisabled("Replay");
    } else if (g.timer_seconds > 0 && !g.ended() && (g.phase == Phase::negotiation || g.phase == Phase::orders)) {
        int left =
            g.timer_seconds -
            static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - phase_started_).count());
        ImGui::TextColored(left < 60 ? ImVec4(1, 0.45f, 0.35f, 1) : ImVec4(0.8f, 0.85f, 0.9f, 1), "Timer %s",
                           clock_text(g.paused ? g.timer_seconds : left).c_str());
    } else {
        ImGui::TextDisabled("No timer");
    }
    // Phase controls of a team's lead.
    if (is_team() && g.phase == Phase::negotiation && !g.ended()) {
        ImGui::SameLine(0, 16 * s);
        bool ready = g.ready[idx(my_team())];
        if (ready)
            ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.5f, 1), "Ready");
        else if (button("Ready", is_lead(), "Only your team's lead declares the team ready"))
            send(Ready{});
    }
    // Right side: seat, code, connection.
    std::string seat;
    if (is_control())
        seat = "White Cell";
    else if (is_team())
        seat = sc.teams[idx(my_team())].name + (is_lead() ? " (lead)" : "");
    else
        seat = "Observer";
    std::string conn = replay_      ? "Replay"
                       : connected_ ? "Connected"
                                    : "Reconnecting (attempt " + std::to_string(reconnect_attempts_) + ")";
    if (replay_) seat += "   (replay of " + std::filesystem::path(replay_->path()).filename().string() + ")";
    std::string right = seat + "   ";
    // The host sees its own team's code on the bar, and every code in the tooltip.
    std::string bar_code = is_team() ? codes_.team[idx(my_team())] : codes_.observer;
    if (!bar_code.empty()) right += "Code " + bar_code + "   ";
    float w = ImGui::CalcTextSize((right + conn).c_str()).x + 24 * s;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), float(size.x) - w));
    if (is_team()) {
        ImVec4 c = team_colour(idx(my_team()));
        ImGui::TextColored(ImVec4(std::min(1.f, c.x * 1.4f + 0.1f), std::min(1.f, c.y * 1.4f + 0.1f),
                                  std::min(1.f, c.z * 1.4f + 0.1f), 1),
                           "%s", seat.c_str());
    } else
        ImGui::TextColored(ImVec4(0.95f, 0.95f, 0.95f, 1), "%s", seat.c_str());
    if (!bar_code.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("Code");
        ImGui::SameLine();
        ImGui::TextUnformatted(bar_code.c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("Each team joins with its own code:");
            for (int t = 0; t < kTeams; ++t)
                ImGui::BulletText("%s: %s", sc.teams[t].name.c_str(), codes_.team[t].c_str());
            ImGui::BulletText("Observers: %s", codes_.observer.c_str());
            if (!codes_.control.empty()) ImGui::BulletText("White Cell (control): %s", codes_.control.c_str());
            ImGui::Text("at:");
            for (const auto& a : local_addresses()) ImGui::BulletText("%s:%u", a.c_str(), local_ ? local_->port : 0);
            ImGui::BulletText("127.0.0.1:%u (this machine)", local_ ? local_->port : 0);
            ImGui::EndTooltip();
        }
    }
    ImGui::SameLine();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = 5 * s;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetTextLineHeight() / 2), r,
                                                connected_ ? IM_COL32(90, 200, 110, 255) : IM_COL32(230, 90, 70, 255));
    ImGui::Dummy(ImVec2(2 * r + 2, 1));
    ImGui::SameLine();
    ImGui::TextUnformatted(conn.c_str());
    ImGui::End();
    ImGui::PopStyleColor();

    if (!connected_) {
        // A banner across the board while the connection is down.
        const auto& vp = board_.viewport();
        ImGui::SetNextWindowPos(ImVec2(vp.left + vp.width / 2, vp.top + 12 * s), 0, ImVec2(0.5f, 0));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.55f, 0.16f, 0.12f, 0.95f));
        ImGui::Begin("##banner", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::Text("Connection to the server lost. Reconnecting with your seat token (attempt %d)...",
                    reconnect_attempts_);
        ImGui::End();
        ImGui::PopStyleColor();
    }
}

std::string App::track_tooltip(Track t) const {
    const GameState& g = view();
    static const char* about[] = {
        "Trust between Washington and Tehran. The channel cannot grow while trust is low; a cut-off drops it.",
        "Regional tension. At the top the region goes to war and the game ends.",
        "Iran's nuclear programme. At the top: breakout.",
        "Sanctions on Iran.",
        "Hawks in Washington: pressure against engagement.",
        "Hardliners in Tehran: pressure against engagement.",
        "al-Qaeda's strength in the region.",
    };
    const TrackDef& d = g.sc().tracks[idx(t)];
    std::string s = std::string(name_of(t)) + ": " + std::to_string(g.board.track(t)) + "  (range " +
                    std::to_string(d.min) + " to " + std::to_string(d.max) + ", started at " + std::to_string(d.start) +
                    ")\n" + about[idx(t)];
    auto it = track_log_.find(idx(t));
    if (it != track_log_.end() && !it->second.empty()) {
        s += "\n\nRecent changes:";
        for (const auto& l : it->second) s += "\n  " + l;
    }
    return s;
}

void App::draw_tracks() {
    const GameState& g = view();
    const auto& vp = board_.viewport();
    auto size = window_.getSize();
    float s = ui_scale_;
    ImGui::SetNextWindowPos(ImVec2(0, vp.top + vp.height + timeline_h_));
    ImGui::SetNextWindowSize(ImVec2(vp.width, float(size.y) - vp.top - vp.height - timeline_h_));
    ImGui::Begin("##tracks", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int n = kTracks + 1;
    float avail = ImGui::GetContentRegionAvail().x;
    float gap = 8 * s;
    float unit = (avail - gap * (n - 1)) / (kTracks + 1.45f);
    float h = ImGui::GetContentRegionAvail().y;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    static const ImU32 colours[] = {IM_COL32(88, 170, 120, 255), IM_COL32(214, 84, 60, 255),
                                    IM_COL32(226, 160, 50, 255), IM_COL32(150, 130, 200, 255),
                                    IM_COL32(80, 120, 200, 255), IM_COL32(60, 150, 100, 255),
                                    IM_COL32(170, 70, 70, 255)};
    static const char* labels[] = {"Trust", "Tension", "Nuclear", "Sanctions", "US hawks", "Hardliners", "al-Qaeda"};
    for (int i = 0; i < n; ++i) {
        ImVec2 p(origin.x + i * (unit + gap), origin.y);
        float w = i < kTracks ? unit : unit * 1.45f;
        ImGui::SetCursorScreenPos(p);
        std::string id = "##gauge" + std::to_string(i);
        ImGui::InvisibleButton(id.c_str(), ImVec2(w, h));
        bool hover = ImGui::IsItemHovered();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), hover ? IM_COL32(44, 50, 58, 255) : IM_COL32(32, 36, 42, 255),
                          4);
        float lh = ImGui::GetTextLineHeight();
        if (i < kTracks) {
            Track t = static_cast<Track>(i);
            const TrackDef& d = g.sc().tracks[i];
            int v = g.board.track(t);
            std::string value = std::to_string(v);
            dl->AddText(ImVec2(p.x + 6 * s, p.y + 4 * s), IM_COL32(210, 208, 200, 255), labels[i]);
            ImVec2 vs = ImGui::CalcTextSize(value.c_str());
            dl->AddText(ImVec2(p.x + w - vs.x - 6 * s, p.y + 4 * s), IM_COL32(255, 255, 255, 255), value.c_str());
            // The gauge: one cell per step, filled up to the value.
            int steps = d.max - d.min;
            float gx = p.x + 6 * s, gy = p.y + lh + 12 * s, gw = w - 12 * s, gh = h - lh - 20 * s;
            float cw = steps > 0 ? gw / steps : gw;
            for (int k = 0; k < steps; ++k) {
                bool on = d.min + k < v;
                if (d.min < 0) on = (v >= 0) ? (d.min + k >= 0 && d.min + k < v) : (d.min + k >= v && d.min + k < 0);
                ImVec2 a(gx + k * cw + 1, gy), b(gx + (k + 1) * cw - 1, gy + gh);
                dl->AddRectFilled(a, b, on ? colours[i] : IM_COL32(60, 64, 72, 255), 2);
            }
            if (d.min < 0) {  // mark zero on a signed track
                float zx = gx + (-d.min) * cw;
                dl->AddLine(ImVec2(zx, gy - 3 * s), ImVec2(zx, gy + gh + 3 * s), IM_COL32(240, 240, 240, 255), 2);
            }
            if (hover) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(360 * s);
                ImGui::TextUnformatted(track_tooltip(t).c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        } else {
            static const char* steps[] = {"Closed", "Secret", "Tactical", "Strategic"};
            int c = static_cast<int>(g.board.channel);
            dl->AddText(ImVec2(p.x + 6 * s, p.y + 4 * s), IM_COL32(210, 208, 200, 255), "Channel");
            std::string v = steps[c];
            ImVec2 vs = ImGui::CalcTextSize(v.c_str());
            dl->AddText(ImVec2(p.x + w - vs.x - 6 * s, p.y + 4 * s), IM_COL32(255, 255, 255, 255), v.c_str());
            float gx = p.x + 6 * s, gy = p.y + lh + 12 * s, gw = w - 12 * s, gh = h - lh - 20 * s;
            for (int k = 0; k < 3; ++k) {
                ImVec2 a(gx + k * gw / 3 + 1, gy), b(gx + (k + 1) * gw / 3 - 1, gy + gh);
                dl->AddRectFilled(a, b, k < c ? IM_COL32(90, 170, 210, 255) : IM_COL32(60, 64, 72, 255), 2);
            }
            if (hover) {
                ImGui::BeginTooltip();
                ImGui::Text("The US-Iran channel: %s", steps[c]);
                ImGui::Text("Closed, secret, tactical, strategic. Cooperation needs an open channel;");
                ImGui::Text("a cut-off closes it. Trust when it last opened: %d", g.board.trust_at_open);
                auto it = track_log_.find(kTracks);
                if (it != track_log_.end())
                    for (const auto& l : it->second) ImGui::BulletText("%s", l.c_str());
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::End();
}

std::string App::region_tooltip(int r) const {
    const GameState& g = view();
    const Scenario& sc = g.sc();
    const RegionDef& d = sc.regions[r];
    const RegionState& st = g.board.regions[r];
    std::ostringstream o;
    o << d.name << "\n";
    o << (d.kind == RegionKind::land ? "Land region" : d.kind == RegionKind::sea ? "Sea zone" : "Off-map box");
    o << ", stability " << int(st.stability) << "\n";
    std::string ctrl = "no one";
    for (Team t : kAllTeams)
        if (controls(sc, g.board, t, r)) ctrl = sc.teams[idx(t)].name;
    if (d.kind == RegionKind::land) o << "Controlled by " << ctrl << "\n";
    o << "Influence:";
    for (Team t : kAllTeams) o << "  " << sc.teams[idx(t)].name << " " << int(st.influence[idx(t)]);
    o << "\n";
    bool any = false;
    for (int m = 0; m < g.board.marker_kinds; ++m)
        if (int v = g.board.marker(r, m); v > 0) {
            if (!any) o << "On the board:\n";
            any = true;
            o << "  " << sc.markers[m].name << ": strength " << v;
            std::string sponsors;
            for (Team t : kAllTeams)
                if (sc.markers[m].sponsors & (1u << idx(t)))
                    sponsors += (sponsors.empty() ? "" : ", ") + sc.teams[idx(t)].name;
            if (!sponsors.empty()) o << " (backed by " << sponsors << ")";
            o << "\n";
        }
    auto it = region_log_.find(r);
    if (it != region_log_.end() && !it->second.empty()) {
        o << "\nRecent changes:";
        for (const auto& l : it->second) o << "\n  " << l;
    }
    return o.str();
}

void App::draw_board_tooltip() {
    if (board_.hovered < 0) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(380 * ui_scale_);
    ImGui::TextUnformatted(region_tooltip(board_.hovered).c_str());
    ImGui::TextDisabled("Right-click to ping your team.");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void App::draw_toasts() {
    auto size = window_.getSize();
    float s = ui_scale_;
    auto now = Clock::now();
    while (!toasts_.empty() && now - toasts_.front().at > std::chrono::seconds(8)) toasts_.pop_front();
    float y = float(size.y) - 110 * s;
    int i = 0;
    for (auto it = toasts_.rbegin(); it != toasts_.rend(); ++it, ++i) {
        ImGui::SetNextWindowPos(ImVec2(16 * s, y), 0, ImVec2(0, 1));
        ImGui::SetNextWindowBgAlpha(0.92f);
        ImGui::PushStyleColor(ImGuiCol_WindowBg,
                              it->error ? ImVec4(0.45f, 0.14f, 0.12f, 1) : ImVec4(0.14f, 0.30f, 0.22f, 1));
        std::string id = "##toast" + std::to_string(i);
        ImGui::Begin(id.c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoInputs);
        ImGui::PushTextWrapPos(520 * s);
        ImGui::TextUnformatted(it->text.c_str());
        ImGui::PopTextWrapPos();
        y -= ImGui::GetWindowHeight() + 6 * s;
        ImGui::End();
        ImGui::PopStyleColor();
    }
}

// ------------------------------------------------------------------ menu

void App::draw_menu() {
    auto size = window_.getSize();
    float s = ui_scale_;
    ImGui::SetNextWindowPos(ImVec2(size.x / 2.f, size.y / 2.f), 0, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(620 * s, 0));
    ImGui::Begin("Grand Bargain", nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoResize);
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "GRAND BARGAIN");
    ImGui::TextWrapped("A seminar wargame of US-Iran diplomacy after 9/11. Host a game for your seminar, or join one.");
    ImGui::Separator();
    static const char* seats[] = {"United States", "Iran", "Israel", "Gulf states", "White Cell (control)"};
    static const char* seat_ids[] = {"us", "iran", "israel", "gulf", "control"};
    if (ImGui::BeginTabBar("##menu")) {
        if (ImGui::BeginTabItem("Host a game")) {
            std::vector<std::string> names;
            for (auto& f : scenario_files_) names.push_back(std::filesystem::path(f).stem().string());
            if (names.empty()) names.push_back("after-911");
            menu_scenario_ = std::clamp(menu_scenario_, 0, int(names.size()) - 1);
            if (ImGui::BeginCombo("Scenario", names[menu_scenario_].c_str())) {
                for (int i = 0; i < int(names.size()); ++i)
                    if (ImGui::Selectable(names[i].c_str(), i == menu_scenario_)) menu_scenario_ = i;
                ImGui::EndCombo();
            }
            remember_item("Scenario");
            ImGui::Text("Your seat");
            for (int i = 0; i < 5; ++i) {
                if (ImGui::RadioButton(seats[i], menu_seat_ == i)) {
                    menu_seat_ = i;
                    if (i < 4) menu_bots_[i] = false;
                }
                remember_item(seats[i]);
            }
            ImGui::Text("Bots play");
            for (int i = 0; i < 4; ++i) {
                ImGui::SameLine();
                std::string l = std::string(seat_ids[i]) + "##bot";
                ImGui::Checkbox(l.c_str(), &menu_bots_[i]);
                if (i == menu_seat_) menu_bots_[i] = false;
            }
            ImGui::InputTextWithHint("Seed", "random", menu_seed_, sizeof menu_seed_, ImGuiInputTextFlags_CharsDecimal);
            ImGui::Checkbox("Let others on my network join", &menu_lan_);
            remember_item("Let others on my network join");
            if (button("Host the game")) {
                std::vector<std::string> bots;
                for (int i = 0; i < 4; ++i)
                    if (menu_bots_[i]) bots.push_back(seat_ids[i]);
                std::optional<std::uint64_t> seed;
                if (*menu_seed_) seed = std::strtoull(menu_seed_, nullptr, 10);
                std::string scen = scenario_files_.empty() ? "after-911" : scenario_files_[menu_scenario_];
                menu_error_ = host_game(scen, seat_ids[menu_seat_], seed, bots);
                if (!menu_error_.empty()) local_.reset();
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Open replay")) {
            ImGui::TextWrapped("Open a saved game's journal to replay it for the debrief.");
            ImGui::InputText("Journal", menu_replay_, sizeof menu_replay_);
            // The saved games, listed again every two seconds, not every frame.
            if (Clock::now() >= journals_listed_) {
                journals_listed_ = Clock::now() + std::chrono::seconds(2);
                saved_journals_.clear();
                for (const std::string& dir : {default_data_dir(), default_data_dir() + "/hosted"}) {
                    std::error_code ec;
                    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
                        if (e.path().extension() == ".journal") saved_journals_.push_back(e.path().string());
                }
                std::sort(saved_journals_.begin(), saved_journals_.end());
            }
            const std::vector<std::string>& found = saved_journals_;
            if (!found.empty() && ImGui::BeginListBox("Saved games")) {
                for (const auto& f : found)
                    if (ImGui::Selectable(f.c_str(), f == menu_replay_))
                        std::snprintf(menu_replay_, sizeof menu_replay_, "%s", f.c_str());
                ImGui::EndListBox();
            }
            if (button("Open the replay")) menu_error_ = open_replay(menu_replay_, "control");
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Join a game")) {
            ImGui::InputText("Address", menu_address_, sizeof menu_address_);
            ImGui::InputText("Code", menu_code_, sizeof menu_code_);
            ImGui::InputText("Your name", menu_name_, sizeof menu_name_);
            for (int i = 0; i < 5; ++i)
                if (ImGui::RadioButton((std::string(seats[i]) + "##join").c_str(), menu_join_seat_ == i))
                    menu_join_seat_ = i;
            if (ImGui::RadioButton("Observer##join", menu_join_seat_ == 5)) menu_join_seat_ = 5;
            ImGui::TextDisabled(
                "Each team has its own code; the White Cell uses the control code. With the observer code, "
                "the seat you pick counts only if the White Cell lets observers choose.");
            if (button("Join")) {
                std::string seat = menu_join_seat_ == 5 ? "observer" : seat_ids[menu_join_seat_];
                menu_error_ = join_game(menu_address_, menu_code_, seat, menu_name_);
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (!menu_error_.empty()) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", menu_error_.c_str());
        ImGui::PopTextWrapPos();
    }
    if (button("Quit")) quit_ = true;
    ImGui::End();
}

// ------------------------------------------------------------------ scripts

bool App::script_fail(const std::string& why) {
    std::fprintf(stderr, "gb-client: script line %zu (%s): %s\n", script_pc_ + 1,
                 script_pc_ < script_.size() ? script_[script_pc_].c_str() : "", why.c_str());
    exit_code_ = 3;
    quit_ = true;
    return false;
}

void App::save_view(const std::string& path) {
    std::ofstream f(path);
    if (!in_game_) {
        f << "seated 0\n";
        return;
    }
    const GameState& g = view();
    f << "seated 1\nturn " << g.turn << "\nphase " << name_of(g.phase) << "\nhash " << state_hash(g) << "\nconnected "
      << (connected_ ? 1 : 0) << "\nactions " << g.actions_applied << "\n";
    if (replay_) f << "point " << replay_point_ << "\nas " << replay_as_.name() << "\n";
    f << "pings";
    for (const Ping& p : board_.pings) f << " " << p.name;
    f << "\n";
    f << board_line() << "\n";
}

// Where the map sits on screen, for tests that read screenshots: pixels per
// map unit, the screen position of the map's origin, and the board's area.
std::string App::board_line() const {
    const auto& vp = board_.viewport();
    auto origin = board_.to_screen(0, 0);
    char buf[160];
    std::snprintf(buf, sizeof buf, "board zoom %.6f origin %.3f %.3f viewport %.0f %.0f %.0f %.0f", board_.zoom(),
                  origin.x, origin.y, vp.left, vp.top, vp.width, vp.height);
    return buf;
}

bool App::screenshot(const std::string& path) {
    sf::Texture tex;
    auto size = window_.getSize();
    if (!tex.create(size.x, size.y)) return false;
    tex.update(window_);
    return tex.copyToImage().saveToFile(path);
}

void App::script_step() {
    if (script_pc_ >= script_.size() || quit_) return;
    if (!injected_.empty()) return;  // the last command's input is still being delivered
    if (script_wait_frames_ > 0) {
        --script_wait_frames_;
        return;
    }
    std::istringstream in(script_[script_pc_]);
    std::string cmd;
    in >> cmd;
    std::string rest;
    std::getline(in, rest);
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    auto next = [&] {
        ++script_pc_;
        script_waiting_ = false;
    };
    auto waiting = [&](int seconds) {
        if (!script_waiting_) {
            script_waiting_ = true;
            script_deadline_ = Clock::now() + std::chrono::seconds(seconds);
        }
        if (Clock::now() > script_deadline_) return script_fail("timed out"), false;
        return true;
    };
    if (cmd.empty() || cmd[0] == '#') {
        next();
    } else if (cmd == "wait-frames") {
        script_wait_frames_ = std::atoi(rest.c_str());
        next();
    } else if (cmd == "wait-seated") {
        if (in_game_ && session_ && session_->seated())
            next();
        else
            waiting(20);
    } else if (cmd == "wait-phase") {
        std::istringstream r(rest);
        std::string phase;
        int turn = 0;
        r >> phase >> turn;
        bool ok = in_game_ && std::string(name_of(view().phase)) == phase && (turn == 0 || view().turn == turn);
        if (ok)
            next();
        else
            waiting(60);
    } else if (cmd == "wait-connected" || cmd == "wait-disconnected") {
        if (connected_ == (cmd == "wait-connected"))
            next();
        else
            waiting(60);
    } else if (cmd == "wait-ping") {  // a ping is on the board
        if (!board_.pings.empty())
            next();
        else
            waiting(30);
    } else if (cmd == "wait-actions") {  // the view has applied at least N actions
        if (in_game_ && view().actions_applied >= std::strtoul(rest.c_str(), nullptr, 10))
            next();
        else
            waiting(60);
    } else if (cmd == "click") {
        if (script_target_ != rest) {
            script_target_ = rest;  // next frame scrolls it into view if need be
            return;
        }
        auto it = widgets_.find(rest);
        if (it == widgets_.end()) {
            waiting(20);
            return;
        }
        sf::Vector2f c(it->second.left + it->second.width / 2, it->second.top + it->second.height / 2);
        sf::Event move{}, press{}, release{};
        move.type = sf::Event::MouseMoved;
        move.mouseMove = {int(c.x), int(c.y)};
        press.type = sf::Event::MouseButtonPressed;
        press.mouseButton = {sf::Mouse::Left, int(c.x), int(c.y)};
        release.type = sf::Event::MouseButtonReleased;
        release.mouseButton = {sf::Mouse::Left, int(c.x), int(c.y)};
        injected_.push_back(move);
        injected_.push_back(press);
        injected_.push_back(release);
        script_target_.clear();
        next();
    } else if (cmd == "type") {
        for (char ch : rest) {
            sf::Event t{};
            t.type = sf::Event::TextEntered;
            t.text.unicode = static_cast<unsigned char>(ch);
            injected_.push_back(t);
        }
        next();
    } else if (cmd == "key") {
        sf::Event k{};
        k.type = sf::Event::KeyPressed;
        k.key.code = rest == "Enter"    ? sf::Keyboard::Enter
                     : rest == "Escape" ? sf::Keyboard::Escape
                                        : sf::Keyboard::Tab;
        injected_.push_back(k);
        k.type = sf::Event::KeyReleased;
        injected_.push_back(k);
        next();
    } else if (cmd == "screenshot") {
        // Taken after this frame is drawn; see run().
        next();
        script_.insert(script_.begin() + static_cast<long>(script_pc_), "#shot " + rest);
    } else if (cmd == "right-click-at") {  // window coordinates: a ping on the map
        int x = 0, y = 0;
        if (std::sscanf(rest.c_str(), "%d %d", &x, &y) != 2) {
            script_fail("right-click-at wants X Y");
            return;
        }
        sf::Event move{}, press{}, release{};
        move.type = sf::Event::MouseMoved;
        move.mouseMove = {x, y};
        press.type = sf::Event::MouseButtonPressed;
        press.mouseButton = {sf::Mouse::Right, x, y};
        release.type = sf::Event::MouseButtonReleased;
        release.mouseButton = {sf::Mouse::Right, x, y};
        injected_.insert(injected_.end(), {move, press, release});
        next();
    } else if (cmd == "resize") {  // as a user dragging the window's corner
        unsigned w = 0, h = 0;
        if (std::sscanf(rest.c_str(), "%ux%u", &w, &h) != 2 || w < 640 || h < 480) {
            script_fail("resize wants WxH");
            return;
        }
        window_.setSize({w, h});
        next();
    } else if (cmd == "save-view") {
        save_view(rest);
        next();
    } else if (cmd == "quit") {
        quit_ = true;
        next();
    } else {
        script_fail("unknown command '" + cmd + "'");
    }
}

// ------------------------------------------------------------------ run

bool App::start_from_flags() {
    std::string err;
    if (opt_.host_local) {
        std::vector<std::string> bots;
        if (opt_.bots) {
            bots = *opt_.bots;
        } else {
            for (Team t : kAllTeams)
                if (std::string(name_of(t)) != opt_.seat) bots.emplace_back(name_of(t));
        }
        err = host_game(opt_.scenario, opt_.seat, opt_.seed, bots);
    } else if (!opt_.join.empty()) {
        err = join_game(opt_.join, opt_.code, opt_.team, opt_.name);
    } else if (!opt_.replay.empty()) {
        err = open_replay(opt_.replay, opt_.replay_as);
    }
    if (!err.empty()) {
        std::fprintf(stderr, "gb-client: %s\n", err.c_str());
        return false;
    }
    if (opt_.host_local && local_)
        std::printf(
            "hosting on port %u, us-code: %s, iran-code: %s, israel-code: %s, gulf-code: %s, observer-code: %s, "
            "control-code: %s, journals in %s\n",
            local_->port, codes_.team[0].c_str(), codes_.team[1].c_str(), codes_.team[2].c_str(),
            codes_.team[3].c_str(), codes_.observer.c_str(), codes_.control.c_str(), local_->data_dir.c_str());
    std::fflush(stdout);
    return true;
}

int App::run() {
    if (!opt_.script.empty()) {
        std::ifstream f(opt_.script);
        if (!f) {
            std::fprintf(stderr, "gb-client: cannot read script %s\n", opt_.script.c_str());
            return 2;
        }
        for (std::string l; std::getline(f, l);) script_.push_back(l);
    }
    if (!start_from_flags()) return 1;
    layout(window_.getSize());
    sf::Clock clock;
    std::vector<double> frame_ms, redraw_ms;
    bool first = true;
    int frames = 0;
    while (window_.isOpen() && !quit_) {
        auto t0 = Clock::now();
        pump_network();
        script_step();
        if (!opt_.benchmark_mouse.empty() && in_game_) {
            // A pointer sweeping the board or the side panel, as a user would.
            const auto& vp = board_.viewport();
            float t = static_cast<float>(frames % 240) / 240.0f;
            sf::Event move{};
            move.type = sf::Event::MouseMoved;
            if (opt_.benchmark_mouse == "board")
                move.mouseMove = {int(vp.left + vp.width * (0.1f + 0.8f * t)), int(vp.top + vp.height * 0.45f)};
            else
                move.mouseMove = {int(vp.width + 20 + (window_.getSize().x - vp.width - 40) * t),
                                  int(vp.top + vp.height * (0.3f + 0.6f * t))};
            injected_.push_back(move);
        }
        sf::Event e;
        while (window_.pollEvent(e)) handle_event(e);
        // One injected event per frame, so presses and releases land in separate frames.
        if (!injected_.empty()) {
            handle_event(injected_.front());
            injected_.pop_front();
        }
        frame(clock.restart().asSeconds());
        bool shot_now = script_pc_ < script_.size() && script_[script_pc_].rfind("#shot ", 0) == 0;
        if (shot_now) {
            std::string path = script_[script_pc_].substr(6);
            if (!screenshot(path)) std::fprintf(stderr, "gb-client: cannot write %s\n", path.c_str());
            ++script_pc_;
        }
        ++frames;
        if (!opt_.screenshot.empty() && frames >= opt_.frames) {
            if (!screenshot(opt_.screenshot)) {
                std::fprintf(stderr, "gb-client: cannot write %s\n", opt_.screenshot.c_str());
                return 1;
            }
            // Where each region's probe point landed on screen, for tests.
            if (in_game_) {
                for (std::size_t r = 0; r < scenario_->regions.size(); ++r) {
                    sf::Vector2f p;
                    if (!board_.probe(static_cast<int>(r), p)) continue;
                    auto q = board_.to_screen(p.x, p.y);
                    std::printf("probe %s %d %d\n", scenario_->regions[r].id.c_str(), int(std::lround(q.x)),
                                int(std::lround(q.y)));
                }
                std::printf("%s\n", board_line().c_str());
                std::printf("view-hash %llu\n", static_cast<unsigned long long>(state_hash(view())));
            }
            std::printf("screenshot: %s\n", opt_.screenshot.c_str());
            quit_ = true;
        }
        window_.display();
        auto t1 = Clock::now();
        if (first) {
            first = false;
            if (opt_.benchmark_frames > 0)
                std::printf("start to first frame: %.1f ms\n",
                            std::chrono::duration<double, std::milli>(t1 - opt_.started).count());
        } else if (opt_.benchmark_frames > 0) {
            frame_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (redrawn_) redraw_ms.push_back(frame_ms.back());
            if (static_cast<int>(frame_ms.size()) >= opt_.benchmark_frames) break;
        }
    }
    if (opt_.benchmark_frames > 0 && !frame_ms.empty()) {
        std::vector<double> v = frame_ms;
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
        std::printf("resident memory: %.1f MiB\n", rss_pages * 4096.0 / (1024 * 1024));
    }
    window_.close();
    return exit_code_;
}

}  // namespace gb::client
