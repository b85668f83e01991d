// The host's own addresses, so a player hosting a game can tell teammates where
// to join: getifaddrs on POSIX, GetAdaptersAddresses on Windows.
#pragma once

#include <string>
#include <vector>

namespace gb::client {

// Non-loopback IPv4 addresses of this machine, as dotted quads.
std::vector<std::string> local_addresses();

}  // namespace gb::client
