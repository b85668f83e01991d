// The study of the thesis: independent of the thread count, intervals around
// their estimates, sound episode bookkeeping; rule overrides and the
// fragility switch they ablate.
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>

#include "rule_override.hpp"
#include "simulation.hpp"
#include "study.hpp"
#include "support.hpp"

using namespace gbt;

namespace {

StudyOptions small(int threads) {
    StudyOptions o;
    o.games = 40;
    o.seed = 11;
    o.threads = threads;
    o.resamples = 200;
    return o;
}

void check_interval(const std::string& what, const Estimate& e) {
    INFO(what << ": " << e.value << " [" << e.low << ", " << e.high << "] " << e.note);
    if (!e.defined) {
        CHECK_FALSE(e.note.empty());
        return;
    }
    CHECK(e.low <= e.high);
    CHECK(e.low <= e.value + 1e-9);
    CHECK(e.value <= e.high + 1e-9);
}

std::shared_ptr<Scenario> with_rule(std::shared_ptr<const Scenario> s, const std::string& name,
                                    const std::string& value) {
    auto copy = std::make_shared<Scenario>(*s);
    REQUIRE(apply_rule_override(*copy, name, value).empty());
    return copy;
}

}  // namespace

TEST_CASE("a study prints the same bytes on any number of threads") {
    for (auto sc : {after911(), scenario2009()}) {
        std::string one = study_json(study(sc, small(1)));
        CHECK(one == study_json(study(sc, small(2))));
        CHECK(one == study_json(study(sc, small(3))));
        CHECK(study_table(study(sc, small(1))) == study_table(study(sc, small(2))));
        auto other = small(2);
        other.seed = 12;
        CHECK(one != study_json(study(sc, other)));
    }
}

TEST_CASE("a study's intervals contain its estimates") {
    for (auto sc : {after911(), scenario2009()}) {
        Study s = study(sc, small(2));
        INFO(sc->id);
        check_interval("framework share", s.framework_share);
        check_interval("framework turn", s.framework_turn);
        check_interval("episodes per game", s.per_game);
        check_interval("trust at opening", s.trust_open);
        check_interval("trust after", s.trust_after);
        check_interval("length", s.length);
        check_interval("turns open", s.turns_open);
        for (const Claim& c : s.claims) {
            check_interval("claim " + c.id, c.effect);
            for (const auto& [name, e] : c.components) check_interval("claim " + c.id + " " + name, e);
            CHECK((c.direction == '+' || c.direction == '-'));
        }
        int with = 0;
        for (const auto& f : s.facts) with += f.framework();
        CHECK(s.framework_share.value == Approx(with / 40.0));
        double wins = 0;
        for (double w : s.wins) wins += w;
        CHECK(wins == Approx(1.0));
    }
}

TEST_CASE("a comparison with an empty group is reported as missing, not as a number") {
    // The games of a study, each made into one that reached no framework.
    std::vector<GameFacts> without = study(after911(), small(2)).facts;
    for (auto& f : without) {
        f.framework_turn = 0;
        f.turns_strategic = 0;
        for (auto& e : f.episodes)
            if (e.end == EpisodeEnd::framework) e.end = EpisodeEnd::game_end;
    }
    Study s = measure(*after911(), without, small(1));
    CHECK(s.framework_share.defined);
    CHECK(s.framework_share.value == 0);
    CHECK_FALSE(s.framework_turn.defined);
    for (const Claim& c : s.claims) {
        CHECK_FALSE(c.effect.defined);
        CHECK(c.verdict() == "no data");
        CHECK_FALSE(c.effect.note.empty());
    }
    std::string json = study_json(s);
    CHECK(json.find("\"effect\":null,\"low\":null,\"high\":null,\"note\":") != std::string::npos);
}

