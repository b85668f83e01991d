// The `gb` command-line tool's subcommands and the small argument helper they share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gb::cli {

// Flags of the form `--name value` or `--name`, plus positional arguments.
class Args {
public:
    Args(int argc, char** argv, int first);
    std::optional<std::string> value(const std::string& flag);
    bool flag(const std::string& flag);
    const std::vector<std::string>& positional() const { return positional_; }
    // Anything left unread is an error; returns its description or empty.
    std::string leftover() const;

private:
    std::vector<std::string> args_;
    std::vector<bool> used_;
    std::vector<std::string> positional_;
};

int cmd_validate(int argc, char** argv);
int cmd_simulate(int argc, char** argv);
int cmd_study(int argc, char** argv);
int cmd_demo(int argc, char** argv);
int cmd_replay(int argc, char** argv);
int cmd_lobby(int argc, char** argv);
int cmd_bot(int argc, char** argv);
int cmd_load(int argc, char** argv);
int cmd_report(int argc, char** argv);
int cmd_fork(int argc, char** argv);

// The admin token to present to a server: read from `file` when given (an
// error when it cannot be read), else from `data_dir`'s (or the default data
// directory's) admin.token when the server is on this machine, else empty.
std::string admin_token_for(const std::optional<std::string>& file, const std::optional<std::string>& data_dir,
                            const std::string& host, std::string& error);

// Parses a non-negative integer; nullopt on junk.
std::optional<unsigned long long> parse_uint(const std::string& s);
// Parses --min-phase: seconds from 0 to 3600, in milliseconds; nullopt on junk.
std::optional<std::uint32_t> parse_min_phase(const std::string& s);

}  // namespace gb::cli
