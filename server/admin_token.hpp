// The server's admin token: a secret in the data directory (admin.token,
// mode 0600) that whoever runs the server presents to administer its lobby.
#pragma once

#include <optional>
#include <string>

namespace gb {

// <data_dir>/admin.token
std::string admin_token_path(const std::string& data_dir);
// Reads the token in `data_dir`, creating it (mode 0600, 128 random bits in hex)
// on first start. Throws std::runtime_error when it can be neither read nor made.
std::string load_or_create_admin_token(const std::string& data_dir);
// The token in a file (its first line), or nothing when it cannot be read.
std::optional<std::string> read_admin_token(const std::string& file);
// Whether `presented` is `token`, compared in time independent of where they differ.
bool token_matches(const std::string& token, const std::string& presented);

}  // namespace gb
