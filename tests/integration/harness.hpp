// Integration-test harness: the real gb-server as a child process on a free
// loopback port, with its log captured, and helpers for driving seats.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "client.hpp"
#include "secure_channel.hpp"

namespace gbi {

using namespace gb;
using namespace gb::net;
using namespace std::chrono_literals;

std::string temp_dir(const std::string& name);

class ServerProcess {
public:
    // Starts build/bin/gb-server on `port` (0: a free one) with `data`;
    // `in_child` runs in the child before exec (environment, resource limits).
    explicit ServerProcess(const std::string& data, std::uint16_t port = 0, std::vector<std::string> extra = {},
                           const std::function<void()>& in_child = {});
    ~ServerProcess();
    std::uint16_t port() const { return port_; }
    // The server key's fingerprint, and "127.0.0.1:PORT#FINGERPRINT".
    const std::string& fingerprint() const { return fingerprint_; }
    std::string endpoint() const { return "127.0.0.1:" + std::to_string(port_) + "#" + fingerprint_; }
    void kill9();             // SIGKILL, then wait
    void stop();              // SIGTERM, then wait
    std::string log() const;  // everything the server wrote to stderr
    bool running() const { return pid_ > 0; }
    // The process has not exited (checked now).
    bool alive();
    // The server's admin token (admin.token in its data directory).
    const std::string& admin_token() const { return admin_token_; }

private:
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    std::string log_path_;
    std::string fingerprint_;
    std::string admin_token_;
};

// The fingerprint of the key in a data directory (made there if missing).
std::string server_fingerprint(const std::string& data);

// The admin token of the server last started on `port` by a ServerProcess
// (for another port, a proxy's, the last server's).
std::string admin_token_of(std::uint16_t port);

// Creates a game with the admin token of the server on `port`; returns its codes.
// Tests play bot games at full speed: no minimum phase time unless asked.
GameCodes create_game(std::uint16_t port, const std::string& scenario = "after-911", std::uint64_t seed = 1,
                      std::uint32_t min_phase_ms = 0);

// Joins a seat or fails the test: with the given code, or with the seat's own code.
void join(SeatSession& s, std::uint16_t port, const std::string& code, SeatRole role, Team team,
          const std::string& name);
void join(SeatSession& s, std::uint16_t port, const GameCodes& codes, SeatRole role, Team team,
          const std::string& name);

// Pumps every session once (non-blocking) and sleeps a little.
void pump_all(std::vector<SeatSession*> sessions, std::chrono::milliseconds wait = 2ms);

// Sends an action and waits for its answer; returns the refusal reason, or
// empty when acknowledged.
std::string act_and_wait(SeatSession& s, const Action& a, std::vector<SeatSession*> others = {});

// Runs `gb` with arguments as a child process; returns its pid. Output goes to `out`.
pid_t spawn_gb(const std::vector<std::string>& args, const std::string& out);
// The same for any program.
pid_t spawn_program(const std::string& binary, const std::vector<std::string>& args, const std::string& out);
// Waits for a child; returns its exit status (or -1).
int wait_child(pid_t pid, std::chrono::seconds limit);

std::string read_text(const std::string& path);

}  // namespace gbi
