// Where the programs find their data: beside the executable (installed, an
// unpacked zip, a build in the source tree), then $GB_DATA_DIR, then the XDG
// data dirs; and the user's own folder and scenarios.
#include <unistd.h>
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

#include "data_dirs.hpp"
#include "support.hpp"

using namespace gbt;
namespace fs = std::filesystem;

namespace {

// A fresh temporary folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() /
               ("gb-data-dirs-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    // Makes `rel` (and its parents) and returns it.
    std::string make(const std::string& rel) const {
        fs::create_directories(path / rel);
        return (path / rel).lexically_normal().string();
    }
    std::string at(const std::string& rel) const { return (path / rel).lexically_normal().string(); }
};

// Sets an environment variable for one scope, then puts back what was there.
struct EnvVar {
    std::string name;
    std::optional<std::string> before;
    EnvVar(std::string n, const std::optional<std::string>& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) before = v;
        if (value) ::setenv(name.c_str(), value->c_str(), 1);
        else ::unsetenv(name.c_str());
    }
    ~EnvVar() {
        if (before) ::setenv(name.c_str(), before->c_str(), 1);
        else ::unsetenv(name.c_str());
    }
};

// A search with no environment at all: only what a test sets counts.
DataSearch bare(const TempDir& t) {
    DataSearch s;
    s.xdg_data_dirs = t.at("no-such-xdg-dir");  // keeps /usr/share out of the tests
    return s;
}

}  // namespace

TEST_CASE("an installed program finds ../share/grand-bargain beside its bin folder") {
    TempDir t;
    DataSearch s = bare(t);
    s.exe_dir = t.make("prefix/bin");
    t.make("prefix/share/grand-bargain/assets");
    t.make("prefix/share/grand-bargain/scenarios");
    REQUIRE(data_roots(s) == std::vector<std::string>{t.at("prefix/share/grand-bargain")});
    CHECK(assets_dir(s) == t.at("prefix/share/grand-bargain/assets"));
}

TEST_CASE("an unpacked zip finds assets/ and scenarios/ next to the executable") {
    TempDir t;
    DataSearch s = bare(t);
    s.exe_dir = t.make("grand-bargain-0.1-win64");
    t.make("grand-bargain-0.1-win64/assets");
    t.make("grand-bargain-0.1-win64/scenarios");
    REQUIRE(data_roots(s) == std::vector<std::string>{t.at("grand-bargain-0.1-win64")});
}

TEST_CASE("a build folder inside the source tree finds the tree above it") {
    TempDir t;
    t.make("src/assets");
    t.make("src/scenarios");
    DataSearch s = bare(t);
    s.exe_dir = t.make("src/build-asan/bin");
    REQUIRE(data_roots(s) == std::vector<std::string>{t.at("src")});
    // Only a folder holding both counts as the source tree.
    TempDir u;
    u.make("src/scenarios");
    DataSearch s2 = bare(u);
    s2.exe_dir = u.make("src/build/bin");
    CHECK(data_roots(s2).empty());
}

TEST_CASE("the places are searched in order: executable, $GB_DATA_DIR, $XDG_DATA_HOME, $XDG_DATA_DIRS") {
    TempDir t;
    DataSearch s;
    s.exe_dir = t.make("p/bin");
    t.make("p/share/grand-bargain/assets");
    s.gb_data_dir = t.make("env-data");
    t.make("env-data/scenarios");
    s.xdg_data_home = t.make("home-data");
    t.make("home-data/grand-bargain/scenarios");
    s.xdg_data_dirs = t.make("xdg1") + ":" + t.make("xdg2") + ":relative/ignored";
    t.make("xdg1/grand-bargain/assets");
    t.make("xdg2/grand-bargain/scenarios");
    CHECK(data_roots(s) == std::vector<std::string>{t.at("p/share/grand-bargain"), t.at("env-data"),
                                                    t.at("home-data/grand-bargain"), t.at("xdg1/grand-bargain"),
                                                    t.at("xdg2/grand-bargain")});
    // The first assets/ wins.
    CHECK(assets_dir(s) == t.at("p/share/grand-bargain/assets"));
    fs::remove_all(t.at("p/share"));
    CHECK(assets_dir(s) == t.at("xdg1/grand-bargain/assets"));
    // Scenarios come from every place that has them, then the user's own.
    CHECK(scenario_dirs(s) == std::vector<std::string>{t.at("env-data/scenarios"), t.at("home-data/grand-bargain/scenarios"),
                                                       t.at("xdg2/grand-bargain/scenarios")});
}

