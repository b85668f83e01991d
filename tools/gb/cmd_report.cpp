// `gb report`: the after-action report of a game, written from its journal
// alone, as one seat saw it; or several games of one scenario compared, with
// an optional band of simulated bot games behind them.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "os_file.hpp"
#include "report.hpp"
#include "terminal.hpp"

namespace gb::cli {

namespace {

const char* kHelp =
    "usage: gb report JOURNAL -o FILE [--as SEAT] [--format html|md] [--include-chat] [--study-games N]\n"
    "                 [--seed S] [--threads T]\n"
    "       gb report --compare JOURNAL... -o FILE [--as SEAT] [--format html|md] [--simulate N] [--seed S]\n"
    "                 [--threads T]\n"
    "\n"
    "Writes a game's after-action report from its journal alone: scenario, game, seed and date;\n"
    "a chart of every track and of each team's score by turn; then for every turn the inject\n"
    "(text, source quote, teaching note), the deals, the revealed orders with their rolls, the\n"
    "White Cell's amendments and settings with their reasons, and the bookmarks and replay\n"
    "annotations; then the final scores against par and the shared outcome; last the thesis:\n"
    "the US-Iran channel's episodes as gb study follows them, the framework and its bargain\n"
    "terms, the game's arc, and where the game stands among simulated games of its scenario\n"
    "(a gb study of the journal's own scenario, run here). HTML is one\n"
    "self-contained page (inline CSS and SVG, nothing loaded from anywhere); Markdown has the\n"
    "same content with the charts as tables.\n"
    "\n"
    "  -o, --output FILE  where to write the report; - for standard output\n"
    "  --as SEAT          whose eyes: control (default, the White Cell sees everything), public,\n"
    "                     us, iran, israel or gulf; a seat's report holds only what it could see\n"
    "  --format F         html or md (default: md when FILE ends in .md, else html)\n"
    "  --include-chat     add each turn's chat, as far as the seat could see it\n"
    "  --compare          compare several journals of one scenario: every track overlaid, one line\n"
    "                     per game, and the outcomes side by side\n"
    "  --simulate N       with --compare: also play N heuristic bot games of the scenario here and\n"
    "                     draw their 10th-90th and 25th-75th percentile bands and median behind the\n"
    "                     games; give each game's scores as percentiles of the simulated ones\n"
    "  --study-games N    games of the study the thesis section places the game against\n"
    "                     (default 500; 0 leaves the comparison out)\n"
    "  --seed S           seed of the simulated games or of the study (default 1)\n"
    "  --threads T        threads for the simulation (default: the number of cores); the report\n"
    "                     does not depend on it\n"
    "\n"
    "Exits 2 on bad usage, 1 when a journal cannot be read or the report cannot be written.\n";

struct Options {
    std::vector<std::string> journals;
    std::optional<std::string> output, as, format, simulate, seed, threads, study_games;
    bool include_chat = false, compare = false, help = false;
};

// Parses the command line; returns an error message or empty.
std::string parse(int argc, char** argv, Options& o) {
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        auto take = [&](std::optional<std::string>& slot) -> std::string {
            if (slot) return a + " is given twice";
            if (i + 1 >= argc || (std::string(argv[i + 1]).rfind("--", 0) == 0)) return a + " needs a value";
            slot = argv[++i];
            return {};
        };
        std::string err;
        if (a == "-o" || a == "--output")
            err = take(o.output);
        else if (a == "--as")
            err = take(o.as);
        else if (a == "--format")
            err = take(o.format);
        else if (a == "--simulate")
            err = take(o.simulate);
        else if (a == "--study-games")
            err = take(o.study_games);
        else if (a == "--seed")
            err = take(o.seed);
        else if (a == "--threads")
            err = take(o.threads);
        else if (a == "--include-chat")
            o.include_chat = true;
        else if (a == "--compare")
            o.compare = true;
        else if (a == "--help" || a == "-h")
            o.help = true;
        else if (a.size() > 1 && a[0] == '-')
            err = "unknown option '" + a + "'";
        else
            o.journals.push_back(a);
        if (!err.empty()) return err;
    }
    return {};
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool write_output(const std::string& path, const std::string& text) {
    if (path == "-") {
        std::cout << text;
        std::cout.flush();
        return static_cast<bool>(std::cout);
    }
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) return false;
    f << text;
    f.close();
    return static_cast<bool>(f);
}

}  // namespace

