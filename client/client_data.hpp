// Where the client finds its assets, typeface and the scenarios of its menu:
// the data folders of data_dirs.hpp, never a path compiled in.
#pragma once

#include <string>
#include <vector>

namespace gb::client {

struct ClientOptions;

// --assets, else $GB_ASSETS, else the first assets/ of the data folders; throws
// naming every folder searched when there is none.
std::string find_assets(const ClientOptions& o);

// The typeface: assets/fonts/DejaVuSans.ttf when shipped there (the Windows
// zip), else the system's DejaVu Sans.
std::string font_file(const std::string& assets);

// The scenarios of the main menu: the *.toml files of every scenario folder
// (the shipped ones, then the user's own), one per name, each folder sorted.
std::vector<std::string> menu_scenarios();

}  // namespace gb::client
