// Action declarations: one per alternative of the Action variant, with a tag
// of its own; the first check of validate(); journals that record the tag;
// docs/protocol.md's action table equal to `gb actions --markdown`.
#include <catch2/catch.hpp>

#include <set>

#include "action_decl.hpp"
#include "journal.hpp"
#include "journal_game.hpp"
#include "support.hpp"

using namespace gbt;

// One declaration per alternative (a missing or second one does not compile), in the variant's order.
static_assert(kActionDecls.size() == std::variant_size_v<Action>);
static_assert(kActionDecls[std::variant_size_v<Action> - 1].tag == Declared<EndGame>::decl.tag);

TEST_CASE("Every action is declared once, with a tag of its own, issuers and phases", "[actions]") {
    std::set<std::string_view> tags;
    for (std::size_t i = 0; i < kActionDecls.size(); ++i) {
        const ActionDecl& d = kActionDecls[i];
        INFO("action " << i << " (" << d.tag << ")");
        CHECK(tags.insert(d.tag).second);
        CHECK(d.who != 0);
        CHECK(d.when != 0);
        Action a = default_action(i);
        CHECK(a.index() == i);
        CHECK(std::string_view(action_name(a)) == d.tag);
        CHECK(action_index(d.tag) == i);
    }
    CHECK_FALSE(action_index("no_such_action"));
    // The tags are the names logs, journals and the protocol have always used.
    CHECK(std::string(action_name(Join{})) == "join");
    CHECK(std::string(action_name(DrawInject{})) == "draw_inject");
    CHECK(std::string(action_name(Commit{})) == "commit");
    CHECK(std::string(action_name(EndGame{})) == "end_game");
}

TEST_CASE("validate refuses first an action from a seat or in a phase its declaration does not allow", "[actions]") {
    GameState g = fresh();
    // A team seat may not draw the inject; the White Cell may, in the inject phase only.
    Verdict v = validate(g, Seat::of_team(Team::us), DrawInject{});
    CHECK(v.code == Verdict::Code::not_permitted);
    CHECK(v.message == "only the White Cell may do that");
    CHECK(validate(g, Seat::observer(), Chat{ChatChannel::all, Team::us, "hi"}).code ==
          Verdict::Code::not_permitted);
    CHECK(validate(g, Seat::control(), TimerExpired{}).message == "only the server may do that");
    v = validate(g, Seat::control(), Commit{});
    CHECK(v.message == "only a team's lead may do that");

    to_orders(g);
    v = validate(g, Seat::control(), DrawInject{});
    CHECK(v.code == Verdict::Code::wrong_phase);
    CHECK(v.message == "not in the orders phase");
    v = validate(g, Seat::of_team(Team::us), Ready{});
    CHECK(v.code == Verdict::Code::wrong_phase);
    CHECK(v.message == "not in the orders phase");
    CHECK(validate(g, Seat::of_team(Team::us), Commit{}).ok());

    must(g, Seat::control(), EndGame{"the seminar ends"});
    v = validate(g, Seat::control(), SetTimer{60});
    CHECK(v.code == Verdict::Code::game_over);
    CHECK(validate(g, Seat::control(), Bookmark{"after", ""}).ok());  // declared for any phase
}

TEST_CASE("A format-4 journal records each action's tag and reads it back", "[actions][journal]") {
    TempDir dir("action-tags");
    JournalHeader h;
    h.scenario_id = "after-911";
    {
        JournalWriter w = JournalWriter::create(dir / "a.journal", h);
        CHECK(w.format() == kJournalFormat);
        w.append(ActionRecord{{Seat::control(), DrawInject{}}, 7});
        w.append(ActionRecord{{Seat::of_team(Team::iran, 3), Chat{ChatChannel::team, Team::iran, "hello"}}, 8});
        w.append(TokenRecord{3, "abc"});
    }
    std::string bytes = read_file(dir / "a.journal");
    CHECK(bytes.find("draw_inject") != std::string::npos);
    CHECK(bytes.find("chat") != std::string::npos);

    // Appending after a reopen goes on in the journal's format.
    JournalRead jr = read_journal(dir / "a.journal");
    REQUIRE(jr.error.empty());
    {
        JournalWriter w = JournalWriter::reopen(dir / "a.journal", jr);
        CHECK(w.format() == kJournalFormat);
        w.append(ActionRecord{{Seat::control(), EndGame{"done"}}, 9});
    }
    jr = read_journal(dir / "a.journal");
    REQUIRE(jr.error.empty());
    CHECK(jr.header.format == kJournalFormat);
    REQUIRE(jr.records.size() == 4);
    auto* draw = std::get_if<ActionRecord>(&jr.records[0].second);
    REQUIRE(draw);
    CHECK(std::holds_alternative<DrawInject>(draw->entry.action));
    CHECK(draw->state_hash == 7);
    auto* chat = std::get_if<ActionRecord>(&jr.records[1].second);
    REQUIRE(chat);
    REQUIRE(std::holds_alternative<Chat>(chat->entry.action));
    CHECK(std::get<Chat>(chat->entry.action).text == "hello");
    CHECK(chat->entry.seat.player == 3);
    auto* token = std::get_if<TokenRecord>(&jr.records[2].second);
    REQUIRE(token);
    CHECK(token->token == "abc");
    auto* end = std::get_if<ActionRecord>(&jr.records[3].second);
    REQUIRE(end);
    CHECK(std::get<EndGame>(end->entry.action).reason == "done");
}

TEST_CASE("docs/protocol.md's action table is what `gb actions --markdown` prints", "[actions]") {
    std::string doc = read_file(source_dir() + "/docs/protocol.md");
    const std::string begin = "<!-- begin: gb actions --markdown -->\n", end = "<!-- end: gb actions --markdown -->";
    auto from = doc.find(begin);
    REQUIRE(from != std::string::npos);
    from += begin.size();
    auto to = doc.find(end, from);
    REQUIRE(to != std::string::npos);
    INFO("regenerate the table between the markers with: gb actions --markdown");
    CHECK(doc.substr(from, to - from) == actions_markdown());
}
