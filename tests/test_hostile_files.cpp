// Hostile files: scenario files whose strings hide deep nesting, dotted keys
// of very many parts, files that are FIFOs or devices (named by a scenario or
// by a journal's header), and the mode journals are written with.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>

#include "file_read.hpp"
#include "journal.hpp"
#include "journal_game.hpp"
#include "journal_replay.hpp"
#include "scenario_loader.hpp"
#include "support.hpp"

using namespace gbt;
namespace fs = std::filesystem;

namespace {

bool mentions(const std::vector<Problem>& ps, const std::string& what) {
    for (const auto& p : ps)
        if (p.str().find(what) != std::string::npos) return true;
    return false;
}

// Runs `work` on a thread; if it has not finished after half a minute (it is
// stuck opening the FIFO at `fifo`: a real hang never ends), a writer opens
// and closes the FIFO so that the read ends, and the test fails instead of
// hanging. The wait is long: finding a scenario by its hash loads every
// shipped scenario, which took over 5 s under ASan on a loaded machine.
template <class F>
auto finishes(F work, const std::string& fifo) {
    auto done = std::async(std::launch::async, work);
    bool in_time = done.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
    while (done.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
        int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    }
    CHECK(in_time);
    return done.get();
}

std::string deep(std::size_t n) {
    return std::string(n, '[');
}

}  // namespace

TEST_CASE("the nesting check reads every TOML string form: no quote hides brackets from it", "[hostile]") {
    // Each prefix ends outside any string; a scanner that misreads it thinks the
    // brackets after it are quoted and lets them through to the parser's recursion.
    const char* prefixes[] = {
        "a = \"\"\"ab\"c\"\"\"\n",        // a quote inside a multi-line basic string
        "a = \"\"\"x\"\"\"\"\n",          // a multi-line basic string ending in one more quote
        "a = \"\"\"x\"\"\"\"\"\n",        // ... and in two more
        "a = '''it's'''\n",               // an apostrophe inside a multi-line literal string
        "a = '''x''''\n",                 // a multi-line literal ending in one more quote
        "a = \"\"\"\\\"\"\"\"\n",         // an escaped quote then the end
        "a = \"\"\"line \\\n  \"\"\"\n",  // a line-ending backslash
        "a = \"x\\\\\"\n",                // an escaped backslash before the closing quote
        "a = 'C:\\'\n",                   // a literal string has no escapes
        "a = \"it's\"\n",                 // an apostrophe in a basic string
        "a = '\"'\n",                     // a quote in a literal string
        "# it's a \"comment\n",           // quotes in a comment
        "\"quoted key\".'other' = 1\n",   // quoted key parts
        "a = \"\"\n",                     // an empty basic string
        "a = ''\n",                       // an empty literal string
        "a = \"\"\"\"\"\"\n",             // an empty multi-line basic string
    };
    for (const char* prefix : prefixes) {
        INFO(prefix);
        auto path = write_temp("shape/deep.toml", std::string(prefix) + "b = " + deep(200000) + "\n");
        auto ps = validate_file(path);
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].field == "syntax");
        CHECK(ps[0].message.find("nest deeper than 32") != std::string::npos);
        CHECK(ps[0].line >= 2);
    }
}

TEST_CASE("brackets inside strings and comments are not nesting", "[hostile]") {
    const std::string many = deep(100);
    for (const std::string& text :
         {"a = \"" + many + "\"\n", "a = '" + many + "'\n", "a = \"\"\"\n" + many + "\"\n\"\"\"\n",
          "a = '''\n" + many + "'\n'''\n", "# " + many + "\na = 1\n", "\"" + many + "\" = 1\n"}) {
        INFO(text.substr(0, 10));
        auto ps = validate_file(write_temp("shape/quoted.toml", text));
        CHECK_FALSE(mentions(ps, "nest deeper"));
        CHECK_FALSE(mentions(ps, "syntax"));  // parsed: only "unknown section" is left to say
    }
}

