// A game hosted from the client listens on loopback only unless the host asks
// for the network (--lan): checked in the kernel's table of UDP sockets while
// the real gb-client is running.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "harness.hpp"

using namespace gbi;

namespace {

// The local addresses (as /proc/net/udp writes them, e.g. "0100007F") of UDP sockets on `port`.
std::vector<std::string> udp_listeners(std::uint16_t port) {
    std::vector<std::string> out;
    std::ifstream in("/proc/net/udp");
    std::string line;
    std::getline(in, line);  // the column names
    char want[8];
    std::snprintf(want, sizeof want, "%04X", port);
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string slot, local;
        fields >> slot >> local;
        auto colon = local.find(':');
        if (colon != std::string::npos && local.substr(colon + 1) == want) out.push_back(local.substr(0, colon));
    }
    return out;
}

std::vector<std::string> listeners_while_hosting(const std::string& dir, std::uint16_t port, bool lan) {
    std::vector<std::string> args{"--host-local", "--seat", "control", "--port", std::to_string(port),
                                  "--data", dir + "/data", "--screenshot", dir + "/shot.png", "--frames", "400"};
    if (lan) args.push_back("--lan");
    pid_t pid = spawn_program(GB_CLIENT_BIN, args, dir + "/client.out");
    std::vector<std::string> seen;
    for (int i = 0; i < 600 && seen.empty(); ++i) {
        seen = udp_listeners(port);
        std::this_thread::sleep_for(20ms);
    }
    CHECK(wait_child(pid, 120s) == 0);
    return seen;
}

}  // namespace

TEST_CASE("a game hosted from the client listens on loopback only, unless --lan", "[client][network]") {
    if (!std::getenv("DISPLAY")) FAIL("the client tests need an X display: run them under xvfb-run (./test.sh does)");
    std::string dir = temp_dir("client-bind");
    auto port = static_cast<std::uint16_t>(42000 + ::getpid() % 2000);
    auto local = listeners_while_hosting(dir, port, false);
    REQUIRE(local.size() == 1);
    CHECK(local[0] == "0100007F");  // 127.0.0.1
    auto lan = listeners_while_hosting(dir, static_cast<std::uint16_t>(port + 1), true);
    REQUIRE(lan.size() == 1);
    CHECK(lan[0] == "00000000");  // every address
}
