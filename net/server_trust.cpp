// Server pins and the known_hosts file: one line per address, "HOST:PORT
// FINGERPRINT", appended the first time a server is met.
#include "server_trust.hpp"
#include "data_dirs.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "os_file.hpp"

namespace gb::net {

namespace {

std::mutex g_mutex;
// Pins given on this process's command line, by "host:port".
std::map<std::string, std::string>& pins() {
    static std::map<std::string, std::string> p;
    return p;
}

std::string address(const std::string& host, std::uint16_t port) {
    return host + ":" + std::to_string(port);
}

}  // namespace

void pin_server(const std::string& host, std::uint16_t port, const std::string& pin) {
    std::lock_guard lock(g_mutex);
    pins()[address(host, port)] = pin;
}

std::string known_hosts_path() {
    if (const char* p = std::getenv("GB_KNOWN_HOSTS"); p && *p) return p;
    return (std::filesystem::path(user_data_dir()) / "known_hosts").string();
}

std::string check_server_key(const std::string& host, std::uint16_t port, const Key& key) {
    std::lock_guard lock(g_mutex);
    const std::string addr = address(host, port);
    const std::string fp = fingerprint(key);
    if (auto p = pins().find(addr); p != pins().end()) {
        if (pin_matches(fp, p->second)) return {};
        return "the server at " + addr + " presented key " + fp.substr(0, kFingerprintShown) +
               ", not the pinned " + p->second.substr(0, kFingerprintShown) +
               ": refusing it (someone may be in the middle, or it is another server)";
    }
    const std::string path = known_hosts_path();
    {
        std::ifstream in(path);
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            std::istringstream ss(line);
            std::string a, f;
            if (!(ss >> a >> f) || a != addr) continue;
            if (f == fp) return {};
            return "the server at " + addr + " presented key " + fp.substr(0, kFingerprintShown) + ", but " + path +
                   " line " + std::to_string(number) + " knows it as " + f.substr(0, kFingerprintShown) +
                   ": refusing it. If that server's key was replaced on purpose, remove that line.";
        }
    }
    // First use: remember it.
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ofstream out(path, std::ios::app);
    if (out) {
        out << addr << " " << fp << "\n";
        out.close();
        os::make_private(path);
    }
    return {};
}

}  // namespace gb::net
