// Where the programs find their data (assets/, scenarios/) and keep the user's
// (journals, known_hosts, the user's own scenarios): nothing compiled in.
#pragma once

#include <string>
#include <vector>

namespace gb {

// Everything the lookup reads from outside the program, so that tests can set
// it: the executable's folder and the environment variables that matter.
struct DataSearch {
    std::string exe_dir;        // the running executable's folder; "" when unknown
    std::string gb_data_dir;    // $GB_DATA_DIR
    std::string gb_scenario_dir;  // $GB_SCENARIO_DIR (scenarios only, searched first)
    std::string xdg_data_home;  // $XDG_DATA_HOME
    std::string xdg_data_dirs;  // $XDG_DATA_DIRS (':'-separated)
    std::string home;           // $HOME
    std::string appdata;        // %APPDATA% (Windows)

    // This process's executable folder and environment.
    static DataSearch from_process();
};

// One place a data folder may be, in the order searched.
struct DataPlace {
    std::string path;   // the folder that would hold assets/ and scenarios/
    std::string where;  // why it is searched: "installed", "$GB_DATA_DIR", ...
    bool present = false;  // it holds assets/ or scenarios/
};

// The folder holding the running executable ("" when it cannot be told).
std::string executable_dir();

// Every place searched for data, in order:
//   1. relative to the executable: ../share/grand-bargain (installed), the
//      executable's own folder (a zip unpacked), the first folder above it that
//      holds both scenarios/ and assets/ (a build inside the source tree);
//   2. $GB_DATA_DIR;
//   3. the XDG data dirs: $XDG_DATA_HOME/grand-bargain (default
//      ~/.local/share), then each of $XDG_DATA_DIRS (default
//      /usr/local/share:/usr/share) + /grand-bargain; on Windows
//      %APPDATA%\grand-bargain instead.
std::vector<DataPlace> data_places(const DataSearch& s);

// The places of data_places that hold data, in the same order.
std::vector<std::string> data_roots(const DataSearch& s);

// The first assets/ folder found ("" when none).
std::string assets_dir(const DataSearch& s);
std::string assets_dir();

// The user's own data: $XDG_DATA_HOME/grand-bargain, else
// ~/.local/share/grand-bargain; %APPDATA%\grand-bargain on Windows;
// "grand-bargain-data" (relative) when none of those is known.
std::string user_data_dir(const DataSearch& s);
std::string user_data_dir();

// Every scenarios/ folder: $GB_SCENARIO_DIR first when set, then each data
// root's scenarios/, then the user's own (user_data_dir()/scenarios), each once.
std::vector<std::string> scenario_dirs(const DataSearch& s);
std::vector<std::string> scenario_dirs();

// The places searched, one per line ("  PATH  (WHERE)"), for --help and for
// the error when data is missing.
std::string searched_text(const DataSearch& s);
std::string searched_text();

// The paragraph each program's --help ends with: the folders searched for
// data, in order, and the user's data folder.
std::string data_help();

}  // namespace gb
