// The server's log: one timestamped line per event that matters, written to
// the stream given in the options (or nowhere).
#pragma once

#include <ostream>
#include <string>

namespace gb {

class Log {
public:
    explicit Log(std::ostream* out = nullptr) : out_(out) {}
    // Writes "2024-01-01T00:00:00Z line" and flushes; does nothing without a stream.
    void operator()(const std::string& line) const;

private:
    std::ostream* out_;
};

}  // namespace gb
