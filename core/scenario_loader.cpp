// Reads scenario TOML in layers (includes, then the scenario, then card files),
// resolves every name to an index, and reports each problem with file and line.
#include "scenario_loader.hpp"

#include "clean_text.hpp"
#include "file_read.hpp"
#include "scenario_tutorial.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <toml.hpp>

namespace gb {

namespace fs = std::filesystem;
using Value = toml::basic_value<toml::discard_comments, std::map, std::vector>;
using Table = Value::table_type;

std::string Problem::str() const {
    std::ostringstream o;
    o << file << ':' << line << ": " << (field.empty() ? "file" : field) << ": " << message;
    return o.str();
}

int Scenario::find_region(std::string_view id) const {
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (regions[i].id == id) return static_cast<int>(i);
    return -1;
}
int Scenario::find_marker(std::string_view id) const {
    for (std::size_t i = 0; i < markers.size(); ++i)
        if (markers[i].id == id) return static_cast<int>(i);
    return -1;
}
int Scenario::find_action(std::string_view id) const {
    for (std::size_t i = 0; i < actions.size(); ++i)
        if (actions[i].id == id) return static_cast<int>(i);
    return -1;
}
int Scenario::find_concession(std::string_view id) const {
    for (std::size_t i = 0; i < concessions.size(); ++i)
        if (concessions[i].id == id) return static_cast<int>(i);
    return -1;
}
int Scenario::find_term(std::string_view id) const {
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (terms[i].id == id) return static_cast<int>(i);
    return -1;
}
int Scenario::find_card(std::string_view id) const {
    for (std::size_t i = 0; i < cards.size(); ++i)
        if (cards[i].id == id) return static_cast<int>(i);
    return -1;
}
int Scenario::find_counter(std::string_view id) const {
    for (std::size_t i = 0; i < counters.size(); ++i)
        if (counters[i] == id) return static_cast<int>(i);
    return -1;
}

namespace {

// "YYYY" or "YYYY-MM" as its first and last month; nothing otherwise.
std::optional<MonthSpan> one_date(std::string_view d) {
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (i >= d.size() || !std::isdigit(static_cast<unsigned char>(d[i]))) return -1;
            v = v * 10 + (d[i] - '0');
        }
        return v;
    };
    int year = d.size() >= 4 ? digits(0, 4) : -1;
    if (year < 1) return std::nullopt;
    if (d.size() == 4) return MonthSpan{year * 12, year * 12 + 11};
    int month = d.size() == 7 && d[4] == '-' ? digits(5, 2) : -1;
    if (month < 1 || month > 12) return std::nullopt;
    return MonthSpan{year * 12 + month - 1, year * 12 + month - 1};
}

// The end year of "2001-02" or "1986-1988" (start year 2001 / 1986), or -1.
int end_year(int start, std::string_view tail) {
    if (tail.size() != 2 && tail.size() != 4) return -1;
    int v = 0;
    for (char ch : tail) {
        if (!std::isdigit(static_cast<unsigned char>(ch))) return -1;
        v = v * 10 + (ch - '0');
    }
    if (tail.size() == 2) {  // "1999-00" is 1999 to 2000; "1988-86" is a mistake, not 1988 to 2086
        v += start / 100 * 100;
        if (v <= start) v += 100;
        if (v - start > 50) return -1;
    }
    return v > start ? v : -1;
}

}  // namespace

std::optional<MonthSpan> card_months(std::string_view date) {
    auto slash = date.find('/');
    if (slash == std::string_view::npos) return one_date(date);
    auto a = one_date(date.substr(0, slash)), b = one_date(date.substr(slash + 1));
    if (!a || !b || b->last < a->first) return std::nullopt;
    return MonthSpan{a->first, b->last};
}

std::optional<MonthSpan> period_months(std::string_view label) {
    static const std::pair<std::string_view, int> seasons[] = {
        {"Spring ", 3}, {"Summer ", 6}, {"Autumn ", 9}, {"Fall ", 9}, {"Winter ", 12}};
    for (const auto& [name, month] : seasons) {
        if (label.substr(0, name.size()) != name) continue;
        std::string_view rest = label.substr(name.size());
        auto y = one_date(rest.substr(0, 4));
        if (!y || rest.size() < 4) return std::nullopt;
        int year = y->first / 12;
        if (month == 12) {  // "Winter 2001-02": December to February
            if (rest.size() < 5 || (rest[4] != '-' && rest.substr(4, 3) != "\u2013") ||
                end_year(year, rest.substr(rest[4] == '-' ? 5 : 7)) != year + 1)
                return std::nullopt;
        } else if (rest.size() != 4) {
            return std::nullopt;
        }
        return MonthSpan{year * 12 + month - 1, year * 12 + month + 1};
    }
    // "1995", "1986-88", "1986-1988" (a hyphen or an en dash).
    auto y = one_date(label.substr(0, 4));
    if (!y || (label.size() > 4 && label.size() < 6)) return std::nullopt;
    if (label.size() == 4) return y;
    int start = y->first / 12;
    std::size_t dash = label[4] == '-' ? 1 : label.substr(4, 3) == "\u2013" ? 3 : 0;
    int end = dash ? end_year(start, label.substr(4 + dash)) : -1;
    if (end < 0) return std::nullopt;
    return MonthSpan{start * 12, end * 12 + 11};
}

