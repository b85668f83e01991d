#include "idle_meter.hpp"

#include <cstdio>

#include "os_file.hpp"

namespace gb::client {

namespace {
constexpr auto kWarmUp = std::chrono::seconds(5);
}  // namespace

void IdleMeter::tick(bool drawn, bool presented) {
    if (seconds_ <= 0 || done_) return;
    auto now = std::chrono::steady_clock::now();
    if (warm_until_ == std::chrono::steady_clock::time_point{}) warm_until_ = now + kWarmUp;
    if (!started_) {
        if (now < warm_until_) return;
        started_ = true;
        begin_ = now;
        cpu_begin_ = os::cpu_seconds();
        return;
    }
    drawn_ += drawn;
    presented_ += presented;
    if (now - begin_ >= std::chrono::seconds(seconds_)) {
        end_ = now;
        cpu_end_ = os::cpu_seconds();
        done_ = true;
    }
}

void IdleMeter::report() const {
    if (!done_) return;
    double wall = std::chrono::duration<double>(end_ - begin_).count();
    double cpu = cpu_end_ - cpu_begin_;
    std::printf("idle: %.1f s wall, %.3f s CPU (%.2f%% of a core), %ld frames drawn, %ld presented\n", wall, cpu,
                100 * cpu / wall, drawn_, presented_);
    std::fflush(stdout);
}

}  // namespace gb::client
