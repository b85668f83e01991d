// gb-client: the desktop client of Grand Bargain.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include "app.hpp"
#include "data_dirs.hpp"
#include "os_file.hpp"

namespace {

const char* kHelp =
    "usage: gb-client [options]\n"
    "\n"
    "With no options it opens the main menu: host a game or join one.\n"
    "\n"
    "Host a game on a server inside this program (teammates join over the network):\n"
    "  --host-local            host a game\n"
    "  --tutorial              host the tutorial: a scripted White Cell walks you through one turn\n"
    "  --scenario F            scenario name or file (default after-911)\n"
    "  --seat S                your seat: us, iran, israel, gulf or control (default us)\n"
    "  --seed S                game seed (default: random)\n"
    "  --bots LIST             teams bots play, comma-separated, or 'none'\n"
    "                          (default: every team but yours)\n"
    "  --min-phase SECONDS     without a White Cell, each phase lasts at least this long,\n"
    "                          so every result can be seen (default 5; 0 turns it off)\n"
    "  --port P                port of the embedded server (default 7777; 0 any free port)\n"
    "  --lan                   let others on your network join (listen on every address);\n"
    "                          by default the server listens on 127.0.0.1 only\n"
    "  --bind ADDR             the address it listens on (instead of either)\n"
    "  --data DIR              journals of hosted games (default $XDG_DATA_HOME/grand-bargain/hosted)\n"
    "Join a game:\n"
    "  --join HOST:PORT[#FP]   the server; FP, the first characters of its key's fingerprint\n"
    "                          as printed beside the codes, makes the client refuse any\n"
    "                          other server. Without it the key is learned on first use\n"
    "                          and a changed key is refused later (known_hosts)\n"
    "  --code CODE             your team's code, the observer code, or the control code\n"
    "                          (the White Cell); the code decides the seat\n"
    "  --team T                with the observer code, when the White Cell lets observers\n"
    "                          choose: us, iran, israel or gulf (default: observe)\n"
    "  --name N                your name\n"
    "  --projector             the room's shared screen: the public board in large type, with the\n"
    "                          phase, the timer, released reports and broadcasts (join with the\n"
    "                          observer code)\n"
    "Replay a saved game (for the debrief):\n"
    "  --replay JOURNAL        open a game's journal on a timeline\n"
    "  --as P                  whose eyes: control (default), public, us, iran, israel, gulf\n"
    "Window and output:\n"
    "  --size WxH              window size (default 1280x720)\n"
    "  --screenshot FILE       render --frames frames, write a PNG and exit\n"
    "  --frames N              frames before the screenshot (default 30)\n"
    "  --benchmark-frames N    render N frames, print frame-time p50/p99, FPS and memory, exit\n"
    "  --benchmark-idle S      after 5 s, sit idle S seconds; print the CPU time used and frames drawn, exit\n"
    "  --benchmark-mouse W     while benchmarking, sweep the pointer over the board or the panel (W)\n"
    "  --full-redraw           rasterize and show every frame whole, even when nothing changed\n"
    "                          (worst case; also sets aside showing only what changed)\n"
    "  --script FILE           drive the client with scripted input (tests)\n"
    "  --settings FILE         the settings file (default $XDG_CONFIG_HOME/grand-bargain/client.conf)\n"
    "  --assets DIR            directory with map/region.map (default: the data folders' assets/,\n"
    "                          see below)\n"
    "  --help                  this text\n";

bool parse_int(const char* s, long long lo, long long hi, long long& out) {
    char* end = nullptr;
    out = std::strtoll(s, &end, 10);
    return end && *end == 0 && end != s && out >= lo && out <= hi;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace gb::client;
    gb::os::prepare_console(true);
    ClientOptions o;
    o.started = std::chrono::steady_clock::now();
    auto need = [&](int& i) -> const char* {
        if (i + 1 >= argc) {
            std::fprintf(stderr, "gb-client: %s needs a value (try --help)\n", argv[i]);
            std::exit(2);
        }
        return argv[++i];
    };
    auto bad = [](const std::string& what) {
        std::fprintf(stderr, "gb-client: %s (try --help)\n", what.c_str());
        std::exit(2);
    };
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        long long v = 0;
        if (a == "--help" || a == "-h") {
            std::fputs(kHelp, stdout);
            std::fputs(("\n" + gb::data_help()).c_str(), stdout);
            return 0;
        } else if (a == "--host-local") {
            o.host_local = true;
        } else if (a == "--tutorial") {  // hosts the tutorial scenario, unless --scenario names another
            o.host_local = o.tutorial = true;
            if (o.scenario == "after-911") o.scenario = "tutorial";
        } else if (a == "--scenario") {
            o.scenario = need(i);
        } else if (a == "--seat") {
            o.seat = need(i);
            if (o.seat != "us" && o.seat != "iran" && o.seat != "israel" && o.seat != "gulf" && o.seat != "control")
                bad("--seat must be us, iran, israel, gulf or control");
        } else if (a == "--seed") {
            if (!parse_int(need(i), 0, (1LL << 62), v)) bad("bad --seed");
            o.seed = static_cast<std::uint64_t>(v);
        } else if (a == "--min-phase") {
            if (!parse_int(need(i), 0, 3600, v)) bad("bad --min-phase (seconds, 0 to 3600)");
            o.min_phase_seconds = static_cast<int>(v);
        } else if (a == "--bots") {
            std::string list = need(i);
            std::vector<std::string> bots;
            if (list != "none") {
                std::size_t start = 0;
                while (start <= list.size()) {
                    auto end = list.find(',', start);
                    if (end == std::string::npos) end = list.size();
                    std::string t = list.substr(start, end - start);
                    if (!gb::team_from(t)) bad("unknown team '" + t + "' in --bots");
                    bots.push_back(t);
                    start = end + 1;
                }
            }
            o.bots = bots;
        } else if (a == "--port") {
            if (!parse_int(need(i), 0, 65535, v)) bad("bad --port");
            o.port = static_cast<std::uint16_t>(v);
        } else if (a == "--bind") {
            o.bind = need(i);
        } else if (a == "--lan") {
            o.lan = true;
        } else if (a == "--data") {
            o.data = need(i);
        } else if (a == "--join") {
            o.join = need(i);
        } else if (a == "--code") {
            o.code = need(i);
        } else if (a == "--team") {
            o.team = need(i);
        } else if (a == "--name") {
            o.name = need(i);
        } else if (a == "--size") {
            unsigned w = 0, h = 0;
            if (std::sscanf(need(i), "%ux%u", &w, &h) != 2 || w < 640 || h < 480 || w > 7680 || h > 4320)
                bad("bad --size (WxH, at least 640x480)");
            o.width = w;
            o.height = h;
        } else if (a == "--screenshot") {
            o.screenshot = need(i);
        } else if (a == "--frames") {
            if (!parse_int(need(i), 1, 100000, v)) bad("bad --frames");
            o.frames = static_cast<int>(v);
        } else if (a == "--benchmark-frames") {
            if (!parse_int(need(i), 1, 1000000, v)) bad("bad --benchmark-frames");
            o.benchmark_frames = static_cast<int>(v);
        } else if (a == "--benchmark-idle") {
            if (!parse_int(need(i), 1, 3600, v)) bad("bad --benchmark-idle");
            o.idle_seconds = static_cast<int>(v);
        } else if (a == "--benchmark-mouse") {
            o.benchmark_mouse = need(i);
            if (o.benchmark_mouse != "board" && o.benchmark_mouse != "panel")
                bad("--benchmark-mouse is board or panel");
        } else if (a == "--replay") {
            o.replay = need(i);
        } else if (a == "--as") {
            o.replay_as = need(i);
            if (!gb::perspective_from(o.replay_as)) bad("--as is control, public, us, iran, israel or gulf");
        } else if (a == "--full-redraw") {
            o.full_redraw = true;
        } else if (a == "--script") {
            o.script = need(i);
        } else if (a == "--settings") {
            o.settings = need(i);
        } else if (a == "--projector") {
            o.projector = true;
        } else if (a == "--assets") {
            o.assets = need(i);
        } else {
            bad("unknown option '" + a + "'");
        }
    }
    if (int(o.host_local) + int(!o.join.empty()) + int(!o.replay.empty()) > 1)
        bad("choose one of --host-local, --join and --replay");
    if (!o.join.empty() && o.code.empty()) bad("--join needs --code");
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::fprintf(stderr,
                     "gb-client: no display (DISPLAY is not set). Run it on a desktop, under xvfb-run, or play in "
                     "the terminal with: gb demo\n");
        return 1;
    }
    try {
        App app(o);
        return app.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gb-client: %s\n", e.what());
        return 1;
    }
}
