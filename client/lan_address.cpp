// The two platforms' ways of listing a machine's IPv4 addresses.
#include "lan_address.hpp"

#ifdef _WIN32
#include <winsock2.h>
// after winsock2.h, which it needs
#include <iphlpapi.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#endif

namespace gb::client {

namespace {

void add_if_not_loopback(const sockaddr* a, std::vector<std::string>& out) {
    if (!a || a->sa_family != AF_INET) return;
    char buf[INET_ADDRSTRLEN];
    auto* sin = reinterpret_cast<const sockaddr_in*>(a);
    if (inet_ntop(AF_INET, &sin->sin_addr, buf, sizeof buf) && std::string(buf).rfind("127.", 0) != 0)
        out.push_back(buf);
}

}  // namespace

#ifdef _WIN32

std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    ULONG size = 16 * 1024;
    std::vector<unsigned char> buf;
    ULONG rc = ERROR_BUFFER_OVERFLOW;
    for (int tries = 0; tries < 3 && rc == ERROR_BUFFER_OVERFLOW; ++tries) {
        buf.resize(size);
        rc = GetAdaptersAddresses(AF_INET, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER,
                                  nullptr, reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buf.data()), &size);
    }
    if (rc != NO_ERROR) return out;
    for (auto* a = reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buf.data()); a; a = a->Next) {
        if (a->OperStatus != IfOperStatusUp) continue;
        for (auto* u = a->FirstUnicastAddress; u; u = u->Next) add_if_not_loopback(u->Address.lpSockaddr, out);
    }
    return out;
}

#else

std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* a = list; a; a = a->ifa_next) add_if_not_loopback(a->ifa_addr, out);
    freeifaddrs(list);
    return out;
}

#endif

}  // namespace gb::client
