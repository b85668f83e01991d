#include "settings.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace gb::client {

std::string Settings::default_path() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/grand-bargain/client.conf";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/grand-bargain/client.conf";
    return "client.conf";
}

Settings Settings::load(const std::string& path) {
    Settings s;
    std::ifstream f(path);
    for (std::string line; std::getline(f, line);) {
        auto eq = line.find('=');
        if (eq == std::string::npos || line[0] == '#') continue;
        auto trim = [](std::string v) {
            while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.pop_back();
            while (!v.empty() && v.front() == ' ') v.erase(0, 1);
            return v;
        };
        std::string key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
        if (key == "ui_scale") {
            float v = std::strtof(value.c_str(), nullptr);
            if (v >= 0.75f && v <= 3.0f) s.ui_scale = v;
        } else if (key == "muted") {
            s.muted = value != "0" && value != "false";
        } else if (key == "primer_seen") {
            s.primer_seen = value == "1" || value == "true";
        }
    }
    return s;
}

bool Settings::save(const std::string& path) const {
    std::error_code ec;
    auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    std::ofstream f(path, std::ios::trunc);
    if (!f) return false;
    f << "# gb-client settings\n";
    if (ui_scale > 0) f << "ui_scale = " << ui_scale << "\n";
    f << "muted = " << (muted ? 1 : 0) << "\n";
    f << "primer_seen = " << (primer_seen ? 1 : 0) << "\n";
    return bool(f);
}

}  // namespace gb::client
