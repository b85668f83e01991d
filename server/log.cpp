// The server's log lines: a UTC timestamp, then the line, flushed at once so
// that a crash loses none. Lines carry names and reasons that came from
// players, so each is cleaned: no control bytes, and a newline cannot forge
// a second line.
#include "log.hpp"

#include <ctime>
#include <iomanip>

#include "clean_text.hpp"
#include "os_file.hpp"

namespace gb {

void Log::operator()(const std::string& line) const {
    if (!out_) return;
    std::time_t now = std::time(nullptr);
    std::tm tm = os::utc_time(now);
    (*out_) << std::put_time(&tm, "%Y-%m-%dT%H:%M:%SZ") << " " << clean_line(line) << "\n" << std::flush;
}

}  // namespace gb
