// A UDP relay for tests, between clients and a server on loopback: it records
// every datagram both ways (a packet capture), can flip a byte in the next
// datagram of either direction, and can be pointed at another server (a man
// in the middle).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gbi {

class UdpProxy {
public:
    explicit UdpProxy(std::uint16_t server_port);
    ~UdpProxy();
    UdpProxy(const UdpProxy&) = delete;
    UdpProxy& operator=(const UdpProxy&) = delete;

    std::uint16_t port() const { return port_; }
    // Every datagram so far, both directions, concatenated.
    std::string capture() const;
    std::size_t datagrams() const;
    // Flips the last byte of the next datagram over `min_size` bytes going to
    // the server (or to the client).
    void flip_next_to_server(std::size_t min_size) { flip_server_ = min_size; }
    void flip_next_to_client(std::size_t min_size) { flip_client_ = min_size; }
    std::size_t flipped() const { return flipped_; }
    // New clients (new source ports) are relayed to this server from now on.
    void retarget(std::uint16_t server_port) { target_ = server_port; }

private:
    void run();

    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<std::uint16_t> target_;
    std::atomic<std::size_t> flip_server_{0}, flip_client_{0}, flipped_{0};
    std::atomic<bool> stop_{false};
    mutable std::mutex mutex_;
    std::string capture_;
    std::size_t datagrams_ = 0;
    std::thread thread_;
};

}  // namespace gbi
