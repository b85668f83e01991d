// --benchmark-idle: after a warm-up, the CPU time the whole process (the
// client and any embedded server) uses over a span of idle seconds, and how
// many frames it drew and presented meanwhile.
#pragma once

#include <chrono>

namespace gb::client {

class IdleMeter {
public:
    explicit IdleMeter(int seconds) : seconds_(seconds) {}
    // Called once per loop turn: whether a frame was drawn, and presented.
    void tick(bool drawn, bool presented);
    bool done() const { return done_; }
    // Prints the figures (when measuring).
    void report() const;

private:
    int seconds_ = 0;
    bool started_ = false, done_ = false;
    std::chrono::steady_clock::time_point begin_, warm_until_, end_;
    double cpu_begin_ = 0, cpu_end_ = 0;
    long drawn_ = 0, presented_ = 0;
};

}  // namespace gb::client