int cmd_report(int argc, char** argv) {
    Options o;
    std::string err = parse(argc, argv, o);
    if (o.help && err.empty()) {
        std::cout << kHelp;
        return 0;
    }
    auto usage = [](const std::string& msg) {
        std::cerr << "gb report: " << field(msg) << " (try gb report --help)\n";
        return 2;
    };
    if (!err.empty()) return usage(err);
    if (o.journals.empty()) return usage(o.compare ? "name the journals to compare" : "name a journal");
    if (!o.compare && o.journals.size() > 1) return usage("name one journal, or use --compare for several");
    if (!o.output) return usage("say where to write the report with -o FILE (- for standard output)");
    if (o.output->empty()) return usage("-o needs a file name");
    if (!o.compare && o.simulate) return usage("--simulate goes with --compare");
    if (o.compare && o.study_games) return usage("--study-games is for the report of one game");
    if (o.compare && o.include_chat) return usage("--include-chat is for the report of one game");

    bool markdown = false;
    if (o.format) {
        if (*o.format == "md" || *o.format == "markdown")
            markdown = true;
        else if (*o.format != "html")
            return usage("--format must be html or md");
    } else {
        markdown = ends_with(*o.output, ".md") || ends_with(*o.output, ".markdown");
    }
    Perspective perspective;
    if (o.as) {
        auto p = perspective_from(*o.as);
        if (!p) return usage("unknown perspective '" + *o.as + "': use control, public, us, iran, israel or gulf");
        perspective = *p;
    }
    unsigned long long games = 0, seed = 1;
    unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    unsigned long long threads = hw;
    if (o.simulate) {
        auto n = parse_uint(*o.simulate);
        if (!n || *n == 0 || *n > 1'000'000) return usage("--simulate must be a whole number from 1 to 1000000");
        games = *n;
    }
    unsigned long long study_games = 500;
    if (o.study_games) {
        auto n = parse_uint(*o.study_games);
        if (!n || *n > 1'000'000) return usage("--study-games must be a whole number from 0 to 1000000");
        study_games = *n;
    }
    if (o.seed) {
        auto s = parse_uint(*o.seed);
        if (!s) return usage("--seed must be a non-negative whole number");
        seed = *s;
    }
    if (o.threads) {
        auto t = parse_uint(*o.threads);
        if (!t || *t == 0 || *t > 256) return usage("--threads must be 1..256");
        threads = *t;
    }

    std::string text;
    try {
        report::ReportOptions ro;
        ro.perspective = perspective;
        ro.include_chat = o.include_chat;
        if (!o.compare) {
            const std::string& path = o.journals.front();
            Timeline tl = Timeline::open(path);
            if (tl.torn()) std::cerr << "gb report: " << field(path) << ": the torn last record is left out\n";
            std::vector<Annotation> notes;
            if (perspective.kind == Perspective::Kind::control) notes = load_annotations(path);
            report::GameReport r = report::build_report(tl, ro, notes);
            if (study_games > 0) {
                // The same study gb study makes of the journal's own scenario.
                StudyOptions so;
                so.games = static_cast<int>(study_games);
                so.seed = seed;
                so.threads = static_cast<int>(threads);
                int n = so.games;
                bool tty = os::is_terminal(stderr);
                auto start = std::chrono::steady_clock::now();
                bool shown = false;
                auto progress = [&](int done) {
                    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                    if (!tty || secs < 1.0) return;
                    std::fprintf(stderr, "\rstudying: %d/%d games (%d%%)", done, n, done * 100 / n);
                    shown = true;
                };
                Study st = study(tl.scenario(), so, progress);
                double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                if (shown) std::fprintf(stderr, "\n");
                if (secs >= 1.0)
                    std::fprintf(stderr, "gb report: studied %d bot games of the scenario in %.1f s\n", n, secs);
                report::place_against(r, st);
            }
            text = markdown ? report::render_markdown(r) : report::render_html(r);
        } else {
            report::Comparison c;
            std::shared_ptr<const Scenario> scenario;
            std::string first;
            for (const std::string& path : o.journals) {
                Timeline tl = Timeline::open(path);
                if (tl.torn()) std::cerr << "gb report: " << field(path) << ": the torn last record is left out\n";
                if (!scenario) {
                    scenario = tl.scenario();
                    first = path;
                } else if (tl.scenario()->id != scenario->id) {
                    std::cerr << "gb report: " << field(path) << " is a game of scenario '" << field(tl.scenario()->id)
                              << "', but " << field(first) << " is of '" << field(scenario->id)
                              << "'; --compare needs games of one scenario\n";
                    return 1;
                }
                c.games.push_back(report::build_report(tl, ro, {}));
                c.files.push_back(path);
            }
            c.scenario_id = scenario->id;
            c.scenario_title = scenario->title;
            c.perspective_label = c.games.front().perspective_label;
            c.calendar = scenario->calendar;
            for (int k = 0; k < kTracks; ++k) c.ranges[k] = {scenario->tracks[k].min, scenario->tracks[k].max};
            if (games > 0) {
                int n = static_cast<int>(games);
                bool tty = os::is_terminal(stderr);
                auto start = std::chrono::steady_clock::now();
                if (!tty) std::fprintf(stderr, "gb report: simulating %d bot games on %llu threads\n", n, threads);
                auto progress = [&](int done) {
                    if (tty) std::fprintf(stderr, "\rsimulating: %d/%d games (%d%%)", done, n, done * 100 / n);
                };
                c.sim = report::simulate_tracks(scenario, n, seed, static_cast<int>(threads), progress);
                double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                if (tty) std::fprintf(stderr, "\n");
                std::fprintf(stderr, "gb report: simulated %d games in %.1f s\n", n, secs);
            }
            text = markdown ? report::render_compare_markdown(c) : report::render_compare_html(c);
        }
    } catch (const std::exception& e) {
        std::cerr << "gb report: " << field(e.what()) << "\n";
        return 1;
    }
    if (!write_output(*o.output, text)) {
        std::cerr << "gb report: cannot write " << field(*o.output) << "\n";
        return 1;
    }
    return 0;
}

}  // namespace gb::cli