namespace {

std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// A value remembered with the path of the field it sits in.
struct Located {
    Value value;
    std::string field;
};

// Everything read from the layers, still as TOML, merged key by key.
struct Layers {
    std::map<std::string, Located> scenario, rules, tracks;
    std::array<std::map<std::string, Located>, kTeams> teams;
    std::vector<std::string> region_order;
    std::map<std::string, std::map<std::string, Located>> regions;
    std::map<std::string, Located> markers, actions, concessions, terms;
    std::vector<Located> cards;
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    std::string scenario_file;  // where [scenario] came from
    std::optional<Located> tutorial;  // the scenario's [tutorial] section, if any
};

constexpr std::size_t kMaxFileBytes = 4u << 20;
constexpr int kMaxDepth = 32;
constexpr std::size_t kMaxCards = 4000;
constexpr int kMaxKeyParts = 16;
constexpr std::size_t kMaxProblems = 200;

// What the shape check found wrong with a file, and on which line.
struct ShapeProblem {
    int line = 0;  // 0: nothing wrong
    std::string message;
};

bool bare_key_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Checks, before the TOML parser sees a file, that brackets and braces nest
// at most kMaxDepth deep and that no dotted key has more than kMaxKeyParts
// parts: the parser recurses on nesting (a deep file would exhaust the stack)
// and takes time quadratic in a key's parts. The scan reads strings the way
// TOML does (basic "..." with escapes, literal '...', multi-line """...""" and
// '''...''' which may end in up to two more quotes, and # comments), so that a
// quote can hide no bracket from it. One pass: linear in the file's size.
ShapeProblem check_shape(const std::string& bytes) {
    enum class In { code, comment, basic, literal, multi_basic, multi_literal };
    In in = In::code;
    int depth = 0, line = 1, dots = 0;
    const std::size_t n = bytes.size();
    auto run_of = [&](std::size_t i, char q) {  // how many `q` start at i
        std::size_t k = i;
        while (k < n && bytes[k] == q) ++k;
        return k - i;
    };
    for (std::size_t i = 0; i < n; ++i) {
        char c = bytes[i];
        if (c == '\n') {
            ++line;
            if (in == In::comment || in == In::basic || in == In::literal)
                in = In::code;  // a one-line string cannot go on
            if (in == In::code) dots = 0;
            continue;
        }
        switch (in) {
            case In::comment: continue;
            case In::basic:
                if (c == '\\' && i + 1 < n && bytes[i + 1] != '\n')
                    ++i;
                else if (c == '"')
                    in = In::code;
                continue;
            case In::literal:
                if (c == '\'') in = In::code;
                continue;
            case In::multi_basic:
            case In::multi_literal: {
                char q = in == In::multi_basic ? '"' : '\'';
                if (in == In::multi_basic && c == '\\') {
                    if (i + 1 < n && bytes[i + 1] == '\n') continue;  // a line-ending backslash: count the newline
                    ++i;
                    continue;
                }
                if (c != q) continue;
                std::size_t run = run_of(i, q);
                if (run >= 3) in = In::code;  // """ ends it; one or two quotes more belong to the text
                i += run - 1;
                continue;
            }
            case In::code: break;
        }
        if (c == '"' || c == '\'') {
            bool multi = run_of(i, c) >= 3;
            in = c == '"' ? (multi ? In::multi_basic : In::basic) : (multi ? In::multi_literal : In::literal);
            if (multi) i += 2;
            continue;  // a quoted key part keeps the dotted key going
        }
        if (c == '.') {
            if (++dots >= kMaxKeyParts)
                return {line, "a dotted key has more than " + std::to_string(kMaxKeyParts) + " parts"};
            continue;
        }
        if (bare_key_char(c) || c == ' ' || c == '\t') continue;
        dots = 0;
        if (c == '#') {
            in = In::comment;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) return {line, "arrays and tables nest deeper than " + std::to_string(kMaxDepth)};
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return {};
}

// The first line that is not valid UTF-8, or 0. TOML files are UTF-8, and
// toml11 reads past the end of a literal string that holds invalid UTF-8.
int invalid_utf8_line(const std::string& bytes) {
    int line = 1;
    for (std::size_t start = 0; start < bytes.size(); ++line) {
        std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        if (!valid_utf8(std::string_view(bytes).substr(start, end - start))) return line;
        start = end + 1;
    }
    return 0;
}

class Loader {
public:
    std::vector<Problem> problems;
    std::vector<SourceFile> sources;                  // every file read, named relative to `base`
    fs::path base;                                    // the scenario file's folder
    const std::vector<SourceFile>* memory = nullptr;  // when set, files are read from here, not the disk
    // A file found in another scenario folder (a user's scenario including the
    // shipped rules) -> the path the scenario named, which its journal records.
    std::map<std::string, std::string> found_as;

    void problem(const Value& at, const std::string& field, const std::string& message) {
        // toml11 finds a value's line by counting from the file's start: past the
        // cap, a file with a problem on every line would take quadratic time.
        if (!room_for_problem()) return;
        auto loc = at.location();
        std::string file = loc.file_name();
        if (file.empty() || file == "unknown file") file = current_file_;
        problems.push_back({file, static_cast<int>(loc.line()), field, message});
    }
    void problem_in(const std::string& file, int line, const std::string& field, const std::string& message) {
        if (room_for_problem()) problems.push_back({file, line, field, message});
    }
    // Whether another problem is listed; at the cap, one last line says the rest are left out.
    bool room_for_problem() {
        if (problems.size() < kMaxProblems) return true;
        if (problems.size() == kMaxProblems)
            problems.push_back({current_file_, 0, "",
                                "more problems; only the first " + std::to_string(kMaxProblems) + " are listed"});
        return false;
    }

    // Reads a file (from the disk or `memory`) and keeps it in `sources`.
    bool read(const std::string& path, std::string& bytes) {
        fs::path p = fs::path(path).lexically_normal();
        if (auto it = found_as.find(p.string()); it != found_as.end()) p = it->second;
        std::string name = (base.empty() ? p : p.lexically_relative(base)).generic_string();
        if (name.empty()) name = p.generic_string();
        if (memory) {
            auto it = std::find_if(memory->begin(), memory->end(), [&](const SourceFile& f) { return f.path == name; });
            if (it == memory->end()) {
                problem_in(path, 0, "", "not among the scenario's files");
                return false;
            }
            bytes = it->text;
        } else {
            FileRead file = read_regular_file(path, kMaxFileBytes);
            if (!file.ok) {
                // The path is the problem's file already: say only what is wrong with it.
                problem_in(path, 0, "", file.error.substr(std::min(file.error.size(), path.size() + 2)));
                return false;
            }
            bytes = std::move(file.bytes);
        }
        sources.push_back({name, bytes});
        return true;
    }

    // Parses one file; returns false (with a problem) on I/O or syntax errors.
    bool parse(const std::string& path, Value& out, Layers& layers) {
        current_file_ = path;
        std::string bytes;
        if (!read(path, bytes)) return false;
        layers.hash = fnv1a(layers.hash, bytes);
        if (bytes.size() > kMaxFileBytes) {
            problem_in(path, 0, "", "file is larger than " + std::to_string(kMaxFileBytes / 1024) + " KiB");
            return false;
        }
        if (int line = invalid_utf8_line(bytes); line > 0) {
            problem_in(path, line, "syntax", "not valid UTF-8 (a TOML file is UTF-8)");
            return false;
        }
        if (ShapeProblem shape = check_shape(bytes); shape.line > 0) {
            problem_in(path, shape.line, "syntax", shape.message);
            return false;
        }
        try {
            std::istringstream ss(bytes);
            out = toml::parse<toml::discard_comments, std::map, std::vector>(ss, path);
            return true;
        } catch (const toml::exception& e) {
            std::string msg = e.what();
            auto nl = msg.find('\n');
            std::string first = msg.substr(0, nl);
            if (first.rfind("[error] ", 0) == 0) first = first.substr(8);
            // toml11 puts the detailed hint on the line with the caret.
            std::string hint;
            auto caret = msg.find("^");
            if (caret != std::string::npos) {
                auto end = msg.find('\n', caret);
                hint = msg.substr(caret, end == std::string::npos ? std::string::npos : end - caret);
                auto dash = hint.find("-- ");
                hint = dash == std::string::npos ? "" : hint.substr(dash + 3);
            }
            if (!hint.empty()) first += " (" + hint + ")";
            problem_in(path, static_cast<int>(e.location().line()), "syntax", first);
        } catch (const std::exception& e) {
            problem_in(path, 0, "syntax", e.what());
        }
        return false;
    }

    // Records a file's sections into the layers.
    void add_layer(const Value& root, const std::string& path, Layers& L, bool allow_scenario) {
        current_file_ = path;
        if (!root.is_table()) return;
        static const std::set<std::string> known{"scenario", "rules",       "tracks", "teams", "markers", "regions",
                                                 "actions",  "concessions", "terms",  "cards", "tutorial"};
        for (const auto& [key, v] : root.as_table()) {
            if (!known.count(key)) {
                problem(v, key,
                        "unknown section (expected one of scenario, rules, tracks, teams, markers, "
                        "regions, actions, concessions, terms, cards, tutorial)");
                continue;
            }
            if (key == "cards") {
                if (!v.is_array()) {
                    problem(v, "cards", "must be an array of tables ([[cards]])");
                    continue;
                }
                int i = 0;
                for (const auto& c : v.as_array()) {
                    L.cards.push_back({c, "cards[" + std::to_string(i) + "]"});
                    ++i;
                }
                continue;
            }
            if (key == "regions") {
                if (!v.is_array()) {
                    problem(v, "regions", "must be an array of tables ([[regions]])");
                    continue;
                }
                int i = 0;
                for (const auto& r : v.as_array()) {
                    std::string f = "regions[" + std::to_string(i++) + "]";
                    if (!r.is_table()) {
                        problem(r, f, "must be a table");
                        continue;
                    }
                    auto it = r.as_table().find("id");
                    if (it == r.as_table().end() || !it->second.is_string()) {
                        problem(r, f + ".id", "missing region id");
                        continue;
                    }
                    std::string id = it->second.as_string().str;
                    if (!L.regions.count(id)) L.region_order.push_back(id);
                    for (const auto& [k, fv] : r.as_table()) L.regions[id][k] = {fv, "regions." + id + "." + k};
                }
                continue;
            }
            if (!v.is_table()) {
                problem(v, key, "must be a table");
                continue;
            }
            if (key == "tutorial") {
                if (!allow_scenario)
                    problem(v, key, "only a scenario file may have a [tutorial] section");
                else
                    L.tutorial = Located{v, key};
                continue;
            }
            if (key == "scenario") {
                if (!allow_scenario) {
                    problem(v, key, "only a scenario file may have a [scenario] section");
                    continue;
                }
                L.scenario_file = path;
                merge_keys(v, key, L.scenario);
            } else if (key == "rules") {
                merge_keys(v, key, L.rules);
            } else if (key == "tracks") {
                merge_keys(v, key, L.tracks);
            } else if (key == "teams") {
                for (const auto& [tk, tv] : v.as_table()) {
                    auto t = team_from(tk);
                    if (!t) {
                        problem(tv, "teams." + tk, "unknown team (expected us, iran, israel or gulf)");
                        continue;
                    }
                    if (!tv.is_table()) {
                        problem(tv, "teams." + tk, "must be a table");
                        continue;
                    }
                    merge_keys(tv, "teams." + tk, L.teams[idx(*t)]);
                }
            } else {
                auto& dest = key == "markers"       ? L.markers
                             : key == "actions"     ? L.actions
                             : key == "concessions" ? L.concessions
                                                    : L.terms;
                for (const auto& [id, dv] : v.as_table()) dest[id] = {dv, key + "." + id};
            }
        }
    }

    // Builds the scenario from the merged layers. `need_scenario` is false when
    // checking a rules layer or card file on its own.
    std::shared_ptr<Scenario> build(Layers& L, bool need_scenario, const fs::path& base_dir) {
        auto s = std::make_shared<Scenario>();
        s->content_hash = L.hash;
        read_scenario_header(L, *s, need_scenario);
        // Names first, so that every section can refer to every other.
        for (const auto& [id, loc] : L.markers) s->markers.push_back({id, id, 0});
        for (const auto& id : L.region_order) s->regions.push_back(RegionDef{id, id, RegionKind::land, 3, {}, {}});
        for (const auto& [id, loc] : L.terms) s->terms.push_back({id, id, TermSide::us, {}, {}});
        for (const auto& [id, loc] : L.concessions) s->concessions.push_back({id, id, 0, {}, std::nullopt});
        for (const auto& [id, loc] : L.actions) {
            ActionDef a;
            a.id = id;
            s->actions.push_back(a);
        }
        std::set<std::string> card_ids;
        if (L.cards.size() > kMaxCards) {
            problem(L.cards[kMaxCards].value, "cards", "more than " + std::to_string(kMaxCards) + " cards");
            L.cards.resize(kMaxCards);
        }
        for (const auto& c : L.cards) {
            CardDef cd;
            if (c.value.is_table()) {
                auto it = c.value.as_table().find("id");
                if (it != c.value.as_table().end() && it->second.is_string()) cd.id = it->second.as_string().str;
                auto k = c.value.as_table().find("kind");
                if (k != c.value.as_table().end() && k->second.is_string() &&
                    k->second.as_string().str == "opportunity")
                    cd.kind = CardKind::opportunity;
            }
            if (!cd.id.empty() && !card_ids.insert(cd.id).second)
                problem(c.value, c.field + ".id", "duplicate card id '" + cd.id + "'");
            s->cards.push_back(cd);
        }
        scenario_ = s.get();

        read_rules(L);
        read_tracks(L);
        for (int i = 0; i < static_cast<int>(s->markers.size()); ++i) read_marker(L, i);
        for (int i = 0; i < static_cast<int>(s->regions.size()); ++i) read_region(L, i);
        for (Team t : kAllTeams) read_team(L, t);
        for (int i = 0; i < static_cast<int>(s->actions.size()); ++i) read_action(L, i);
        for (int i = 0; i < static_cast<int>(s->concessions.size()); ++i) read_concession(L, i);
        for (int i = 0; i < static_cast<int>(s->terms.size()); ++i) read_term_def(L, i);
        for (int i = 0; i < static_cast<int>(s->cards.size()); ++i) read_card(L, i);
        if (s->regions.empty() && need_scenario) problem_in(L.scenario_file, 1, "regions", "no regions defined");
        if (static_cast<int>(s->regions.size()) > kMaxRegions)
            problem_in(L.scenario_file, 1, "regions", "at most " + std::to_string(kMaxRegions) + " regions");
        if (static_cast<int>(s->markers.size()) > kMaxMarkerKinds)
            problem_in(L.scenario_file, 1, "markers", "at most " + std::to_string(kMaxMarkerKinds) + " marker kinds");
        if (static_cast<int>(s->terms.size()) > kMaxTerms)
            problem_in(L.scenario_file, 1, "terms", "at most " + std::to_string(kMaxTerms) + " bargain terms");
        if (need_scenario) build_deck(L, *s);
        if (need_scenario && L.tutorial)
            s->tutorial = read_tutorial(L.tutorial->value, *s, [this](const Value& at, const std::string& field,
                                                                       const std::string& message) {
                problem(at, field, message);
            });
        (void)base_dir;
        return s;
    }

    void read_scenario_header(Layers& L, Scenario& s, bool need) {
        auto& S = L.scenario;
        check_keys(S, "scenario",
                   {"id", "title", "summary", "includes", "calendar", "deck_files", "deck_eras", "deck_cards",
                    "deck_order", "end_on_breakout", "opening"});
        if (need) {
            s.id = req_string(S, "id", "scenario", L.scenario_file);
            s.title = req_string(S, "title", "scenario", L.scenario_file);
            s.summary = opt_string(S, "summary", "");
            s.calendar = string_array(S, "calendar", true, L.scenario_file);
            if (s.calendar.empty())
                problem_in(L.scenario_file, line_of(S, "calendar"), "scenario.calendar",
                           "needs at least one turn label");
        }
        if (auto it = S.find("end_on_breakout"); it != S.end()) {
            if (it->second.value.is_boolean())
                s.end_on_breakout = it->second.value.as_boolean();
            else
                problem(it->second.value, "scenario.end_on_breakout", "must be true or false");
        }
        if (auto it = S.find("deck_order"); it != S.end()) {
            std::string v = it->second.value.is_string() ? it->second.value.as_string().str : "";
            if (auto d = deck_order_from(v))
                s.deck_order = *d;
            else
                problem(it->second.value, "scenario.deck_order",
                        "must be \"historical\", \"shuffled\" or \"seasonal\"");
        }
    }

    void build_deck(Layers& L, Scenario& s) {
        auto eras = string_array(L.scenario, "deck_eras", false, L.scenario_file);
        auto ids = string_array(L.scenario, "deck_cards", false, L.scenario_file);
        std::set<int> chosen;
        for (const auto& id : ids) {
            int c = s.find_card(id);
            if (c < 0)
                problem_in(L.scenario_file, line_of(L.scenario, "deck_cards"), "scenario.deck_cards",
                           "unknown card '" + id + "'");
            else
                chosen.insert(c);
        }
        for (int c = 0; c < static_cast<int>(s.cards.size()); ++c)
            for (const auto& e : s.cards[c].eras)
                if (std::find(eras.begin(), eras.end(), e) != eras.end()) chosen.insert(c);
        s.deck.assign(chosen.begin(), chosen.end());
        // By first month: the same order as the YYYY-MM strings of version 1.
        std::stable_sort(s.deck.begin(), s.deck.end(),
                         [&](int a, int b) { return s.cards[a].months.first < s.cards[b].months.first; });
        if (s.deck_order == DeckOrder::seasonal) read_periods(L, s);
        if (auto it = L.scenario.find("opening"); it != L.scenario.end()) {
            std::string id = it->second.value.is_string() ? it->second.value.as_string().str : "";
            int c = s.find_card(id);
            if (c < 0 || std::find(s.deck.begin(), s.deck.end(), c) == s.deck.end())
                problem(it->second.value, "scenario.opening", "must name a card of this scenario's deck");
            else
                s.opening = c;
        }
        if (s.deck.empty())
            problem_in(L.scenario_file, line_of(L.scenario, "deck_eras"), "scenario.deck_eras",
                       "the deck is empty: no card matches deck_eras or deck_cards");
    }

    // A seasonal deck needs the months of every turn: turn i runs from the
    // first month of its label to the month before the next turn's label.
    void read_periods(Layers& L, Scenario& s) {
        auto it = L.scenario.find("calendar");
        if (it == L.scenario.end() || !it->second.value.is_array()) return;
        const auto& labels = it->second.value.as_array();
        std::vector<MonthSpan> spans;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            std::string f = "scenario.calendar[" + std::to_string(i) + "]";
            auto m = labels[i].is_string() ? period_months(labels[i].as_string().str) : std::nullopt;
            if (!m) {
                problem(labels[i], f,
                        "a seasonal deck needs labels that name months: \"Spring 2002\", \"Winter 2001-02\", "
                        "\"1995\" or \"1986-88\"");
                return;
            }
            if (!spans.empty() && m->first <= spans.back().first) {
                problem(labels[i], f, "begins no later than the turn before it");
                return;
            }
            spans.push_back(*m);
        }
        for (std::size_t i = 0; i + 1 < spans.size(); ++i) spans[i].last = spans[i + 1].first - 1;
        s.periods = std::move(spans);
    }

    void read_rules(Layers& L) {
        auto& R = L.rules;
        auto& r = scenario_->rules;
        check_keys(R, "rules",
                   {"action_points", "leak_target", "cutoff_penalty", "closed_spoiler_trust", "framework_spoiler_trust",
                    "framework_min_trust", "framework_reject_trust", "implement_within", "unimplemented_penalty",
                    "promise_penalty", "deal_trust", "contact_leak_bonus", "rapprochement_trust", "war_penalty",
                    "max_hand", "negotiation_seconds", "orders_seconds", "counters", "drift",
                    "answers_before_orders", "fragility", "cutoff_floor", "spoiler_hold", "term_stake",
                    "spoiler_kills_proposal", "ratify_target", "escalation_roll", "escalation_requires",
                    "escalation_mods", "escalation"});
        if (auto it = R.find("counters"); it != R.end()) {
            scenario_->counters = strings(it->second.value, "rules.counters");
            if (static_cast<int>(scenario_->counters.size()) > kMaxCounters)
                problem(it->second.value, "rules.counters", "at most " + std::to_string(kMaxCounters) + " counters");
        }
        if (auto it = R.find("action_points"); it != R.end()) {
            const Value& v = it->second.value;
            if (!v.is_table()) {
                problem(v, "rules.action_points", "must be a table { us = N, iran = N, israel = N, gulf = N }");
            } else {
                for (const auto& [k, tv] : v.as_table()) {
                    auto t = team_from(k);
                    if (!t)
                        problem(tv, "rules.action_points." + k, "unknown team");
                    else
                        r.action_points[idx(*t)] = int_in(tv, "rules.action_points." + k, 0, 12);
                }
            }
        }
        auto num = [&](const char* key, int& out, int lo, int hi) {
            if (auto it = R.find(key); it != R.end()) out = int_in(it->second.value, it->second.field, lo, hi);
        };
        num("leak_target", r.leak_target, 2, 40);
        num("cutoff_penalty", r.cutoff_penalty, 0, 10);
        if (auto it = R.find("fragility"); it != R.end()) {
            const Value& v = it->second.value;
            if (v.is_boolean())
                r.fragility = v.as_boolean();
            else if (v.is_string() && (v.as_string().str == "on" || v.as_string().str == "off"))
                r.fragility = v.as_string().str == "on";
            else
                problem(v, it->second.field, "must be true or false (or \"on\" or \"off\")");
        }
        num("closed_spoiler_trust", r.closed_spoiler_trust, -10, 10);
        num("framework_spoiler_trust", r.framework_spoiler_trust, -10, 10);
        num("framework_min_trust", r.framework_min_trust, -10, 10);
        num("framework_reject_trust", r.framework_reject_trust, -10, 10);
        num("implement_within", r.implement_within, 1, 20);
        num("unimplemented_penalty", r.unimplemented_penalty, 0, 10);
        num("promise_penalty", r.promise_penalty, 0, 10);
        num("deal_trust", r.deal_trust, -5, 5);
        num("contact_leak_bonus", r.contact_leak_bonus, 0, 10);
        num("rapprochement_trust", r.rapprochement_trust, -10, 10);
        num("war_penalty", r.war_penalty, 0, 100);
        num("max_hand", r.max_hand, 0, kMaxHand);
        num("negotiation_seconds", r.negotiation_seconds, 0, 86400);
        num("orders_seconds", r.orders_seconds, 0, 86400);
        auto flag = [&](const char* key, bool& out) {
            if (auto it = R.find(key); it != R.end()) {
                if (it->second.value.is_boolean())
                    out = it->second.value.as_boolean();
                else
                    problem(it->second.value, it->second.field, "must be true or false");
            }
        };
        flag("answers_before_orders", r.answers_before_orders);
        flag("cutoff_floor", r.cutoff_floor);
        flag("spoiler_kills_proposal", r.spoiler_kills_proposal);
        num("spoiler_hold", r.spoiler_hold, 0, 40);
        num("term_stake", r.term_stake, 0, 10);
        num("ratify_target", r.ratify_target, 0, 40);
        if (auto it = R.find("drift"); it != R.end())
            r.drift = effects(it->second.value, "rules.drift", Ctx{false, false, false});
        num("escalation_roll", r.escalation_roll, 0, 40);
        if (auto it = R.find("escalation_requires"); it != R.end())
            r.escalation_requires = terms(it->second.value, "rules.escalation_requires", false, false, false, true);
        if (auto it = R.find("escalation_mods"); it != R.end())
            r.escalation_mods = terms(it->second.value, "rules.escalation_mods", false);
        if (auto it = R.find("escalation"); it != R.end())
            r.escalation = effects(it->second.value, "rules.escalation", Ctx{false, false, false});
    }

    void read_tracks(Layers& L) {
        auto& T = L.tracks;
        for (const auto& [k, loc] : T) {
            if (k == "channel") {
                auto c = loc.value.is_string() ? channel_from(loc.value.as_string().str) : std::nullopt;
                if (!c)
                    problem(loc.value, "tracks.channel", "must be closed, secret, tactical or strategic");
                else
                    scenario_->start_channel = *c;
                continue;
            }
            auto t = track_from(k);
            if (!t) {
                problem(loc.value, "tracks." + k,
                        "unknown track (expected trust, tension, nuclear, sanctions, us_hawks, iran_hardliners, "
                        "al_qaeda or channel)");
                continue;
            }
            const Value& v = loc.value;
            if (!v.is_table()) {
                problem(v, loc.field, "must be { min = A, max = B, start = C }");
                continue;
            }
            Table tb = v.as_table();
            std::map<std::string, Located> m;
            for (auto& [kk, vv] : tb) m[kk] = {vv, loc.field + "." + kk};
            check_keys(m, loc.field, {"min", "max", "start"});
            TrackDef d;
            d.min = req_int(m, "min", loc.field, v, -100, 100);
            d.max = req_int(m, "max", loc.field, v, -100, 100);
            d.start = req_int(m, "start", loc.field, v, -100, 100);
            if (d.min >= d.max) problem(v, loc.field, "min must be below max");
            if (d.start < d.min || d.start > d.max)
                problem(v, loc.field + ".start",
                        "start " + std::to_string(d.start) + " is outside " + std::to_string(d.min) + ".." +
                            std::to_string(d.max));
            scenario_->tracks[idx(*t)] = d;
        }
        for (int i = 0; i < kTracks; ++i) {
            if (!T.count(std::string(name_of(static_cast<Track>(i)))))
                problem_in(current_file_, 1, "tracks." + std::string(name_of(static_cast<Track>(i))),
                           "missing track definition");
        }
    }

    void read_marker(Layers& L, int i) {
        auto& md = scenario_->markers[i];
        const Located& loc = L.markers.at(md.id);
        auto m = as_map(loc);
        if (!m) return;
        check_keys(*m, loc.field, {"name", "sponsors"});
        md.name = req_string(*m, "name", loc.field, "", &loc.value);
        md.sponsors = team_mask(*m, "sponsors", loc.field, false, loc.value);
    }

    void read_region(Layers& L, int i) {
        auto& rd = scenario_->regions[i];
        auto& m = L.regions.at(rd.id);
        std::string field = "regions." + rd.id;
        check_keys(m, field, {"id", "name", "kind", "stability", "influence", "markers"});
        const Value& at = m.at("id").value;
        rd.name = req_string(m, "name", field, "", &at);
        if (auto it = m.find("kind"); it != m.end()) {
            std::string k = it->second.value.is_string() ? it->second.value.as_string().str : "";
            if (k == "land")
                rd.kind = RegionKind::land;
            else if (k == "sea")
                rd.kind = RegionKind::sea;
            else if (k == "box")
                rd.kind = RegionKind::box;
            else
                problem(it->second.value, field + ".kind", "must be land, sea or box");
        }
        rd.stability = req_int(m, "stability", field, at, 1, 5);
        rd.markers.assign(scenario_->markers.size(), 0);
        if (auto it = m.find("influence"); it != m.end()) {
            const Value& v = it->second.value;
            if (!v.is_table())
                problem(v, field + ".influence", "must be a table of team = value");
            else
                for (const auto& [k, tv] : v.as_table()) {
                    auto t = team_from(k);
                    if (!t)
                        problem(tv, field + ".influence." + k, "unknown team");
                    else
                        rd.influence[idx(*t)] = int_in(tv, field + ".influence." + k, 0, 10);
                }
        }
        if (auto it = m.find("markers"); it != m.end()) {
            const Value& v = it->second.value;
            if (!v.is_table())
                problem(v, field + ".markers", "must be a table of marker = strength");
            else
                for (const auto& [k, tv] : v.as_table()) {
                    int mk = scenario_->find_marker(k);
                    if (mk < 0)
                        problem(tv, field + ".markers." + k, "unknown marker '" + k + "'");
                    else
                        rd.markers[mk] = int_in(tv, field + ".markers." + k, 0, 9);
                }
        }
    }

    void read_team(Layers& L, Team t) {
        auto& m = L.teams[idx(t)];
        std::string field = "teams." + std::string(name_of(t));
        auto& td = scenario_->teams[idx(t)];
        if (m.empty()) {
            problem_in(current_file_, 1, field, "missing team definition");
            return;
        }
        check_keys(m, field, {"name", "par", "score", "ap_mods", "bot_hints"});
        const Value& at = m.begin()->second.value;
        td.name = req_string(m, "name", field, "", &at);
        if (auto it = m.find("par"); it != m.end()) td.par = int_in(it->second.value, field + ".par", -1000, 1000);
        if (auto it = m.find("score"); it != m.end()) td.score = terms(it->second.value, field + ".score", false);
        if (auto it = m.find("ap_mods"); it != m.end()) td.ap_mods = terms(it->second.value, field + ".ap_mods", false);
        if (auto it = m.find("bot_hints"); it != m.end())
            td.bot_hints = terms(it->second.value, field + ".bot_hints", false);
    }

    void read_action(Layers& L, int i) {
        auto& a = scenario_->actions[i];
        const Located& loc = L.actions.at(a.id);
        auto mp = as_map(loc);
        if (!mp) return;
        auto& m = *mp;
        const std::string& f = loc.field;
        check_keys(m, f,
                   {"name", "category", "teams", "cost", "target", "regions", "step", "needs_channel", "max_channel",
                    "roll", "mods", "success", "failure", "reciprocal", "once_per_turn", "special", "requires",
                    "min_turn"});
        a.name = req_string(m, "name", f, "", &loc.value);
        a.category = req_string(m, "category", f, "", &loc.value);
        static const std::set<std::string> cats{"diplomacy", "cooperation", "economy", "covert",
                                                "military",  "nuclear",     "cards"};
        if (!a.category.empty() && !cats.count(a.category))
            problem(m.at("category").value, f + ".category",
                    "unknown category (expected diplomacy, cooperation, economy, covert, military, nuclear or cards)");
        a.teams = team_mask(m, "teams", f, true, loc.value);
        a.cost = req_int(m, "cost", f, loc.value, 0, 12);
        a.step = req_int(m, "step", f, loc.value, 0, 1000);
        std::string target = req_string(m, "target", f, "", &loc.value);
        static const std::map<std::string, TargetKind> targets{
            {"none", TargetKind::none},   {"region", TargetKind::region}, {"marker", TargetKind::marker},
            {"terms", TargetKind::terms}, {"card", TargetKind::card},     {"term", TargetKind::term}};
        if (auto it = targets.find(target); it != targets.end())
            a.target = it->second;
        else if (!target.empty())
            problem(m.at("target").value, f + ".target", "must be none, region, marker, terms, card or term");
        if (auto it = m.find("regions"); it != m.end()) {
            for (const auto& id : strings(it->second.value, f + ".regions")) {
                int r = scenario_->find_region(id);
                if (r < 0)
                    problem(it->second.value, f + ".regions", "unknown region '" + id + "'");
                else
                    a.regions.push_back(r);
            }
        }
        auto chan = [&](const char* key, std::optional<Channel>& out) {
            if (auto it = m.find(key); it != m.end()) {
                auto c = it->second.value.is_string() ? channel_from(it->second.value.as_string().str) : std::nullopt;
                if (!c)
                    problem(it->second.value, f + "." + key, "must be closed, secret, tactical or strategic");
                else
                    out = c;
            }
        };
        chan("needs_channel", a.needs_channel);
        chan("max_channel", a.max_channel);
        if (auto it = m.find("roll"); it != m.end()) a.roll = int_in(it->second.value, f + ".roll", 2, 30);
        // `target` may name the ordered region only if the action targets one,
        // and the ordered marker only if it targets a marker.
        bool region_target = a.target == TargetKind::region || a.target == TargetKind::marker;
        bool marker_target = a.target == TargetKind::marker;
        if (auto it = m.find("mods"); it != m.end())
            a.mods = terms(it->second.value, f + ".mods", true, region_target, marker_target);
        Ctx ctx{region_target, true, false, marker_target};
        if (auto it = m.find("success"); it != m.end()) a.success = effects(it->second.value, f + ".success", ctx);
        if (auto it = m.find("failure"); it != m.end()) a.failure = effects(it->second.value, f + ".failure", ctx);
        a.reciprocal = opt_bool(m, "reciprocal", f);
        a.once_per_turn = opt_bool(m, "once_per_turn", f);
        if (auto it = m.find("requires"); it != m.end())
            a.premise = terms(it->second.value, f + ".requires", false, false, false, true);
        if (auto it = m.find("min_turn"); it != m.end()) a.min_turn = int_in(it->second.value, f + ".min_turn", 1, 100);
        if (auto it = m.find("special"); it != m.end()) {
            static const std::map<std::string, Special> specials{
                {"framework", Special::framework},   {"interdict", Special::interdict},
                {"shipment", Special::shipment},     {"promise", Special::promise},
                {"forum_join", Special::forum_join}, {"forum_block", Special::forum_block},
                {"implement", Special::implement},   {"play_card", Special::play_card}};
            std::string sp = it->second.value.is_string() ? it->second.value.as_string().str : "";
            if (auto s = specials.find(sp); s != specials.end())
                a.special = s->second;
            else
                problem(it->second.value, f + ".special",
                        "unknown special (expected framework, interdict, shipment, promise, forum_join, "
                        "forum_block, implement or play_card)");
        }
        if (a.special == Special::framework && a.target != TargetKind::terms)
            problem(loc.value, f + ".target", "a framework action must target terms");
        if (a.special == Special::implement && a.target != TargetKind::term)
            problem(loc.value, f + ".target", "an implement action must target a term");
        if (a.special == Special::play_card && a.target != TargetKind::card)
            problem(loc.value, f + ".target", "a play_card action must target a card");
        if (a.special == Special::shipment && a.target != TargetKind::marker)
            problem(loc.value, f + ".target", "a shipment action must target a marker");
        if (a.special == Special::interdict && a.target != TargetKind::region)
            problem(loc.value, f + ".target", "an interdict action must target a region");
    }

    void read_concession(Layers& L, int i) {
        auto& c = scenario_->concessions[i];
        const Located& loc = L.concessions.at(c.id);
        auto m = as_map(loc);
        if (!m) return;
        check_keys(*m, loc.field, {"name", "teams", "effects", "needs_channel"});
        c.name = req_string(*m, "name", loc.field, "", &loc.value);
        if (auto it = m->find("needs_channel"); it != m->end()) {
            auto ch = it->second.value.is_string() ? channel_from(it->second.value.as_string().str) : std::nullopt;
            if (!ch)
                problem(it->second.value, loc.field + ".needs_channel",
                        "must be closed, secret, tactical or strategic");
            else
                c.needs_channel = ch;
        }
        c.teams = team_mask(*m, "teams", loc.field, true, loc.value);
        if (auto it = m->find("effects"); it != m->end())
            c.effects = effects(it->second.value, loc.field + ".effects", Ctx{false, true, true});
    }

    void read_term_def(Layers& L, int i) {
        auto& t = scenario_->terms[i];
        const Located& loc = L.terms.at(t.id);
        auto m = as_map(loc);
        if (!m) return;
        check_keys(*m, loc.field, {"name", "side", "effects", "forbids", "central"});
        t.central = opt_bool(*m, "central", loc.field);
        if (auto it = m->find("forbids"); it != m->end())
            for (const auto& id : strings(it->second.value, loc.field + ".forbids")) {
                int a = scenario_->find_action(id);
                if (a < 0)
                    problem(it->second.value, loc.field + ".forbids", "unknown action '" + id + "'");
                else
                    t.forbids.push_back(a);
            }
        t.name = req_string(*m, "name", loc.field, "", &loc.value);
        std::string side = req_string(*m, "side", loc.field, "", &loc.value);
        if (side == "us")
            t.side = TermSide::us;
        else if (side == "iran")
            t.side = TermSide::iran;
        else if (side == "regional")
            t.side = TermSide::regional;
        else if (!side.empty())
            problem(m->at("side").value, loc.field + ".side", "must be us, iran or regional");
        if (auto it = m->find("effects"); it != m->end())
            t.effects = effects(it->second.value, loc.field + ".effects", Ctx{false, false, false});
    }

    void read_card(Layers& L, int i) {
        auto& c = scenario_->cards[i];
        const Located& loc = L.cards[i];
        auto mp = as_map(loc);
        if (!mp) return;
        auto& m = *mp;
        std::string f = c.id.empty() ? loc.field : "cards." + c.id;
        check_keys(m, f,
                   {"id", "title", "date", "eras", "kind", "source", "text", "note", "effects", "to", "play", "chooser",
                    "options", "requires"});
        if (c.id.empty()) {
            problem(loc.value, f + ".id", "missing card id");
        } else {
            for (char ch : c.id)
                if (!(std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) ||
                      ch == '-')) {
                    problem(m.at("id").value, f + ".id", "use lowercase letters, digits and dashes");
                    break;
                }
        }
        c.title = req_string(m, "title", f, "", &loc.value);
        c.date = req_string(m, "date", f, "", &loc.value);
        if (!c.date.empty()) {
            if (auto span = card_months(c.date))
                c.months = *span;
            else
                problem(m.at("date").value, f + ".date",
                        "must be YYYY-MM, YYYY (the whole year) or START/END of those (e.g. 2001-12/2003-05)");
        }
        if (auto it = m.find("requires"); it != m.end())
            c.premise = terms(it->second.value, f + ".requires", false, false, false, true);
        if (auto it = m.find("eras"); it != m.end())
            c.eras = strings(it->second.value, f + ".eras");
        else
            problem(loc.value, f + ".eras", "missing field");
        c.source = req_string(m, "source", f, "", &loc.value);
        if (!c.source.empty()) {
            std::istringstream ws(c.source);
            int words = 0;
            for (std::string w; ws >> w;) ++words;
            if (words < 8 || words > 40)
                problem(m.at("source").value, f + ".source",
                        "a source quote has 8 to 40 words, this one has " + std::to_string(words));
        }
        c.text = req_string(m, "text", f, "", &loc.value);
        c.note = req_string(m, "note", f, "", &loc.value);
        std::string kind = req_string(m, "kind", f, "", &loc.value);
        static const std::map<std::string, CardKind> kinds{{"event", CardKind::event},
                                                           {"spoiler", CardKind::spoiler},
                                                           {"opportunity", CardKind::opportunity},
                                                           {"choice", CardKind::choice}};
        if (auto it = kinds.find(kind); it != kinds.end())
            c.kind = it->second;
        else if (!kind.empty())
            problem(m.at("kind").value, f + ".kind", "must be event, spoiler, opportunity or choice");
        auto team_field = [&](const char* key) {
            auto it = m.find(key);
            if (it == m.end()) {
                problem(loc.value, f + "." + key, std::string("missing field (needed by a ") + kind + " card)");
                return kRefNone;
            }
            auto t = it->second.value.is_string() ? team_from(it->second.value.as_string().str) : std::nullopt;
            if (!t) {
                problem(it->second.value, f + "." + key, "must be us, iran, israel or gulf");
                return kRefNone;
            }
            return idx(*t);
        };
        bool has_self = c.kind == CardKind::opportunity || c.kind == CardKind::choice;
        if (auto it = m.find("effects"); it != m.end())
            c.effects = effects(it->second.value, f + ".effects", Ctx{false, has_self, false});
        if (c.kind == CardKind::opportunity) {
            c.to = team_field("to");
            if (auto it = m.find("play"); it != m.end())
                c.play = effects(it->second.value, f + ".play", Ctx{false, true, false});
            else
                problem(loc.value, f + ".play", "missing field (an opportunity card needs play effects)");
        } else {
            for (const char* k : {"to", "play"})
                if (m.count(k)) problem(m.at(k).value, f + "." + k, "only opportunity cards have this field");
        }
        if (c.kind == CardKind::choice) {
            c.chooser = team_field("chooser");
            auto it = m.find("options");
            if (it == m.end() || !it->second.value.is_array() || it->second.value.as_array().size() < 2) {
                problem(it == m.end() ? loc.value : it->second.value, f + ".options",
                        "a choice card needs at least two [[cards.options]]");
            } else {
                int k = 0, defaults = 0;
                for (const auto& ov : it->second.value.as_array()) {
                    std::string of = f + ".options[" + std::to_string(k++) + "]";
                    Located ol{ov, of};
                    auto om = as_map(ol);
                    if (!om) continue;
                    check_keys(*om, of, {"label", "text", "effects", "default"});
                    CardOption o;
                    o.label = req_string(*om, "label", of, "", &ov);
                    o.text = req_string(*om, "text", of, "", &ov);
                    if (opt_bool(*om, "default", of)) {
                        if (defaults++ > 0)
                            problem(om->at("default").value, of + ".default", "only one option may be the default");
                        c.default_option = static_cast<int>(c.options.size());
                    }
                    if (auto e = om->find("effects"); e != om->end())
                        o.effects = effects(e->second.value, of + ".effects", Ctx{false, true, false});
                    c.options.push_back(std::move(o));
                }
            }
        } else {
            for (const char* k : {"chooser", "options"})
                if (m.count(k)) problem(m.at(k).value, f + "." + k, "only choice cards have this field");
        }
        if (c.kind == CardKind::spoiler && std::none_of(c.effects.begin(), c.effects.end(),
                                                        [](const Effect& e) { return e.verb == EffectVerb::spoiler; }))
            problem(loc.value, f + ".effects", "a spoiler card needs a { spoiler = \"reason\" } effect");
    }