TEST_CASE("dotted keys have at most 16 parts, longer ones are refused at their line", "[hostile]") {
    auto dotted = [](int parts, const std::string& sep) {
        std::string k = "k0";
        for (int i = 1; i < parts; ++i) k += sep + "k" + std::to_string(i);
        return k;
    };
    for (const std::string& sep : {std::string("."), std::string(" . "), std::string(".\"q\".")}) {
        INFO("separator '" << sep << "'");
        int parts = sep == ".\"q\"." ? 8 : 16;  // each separator there adds two parts
        auto ok = validate_file(write_temp("dots/ok.toml", "# fine\n" + dotted(parts, sep) + " = 1\n"));
        CHECK_FALSE(mentions(ok, "syntax"));
        auto bad = validate_file(write_temp("dots/bad.toml", "# refused\n\n" + dotted(parts + 1, sep) + " = 1\n"));
        REQUIRE(bad.size() == 1);
        CHECK(bad[0].str().find("bad.toml:3: syntax: a dotted key has more than 16 parts") != std::string::npos);
    }
    // In a table header and inside an inline table too.
    CHECK(mentions(validate_file(write_temp("dots/h.toml", "[" + dotted(17, ".") + "]\n")), "more than 16 parts"));
    CHECK(mentions(validate_file(write_temp("dots/i.toml", "x = { " + dotted(17, ".") + " = 1 }\n")),
                   "more than 16 parts"));
    // Numbers and dates are not keys.
    auto values = validate_file(write_temp("dots/v.toml", "[rules]\nx = [1.5, 2.25, 1e3, 1979-05-27T07:32:00.999]\n"));
    CHECK_FALSE(mentions(values, "dotted"));
}

TEST_CASE("a 20,000-part dotted key is refused, not parsed", "[hostile]") {
    std::string key = "a";
    for (int i = 0; i < 20000; ++i) key += ".a";
    auto ps = validate_file(write_temp("dots/huge.toml", "[scenario]\n" + key + " = 1\n"));
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].line == 2);
    CHECK(ps[0].message.find("dotted key") != std::string::npos);
}

TEST_CASE("read_regular_file reads regular files and refuses the rest without blocking", "[hostile]") {
    TempDir dir("file-read");
    std::ofstream(dir / "a.toml") << "x = 1\n";
    FileRead a = read_regular_file(dir / "a.toml", 100);
    CHECK(a.ok);
    CHECK(a.bytes == "x = 1\n");

    FileRead small = read_regular_file(dir / "a.toml", 3);
    CHECK_FALSE(small.ok);
    CHECK(small.error.find("a.toml: file is larger than") != std::string::npos);

    FileRead missing = read_regular_file(dir / "none.toml", 100);
    CHECK_FALSE(missing.ok);
    CHECK(missing.error.find("none.toml: cannot open file") != std::string::npos);

    FileRead folder = read_regular_file(dir.path.string(), 100);
    CHECK_FALSE(folder.ok);
    CHECK(folder.error.find("is a directory") != std::string::npos);

    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    FileRead fifo = finishes([&] { return read_regular_file(dir / "fifo", 100); }, dir / "fifo");
    CHECK_FALSE(fifo.ok);
    CHECK(fifo.error.find("fifo: is not a regular file") != std::string::npos);

    FileRead zero = read_regular_file("/dev/zero", 100);
    CHECK_FALSE(zero.ok);
    CHECK(zero.error.find("/dev/zero: is not a regular file") != std::string::npos);

    fs::create_symlink(dir / "a.toml", dir.path / "link.toml");
    CHECK(read_regular_file(dir / "link.toml", 100).ok);
    FileRead nofollow = read_regular_file(dir / "link.toml", 100, false);
    CHECK_FALSE(nofollow.ok);
    CHECK(nofollow.error.find("symbolic link") != std::string::npos);
}

TEST_CASE("a deck file that is a FIFO is refused, validate does not hang", "[hostile]") {
    TempDir dir("fifo-deck");
    fs::copy(source_dir() + "/scenarios/rules", dir.path / "rules", fs::copy_options::recursive);
    fs::copy(source_dir() + "/scenarios/cards", dir.path / "cards", fs::copy_options::recursive);
    std::string scen = read_file(source_dir() + "/scenarios/after-911.toml");
    auto at = scen.find("deck_files = [");
    REQUIRE(at != std::string::npos);
    scen.insert(at + 14, "\"cards/fifo.toml\", ");
    std::ofstream(dir / "s.toml") << scen;
    REQUIRE(::mkfifo((dir / "cards/fifo.toml").c_str(), 0600) == 0);
    auto ps = finishes([&] { return validate_file(dir / "s.toml"); }, dir / "cards/fifo.toml");
    CHECK(mentions(ps, "fifo.toml:0: file: is not a regular file"));
    // The same for an include.
    std::string inc = read_file(source_dir() + "/scenarios/after-911.toml");
    auto ip = inc.find("includes = [");
    REQUIRE(ip != std::string::npos);
    inc.insert(ip + 12, "\"cards/fifo.toml\", ");
    std::ofstream(dir / "i.toml") << inc;
    auto pi = finishes([&] { return load_scenario(dir / "i.toml"); }, dir / "cards/fifo.toml");
    CHECK_FALSE(pi.scenario);
    CHECK(mentions(pi.problems, "is not a regular file"));
}

