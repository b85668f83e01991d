// Journal formats: the named list, a format-3 journal's own copy of its
// rules, and older journals finding theirs by path, id or in the archive.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "journal.hpp"
#include "journal_game.hpp"
#include "journal_replay.hpp"
#include "scenario_archive.hpp"
#include "support.hpp"
#include "timeline.hpp"

using namespace gbt;
namespace fs = std::filesystem;

namespace {

const std::string kFixture = "tests/fixtures/format2-after-911.journal";
// The fixture's state hash after its last action, as `gb replay --verify`
// printed it when the version-1 code recorded the game.
constexpr std::uint64_t kFixtureFinalHash = 0x8606f4647413024fULL;

std::string fixture() {
    return source_dir() + "/" + kFixture;
}

// The shipped after-911's files, written under `dir` with a local edit to
// the scenario file, so that they are found nowhere else.
std::string edited_copy(const TempDir& dir) {
    LoadResult shipped = load_scenario(source_dir() + "/scenarios/after-911.toml");
    REQUIRE(shipped.scenario);
    for (std::size_t i = 0; i < shipped.sources.size(); ++i) {
        const SourceFile& f = shipped.sources[i];
        fs::path p = dir.path / "set" / f.path;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << f.text << (i == 0 ? "\n# a local edit\n" : "");
    }
    return dir / ("set/" + shipped.sources.front().path);
}

}  // namespace

TEST_CASE("Journal formats are an append-only named list, and a new journal is of the newest", "[journal]") {
    CHECK(kJournalFormat == 7);
    CHECK(journal_format_name(1) == "first");
    CHECK(journal_format_name(2) == "fork origin");
    CHECK(journal_format_name(3) == "embedded rules");
    CHECK(journal_format_name(4) == "action tags");
    CHECK(journal_format_name(5) == "team codes");
    CHECK(journal_format_name(6) == "signed records");
    CHECK(journal_format_name(7) == "deadlines");
    CHECK(journal_format_name(0).empty());
    CHECK(journal_format_name(kJournalFormat + 1).empty());

    TempDir dir("journal-format");
    JournalHeader h;
    h.format = 1;  // asking for an old format still writes the newest
    h.scenario_id = "after-911";
    JournalWriter::create(dir / "a.journal", h);
    JournalRead jr = read_journal(dir / "a.journal");
    REQUIRE(jr.error.empty());
    CHECK(jr.header.format == kJournalFormat);
}

TEST_CASE("A scenario loads the same from its files in memory as from the disk", "[journal]") {
    LoadResult disk = load_scenario(source_dir() + "/scenarios/after-911.toml");
    REQUIRE(disk.scenario);
    REQUIRE(disk.sources.size() >= 3);
    CHECK(disk.sources.front().path == "after-911.toml");
    auto named = [&](const std::string& path) {
        return std::any_of(disk.sources.begin(), disk.sources.end(),
                           [&](const SourceFile& f) { return f.path == path; });
    };
    CHECK(named("rules/standard.toml"));
    for (const SourceFile& f : disk.sources) CHECK(f.text == read_file(source_dir() + "/scenarios/" + f.path));

    LoadResult memory = load_scenario_from(disk.sources, "after-911.toml");
    REQUIRE(memory.scenario);
    CHECK(memory.scenario->id == "after-911");
    CHECK(memory.scenario->content_hash == disk.scenario->content_hash);
    CHECK(memory.sources == disk.sources);

    // A file left out is named.
    std::vector<SourceFile> without;
    for (const SourceFile& f : disk.sources)
        if (f.path != "rules/standard.toml") without.push_back(f);
    LoadResult missing = load_scenario_from(without, "after-911.toml");
    CHECK_FALSE(missing.scenario);
    REQUIRE_FALSE(missing.problems.empty());
    CHECK(missing.problems.front().str().find("rules/standard.toml") != std::string::npos);
    CHECK(missing.problems.front().str().find("not among the scenario's files") != std::string::npos);
}

