// The client's command-line options: what to open (a hosted game, a joined
// game, a replay), the window, and the outputs tests and benchmarks read.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gb::client {

struct ClientOptions {
    // Host a game on an embedded server.
    bool host_local = false;
    std::string scenario = "after-911";
    std::string seat = "us";  // us|iran|israel|gulf|control
    std::optional<std::uint64_t> seed;
    std::optional<std::vector<std::string>> bots;  // teams bots play (default: every other team)
    // Without a White Cell, each phase lasts at least this long (0: no minimum).
    int min_phase_seconds = 5;
    // Host the tutorial (--tutorial): `scenario` is a tutorial scenario, the
    // seat is its student's team, and bots play the others.
    bool tutorial = false;
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
    bool full_redraw = false;      // rasterize every frame, even an unchanged one
    std::string benchmark_mouse;   // board|panel: move the pointer every frame while measuring
    int idle_seconds = 0;          // --benchmark-idle: sit idle this long, then print the CPU time used
    unsigned width = 1280, height = 720;
    std::string script;
    std::string replay;  // a journal to open
    std::string replay_as = "control";
    std::string assets;  // directory holding map/region.map
    std::string settings;  // the user's settings file (UI scale, sounds); default under XDG_CONFIG_HOME
    bool projector = false;  // the public board in large type, for the room's screen
    std::chrono::steady_clock::time_point started;
};

}  // namespace gb::client
