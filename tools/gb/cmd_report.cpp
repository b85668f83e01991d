// `gb report`: the after-action report. (Being written.)
#include <iostream>

#include "commands.hpp"

namespace gb::cli {

int cmd_report(int, char**) {
    std::cerr << "gb report: not built yet\n";
    return 1;
}

}  // namespace gb::cli