    void set_file(const std::string& f) { current_file_ = f; }

private:
    struct Ctx {
        bool target;                 // `target` may name the ordered region
        bool self;                   // `self` may name the acting team
        bool other;                  // `other` may name the other party of a deal
        bool marker_target = false;  // `target` may name the ordered marker
    };

    Scenario* scenario_ = nullptr;
    std::string current_file_;
    static int line_of(const std::map<std::string, Located>& m, const std::string& key) {
        auto it = m.find(key);
        return it == m.end() ? 1 : static_cast<int>(it->second.value.location().line());
    }

    void merge_keys(const Value& table, const std::string& prefix, std::map<std::string, Located>& dest) {
        for (const auto& [k, v] : table.as_table()) dest[k] = {v, prefix + "." + k};
    }

    std::optional<std::map<std::string, Located>> as_map(const Located& loc) {
        if (!loc.value.is_table()) {
            problem(loc.value, loc.field, "must be a table");
            return std::nullopt;
        }
        std::map<std::string, Located> m;
        for (const auto& [k, v] : loc.value.as_table()) m[k] = {v, loc.field + "." + k};
        return m;
    }

    void check_keys(const std::map<std::string, Located>& m, const std::string& field,
                    std::initializer_list<const char*> allowed) {
        for (const auto& [k, loc] : m) {
            bool ok = false;
            std::string list;
            for (const char* a : allowed) {
                if (k == a) ok = true;
                if (!list.empty()) list += ", ";
                list += a;
            }
            if (!ok) problem(loc.value, field + "." + k, "unknown field (expected one of " + list + ")");
        }
    }

