// The platform calls of core/os_file on this platform: what the journal, the
// keys and gb demo rely on (the Windows side is exercised by scripts/test-windows.sh).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "os_file.hpp"

namespace fs = std::filesystem;
using namespace gb;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("os_file: a private file is created once, flushed, cut and replaced", "[os]") {
    std::string dir = os::make_temp_dir("gb-os-test");
    REQUIRE(!dir.empty());
    REQUIRE(fs::is_directory(dir));
    CHECK(os::make_temp_dir("gb-os-test") != dir);  // every call a new folder
    std::string path = dir + "/a.bin";

    int fd = os::open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0600);
    REQUIRE(fd >= 0);
    CHECK(os::open(path, O_WRONLY | O_CREAT | O_EXCL, 0600) < 0);  // O_EXCL holds
    CHECK(::write(fd, "one\ntwo\n", 8) == 8);
    CHECK(os::flush_data(fd));
    CHECK(os::flush_file(fd));
    CHECK(os::flush_file_system(fd));
    CHECK(os::resize(fd, 4));
    CHECK(::write(fd, "3\n", 2) == 2);  // O_APPEND writes at the new end
    CHECK(os::close(fd));
    CHECK(slurp(path) == "one\n3\n");
    CHECK(os::resize(path, 3));
    CHECK(slurp(path) == "one");

    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(os::is_private(static_cast<int>(st.st_mode)));
    ::chmod(path.c_str(), 0644);
    CHECK(!os::is_private(0644));
    CHECK(os::make_private(path));
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    std::ofstream(dir + "/b.bin") << "new";
    CHECK(os::replace(dir + "/b.bin", path));
    CHECK(slurp(path) == "new");
    CHECK(!fs::exists(dir + "/b.bin"));

    std::tm tm = os::utc_time(86400 * 365);
    CHECK(tm.tm_year == 71);
    CHECK(tm.tm_yday == 0);
    CHECK(os::process_id() == static_cast<int>(::getpid()));
    CHECK(os::resident_bytes() > 0);
    fs::remove_all(dir);
}
