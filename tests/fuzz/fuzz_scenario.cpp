// libFuzzer target: the scenario loader must report problems, never crash,
// on any bytes given as a rules layer.
#include <unistd.h>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path =
        (std::filesystem::temp_directory_path() / ("gb-fuzz-" + std::to_string(::getpid()) + ".toml")).string();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    auto problems = gb::validate_file(path);
    for (const auto& p : problems)
        if (p.message.empty()) __builtin_trap();
    return 0;
}
