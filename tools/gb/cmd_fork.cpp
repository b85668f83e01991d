// `gb fork`. (Being written.)
#include <iostream>

#include "commands.hpp"

namespace gb::cli {

int cmd_fork(int, char**) {
    std::cerr << "gb fork: not built yet\n";
    return 1;
}

}  // namespace gb::cli
