// The flush pool.
#include "flush_pool.hpp"

namespace gb {

FlushPool::FlushPool(std::size_t threads) {
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { worker(); });
}

FlushPool::~FlushPool() {
    {
        std::lock_guard<std::mutex> lock(m_);
        stopping_ = true;
    }
    work_.notify_all();
    for (auto& t : threads_) t.join();
}

void FlushPool::run_all(std::vector<std::function<void()>>& jobs) {
    if (jobs.empty()) return;
    if (jobs.size() == 1 || threads_.empty()) {
        for (auto& j : jobs) j();
        return;
    }
    std::unique_lock<std::mutex> lock(m_);
    jobs_ = &jobs;
    next_ = 0;
    finished_ = 0;
    work_.notify_all();
    // The caller works too.
    while (next_ < jobs.size()) {
        std::size_t i = next_++;
        lock.unlock();
        jobs[i]();
        lock.lock();
        ++finished_;
    }
    done_.wait(lock, [&] { return finished_ == jobs.size(); });
    jobs_ = nullptr;
}

void FlushPool::worker() {
    std::unique_lock<std::mutex> lock(m_);
    for (;;) {
        work_.wait(lock, [&] { return stopping_ || (jobs_ && next_ < jobs_->size()); });
        if (stopping_) return;
        while (jobs_ && next_ < jobs_->size()) {
            std::size_t i = next_++;
            auto* jobs = jobs_;
            lock.unlock();
            (*jobs)[i]();
            lock.lock();
            if (++finished_ == jobs->size()) done_.notify_all();
        }
    }
}

}  // namespace gb
