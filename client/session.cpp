#include "session.hpp"

#include <algorithm>

#include "admin_token.hpp"
#include "fork.hpp"
#include "explain.hpp"
#include "rules.hpp"
#include "scenario_loader.hpp"
#include "server.hpp"

namespace gb::client {

using Clock = std::chrono::steady_clock;

LocalServer::~LocalServer() {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
}

Session::~Session() {
    // A hosted game's server stops first, so the host's leaving is not
    // played out (auto-control would otherwise run the bots to the end).
    local_.reset();
    session_.reset();
}

std::string Session::start_local_server(const std::string& scenario) {
    auto ls = std::make_unique<LocalServer>();
    ls->data_dir = opt_.data.empty() ? default_data_dir() + "/hosted" : opt_.data;
    ServerOptions so;
    so.bind = !opt_.bind.empty() ? opt_.bind : opt_.lan || lan ? "0.0.0.0" : "127.0.0.1";
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

std::string Session::host_tutorial(const std::string& scenario, const std::string& name) {
    auto loaded = load_scenario(resolve_scenario_path(scenario));
    if (loaded.scenario && !loaded.scenario->tutorial.on()) return "'" + scenario + "' is not a tutorial scenario";
    Team student = loaded.scenario ? loaded.scenario->tutorial.team : Team::iran;
    std::vector<std::string> bots;
    for (Team t : kAllTeams)
        if (t != student) bots.emplace_back(name_of(t));
    return host_game(scenario, std::string(name_of(student)), std::nullopt, bots, name);
}

std::string Session::host_game(const std::string& scenario, const std::string& seat,
                               std::optional<std::uint64_t> seed, const std::vector<std::string>& bots,
                               const std::string& name) {
    auto loaded = load_scenario(resolve_scenario_path(scenario));
    if (!loaded.scenario) {
        std::string msg = "cannot load scenario '" + scenario + "'";
        for (const auto& p : loaded.problems) msg += "\n" + p.str();
        return msg;
    }
    if (auto err = start_local_server(resolve_scenario_path(scenario)); !err.empty()) return err;
    net::Connection lobby;
    if (auto err = lobby.open("127.0.0.1", local_->port, std::chrono::seconds(60)); !err.empty()) return "embedded server: " + err;
    net::CreateGame create;
    create.scenario = loaded.scenario->id;
    create.admin_token = local_->admin_token;
    create.seed = seed;
    create.name = "Seminar game";
    create.min_phase_ms = min_phase_ms();
    auto reply = lobby.request(create, std::chrono::seconds(60));  // in this process: only a slow machine delays it
    if (!reply) return "the embedded server did not answer in 60 s";
    if (auto* e = std::get_if<net::Error>(&*reply)) return e->message;
    auto* created = std::get_if<net::GameCreated>(&*reply);
    if (!created) return "the embedded server did not create the game";
    codes_ = created->codes;
    lobby.close();

    std::string who = name.empty() ? "host" : name;
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

std::string Session::join_game(const std::string& endpoint, const std::string& code, const std::string& seat,
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
        if (e.code != net::ErrorCode::refused) toasts_.push("Server: " + e.message, true);
    };
    s->on_pointer = [this](const net::PointerEcho& p) {
        if (on_ping) on_ping(p.x, p.y, p.name);
    };
    s->on_seated = [this] { changed_ = true; };
    session_ = std::move(s);
    scenario_ = session_->view().scenario;
    changed_ = true;
    in_game_ = true;
    connected_ = true;
    phase_started_ = Clock::now();
    seen_refusals_ = 0;
    return {};
}

void Session::leave() {
    local_.reset();
    session_.reset();
    replay_ = Replay{};
    in_game_ = false;
    codes_ = {};
}

void Session::on_update(const net::Update& u) {
    changed_ = true;
    const GameState& g = session_->view();
    for (const Event& e : u.events) {
        std::string line = explain_event(g, e);
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
        if (e.kind == Event::Kind::game_over) toasts_.push("The game is over.", false);
    }
}

void Session::pump(float dt) {
    if (replay_.timeline && replay_.playing) {
        replay_.accum += dt * replay_.speed;
        if (replay_.accum >= 1) {
            auto steps = static_cast<std::size_t>(replay_.accum);
            replay_.accum -= static_cast<double>(steps);
            seek(replay_.point + steps);
            if (replay_.point >= replay_.timeline->size()) replay_.playing = false;
        }
    }
    if (!session_) return;
    if (connected_) {
        if (!session_->pump(net::Millis(0))) {
            connected_ = false;
            reconnect_attempts_ = 0;
            next_reconnect_ = Clock::now() + std::chrono::milliseconds(300);
            toasts_.push("Connection lost. Reconnecting...", true);
            changed_ = true;
        }
    } else if (Clock::now() >= next_reconnect_) {
        ++reconnect_attempts_;
        std::string err = session_->resume(net::Millis(250));
        if (err.empty()) {
            connected_ = true;
            changed_ = true;
            toasts_.push("Reconnected: your seat and the full game state are back.", false);
        } else {
            int backoff = std::min(5000, 250 << std::min(reconnect_attempts_, 5));
            next_reconnect_ = Clock::now() + std::chrono::milliseconds(backoff);
        }
    }
    if (session_->refusals.size() > seen_refusals_) {
        auto it = session_->refusals.begin();
        std::advance(it, static_cast<long>(seen_refusals_));
        for (; it != session_->refusals.end(); ++it) toasts_.push("Refused: " + it->second, true);
        seen_refusals_ = session_->refusals.size();
    }
    const GameState& g = view();
    int key = g.turn * 8 + static_cast<int>(g.phase);
    if (key != seen_phase_key_) {
        seen_phase_key_ = key;
        phase_started_ = Clock::now();
    }
}

void Session::send(const Action& a) {
    if (replay_.timeline) {
        toasts_.push("This is a replay: nothing can be changed. Fork it to play on from here.", true);
        return;
    }
    if (!session_ || !connected_) {
        toasts_.push("Not connected: the action was not sent.", true);
        return;
    }
    session_->act(a);
}

void Session::send_pointer(float x, float y) {
    if (session_ && connected_) session_->connection().send(net::Pointer{x, y}, net::kChannelPresence, false);
}

void Session::send_message(const net::ClientMessage& m) {
    if (replay_.timeline || !session_ || !connected_) {
        toasts_.push("Not connected: nothing was sent.", true);
        return;
    }
    session_->connection().send(m);
}

std::optional<std::int64_t> Session::timer_left_ms() const {
    if (!session_ || replay_.timeline) return std::nullopt;
    return session_->timer_left_ms();
}

std::uint32_t Session::round_trip_ms() const {
    return session_ && connected_ ? session_->connection().round_trip_ms() : 0;
}

int Session::timer_left() const {
    if (auto ms = timer_left_ms()) return static_cast<int>((*ms + 999) / 1000);
    const GameState& g = view();
    if (g.paused) return g.timer_seconds;
    return g.timer_seconds -
           static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - phase_started_).count());
}

