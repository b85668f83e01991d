// The admin token file: made once with O_EXCL and mode 0600, read on every start.
#include "admin_token.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <random>
#include <sstream>
#include <stdexcept>

#include "os_file.hpp"

namespace gb {

std::string admin_token_path(const std::string& data_dir) {
    return data_dir + "/admin.token";
}

std::optional<std::string> read_admin_token(const std::string& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 1024) return std::nullopt;
    std::ifstream in(file);
    std::string line;
    if (!std::getline(in, line)) return std::nullopt;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) return std::nullopt;
    return line;
}

std::string load_or_create_admin_token(const std::string& data_dir) {
    std::string path = admin_token_path(data_dir);
    if (auto t = read_admin_token(path)) {
        os::make_private(path);  // a copy made by hand keeps its secret too
        return *t;
    }
    std::ostringstream tok;
    std::random_device rd;
    for (int i = 0; i < 4; ++i) tok << std::hex << std::setw(8) << std::setfill('0') << rd();
    std::string token = tok.str();
    int fd = os::open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) throw std::runtime_error("cannot create the admin token " + path + ": " + std::strerror(errno));
    std::string line = token + "\n";
    bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && os::flush_file(fd);
    os::close(fd);
    if (!ok) throw std::runtime_error("cannot write the admin token " + path);
    return token;
}

bool token_matches(const std::string& token, const std::string& presented) {
    if (token.empty() || presented.size() != token.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>(token[i] ^ presented[i]);
    return diff == 0;
}

}  // namespace gb
