// Wrong codes, resume tokens and admin tokens, counted per address: after a
// few free attempts each strike doubles the time the address must wait.
#pragma once

#include <chrono>
#include <map>
#include <string>

namespace gb {

class Attempts {
public:
    using Clock = std::chrono::steady_clock;

    // How long `address` must still wait before its next attempt counts (zero: go ahead).
    std::chrono::milliseconds wait(const std::string& address, Clock::time_point now) const;
    // Records a wrong attempt; returns the address's strikes so far.
    int strike(const std::string& address, Clock::time_point now);
    // Addresses quiet for ten minutes are forgotten.
    void forget_quiet(Clock::time_point now);

private:
    struct Record {
        int strikes = 0;
        Clock::time_point last{};
        Clock::time_point until{};  // no attempt counts before this
    };
    std::map<std::string, Record> by_address_;
};

// "127.0.0.1:5000" -> "127.0.0.1": strikes count per host, not per port.
std::string host_of(const std::string& address);

}  // namespace gb