    int int_in(const Value& v, const std::string& field, int lo, int hi) {
        if (!v.is_integer()) {
            problem(v, field, "must be an integer");
            return lo;
        }
        auto x = v.as_integer();
        if (x < lo || x > hi) {
            problem(v, field, std::to_string(x) + " is out of range " + std::to_string(lo) + ".." + std::to_string(hi));
            return static_cast<int>(std::clamp<std::int64_t>(x, lo, hi));
        }
        return static_cast<int>(x);
    }

    int req_int(const std::map<std::string, Located>& m, const char* key, const std::string& field, const Value& at,
                int lo, int hi) {
        auto it = m.find(key);
        if (it == m.end()) {
            problem(at, field + "." + key, "missing field");
            return lo;
        }
        return int_in(it->second.value, it->second.field, lo, hi);
    }

    std::string req_string(const std::map<std::string, Located>& m, const char* key, const std::string& field,
                           const std::string& file, const Value* at = nullptr) {
        auto it = m.find(key);
        if (it == m.end()) {
            if (at)
                problem(*at, field + "." + key, "missing field");
            else
                problem_in(file.empty() ? current_file_ : file, 1, field + "." + key, "missing field");
            return {};
        }
        if (!it->second.value.is_string()) {
            problem(it->second.value, it->second.field, "must be a string");
            return {};
        }
        std::string s = it->second.value.as_string().str;
        if (s.empty()) problem(it->second.value, it->second.field, "must not be empty");
        return s;
    }

