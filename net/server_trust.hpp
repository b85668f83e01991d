// Which server keys a client trusts: a key pinned on the command line
// (HOST:PORT#FINGERPRINT), or the one first seen at that address (known_hosts
// in the user's data directory). A server with another key is refused.
#pragma once

#include <cstdint>
#include <string>

#include "secure_channel.hpp"

namespace gb::net {

// Pins `host:port` to a fingerprint (or a prefix of one) for this process:
// known_hosts is neither read nor written for it.
void pin_server(const std::string& host, std::uint16_t port, const std::string& pin);

// $GB_KNOWN_HOSTS, else known_hosts in the user's data folder (user_data_dir():
// $XDG_DATA_HOME/grand-bargain, ~/.local/share/grand-bargain, %APPDATA%\grand-bargain).
std::string known_hosts_path();

// Checks the key a server presented at host:port against its pin or the
// known_hosts entry, and records it there when it is the first. Returns an
// error message, empty when the key is trusted.
std::string check_server_key(const std::string& host, std::uint16_t port, const Key& key);

}  // namespace gb::net
