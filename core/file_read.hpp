// Reading a whole file that came from outside (a scenario, a card deck, a rules
// layer): only regular files, never more than a cap, never blocking on a FIFO.
#pragma once

#include <cstddef>
#include <string>

namespace gb {

struct FileRead {
    bool ok = false;
    std::string bytes;  // the file's content when ok
    std::string error;  // otherwise why not, starting with the path
};

// The content of `path` when it is a regular file of at most `max_bytes`.
// FIFOs, devices, directories and sockets are refused without being read
// (the open never blocks), and so is a symbolic link when `follow_links` is false.
FileRead read_regular_file(const std::string& path, std::size_t max_bytes, bool follow_links = true);

}  // namespace gb

namespace gb {

// Writes `bytes` to `path` as a file only its owner may read (mode 0600):
// written to PATH.new, flushed, then renamed over PATH, so a crash leaves the
// old file or the new one, never half of one. Throws std::runtime_error naming the path.
void write_private_file(const std::string& path, const std::string& bytes);

}  // namespace gb
