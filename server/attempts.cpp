// The back-off: kFreeAttempts strikes cost nothing, then kBackoffBaseMs,
// doubling up to kBackoffMaxMs.
#include "attempts.hpp"

#include <algorithm>

#include "limits.hpp"

namespace gb {

using namespace std::chrono;

std::string host_of(const std::string& address) {
    auto colon = address.rfind(':');
    return colon == std::string::npos ? address : address.substr(0, colon);
}

milliseconds Attempts::wait(const std::string& address, Clock::time_point now) const {
    auto it = by_address_.find(host_of(address));
    if (it == by_address_.end() || it->second.until <= now) return milliseconds(0);
    return duration_cast<milliseconds>(it->second.until - now) + milliseconds(1);
}

int Attempts::strike(const std::string& address, Clock::time_point now) {
    forget_quiet(now);
    Record& r = by_address_[host_of(address)];
    ++r.strikes;
    r.last = now;
    int over = r.strikes - net::kFreeAttempts;
    if (over > 0) {
        long long ms = net::kBackoffBaseMs;
        for (int i = 1; i < over && ms < net::kBackoffMaxMs; ++i) ms *= 2;
        r.until = now + milliseconds(std::min<long long>(ms, net::kBackoffMaxMs));
    }
    return r.strikes;
}

void Attempts::forget_quiet(Clock::time_point now) {
    for (auto it = by_address_.begin(); it != by_address_.end();)
        it = now - it->second.last > minutes(10) ? by_address_.erase(it) : std::next(it);
}

}  // namespace gb