    std::string opt_string(const std::map<std::string, Located>& m, const char* key, std::string def) {
        auto it = m.find(key);
        if (it == m.end()) return def;
        if (!it->second.value.is_string()) {
            problem(it->second.value, it->second.field, "must be a string");
            return def;
        }
        return it->second.value.as_string().str;
    }

    bool opt_bool(const std::map<std::string, Located>& m, const char* key, const std::string& field) {
        auto it = m.find(key);
        if (it == m.end()) return false;
        if (!it->second.value.is_boolean()) {
            problem(it->second.value, field + "." + key, "must be true or false");
            return false;
        }
        return it->second.value.as_boolean();
    }

    std::vector<std::string> strings(const Value& v, const std::string& field) {
        std::vector<std::string> out;
        if (!v.is_array()) {
            problem(v, field, "must be an array of strings");
            return out;
        }
        for (const auto& e : v.as_array()) {
            if (!e.is_string())
                problem(e, field, "must be an array of strings");
            else
                out.push_back(e.as_string().str);
        }
        return out;
    }

    std::vector<std::string> string_array(const std::map<std::string, Located>& m, const char* key, bool required,
                                          const std::string& file) {
        auto it = m.find(key);
        if (it == m.end()) {
            if (required) problem_in(file, 1, std::string("scenario.") + key, "missing field");
            return {};
        }
        return strings(it->second.value, it->second.field);
    }

