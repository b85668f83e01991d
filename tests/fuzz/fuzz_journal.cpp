// libFuzzer target: the journal reader, and the replay of whatever it
// accepts, must report a torn or corrupt journal, never crash or hang, on
// any bytes given as a journal file.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "journal.hpp"
#include "journal_replay.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path =
        (std::filesystem::temp_directory_path() / ("gb-fuzz-" + std::to_string(::getpid()) + ".journal")).string();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    gb::JournalRead read = gb::read_journal(path);
    if (read.good_bytes > size) __builtin_trap();
    if (read.error.empty()) {
        gb::ReplayedGame game = gb::replay(read);
        (void)game;
    }
    return 0;
}
