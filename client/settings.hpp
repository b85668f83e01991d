// The user's settings, kept between runs in a small key = value file
// ($XDG_CONFIG_HOME/grand-bargain/client.conf, or --settings FILE): the UI
// scale, whether sounds play, and whether the primer has been seen.
#pragma once

#include <string>

namespace gb::client {

struct Settings {
    float ui_scale = 0;  // 0: chosen from the window's height
    bool muted = true;   // sounds are off until the player turns them on
    bool primer_seen = false;

    // Reads the file; missing or unreadable leaves the defaults.
    static Settings load(const std::string& path);
    // Writes the file (creating its directory); false when it cannot.
    bool save(const std::string& path) const;
    static std::string default_path();
};

}  // namespace gb::client