    std::uint8_t team_mask(const std::map<std::string, Located>& m, const char* key, const std::string& field,
                           bool required, const Value& at) {
        auto it = m.find(key);
        if (it == m.end()) {
            if (required) problem(at, field + "." + key, "missing field");
            return 0;
        }
        std::uint8_t mask = 0;
        for (const auto& s : strings(it->second.value, it->second.field)) {
            auto t = team_from(s);
            if (!t)
                problem(it->second.value, it->second.field, "unknown team '" + s + "'");
            else
                mask |= static_cast<std::uint8_t>(1u << idx(*t));
        }
        return mask;
    }

    // Resolves a team reference: a team name, or `self` / `other` where allowed.
    int team_ref(const Value& v, const std::string& field, const Ctx& ctx) {
        if (!v.is_string()) {
            problem(v, field, "must be a team name");
            return kRefNone;
        }
        std::string s = v.as_string().str;
        if (s == "self" && ctx.self) return kRefSelf;
        if (s == "other" && ctx.other) return kRefOther;
        auto t = team_from(s);
        if (!t) {
            std::string allowed = "us, iran, israel, gulf";
            if (ctx.self) allowed += ", self";
            if (ctx.other) allowed += ", other";
            problem(v, field, "unknown team '" + s + "' (expected " + allowed + ")");
            return kRefNone;
        }
        return idx(*t);
    }

    int region_ref(const Value& v, const std::string& field, bool allow_target) {
        if (!v.is_string()) {
            problem(v, field, "must be a region id");
            return kRefNone;
        }
        std::string s = v.as_string().str;
        if (s == "target" && allow_target) return kRefTarget;
        int r = scenario_->find_region(s);
        if (r < 0) problem(v, field, "unknown region '" + s + "'");
        return r;
    }

    int marker_ref(const Value& v, const std::string& field, bool allow_target) {
        if (!v.is_string()) {
            problem(v, field, "must be a marker kind");
            return kRefNone;
        }
        std::string s = v.as_string().str;
        if (s == "target" && allow_target) return kRefTarget;
        int r = scenario_->find_marker(s);
        if (r < 0) problem(v, field, "unknown marker '" + s + "'");
        return r;
    }

    int counter_ref(const Value& v, const std::string& field) {
        if (!v.is_string()) {
            problem(v, field, "must be a counter name");
            return kRefNone;
        }
        int c = scenario_->find_counter(v.as_string().str);
        if (c < 0) problem(v, field, "unknown counter '" + v.as_string().str + "' (declare it in [rules] counters)");
        return c;
    }

    // `{ track = "channel", at_least = "secret" }` or `below = "tactical"`:
    // a condition on the channel's rank (closed < secret < tactical < strategic).
    std::optional<Term> channel_condition(const Value& e, const std::string& f) {
        const auto& t = e.as_table();
        for (const auto& [k, kv] : t)
            if (k != "track" && k != "at_least" && k != "below")
                problem(kv, f + "." + k, "unknown field for a channel condition (expected at_least or below)");
        bool at_least = t.count("at_least") > 0;
        if (at_least == (t.count("below") > 0)) {
            problem(e, f, "a channel condition needs exactly one of at_least or below");
            return std::nullopt;
        }
        const char* key = at_least ? "at_least" : "below";
        const Value& bv = t.at(key);
        auto c = bv.is_string() ? channel_from(bv.as_string().str) : std::nullopt;
        if (!c) {
            problem(bv, f + "." + key,
                    (bv.is_string() ? "unknown channel '" + bv.as_string().str + "'" : std::string("not a channel")) +
                        " (expected closed, secret, tactical or strategic)");
            return std::nullopt;
        }
        Term term;
        term.source = TermSource::channel_level;
        term.test = at_least ? Term::Test::at_least : Term::Test::below;
        term.threshold = static_cast<int>(*c);
        return term;
    }

