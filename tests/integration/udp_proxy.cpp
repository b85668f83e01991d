// The test relay: one socket facing clients, one upstream socket per client
// address, serviced by one thread with poll().
#include "udp_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <stdexcept>

namespace gbi {

namespace {
int bound_socket(std::uint16_t& port) {
    int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) throw std::runtime_error("socket");
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) throw std::runtime_error("bind");
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
    return fd;
}
}  // namespace

UdpProxy::UdpProxy(std::uint16_t server_port) : target_(server_port) {
    listen_fd_ = bound_socket(port_);
    thread_ = std::thread([this] { run(); });
}

UdpProxy::~UdpProxy() {
    stop_ = true;
    thread_.join();
    ::close(listen_fd_);
}

std::string UdpProxy::capture() const {
    std::lock_guard lock(mutex_);
    return capture_;
}

std::size_t UdpProxy::datagrams() const {
    std::lock_guard lock(mutex_);
    return datagrams_;
}

void UdpProxy::run() {
    struct Upstream {
        int fd;
        sockaddr_in client;
    };
    std::map<std::pair<std::uint32_t, std::uint16_t>, int> by_client;
    std::vector<Upstream> upstreams;
    char buf[70000];
    auto record = [this](const char* p, std::size_t n) {
        std::lock_guard lock(mutex_);
        capture_.append(p, n);
        ++datagrams_;
    };
    auto maybe_flip = [this](std::atomic<std::size_t>& armed, char* p, std::size_t n) {
        std::size_t min = armed;
        if (min > 0 && n > min) {
            p[n - 1] = static_cast<char>(p[n - 1] ^ 0x40);
            armed = 0;
            ++flipped_;
        }
    };
    while (!stop_) {
        std::vector<pollfd> fds{{listen_fd_, POLLIN, 0}};
        for (auto& u : upstreams) fds.push_back({u.fd, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), 10) <= 0) continue;
        if (fds[0].revents & POLLIN) {
            sockaddr_in from{};
            socklen_t len = sizeof from;
            ssize_t n = ::recvfrom(listen_fd_, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &len);
            if (n > 0) {
                auto key = std::pair{from.sin_addr.s_addr, from.sin_port};
                auto it = by_client.find(key);
                if (it == by_client.end()) {
                    std::uint16_t p = 0;
                    int fd = bound_socket(p);
                    sockaddr_in server{};
                    server.sin_family = AF_INET;
                    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                    server.sin_port = htons(target_);
                    ::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server);
                    upstreams.push_back({fd, from});
                    it = by_client.emplace(key, static_cast<int>(upstreams.size() - 1)).first;
                }
                record(buf, static_cast<std::size_t>(n));
                maybe_flip(flip_server_, buf, static_cast<std::size_t>(n));
                ::send(upstreams[static_cast<std::size_t>(it->second)].fd, buf, static_cast<std::size_t>(n), 0);
            }
        }
        for (std::size_t i = 1; i < fds.size(); ++i) {
            if (!(fds[i].revents & POLLIN)) continue;
            ssize_t n = ::recv(fds[i].fd, buf, sizeof buf, 0);
            if (n <= 0) continue;
            record(buf, static_cast<std::size_t>(n));
            maybe_flip(flip_client_, buf, static_cast<std::size_t>(n));
            const sockaddr_in& to = upstreams[i - 1].client;
            ::sendto(listen_fd_, buf, static_cast<std::size_t>(n), 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
        }
    }
    for (auto& u : upstreams) ::close(u.fd);
}

}  // namespace gbi