TEST_CASE("a journal whose header names a FIFO as its scenario does not hang replay", "[hostile][journal]") {
    TempDir dir("fifo-journal");
    REQUIRE(::mkfifo((dir / "scenario.toml").c_str(), 0600) == 0);
    // The header's path names a FIFO, or a scenario file that includes one.
    fs::copy(source_dir() + "/scenarios/rules", dir.path / "rules", fs::copy_options::recursive);
    fs::copy(source_dir() + "/scenarios/cards", dir.path / "cards", fs::copy_options::recursive);
    std::string inc = read_file(source_dir() + "/scenarios/after-911.toml");
    auto ip = inc.find("includes = [");
    REQUIRE(ip != std::string::npos);
    inc.insert(ip + 12, "\"scenario.toml\", ");
    std::ofstream(dir / "includes-fifo.toml") << inc;
    for (std::string path : {dir / "scenario.toml", dir / "includes-fifo.toml"}) {
        JournalHeader h;
        h.format = 2;  // before journals held their scenario's files: replay looks for the scenario
        h.scenario_id = "after-911";
        h.scenario_path = path;
        h.content_hash = 12345;  // no scenario has it
        JournalScenario js = finishes([&] { return scenario_for(h); }, dir / "scenario.toml");
        CHECK_FALSE(js.scenario);
        CHECK_FALSE(js.error.empty());
    }
    // A FIFO named as the journal itself is refused too.
    REQUIRE(::mkfifo((dir / "x.journal").c_str(), 0600) == 0);
    JournalRead jr = finishes([&] { return read_journal(dir / "x.journal"); }, dir / "x.journal");
    CHECK(jr.error.find("is not a regular file") != std::string::npos);
}

TEST_CASE("journals are private: created 0600, and an older 0644 journal becomes 0600 when reopened",
          "[hostile][journal]") {
    TempDir dir("journal-mode");
    ::mode_t old = ::umask(0);  // the mode must not depend on the umask
    JournalHeader h;
    h.scenario_id = "after-911";
    JournalWriter::create(dir / "a.journal", h);
    ::umask(old);
    struct stat st {};
    REQUIRE(::stat((dir / "a.journal").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    REQUIRE(::chmod((dir / "a.journal").c_str(), 0644) == 0);
    JournalRead jr = read_journal(dir / "a.journal");
    REQUIRE(jr.error.empty());
    {
        JournalWriter w = JournalWriter::reopen(dir / "a.journal", jr);
        REQUIRE(::stat((dir / "a.journal").c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
}

TEST_CASE("a file with a problem on every line lists the first 200 and says there are more", "[hostile]") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "k" + std::to_string(i) + ".a.b = 1\n";
    auto ps = validate_file(write_temp("many/many.toml", text));
    REQUIRE(ps.size() == 201);
    CHECK(ps.back().message == "more problems; only the first 200 are listed");
}

TEST_CASE("a file that is not valid UTF-8 is refused at its line before the parser reads it", "[hostile]") {
    // toml11 read past its buffer on a literal string holding invalid UTF-8 (found by fuzz_scenario).
    for (std::string bad : {"'\xeb['", "\"\xff\"", "'\xc0\xaf'", "\"\xed\xa0\x80\""}) {
        auto ps = validate_file(write_temp("utf8/bad.toml", "[rules]\n\na = " + bad + "\n"));
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].str().find("bad.toml:3: syntax: not valid UTF-8") != std::string::npos);
    }
    CHECK_FALSE(
        mentions(validate_file(write_temp("utf8/good.toml", "[rules]\na = '\xc3\xa9\xe2\x80\x94'\n")), "UTF-8"));
}