bool Session::take_changed() {
    bool c = changed_;
    changed_ = false;
    return c;
}

bool Session::is_control() const {
    return (session_ || replay_.timeline) && seat().role == SeatRole::control;
}
bool Session::is_team() const {
    return (session_ || replay_.timeline) && seat().role == SeatRole::team;
}
Team Session::my_team() const {
    return (session_ || replay_.timeline) ? seat().team : Team::us;
}
bool Session::is_lead() const {
    return !replay_.timeline && is_team() && view().is_lead(seat());
}
const GameState& Session::view() const {
    return replay_.timeline ? replay_.view : session_->view();
}
Seat Session::seat() const {
    return replay_.timeline ? replay_.as.seat() : session_->seat();
}
bool Session::is_online(std::uint32_t player) const {
    return session_ && std::find(session_->online.begin(), session_->online.end(), player) != session_->online.end();
}

const std::deque<std::string>* Session::region_log(int region) const {
    auto it = region_log_.find(region);
    return it == region_log_.end() ? nullptr : &it->second;
}
const std::deque<std::string>* Session::track_log(int track) const {
    auto it = track_log_.find(track);
    return it == track_log_.end() ? nullptr : &it->second;
}

// ------------------------------------------------------------------ replay

std::string Session::open_replay(const std::string& journal, const std::string& as) {
    auto p = perspective_from(as);
    if (!p) return "unknown perspective '" + as + "' (control, public, us, iran, israel or gulf)";
    Replay r;
    try {
        r.timeline = std::make_unique<Timeline>(Timeline::open(journal));
    } catch (const std::exception& e) {
        return e.what();
    }
    r.as = *p;
    replay_ = std::move(r);
    scenario_ = replay_.timeline->scenario();
    in_game_ = true;
    connected_ = true;
    region_log_.clear();
    track_log_.clear();
    seek(0);
    return {};
}

void Session::seek(std::size_t point) {
    if (!replay_.timeline) return;
    replay_.point = std::min(point, replay_.timeline->size());
    replay_.view = replay_.timeline->view_at(replay_.point, replay_.as);
    changed_ = true;
}

void Session::set_perspective(const Perspective& p) {
    replay_.as = p;
    seek(replay_.point);
}

std::string Session::fork_here(bool embedded, const std::string& endpoint, const std::string& name) {
    if (!replay_.timeline) return "no replay is open";
    ForkResult r;
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    if (embedded) {
        if (auto err = start_local_server(); !err.empty()) return err;
        port = local_->port;
        r = fork_on_server(host, port, *replay_.timeline, replay_.point, name, local_->admin_token, {}, min_phase_ms());
        if (!r.error.empty()) {
            local_.reset();
            return r.error;
        }
    } else {
        if (!net::parse_endpoint(endpoint, host, port)) return "bad address '" + endpoint + "' (HOST:PORT)";
        // A server on this machine: its admin token is in the default data directory.
        bool here = host == "127.0.0.1" || host == "localhost" || host == "::1";
        std::string token = here ? read_admin_token(admin_token_path(default_data_dir())).value_or("") : "";
        r = fork_on_server(host, port, *replay_.timeline, replay_.point, name, token, {}, min_phase_ms());
        if (!r.error.empty()) return r.error;
    }
    // Take the White Cell's seat in the new game.
    replay_ = Replay{};
    codes_ = r.codes;
    std::string err = join_game(host + ":" + std::to_string(port), r.codes.control, "control", "White Cell");
    if (!err.empty()) return err;
    toasts_.push("Forked: a new live game. Codes: US " + r.codes.team[0] + ", Iran " + r.codes.team[1] + ", Israel " +
                     r.codes.team[2] + ", Gulf " + r.codes.team[3] + ", observers " + r.codes.observer +
                     ", control " + r.codes.control + ".",
                 false);
    return {};
}

}  // namespace gb::client
