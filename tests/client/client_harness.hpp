// Helpers of the client tests: running gb-client under the display with a
// script, and reading what it wrote (journals, view and widget files).
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "harness.hpp"

namespace gbc {

using namespace std::chrono_literals;

inline void need_display() {
    const char* d = std::getenv("DISPLAY");
    if (!d || !*d) FAIL("the client tests need an X display: run them under xvfb-run (./test.sh does)");
}

inline int run_client(const std::vector<std::string>& args, const std::string& out,
                      std::chrono::seconds limit = 120s) {
    int rc = gbi::wait_child(gbi::spawn_program(GB_CLIENT_BIN, args, out), limit);
    if (rc != 0) UNSCOPED_INFO("client output:\n" << gbi::read_text(out));
    return rc;
}

inline std::string journal_in(const std::string& dir) {
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".journal") return e.path().string();
    return {};
}

// A settings file for a player who has seen the primer (so it does not open).
inline std::string seen_settings(const std::string& dir) {
    std::string path = dir + "/client.conf";
    std::ofstream(path) << "primer_seen = 1\nmuted = 1\n";
    return path;
}

inline std::string write_script(const std::string& dir, const std::string& text) {
    std::string path = dir + "/session.script";
    std::ofstream(path) << text;
    return path;
}

// A widget the client drew: its label, rectangle, and whether its text is
// cut off (wider than the widget, or past its window's visible edge).
struct Widget {
    std::string label;
    float x = 0, y = 0, w = 0, h = 0;
    bool clipped = false, enabled = true, focused = false;
};

// Reads a save-widgets file: "label<TAB>x y w h clipped enabled focused" per line.
inline std::map<std::string, Widget> read_widgets(const std::string& path) {
    std::map<std::string, Widget> out;
    std::istringstream in(gbi::read_text(path));
    for (std::string line; std::getline(in, line);) {
        auto t1 = line.find('\t');
        if (t1 == std::string::npos) continue;
        Widget w;
        w.label = line.substr(0, t1);
        int clipped = 0, enabled = 1, focused = 0;
        std::istringstream rest(line.substr(t1 + 1));
        rest >> w.x >> w.y >> w.w >> w.h >> clipped >> enabled >> focused;
        w.clipped = clipped != 0;
        w.enabled = enabled != 0;
        w.focused = focused != 0;
        out[w.label] = w;
    }
    return out;
}

// Reads a save-view file's "key value" lines (the last of each key).
inline std::map<std::string, std::string> read_view(const std::string& path) {
    std::map<std::string, std::string> out;
    std::istringstream in(gbi::read_text(path));
    for (std::string line; std::getline(in, line);) {
        auto sp = line.find(' ');
        if (sp != std::string::npos) out[line.substr(0, sp)] = line.substr(sp + 1);
    }
    return out;
}

}  // namespace gbc
