// Where the client finds its assets, typeface and the scenarios of its menu.
#include "client_data.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "app.hpp"
#include "data_dirs.hpp"

namespace gb::client {

namespace {
const char* kSystemFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}  // namespace

std::string find_assets(const ClientOptions& o) {
    if (!o.assets.empty()) return o.assets;
    if (const char* e = std::getenv("GB_ASSETS"); e && *e) return e;
    std::string found = assets_dir();
    if (found.empty())
        throw std::runtime_error("cannot find the game's assets/ folder (give --assets DIR or set GB_DATA_DIR); searched:\n" +
                                 searched_text());
    return found;
}

std::string font_file(const std::string& assets) {
    std::error_code ec;
    std::filesystem::path shipped = std::filesystem::path(assets) / "fonts" / "DejaVuSans.ttf";
    return std::filesystem::is_regular_file(shipped, ec) ? shipped.string() : kSystemFont;
}

std::vector<std::string> menu_scenarios() {
    std::vector<std::string> out, names;
    for (const std::string& dir : scenario_dirs()) {
        std::error_code ec;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
            if (entry.is_regular_file(ec) && entry.path().extension() == ".toml") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            if (std::find(names.begin(), names.end(), f.stem().string()) != names.end()) continue;
            names.push_back(f.stem().string());
            out.push_back(f.string());
        }
    }
    return out;
}

}  // namespace gb::client
