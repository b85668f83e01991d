// Integration harness implementation.
#include "harness.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

namespace gbi {

namespace fs = std::filesystem;

namespace {
// Every server a test process starts gets one key, so clients that learn keys
// on first use (known_hosts, here a file of this process) are never confused
// by a port that another server used earlier; a test that needs another key
// puts its own server.key in the data directory first.
const ServerKey& test_server_key() {
    static const ServerKey key = [] {
        auto known = fs::temp_directory_path() / ("gb-it-known_hosts-" + std::to_string(::getpid()));
        fs::remove(known);
        ::setenv("GB_KNOWN_HOSTS", known.c_str(), 1);
        return generate_server_key();
    }();
    return key;
}

void seed_key(const std::string& data) {
    fs::create_directories(data);
    std::string path = data + "/server.key";
    if (fs::exists(path)) return;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    REQUIRE(fd >= 0);
    const ServerKey& k = test_server_key();
    REQUIRE(::write(fd, k.secret_key.data(), 32) == 32);
    REQUIRE(::write(fd, k.public_key.data(), 32) == 32);
    ::close(fd);
}

std::map<std::uint16_t, std::string>& admin_tokens() {
    static std::map<std::uint16_t, std::string> tokens;
    return tokens;
}
}  // namespace

std::string admin_token_of(std::uint16_t port) {
    auto it = admin_tokens().find(port);
    if (it != admin_tokens().end()) return it->second;
    // A port of no server started here (a proxy in front of one): the last server's.
    auto last = admin_tokens().find(0);
    return last == admin_tokens().end() ? std::string() : last->second;
}

std::string server_fingerprint(const std::string& data) {
    return fingerprint(load_or_create_server_key(data).public_key);
}

std::string temp_dir(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("gb-it-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

ServerProcess::ServerProcess(const std::string& data, std::uint16_t port, std::vector<std::string> extra,
                             const std::function<void()>& in_child) {
    seed_key(data);
    fingerprint_ = server_fingerprint(data);
    log_path_ = data + "/../" + fs::path(data).filename().string() + "-server.log";
    int out_pipe[2];
    REQUIRE(::pipe(out_pipe) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        ::dup2(out_pipe[1], 1);
        int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        ::dup2(log_fd, 2);
        ::close(out_pipe[0]);
        if (in_child) in_child();
        std::vector<std::string> args{GB_SERVER_BIN, "--port", std::to_string(port), "--data", data};
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    // The server prints "port: N" once it listens.
    std::string line;
    char c;
    while (::read(out_pipe[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out_pipe[0]);
    INFO("server said: '" << line << "'; log: " << log());
    REQUIRE(line.rfind("port: ", 0) == 0);
    port_ = static_cast<std::uint16_t>(std::stoi(line.substr(6)));
    admin_token_ = read_text(data + "/admin.token");
    while (!admin_token_.empty() && admin_token_.back() == '\n') admin_token_.pop_back();
    admin_tokens()[port_] = admin_token_;
    admin_tokens()[0] = admin_token_;
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) stop();
}

bool ServerProcess::alive() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
    }
    return true;
}

void ServerProcess::kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

void ServerProcess::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(50ms);
    }
    kill9();
}

std::string ServerProcess::log() const {
    return read_text(log_path_);
}

GameCodes create_game(std::uint16_t port, const std::string& scenario, std::uint64_t seed, std::uint32_t min_phase_ms) {
    Connection c;
    REQUIRE(c.open("127.0.0.1", port).empty());
    CreateGame m;
    m.scenario = scenario;
    m.seed = seed;
    m.min_phase_ms = min_phase_ms;
    m.admin_token = admin_token_of(port);
    auto r = c.request(m);
    REQUIRE(r);
    auto* e = std::get_if<Error>(&*r);
    INFO("create_game: " << (e ? e->message : std::string()));
    auto* g = std::get_if<GameCreated>(&*r);
    REQUIRE(g);
    return g->codes;
}

void join(SeatSession& s, std::uint16_t port, const std::string& code, SeatRole role, Team team,
          const std::string& name) {
    std::string err = s.join("127.0.0.1", port, JoinGame{code, role, team, name});
    INFO("join " << name << ": " << err);
    REQUIRE(err.empty());
}

void join(SeatSession& s, std::uint16_t port, const GameCodes& codes, SeatRole role, Team team,
          const std::string& name) {
    join(s, port, codes.for_seat(role, team), role, team, name);
}

void pump_all(std::vector<SeatSession*> sessions, std::chrono::milliseconds wait) {
    for (auto* s : sessions) s->pump(0ms);
    if (wait.count()) std::this_thread::sleep_for(wait);
}

std::string act_and_wait(SeatSession& s, const Action& a, std::vector<SeatSession*> others) {
    auto id = s.act(a);
    // A ceiling for a hang, not a measure: ASan on a loaded 2-core machine is slow.
    auto until = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < until) {
        s.pump(5ms);
        for (auto* o : others) o->pump(0ms);
        if (s.acks.count(id)) return {};
        if (auto r = s.refusals.find(id); r != s.refusals.end()) return r->second.empty() ? "refused" : r->second;
    }
    FAIL("no answer to " << action_name(a));
    return "timeout";
}

pid_t spawn_gb(const std::vector<std::string>& args, const std::string& out) {
    return spawn_program(GB_BIN, args, out);
}

pid_t spawn_program(const std::string& binary, const std::vector<std::string>& args, const std::string& out) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        std::vector<std::string> all{binary};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_child(pid_t pid, std::chrono::seconds limit) {
    auto until = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (std::chrono::steady_clock::now() < until) {
        if (::waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::this_thread::sleep_for(50ms);
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return -1;
}

}  // namespace gbi