TEST_CASE("the XDG defaults: ~/.local/share, then /usr/local/share and /usr/share") {
    DataSearch s;
    s.home = "/home/someone";
    auto places = data_places(s);
    std::vector<std::string> paths;
    for (auto& p : places) paths.push_back(p.path);
    CHECK(paths == std::vector<std::string>{"/home/someone/.local/share/grand-bargain", "/usr/local/share/grand-bargain",
                                            "/usr/share/grand-bargain"});
    CHECK(user_data_dir(s) == "/home/someone/.local/share/grand-bargain");
    // A relative $XDG_DATA_HOME is invalid and ignored.
    s.xdg_data_home = "not/absolute";
    CHECK(user_data_dir(s) == "/home/someone/.local/share/grand-bargain");
    s.xdg_data_home = "/data/x";
    CHECK(user_data_dir(s) == "/data/x/grand-bargain");
    CHECK(user_data_dir(DataSearch{}) == "grand-bargain-data");
}

TEST_CASE("$GB_SCENARIO_DIR comes first and no scenario folder is listed twice") {
    TempDir t;
    DataSearch s = bare(t);
    s.gb_scenario_dir = t.make("mine");
    s.gb_data_dir = t.path.string();
    t.make("scenarios");
    s.xdg_data_home = t.make("home");
    s.exe_dir = t.make("bin");
    // The same folder reached twice ($GB_DATA_DIR, and a symbolic link as $XDG_DATA_HOME's).
    fs::create_directory_symlink(t.path, t.at("home/grand-bargain"));
    CHECK(scenario_dirs(s) == std::vector<std::string>{t.at("mine"), t.at("scenarios")});
}

TEST_CASE("the folders searched are named, present or not") {
    TempDir t;
    DataSearch s = bare(t);
    s.exe_dir = t.make("p/bin");
    std::string text = searched_text(s);
    CHECK(text.find(t.at("p/share/grand-bargain") + "  (installed") != std::string::npos);
    CHECK(text.find("not there") != std::string::npos);
    CHECK(text.find("$GB_DATA_DIR is not set") != std::string::npos);
}

TEST_CASE("this process's search reads the environment and the executable's folder") {
    TempDir t;
    EnvVar data("GB_DATA_DIR", t.make("d"));
    EnvVar home("XDG_DATA_HOME", t.make("h"));
    EnvVar dirs("XDG_DATA_DIRS", t.at("none"));
    EnvVar scen("GB_SCENARIO_DIR", std::nullopt);
    t.make("d/scenarios");
    DataSearch s = DataSearch::from_process();
    CHECK(s.gb_data_dir == t.at("d"));
    CHECK(user_data_dir() == t.at("h/grand-bargain"));
    // The test binary lives in BUILD/bin, inside the source tree.
    REQUIRE(!executable_dir().empty());
    CHECK(fs::exists(fs::path(executable_dir()) / "gb_tests"));
    auto roots = data_roots(s);
    REQUIRE(roots.size() == 2);
    CHECK(fs::equivalent(roots[0], source_dir()));
    CHECK(roots[1] == t.at("d"));
}

TEST_CASE("a user's own scenario includes the shipped rules and cards") {
    TempDir t;
    EnvVar home("XDG_DATA_HOME", t.path.string());
    EnvVar scen("GB_SCENARIO_DIR", std::nullopt);
    const std::string mine = t.make("grand-bargain/scenarios") + "/my-seminar.toml";
    {
        std::ifstream in(source_dir() + "/scenarios/after-911.toml");
        std::stringstream text;
        text << in.rdbuf();
        std::ofstream out(mine);
        out << std::regex_replace(text.str(), std::regex("id = \"after-911\""), "id = \"my-seminar\"");
    }
    auto dirs = scenario_dirs();
    REQUIRE(!dirs.empty());
    CHECK(dirs.back() == t.at("grand-bargain/scenarios"));
    CHECK(resolve_scenario_path("my-seminar") == mine);
    LoadResult l = load_scenario(mine);
    INFO((l.problems.empty() ? std::string() : l.problems.front().str()));
    REQUIRE(l.scenario);
    CHECK(l.scenario->id == "my-seminar");
    CHECK(l.scenario->cards.size() == after911()->cards.size());
    // Its journal's copy names the files as the scenario did, and loads alone.
    std::vector<std::string> names;
    for (const SourceFile& f : l.sources) names.push_back(f.path);
    CHECK(std::find(names.begin(), names.end(), "rules/standard.toml") != names.end());
    LoadResult copy = load_scenario_from(l.sources, "my-seminar.toml");
    INFO((copy.problems.empty() ? std::string() : copy.problems.front().str()));
    REQUIRE(copy.scenario);
    CHECK(copy.scenario->content_hash == l.scenario->content_hash);
}