    // Reads formula terms. With `condition` set they are a card's `requires`:
    // no weights or outcomes, and `track = "channel"` compares the channel.
    std::vector<Term> terms(const Value& v, const std::string& field, bool in_action, bool region_target = false,
                            bool marker_target = false, bool condition = false) {
        std::vector<Term> out;
        if (!v.is_array()) {
            problem(v, field, "must be an array of inline tables");
            return out;
        }
        int i = 0;
        for (const auto& e : v.as_array()) {
            std::string f = field + "[" + std::to_string(i++) + "]";
            if (!e.is_table()) {
                problem(e, f, "must be an inline table");
                continue;
            }
            const auto& t = e.as_table();
            if (condition && t.count("track") && t.at("track").is_string() &&
                t.at("track").as_string().str == "channel") {
                if (auto c = channel_condition(e, f)) out.push_back(*c);
                continue;
            }
            static const std::vector<std::string> sources{"track",   "influence", "stability", "marker",
                                                          "control", "controls",  "counter",   "security",
                                                          "channel", "outcome",   "term",     "owed"};
            std::string src;
            for (const auto& s : sources)
                if (t.count(s)) {
                    if (!src.empty()) problem(e, f, "has two sources ('" + src + "' and '" + s + "')");
                    src = s;
                }
            if (src.empty()) {
                problem(e, f,
                        "needs a source: track, influence, stability, marker, control, controls, counter, "
                        "security, channel, outcome, term or owed");
                continue;
            }
            Ctx ctx{in_action, in_action, false};
            Term term;
            const Value& sv = t.at(src);
            std::set<std::string> extra{"weight", "below", "at_least"};
            if (src == "track") {
                term.source = TermSource::track;
                auto tr = sv.is_string() ? track_from(sv.as_string().str) : std::nullopt;
                if (!tr)
                    problem(sv, f + ".track",
                            "unknown track" + (sv.is_string() ? " '" + sv.as_string().str + "'" : std::string()) +
                                " (expected trust, tension, nuclear, sanctions, us_hawks, iran_hardliners" +
                                (condition ? ", al_qaeda or channel)" : " or al_qaeda)"));
                else
                    term.a = idx(*tr);
            } else if (src == "influence" || src == "control") {
                term.source = src == "influence" ? TermSource::influence : TermSource::control;
                term.a = region_ref(sv, f + "." + src, region_target);
                extra.insert("team");
                if (!t.count("team"))
                    problem(e, f + ".team", "missing field");
                else
                    term.b = team_ref(t.at("team"), f + ".team", ctx);
            } else if (src == "stability") {
                term.source = TermSource::stability;
                term.a = region_ref(sv, f + ".stability", region_target);
            } else if (src == "marker") {
                term.source = TermSource::marker;
                term.a = marker_ref(sv, f + ".marker", marker_target);
                extra.insert("region");
                if (t.count("region")) term.b = region_ref(t.at("region"), f + ".region", region_target);
            } else if (src == "controls" || src == "security") {
                term.source = src == "controls" ? TermSource::controls : TermSource::security;
                term.team = team_ref(sv, f + "." + src, ctx);
            } else if (src == "counter") {
                term.source = TermSource::counter;
                term.a = counter_ref(sv, f + ".counter");
            } else if (src == "channel") {
                term.source = TermSource::channel;
                auto c = sv.is_string() ? channel_from(sv.as_string().str) : std::nullopt;
                if (!c)
                    problem(sv, f + ".channel", "must be closed, secret, tactical or strategic");
                else
                    term.a = static_cast<int>(*c);
            } else if (src == "outcome") {
                term.source = TermSource::outcome;
                std::string o = sv.is_string() ? sv.as_string().str : "";
                if (o == "war")
                    term.a = static_cast<int>(Outcome::war);
                else if (o == "breakout")
                    term.a = static_cast<int>(Outcome::breakout);
                else if (o == "rapprochement")
                    term.a = static_cast<int>(Outcome::rapprochement);
                else
                    problem(sv, f + ".outcome", "must be war, breakout or rapprochement");
            } else if (src == "owed") {
                term.source = TermSource::owed;
                term.team = team_ref(sv, f + ".owed", Ctx{true, true, false});
            } else if (src == "term") {
                term.source = TermSource::bargain_term;
                std::string id = sv.is_string() ? sv.as_string().str : "";
                term.a = scenario_->find_term(id);
                if (term.a < 0) problem(sv, f + ".term", "unknown bargain term '" + id + "'");
            }
            for (const auto& [k, kv] : t) {
                if (k == src) continue;
                if (!extra.count(k)) problem(kv, f + "." + k, "unknown field for a '" + src + "' term");
            }
            if (t.count("weight")) term.weight = int_in(t.at("weight"), f + ".weight", -100, 100);
            if (t.count("below") && t.count("at_least")) problem(e, f, "use either below or at_least, not both");
            if (t.count("below")) {
                term.test = Term::Test::below;
                term.threshold = int_in(t.at("below"), f + ".below", -100, 100);
            } else if (t.count("at_least")) {
                term.test = Term::Test::at_least;
                term.threshold = int_in(t.at("at_least"), f + ".at_least", -100, 100);
            }
            if (condition && t.count("weight")) problem(t.at("weight"), f + ".weight", "a condition has no weight");
            if (condition && term.source == TermSource::outcome)
                problem(sv, f + ".outcome", "a condition cannot depend on how the game ends");
            out.push_back(term);
        }
        return out;
    }

    std::vector<Effect> effects(const Value& v, const std::string& field, const Ctx& ctx) {
        std::vector<Effect> out;
        if (!v.is_array()) {
            problem(v, field, "must be an array of inline tables");
            return out;
        }
        out.reserve(v.as_array().size());
        int i = 0;
        for (const auto& e : v.as_array()) {
            std::string f = field + "[" + std::to_string(i++) + "]";
            if (!e.is_table()) {
                problem(e, f, "must be an inline table");
                continue;
            }
            const auto& t = e.as_table();
            static const std::vector<std::string> verbs{
                "track",    "influence", "stability", "marker",         "channel",    "spoiler", "counter",
                "security", "hand",      "ap",        "freeze_nuclear", "leak_bonus", "promise", "open_framework"};
            std::string verb;
            for (const auto& s : verbs)
                if (t.count(s)) {
                    if (!verb.empty()) problem(e, f, "has two verbs ('" + verb + "' and '" + s + "')");
                    verb = s;
                }
            if (verb.empty()) {
                problem(e, f,
                        "needs a verb: track, influence, stability, marker, channel, spoiler, counter, security, "
                        "hand, ap, freeze_nuclear, leak_bonus, promise or open_framework");
                continue;
            }
            Effect ef;
            const Value& vv = t.at(verb);
            std::set<std::string> extra;
            auto amount = [&](bool allow_set, int lo, int hi) {
                if (allow_set) extra.insert("set");
                extra.insert("add");
                bool has_add = t.count("add"), has_set = allow_set && t.count("set");
                if (has_add == has_set) {
                    problem(e, f, allow_set ? "needs exactly one of add or set" : "needs add");
                    return;
                }
                ef.set = has_set;
                ef.value = int_in(t.at(has_set ? "set" : "add"), f + (has_set ? ".set" : ".add"), lo, hi);
            };
            if (verb == "track") {
                std::string s = vv.is_string() ? vv.as_string().str : "";
                if (s == "opposition" && ctx.self) {
                    ef.verb = EffectVerb::opposition;
                } else {
                    ef.verb = EffectVerb::track;
                    auto tr = track_from(s);
                    if (!tr)
                        problem(vv, f + ".track", "unknown track '" + s + "'");
                    else
                        ef.a = idx(*tr);
                }
                amount(true, -20, 20);
            } else if (verb == "influence") {
                ef.verb = EffectVerb::influence;
                ef.a = region_ref(vv, f + ".influence", ctx.target);
                extra.insert("team");
                if (!t.count("team"))
                    problem(e, f + ".team", "missing field");
                else
                    ef.team = team_ref(t.at("team"), f + ".team", ctx);
                amount(false, -10, 10);
            } else if (verb == "stability") {
                ef.verb = EffectVerb::stability;
                ef.a = region_ref(vv, f + ".stability", ctx.target);
                amount(false, -5, 5);
            } else if (verb == "marker") {
                ef.verb = EffectVerb::marker;
                ef.b = marker_ref(vv, f + ".marker", ctx.target);
                extra.insert("region");
                if (!t.count("region"))
                    problem(e, f + ".region", "missing field");
                else
                    ef.a = region_ref(t.at("region"), f + ".region", ctx.target);
                amount(false, -9, 9);
            } else if (verb == "channel") {
                std::string s = vv.is_string() ? vv.as_string().str : "";
                if (s == "up") {
                    ef.verb = EffectVerb::channel_up;
                } else {
                    ef.verb = EffectVerb::channel;
                    auto c = channel_from(s);
                    if (!c)
                        problem(vv, f + ".channel", "must be closed, secret, tactical, strategic or up");
                    else
                        ef.a = static_cast<int>(*c);
                }
            } else if (verb == "spoiler") {
                ef.verb = EffectVerb::spoiler;
                if (!vv.is_string() || vv.as_string().str.empty())
                    problem(vv, f + ".spoiler", "must be a short reason");
                else
                    ef.text = vv.as_string().str;
            } else if (verb == "counter") {
                ef.verb = EffectVerb::counter;
                ef.a = counter_ref(vv, f + ".counter");
                amount(true, -20, 20);
            } else if (verb == "security") {
                ef.verb = EffectVerb::security;
                ef.team = team_ref(vv, f + ".security", ctx);
                amount(false, -10, 10);
            } else if (verb == "hand") {
                ef.verb = EffectVerb::hand;
                extra.insert("team");
                if (!vv.is_string()) {
                    problem(vv, f + ".hand", "must be a card id");
                } else {
                    std::string id = vv.as_string().str;
                    ef.a = scenario_->find_card(id);
                    if (ef.a < 0)
                        problem(vv, f + ".hand", "unknown card '" + id + "'");
                    else if (scenario_->cards[ef.a].kind != CardKind::opportunity)
                        problem(vv, f + ".hand", "card '" + id + "' is not an opportunity card");
                }
                if (!t.count("team"))
                    problem(e, f + ".team", "missing field");
                else
                    ef.team = team_ref(t.at("team"), f + ".team", ctx);
            } else if (verb == "ap") {
                ef.verb = EffectVerb::ap;
                ef.team = team_ref(vv, f + ".ap", ctx);
                amount(false, -5, 5);
            } else if (verb == "freeze_nuclear") {
                ef.verb = EffectVerb::freeze_nuclear;
                if (!vv.is_boolean() || !vv.as_boolean()) problem(vv, f + ".freeze_nuclear", "must be true");
            } else if (verb == "leak_bonus") {
                ef.verb = EffectVerb::leak_bonus;
                ef.value = int_in(vv, f + ".leak_bonus", -10, 10);
            } else if (verb == "promise") {
                ef.verb = EffectVerb::promise;
                ef.team = team_ref(vv, f + ".promise", ctx);
                extra.insert("turns");
                if (!t.count("turns"))
                    problem(e, f + ".turns", "missing field");
                else
                    ef.value = int_in(t.at("turns"), f + ".turns", 1, 20);
            } else if (verb == "open_framework") {
                ef.verb = EffectVerb::open_framework;
                ef.value = int_in(vv, f + ".open_framework", 1, 20);
            }
            for (const auto& [k, kv] : t) {
                if (k == verb) continue;
                if (!extra.count(k)) problem(kv, f + "." + k, "unknown field for a '" + verb + "' effect");
            }
            out.push_back(std::move(ef));
        }
        return out;
    }
};

}  // namespace

