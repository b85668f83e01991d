// `gb`: the Grand Bargain command-line tool. Dispatches to subcommands.
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "action_decl.hpp"
#include "data_dirs.hpp"
#include "commands.hpp"
#include "os_file.hpp"
#include "terminal.hpp"

namespace gb::cli {

Args::Args(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i) args_.emplace_back(argv[i]);
    used_.assign(args_.size(), false);
    for (std::size_t i = 0; i < args_.size(); ++i)
        if (args_[i].rfind("--", 0) != 0 && (i == 0 || args_[i - 1].rfind("--", 0) != 0)) {
            positional_.push_back(args_[i]);
            used_[i] = true;
        }
}

std::optional<std::string> Args::value(const std::string& flag) {
    for (std::size_t i = 0; i < args_.size(); ++i)
        if (args_[i] == flag) {
            used_[i] = true;
            if (i + 1 < args_.size()) {
                used_[i + 1] = true;
                return args_[i + 1];
            }
            return std::string();
        }
    return std::nullopt;
}

bool Args::flag(const std::string& flag) {
    for (std::size_t i = 0; i < args_.size(); ++i)
        if (args_[i] == flag) {
            used_[i] = true;
            // A bare flag followed by a non-flag word: the word is positional.
            if (i + 1 < args_.size() && args_[i + 1].rfind("--", 0) != 0 && !used_[i + 1]) {
                positional_.push_back(args_[i + 1]);
                used_[i + 1] = true;
            }
            return true;
        }
    return false;
}

std::string Args::leftover() const {
    for (std::size_t i = 0; i < args_.size(); ++i)
        if (!used_[i]) return "unknown argument '" + args_[i] + "'";
    return {};
}

std::optional<unsigned long long> parse_uint(const std::string& s) {
    if (s.empty() || s.size() > 19) return std::nullopt;
    unsigned long long v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    return v;
}

std::optional<std::uint32_t> parse_min_phase(const std::string& s) {
    char* end = nullptr;
    double secs = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0' || !(secs >= 0 && secs <= 3600)) return std::nullopt;
    return static_cast<std::uint32_t>(secs * 1000 + 0.5);
}

}  // namespace gb::cli

namespace {

void usage(std::ostream& o) {
    o << "gb: the Grand Bargain command-line tool\n"
         "\n"
         "usage: gb COMMAND [options]    (gb COMMAND --help for details)\n"
         "\n"
         "commands:\n"
         "  validate FILE...   check scenario, rules and card files; print file:line: field: problem\n"
         "  simulate           play many bot games and print balance figures\n"
         "  study              measure the seminar notes' thesis over many bot games (docs/thesis.md)\n"
         "  demo               play the default scenario with bots over a local server and narrate it\n"
         "  replay JOURNAL     check a game journal (--verify), or show it at a point (--at T.P --as SEAT)\n"
         "  fork JOURNAL       start a new live game from a point of a saved one (--at T.P)\n"
         "  report JOURNAL     write the after-action report (HTML or Markdown); --compare for several games\n"
         "  lobby              create, list and close games on a server; server statistics\n"
         "  bot                play one seat of a game on a server\n"
         "  load               load generator for a server: latency and throughput\n"
         "  actions            list every action: its tag, who may issue it, in which phases\n"
         "\n"
      << gb::data_help();
}

// `gb actions [--markdown]`: the action declarations (core/action_decl.hpp),
// as docs/protocol.md's table (a test keeps the two equal).
int cmd_actions(int argc, char** argv) {
    gb::cli::Args args(argc, argv, 2);
    if (args.flag("--help")) {
        std::cout << "usage: gb actions [--markdown]\n"
                     "  prints every action's tag, who may issue it and in which phases\n"
                     "  (--markdown: as the table in docs/protocol.md)\n";
        return 0;
    }
    bool markdown = args.flag("--markdown");
    if (auto bad = args.leftover(); !bad.empty()) {
        std::cerr << "gb actions: " << bad << "\n";
        return 2;
    }
    if (markdown) {
        std::cout << gb::actions_markdown();
        return 0;
    }
    for (const gb::ActionDecl& d : gb::kActionDecls)
        std::cout << d.tag << "\t" << gb::describe_issuers(d.who) << "\t" << gb::describe_phases(d.when) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    gb::os::prepare_console();
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        usage(std::cout);
        return argc < 2 ? 2 : 0;
    }
    std::string cmd = argv[1];
    try {
        if (cmd == "validate") return gb::cli::cmd_validate(argc, argv);
        if (cmd == "simulate") return gb::cli::cmd_simulate(argc, argv);
        if (cmd == "study") return gb::cli::cmd_study(argc, argv);
        if (cmd == "demo") return gb::cli::cmd_demo(argc, argv);
        if (cmd == "replay") return gb::cli::cmd_replay(argc, argv);
        if (cmd == "lobby") return gb::cli::cmd_lobby(argc, argv);
        if (cmd == "bot") return gb::cli::cmd_bot(argc, argv);
        if (cmd == "load") return gb::cli::cmd_load(argc, argv);
        if (cmd == "report") return gb::cli::cmd_report(argc, argv);
        if (cmd == "fork") return gb::cli::cmd_fork(argc, argv);
        if (cmd == "actions") return cmd_actions(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "gb " << gb::cli::field(cmd) << ": " << gb::cli::field(e.what()) << "\n";
        return 1;
    }
    std::cerr << "gb: unknown command '" << gb::cli::field(cmd) << "'\n\n";
    usage(std::cerr);
    return 2;
}
