// A few long-lived threads that fdatasync the journals written in one pass
// side by side, so a pass that touched several games waits for about one
// flush, without starting threads on the hot path.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gb {

class FlushPool {
public:
    explicit FlushPool(std::size_t threads);
    ~FlushPool();
    FlushPool(const FlushPool&) = delete;
    FlushPool& operator=(const FlushPool&) = delete;

    // Runs every job (the caller takes a share) and returns when all are done.
    void run_all(std::vector<std::function<void()>>& jobs);

private:
    void worker();

    std::mutex m_;
    std::condition_variable work_, done_;
    std::vector<std::function<void()>>* jobs_ = nullptr;
    std::size_t next_ = 0, finished_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace gb