// --------------------------------------------------------------------------

namespace {

std::vector<std::string> includes_of(const Value& root) {
    std::vector<std::string> out;
    if (!root.is_table()) return out;
    auto sc = root.as_table().find("scenario");
    if (sc == root.as_table().end() || !sc->second.is_table()) return out;
    auto inc = sc->second.as_table().find("includes");
    if (inc == sc->second.as_table().end() || !inc->second.is_array()) return out;
    for (const auto& v : inc->second.as_array())
        if (v.is_string()) out.push_back(v.as_string().str);
    return out;
}

bool has_section(const Value& root, const char* key) {
    return root.is_table() && root.as_table().count(key) > 0;
}

// Adds a card file; a card file may only hold [[cards]].
void add_card_file(Loader& ld, Layers& L, const std::string& path) {
    Value root;
    if (!ld.parse(path, root, L)) return;
    if (root.is_table())
        for (const auto& [k, v] : root.as_table())
            if (k != "cards") ld.problem(v, k, "a card file holds only [[cards]]");
    Value only = root;
    if (only.is_table()) {
        Table t;
        if (root.as_table().count("cards")) t["cards"] = root.as_table().at("cards");
        only = Value(t);
    }
    ld.add_layer(only, path, L, false);
}

// `p` relative to `dir`; for files on disk (`on_disk`), when it is not there,
// the same relative path in the scenario folders, so that a user's own scenario
// (in ~/.local/share/grand-bargain/scenarios) can include the shipped rules and cards.
std::string rel(const fs::path& dir, const std::string& p, bool on_disk = true) {
    fs::path q(p);
    if (q.is_absolute()) return q.lexically_normal().string();
    fs::path here = (dir / q).lexically_normal();
    std::error_code ec;
    if (!on_disk || fs::exists(here, ec)) return here.string();
    for (const std::string& d : scenario_dirs()) {
        fs::path there = (fs::path(d) / q).lexically_normal();
        if (fs::exists(there, ec)) return there.string();
    }
    return here.string();
}

// An included file: rel(), remembering the path the scenario named when the
// file was found in another scenario folder.
std::string include_path(Loader& ld, const fs::path& dir, const std::string& p) {
    std::string found = rel(dir, p, ld.memory == nullptr), named = rel(dir, p, false);
    if (found != named) ld.found_as[found] = named;
    return found;
}

LoadResult load_with(Loader& ld, const std::string& path) {
    LoadResult out;
    try {
        Layers L;
        Value root;
        fs::path dir = fs::path(path).parent_path();
        ld.base = dir.lexically_normal();
        if (!ld.parse(path, root, L)) {
            out.problems = std::move(ld.problems);
            return out;
        }
        if (!has_section(root, "scenario")) {
            out.problems.push_back({path, 1, "scenario", "missing [scenario] section"});
            return out;
        }
        for (const auto& inc : includes_of(root)) {
            Value iv;
            std::string ip = include_path(ld, dir, inc);
            if (ld.parse(ip, iv, L)) ld.add_layer(iv, ip, L, false);
        }
        ld.set_file(path);
        ld.add_layer(root, path, L, true);
        if (auto it = L.scenario.find("deck_files"); it != L.scenario.end() && it->second.value.is_array()) {
            for (const auto& v : it->second.value.as_array())
                if (v.is_string()) add_card_file(ld, L, include_path(ld, dir, v.as_string().str));
        } else {
            ld.problem_in(path, 1, "scenario.deck_files", "missing field");
        }
        ld.set_file(path);
        auto s = ld.build(L, true, dir);
        out.problems = std::move(ld.problems);
        if (out.problems.empty()) out.scenario = std::move(s);
    } catch (const std::exception& e) {
        out.problems.push_back({path, 0, "", std::string("cannot load: ") + e.what()});
    }
    out.sources = std::move(ld.sources);
    return out;
}

}  // namespace

LoadResult load_scenario(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec) && fs::path(path).parent_path().empty()) {
        // A name that resolve_scenario_path did not find: say where it looked.
        std::string dirs, places;
        for (const std::string& d : scenario_dirs()) dirs += (dirs.empty() ? "" : ", ") + d;
        for (const DataPlace& p : data_places(DataSearch::from_process()))
            places += (places.empty() ? "" : ", ") + p.path + (p.present ? "" : " (not there)");
        LoadResult out;
        out.problems.push_back({path, 0, "file",
                                "no such file, and no scenario of that name in the scenario folders (" + dirs +
                                    "); folders searched for data: " + places +
                                    "; set GB_DATA_DIR to the folder holding scenarios/"});
        return out;
    }
    Loader ld;
    return load_with(ld, path);
}

LoadResult load_scenario_from(const std::vector<SourceFile>& files, const std::string& main) {
    Loader ld;
    ld.memory = &files;
    return load_with(ld, main);
}

std::vector<Problem> validate_file(const std::string& path) {
    try {
        Loader ld;
        Layers L;
        Value root;
        if (!ld.parse(path, root, L)) return ld.problems;
        if (has_section(root, "scenario")) return load_scenario(path).problems;
        fs::path dir = fs::path(path).parent_path();
        if (has_section(root, "cards") && root.as_table().size() == 1) {
            std::string base;
            for (const char* cand : {"../rules/standard.toml", "rules/standard.toml"}) {
                std::string c = rel(dir, cand);
                if (fs::exists(c)) {
                    base = c;
                    break;
                }
            }
            if (base.empty()) {
                ld.problem_in(path, 1, "cards", "cannot find rules/standard.toml to check the cards' references");
                return ld.problems;
            }
            Value bv;
            if (ld.parse(base, bv, L)) ld.add_layer(bv, base, L, false);
            add_card_file(ld, L, path);
        } else {
            ld.add_layer(root, path, L, false);
        }
        ld.set_file(path);
        ld.build(L, false, dir);
        return ld.problems;
    } catch (const std::exception& e) {
        return {{path, 0, "", std::string("cannot check: ") + e.what()}};
    }
}

std::string resolve_scenario_path(const std::string& name) {
    if (fs::exists(name) && fs::is_regular_file(name)) return name;
    for (const fs::path d : scenario_dirs()) {
        for (const auto& cand : {d / name, d / (name + ".toml")})
            if (fs::exists(cand) && fs::is_regular_file(cand)) return cand.string();
    }
    return name;
}

}  // namespace gb