TEST_CASE("A format-3 journal replays with its own copy of the rules after the files change or go", "[journal]") {
    TempDir dir("journal-embedded");
    std::string scenario = edited_copy(dir);
    GameRecord played = journal_game(dir / "game.journal", scenario, 11);
    fs::remove_all(dir.path / "set");  // the files the game was played with are gone

    JournalRead jr = read_journal(dir / "game.journal");
    REQUIRE(jr.error.empty());
    CHECK(jr.header.format == kJournalFormat);  // format 3's embedded rules, and later formats'
    REQUIRE_FALSE(jr.header.scenario_files.empty());
    CHECK(jr.header.scenario_files.front().path == "after-911.toml");
    ReplayedGame rg = replay(jr);
    REQUIRE(rg.error.empty());
    CHECK(rg.scenario_from == "the journal's own copy");
    CHECK(rg.scenario->content_hash == jr.header.content_hash);
    CHECK(rg.scenario->content_hash !=
          load_scenario(source_dir() + "/scenarios/after-911.toml").scenario->content_hash);
    CHECK(state_hash(rg.state) == state_hash(played.final));

    Timeline t = Timeline::open(dir / "game.journal");
    CHECK(t.scenario_files() == jr.header.scenario_files);
    CHECK(t.final_state().ended());
}

TEST_CASE("A journal whose copy of the rules is not the one its header names is refused, saying why", "[journal]") {
    TempDir dir("journal-bad-copy");
    journal_game(dir / "game.journal", source_dir() + "/scenarios/after-911.toml", 3, true, 20);
    JournalRead jr = read_journal(dir / "game.journal");
    REQUIRE(jr.error.empty());

    JournalHeader changed = jr.header;
    changed.scenario_files.back().text += "\n# changed after the game\n";
    JournalScenario js = scenario_for(changed);
    CHECK_FALSE(js.scenario);
    CHECK(js.error.find("the journal's copy of scenario 'after-911'") != std::string::npos);
    CHECK(js.error.find(hash_text(jr.header.content_hash)) != std::string::npos);

    JournalHeader cut = jr.header;
    cut.scenario_files.pop_back();
    js = scenario_for(cut);
    CHECK_FALSE(js.scenario);
    CHECK(js.error.find("does not load") != std::string::npos);
}

TEST_CASE("A format-2 journal recorded by the version-1 code replays and verifies", "[journal][replay]") {
    JournalRead jr = read_journal(fixture());
    REQUIRE(jr.error.empty());
    CHECK(jr.header.format == 2);
    CHECK(jr.header.scenario_files.empty());
    CHECK_FALSE(fs::exists(jr.header.scenario_path));  // recorded in a checkout long gone
    ReplayedGame rg = replay(jr);
    INFO(rg.error);
    REQUIRE(rg.error.empty());
    CHECK(rg.actions == 160);
    CHECK(rg.state.ended());
    // Every recorded hash was checked on the way; the last one is the fixture's.
    const auto* last =
        std::get_if<ActionRecord>(&std::find_if(jr.records.rbegin(), jr.records.rend(), [](const auto& r) {
                                       return std::holds_alternative<ActionRecord>(r.second);
                                   })->second);
    REQUIRE(last);
    CHECK(last->state_hash == kFixtureFinalHash);
    CHECK(state_hash(rg.state) == kFixtureFinalHash);
}

TEST_CASE("A scenario named by id and content hash is found as shipped or in the archive", "[journal]") {
    LoadResult v1 = load_scenario(source_dir() + "/scenarios/archive/v1/after-911.toml");
    REQUIRE(v1.scenario);
    ScenarioSearch found = find_scenario("after-911", v1.scenario->content_hash, "/nonexistent/after-911.toml");
    REQUIRE(found.loaded.scenario);
    CHECK(found.loaded.scenario->content_hash == v1.scenario->content_hash);
    CHECK(found.loaded.sources == v1.sources);

    ScenarioSearch lost = find_scenario("after-911", 0x1234, "/nonexistent/after-911.toml");
    CHECK_FALSE(lost.loaded.scenario);
    CHECK(lost.error.find("scenario 'after-911' with content hash 0000000000001234 is not to be found") !=
          std::string::npos);
    CHECK(lost.error.find("/nonexistent/after-911.toml is not there") != std::string::npos);
    CHECK(lost.error.find("archive/v1/after-911.toml has other content") != std::string::npos);
}