TEST_CASE("every channel episode opens once and ends once, and a cut-off names its cause") {
    for (auto sc : {after911(), scenario2009()})
        for (BotKind k : {BotKind::heuristic, BotKind::random})
            for (std::uint64_t seed = 1; seed <= 30; ++seed) {
                GameTracker tracker(*sc);
                auto rec = play_game(sc, seed, k,
                                     [&](const GameState& g, const JournalEntry& e, const std::vector<Event>& ev) {
                                         tracker.observe(g, e, ev);
                                     });
                GameFacts f = tracker.finish(rec.final);
                INFO(sc->id << " seed " << seed);
                CHECK(f.untracked == 0);
                CHECK(f.opened == static_cast<int>(f.episodes.size()));
                int spoiler_cuts = 0, lengths = 0, frameworks = 0;
                for (std::size_t i = 0; i < f.episodes.size(); ++i) {
                    const Episode& e = f.episodes[i];
                    CHECK(e.ended);
                    CHECK(e.opened >= 1);
                    CHECK(e.ended_turn >= e.opened);
                    CHECK(e.length >= 0);
                    CHECK(e.length <= e.ended_turn - e.opened + 1);
                    if (i + 1 < f.episodes.size()) CHECK(e.ended_turn <= f.episodes[i + 1].opened);
                    if (i + 1 < f.episodes.size()) CHECK(e.end != EpisodeEnd::game_end);
                    if (e.end == EpisodeEnd::cutoff) {
                        CHECK_FALSE(e.cause.empty());
                        CHECK(e.cause != "unknown");
                        CHECK_FALSE(e.reason.empty());
                        spoiler_cuts += e.reason != "channel closed";
                    }
                    frameworks += e.end == EpisodeEnd::framework;
                    lengths += e.length;
                }
                // Spoiler cut-offs are what the board counts; the channel is open
                // either within an episode or under a framework.
                CHECK(spoiler_cuts + f.strategic_cutoffs == rec.final.board.cutoffs);
                CHECK(spoiler_cuts + f.strategic_cutoffs <= f.spoilers[1] + f.spoilers[2] + f.spoilers[3]);
                CHECK(f.spoilers[0] + f.spoilers[1] + f.spoilers[2] + f.spoilers[3] == rec.final.board.spoilers);
                CHECK(lengths + f.turns_strategic == f.turns_open);
                CHECK(frameworks == f.frameworks_accepted);
                if (frameworks > 0 || rec.final.board.channel == Channel::strategic) CHECK(f.framework());
                if (!f.episodes.empty() && f.episodes.back().end == EpisodeEnd::game_end)
                    CHECK(f.episodes.back().trust_after == rec.final.board.track(Track::trust));
            }
}

TEST_CASE("with fragility off a spoiler leaves a secret or tactical channel and trust alone") {
    auto off = with_rule(after911(), "fragility", "off");
    for (Channel c : {Channel::secret, Channel::tactical}) {
        GameState g = new_game(off, 1);
        Effect open;
        open.verb = EffectVerb::channel;
        open.a = static_cast<int>(c);
        Effect spoil;
        spoil.verb = EffectVerb::spoiler;
        spoil.text = "talks divulged";
        apply_effects(g.sc(), g.board, {}, {open}, nullptr, nullptr);
        int trust = g.board.track(Track::trust);
        std::vector<Event> ev;
        apply_effects(g.sc(), g.board, {}, {spoil}, nullptr, &ev);
        CHECK(g.board.channel == c);
        CHECK(g.board.track(Track::trust) == trust);
        CHECK(g.board.cutoffs == 0);
        CHECK(g.board.spoilers == 1);
        for (const Event& e : ev) CHECK(e.kind != Event::Kind::cutoff);
    }
    // On (the default, and what an absent key means) the same spoiler cuts it off.
    CHECK(after911()->rules.fragility);
    GameState g = new_game(after911(), 1);
    Effect open;
    open.verb = EffectVerb::channel;
    open.a = static_cast<int>(Channel::tactical);
    Effect spoil;
    spoil.verb = EffectVerb::spoiler;
    spoil.text = "talks divulged";
    apply_effects(g.sc(), g.board, {}, {open, spoil}, nullptr, nullptr);
    CHECK(g.board.channel == Channel::closed);
    CHECK(g.board.cutoffs == 1);
}

TEST_CASE("the version-1 rules, without a fragility key, keep the fragility rule") {
    auto r = load_scenario(source_dir() + "/scenarios/archive/v1/after-911.toml");
    REQUIRE(r.scenario);
    CHECK(r.scenario->rules.fragility);
}

TEST_CASE("a study with fragility off has no spoiler cut-offs") {
    auto off = with_rule(after911(), "fragility", "off");
    Study s = study(off, small(2));
    for (const auto& [reason, n] : s.reasons) CHECK(reason == "channel closed");
    CHECK(s.untracked == 0);
}

TEST_CASE("rule overrides set a rule or say what is wrong") {
    Scenario s = *after911();
    auto hash = s.content_hash;
    CHECK(apply_rule_override(s, "leak_target", "9").empty());
    CHECK(s.rules.leak_target == 9);
    CHECK(s.content_hash != hash);
    CHECK(apply_rule_override(s, "action_points.iran", "5").empty());
    CHECK(s.rules.action_points[idx(Team::iran)] == 5);
    CHECK(apply_rule_override(s, "fragility", "off").empty());
    CHECK_FALSE(s.rules.fragility);
    CHECK(rule_value_json(s, "fragility") == "false");
    CHECK(apply_rule_override(s, "fragility", "true").empty());
    CHECK(s.rules.fragility);
    CHECK(rule_value_json(s, "leak_target") == "9");

    std::string e = apply_rule_override(s, "leak_targt", "9");
    CHECK(e.find("unknown rule 'leak_targt'") != std::string::npos);
    e = apply_rule_override(s, "leak_target", "nine");
    CHECK(e.find("leak_target") != std::string::npos);
    CHECK(e.find("not a whole number") != std::string::npos);
    e = apply_rule_override(s, "leak_target", "41");
    CHECK(e.find("out of range (2..40)") != std::string::npos);
    e = apply_rule_override(s, "fragility", "maybe");
    CHECK(e.find("not on or off") != std::string::npos);
    CHECK_FALSE(apply_rule_override(s, "action_points.russia", "3").empty());
    CHECK_FALSE(apply_rule_override(s, "cutoff_penalty", "").empty());
    CHECK(s.rules.leak_target == 9);  // a refused override changes nothing

    const auto before = s.content_hash;
    CHECK(apply_rule_override(s, "deck_order", "shuffled").empty());
    CHECK(s.deck_order == DeckOrder::shuffled);
    CHECK(rule_value_json(s, "deck_order") == "\"shuffled\"");
    CHECK(s.content_hash != before);
    e = apply_rule_override(s, "deck_order", "random");
    CHECK(e.find("not historical, shuffled or seasonal") != std::string::npos);
    CHECK(s.deck_order == DeckOrder::shuffled);
}

