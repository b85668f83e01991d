// Finding the shipped data relative to the executable, $GB_DATA_DIR and the XDG
// data dirs, and the user's own folder; no path of the build machine is used.
#include "data_dirs.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace gb {

namespace fs = std::filesystem;

namespace {

const char* const kAppDir = "grand-bargain";

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

bool holds_data(const fs::path& p) {
    return is_dir(p / "assets") || is_dir(p / "scenarios");
}

// The same folder however it was reached (symbolic links, "..").
std::string same(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    return (ec ? p : c).lexically_normal().string();
}

// The XDG data dirs are for Unix-like systems; Windows has %APPDATA% instead.
#ifndef _WIN32
std::vector<std::string> split_path_list(const std::string& list) {
    const char sep = ':';
    std::vector<std::string> out;
    std::string::size_type start = 0;
    while (start <= list.size()) {
        auto end = list.find(sep, start);
        if (end == std::string::npos) end = list.size();
        if (end > start) out.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string xdg_data_home(const DataSearch& s) {
    // XDG: a relative value is invalid and ignored.
    if (!s.xdg_data_home.empty() && fs::path(s.xdg_data_home).is_absolute()) return s.xdg_data_home;
    if (!s.home.empty()) return (fs::path(s.home) / ".local" / "share").string();
    return "";
}
#endif

}  // namespace

DataSearch DataSearch::from_process() {
    DataSearch s;
    s.exe_dir = executable_dir();
    s.gb_data_dir = env("GB_DATA_DIR");
    s.gb_scenario_dir = env("GB_SCENARIO_DIR");
    s.xdg_data_home = env("XDG_DATA_HOME");
    s.xdg_data_dirs = env("XDG_DATA_DIRS");
    s.home = env("HOME");
    s.appdata = env("APPDATA");
    return s;
}

std::string executable_dir() {
    std::error_code ec;
#ifdef _WIN32
    std::wstring buf(MAX_PATH, L'\0');
    for (;;) {
        DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
        if (n == 0) return "";
        if (n < buf.size()) {
            buf.resize(n);
            break;
        }
        buf.resize(buf.size() * 2);
    }
    return fs::path(buf).parent_path().string();
#elif defined(__APPLE__)
    std::uint32_t size = 0;
    _NSGetExecutablePath(nullptr, &size);
    std::string buf(size, '\0');
    if (_NSGetExecutablePath(buf.data(), &size) != 0) return "";
    fs::path exe = fs::weakly_canonical(fs::path(buf.c_str()), ec);
    return ec ? "" : exe.parent_path().string();
#else
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? "" : exe.parent_path().string();
#endif
}

std::vector<DataPlace> data_places(const DataSearch& s) {
    std::vector<DataPlace> out;
    auto add = [&](const fs::path& p, std::string where) {
        out.push_back({p.lexically_normal().string(), std::move(where), holds_data(p)});
    };
    if (!s.exe_dir.empty()) {
        const fs::path exe(s.exe_dir);
        add(exe.parent_path() / "share" / kAppDir, "installed, beside the executable's folder");
        add(exe, "the executable's folder");
        // A build folder inside the source tree: the nearest folder above that
        // holds both scenarios/ and assets/.
        for (fs::path up = exe.parent_path(); !up.empty(); up = up.parent_path()) {
            if (is_dir(up / "scenarios") && is_dir(up / "assets")) {
                add(up, "the source tree above the executable");
                break;
            }
            if (up == up.parent_path()) break;
        }
    }
    if (!s.gb_data_dir.empty()) add(s.gb_data_dir, "$GB_DATA_DIR");
#ifdef _WIN32
    if (!s.appdata.empty()) add(fs::path(s.appdata) / kAppDir, "%APPDATA%");
#else
    if (std::string home = xdg_data_home(s); !home.empty()) add(fs::path(home) / kAppDir, "$XDG_DATA_HOME");
    std::vector<std::string> dirs = split_path_list(s.xdg_data_dirs);
    if (dirs.empty()) dirs = {"/usr/local/share", "/usr/share"};
    for (const std::string& d : dirs)
        if (fs::path(d).is_absolute()) add(fs::path(d) / kAppDir, "$XDG_DATA_DIRS");
#endif
    return out;
}

std::vector<std::string> data_roots(const DataSearch& s) {
    std::vector<std::string> out, seen;
    for (const DataPlace& p : data_places(s)) {
        if (!p.present) continue;
        std::string key = same(p.path);
        bool dup = false;
        for (const auto& k : seen) dup = dup || k == key;
        if (dup) continue;
        seen.push_back(key);
        out.push_back(p.path);
    }
    return out;
}

std::string assets_dir(const DataSearch& s) {
    for (const std::string& root : data_roots(s))
        if (is_dir(fs::path(root) / "assets")) return (fs::path(root) / "assets").string();
    return "";
}

std::string assets_dir() {
    return assets_dir(DataSearch::from_process());
}

std::string user_data_dir(const DataSearch& s) {
#ifdef _WIN32
    if (!s.appdata.empty()) return (fs::path(s.appdata) / kAppDir).string();
#else
    if (std::string home = xdg_data_home(s); !home.empty()) return (fs::path(home) / kAppDir).string();
#endif
    return "grand-bargain-data";
}

std::string user_data_dir() {
    return user_data_dir(DataSearch::from_process());
}

std::vector<std::string> scenario_dirs(const DataSearch& s) {
    std::vector<std::string> out, seen;
    auto add = [&](const fs::path& p) {
        std::string key = same(p);
        for (const auto& k : seen)
            if (k == key) return;
        seen.push_back(key);
        out.push_back(p.string());
    };
    if (!s.gb_scenario_dir.empty()) add(s.gb_scenario_dir);
    for (const std::string& root : data_roots(s))
        if (is_dir(fs::path(root) / "scenarios")) add(fs::path(root) / "scenarios");
    add(fs::path(user_data_dir(s)) / "scenarios");
    return out;
}

std::vector<std::string> scenario_dirs() {
    return scenario_dirs(DataSearch::from_process());
}

std::string searched_text(const DataSearch& s) {
    std::string out;
    if (s.gb_data_dir.empty()) out += "  ($GB_DATA_DIR is not set)\n";
    for (const DataPlace& p : data_places(s))
        out += "  " + p.path + "  (" + p.where + (p.present ? "" : ", not there") + ")\n";
    return out;
}

std::string searched_text() {
    return searched_text(DataSearch::from_process());
}

std::string data_help() {
    DataSearch s = DataSearch::from_process();
    return "Data: assets/ and scenarios/ are looked for in these folders, in this order (the\n"
           "first assets/ found is used; scenarios come from all of them, after\n"
           "$GB_SCENARIO_DIR when set, and from the user's scenarios/ folder):\n" +
           searched_text(s) + "User data (journals, known_hosts, your own scenarios in scenarios/):\n  " +
           user_data_dir(s) + "\n";
}

}  // namespace gb
