// `gb validate FILE...`: checks scenario, rules and card files.
#include <iostream>

#include "commands.hpp"
#include "scenario_loader.hpp"
#include "terminal.hpp"

namespace gb::cli {

int cmd_validate(int argc, char** argv) {
    Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << "usage: gb validate FILE...\n\n"
                     "Checks scenario files (with their includes and card files), rule files and card files.\n"
                     "Prints one line per problem as `file:line: field: what is wrong`.\n"
                     "Exits 0 when every file is good, 1 otherwise.\n";
        return 0;
    }
    if (auto l = args.leftover(); !l.empty()) {
        std::cerr << "gb validate: " << l << "\n";
        return 2;
    }
    if (args.positional().empty()) {
        std::cerr << "gb validate: name at least one file (try gb validate --help)\n";
        return 2;
    }
    int bad = 0;
    for (const auto& file : args.positional()) {
        auto problems = validate_file(file);
        for (const auto& p : problems) std::cout << field(p.str()) << "\n";
        if (problems.empty())
            std::cout << field(file) << ": ok\n";
        else
            ++bad;
    }
    return bad ? 1 : 0;
}

}  // namespace gb::cli