TEST_CASE("rule overrides accept exactly the values the scenario loader accepts") {
    namespace fs = std::filesystem;
    std::string dir = fs::path(write_temp("ranges/x", "")).parent_path().string();
    for (const char* sub : {"rules", "cards"})
        fs::copy(source_dir() + "/scenarios/" + sub, dir + "/" + sub,
                 fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::string base = read_file(source_dir() + "/scenarios/after-911.toml");
    // One scenario per bound, with every rule at that bound: the loader reports
    // each problem, so each rule out of its range is one problem naming it.
    auto problems = [&](const std::function<std::string(int lo, int hi)>& pick, const std::string& switch_value) {
        std::string lines, points = "action_points = { ";
        for (const auto& r : overridable_rules()) {
            if (r.table != "rules") continue;
            if (r.values == "on|off") {
                lines += r.name + " = " + switch_value + "\n";
                continue;
            }
            auto dots = r.values.find("..");
            std::string v = pick(std::stoi(r.values.substr(0, dots)), std::stoi(r.values.substr(dots + 2)));
            if (r.name.rfind("action_points.", 0) == 0)
                points += r.name.substr(14) + " = " + v + ", ";
            else
                lines += r.name + " = " + v + "\n";
        }
        lines += points.substr(0, points.size() - 2) + " }\n";
        std::string text = base;
        if (auto at = text.find("\n[rules]\n"); at != std::string::npos)
            text.insert(at + 9, lines);
        else
            text += "\n[rules]\n" + lines;
        return load_scenario(write_temp("ranges/scenario.toml", text)).problems;
    };
    auto str = [](int v) { return std::to_string(v); };
    CHECK(problems([&](int lo, int) { return str(lo); }, "false").empty());
    CHECK(problems([&](int, int hi) { return str(hi); }, "true").empty());
    for (auto bad : {std::function<std::string(int, int)>([&](int lo, int) { return str(lo - 1); }),
                     std::function<std::string(int, int)>([&](int, int hi) { return str(hi + 1); })}) {
        auto found = problems(bad, "3");
        for (const auto& r : overridable_rules()) {
            if (r.table != "rules") continue;
            INFO(r.name);
            int naming = 0;
            for (const auto& p : found) naming += p.field == "rules." + r.name;
            CHECK(naming == 1);
        }
        CHECK(found.size() == overridable_rules().size() - 1);  // all but deck_order, a [scenario] key
    }
    for (const auto& r : overridable_rules()) {
        if (r.values == "on|off" || r.table != "rules") continue;
        INFO(r.name);
        auto dots = r.values.find("..");
        int lo = std::stoi(r.values.substr(0, dots)), hi = std::stoi(r.values.substr(dots + 2));
        Scenario s = *after911();
        CHECK(apply_rule_override(s, r.name, str(lo)).empty());
        CHECK(apply_rule_override(s, r.name, str(hi)).empty());
        CHECK_FALSE(apply_rule_override(s, r.name, str(lo - 1)).empty());
        CHECK_FALSE(apply_rule_override(s, r.name, str(hi + 1)).empty());
    }
}

TEST_CASE("a claim's verdict reads its interval, its direction and the size of its groups") {
    Claim c;
    c.framework_games = c.other_games = 50;
    CHECK(c.verdict() == "no data");
    c.effect.defined = true;
    c.effect = {0.2, 0.1, 0.3, true, {}};
    c.direction = '+';
    CHECK(c.verdict() == "holds");
    c.direction = '-';
    CHECK(c.verdict() == "fails");
    c.effect = {0.05, -0.1, 0.2, true, {}};
    CHECK(c.verdict() == "unclear");
    c.effect = {-0.2, -0.3, -0.1, true, {}};
    CHECK(c.verdict() == "holds");
    c.framework_games = Claim::kFewGames - 1;
    CHECK(c.verdict() == "few games");
}
