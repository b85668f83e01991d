// The server's log lines: a UTC timestamp, then the line, flushed at once so
// that a crash loses none.
#include "log.hpp"

#include <ctime>
#include <iomanip>

namespace gb {

void Log::operator()(const std::string& line) const {
    if (!out_) return;
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    (*out_) << std::put_time(&tm, "%Y-%m-%dT%H:%M:%SZ") << " " << line << "\n" << std::flush;
}

}  // namespace gb
