#include "timeline.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "journal_replay.hpp"
#include "rules.hpp"
#include "serialize.hpp"
#include "view.hpp"

namespace gb {

Seat Perspective::seat() const {
    switch (kind) {
        case Kind::control: return Seat::control();
        case Kind::public_view: return Seat::observer();
        case Kind::team: return Seat::of_team(team);
    }
    return Seat::observer();
}

std::string Perspective::name() const {
    switch (kind) {
        case Kind::control: return "control";
        case Kind::public_view: return "public";
        case Kind::team: return std::string(name_of(team));
    }
    return "public";
}

std::optional<Perspective> perspective_from(const std::string& s) {
    if (s == "control" || s == "white-cell") return Perspective{Perspective::Kind::control, Team::us};
    if (s == "public" || s == "observer") return Perspective{Perspective::Kind::public_view, Team::us};
    if (auto t = team_from(s)) return Perspective{Perspective::Kind::team, *t};
    return std::nullopt;
}

Timeline Timeline::open(const std::string& journal_path, std::size_t snapshot_every) {
    Timeline t;
    t.path_ = journal_path;
    t.every_ = std::max<std::size_t>(1, snapshot_every);
    JournalRead jr = read_journal(journal_path);
    if (!jr.error.empty())  // read_journal's messages name the file already
        throw std::runtime_error(jr.error.rfind(journal_path, 0) == 0 ? jr.error : journal_path + ": " + jr.error);
    t.header_ = jr.header;
    t.torn_ = jr.torn;
    JournalScenario js = scenario_for(jr.header);
    if (!js.scenario) throw std::runtime_error(journal_path + ": " + js.error);
    t.scenario_ = std::move(js.scenario);
    t.scenario_files_ = std::move(js.files);
    GameState g = new_game(t.scenario_, jr.header.seed);
    t.snapshots_.push_back(g);
    t.phases_.push_back({0, g.turn, g.phase});
    for (const auto& [seq, record] : jr.records) {
        const auto* a = std::get_if<ActionRecord>(&record);
        if (!a) continue;
        Acted done = act(g, a->entry.seat, a->entry.action);
        if (!done.ok())
            throw std::runtime_error(journal_path + ": record " + std::to_string(seq) + " (" +
                                     action_name(a->entry.action) + ") is refused by the rules: " +
                                     done.verdict.message);
        t.entries_.push_back(a->entry);
        t.seqs_.push_back(seq);
        t.hashes_.push_back(a->state_hash);
        std::size_t point = t.entries_.size();
        if (g.turn != t.phases_.back().turn || g.phase != t.phases_.back().phase)
            t.phases_.push_back({point, g.turn, g.phase});
        if (point % t.every_ == 0) {
            // Snapshots are checked against the journal as they are taken; a
            // full check of every hash is `gb replay --verify`.
            if (state_hash(g) != a->state_hash)
                throw std::runtime_error(journal_path + ": record " + std::to_string(seq) +
                                         ": state hash differs from the one recorded");
            t.snapshots_.push_back(g);
        }
    }
    if (!t.entries_.empty() && state_hash(g) != t.hashes_.back())
        throw std::runtime_error(journal_path + ": the last record's state hash differs from the one recorded");
    t.final_ = std::move(g);
    return t;
}

GameState Timeline::state_at(std::size_t point) const {
    point = std::min(point, entries_.size());
    if (point == entries_.size()) return final_;
    std::size_t k = std::min(point / every_, snapshots_.size() - 1);
    GameState g = snapshots_[k];
    for (std::size_t i = k * every_; i < point; ++i) apply(g, entries_[i].seat, entries_[i].action);
    return g;
}

GameState Timeline::view_at(std::size_t point, const Perspective& p) const {
    GameState g = state_at(point);
    if (p.kind == Perspective::Kind::control) return g;
    return view(g, p.seat());
}

std::optional<std::size_t> Timeline::point_of(int turn, std::optional<Phase> phase) const {
    for (const PhaseMark& m : phases_)
        if (m.turn == turn && (!phase || m.phase == *phase)) return m.point;
    return std::nullopt;
}

const PhaseMark& Timeline::mark_of(std::size_t point) const {
    auto it = std::upper_bound(phases_.begin(), phases_.end(), point,
                               [](std::size_t p, const PhaseMark& m) { return p < m.point; });
    return *(it == phases_.begin() ? it : std::prev(it));
}

bool parse_turn_phase(const std::string& s, int& turn, std::optional<Phase>& phase) {
    auto dot = s.find('.');
    std::string t = s.substr(0, dot);
    if (t.empty() || t.size() > 4 || t.find_first_not_of("0123456789") != std::string::npos) return false;
    turn = std::stoi(t);
    phase.reset();
    if (dot == std::string::npos) return turn >= 1;
    std::string p = s.substr(dot + 1);
    for (Phase ph :
         {Phase::inject, Phase::negotiation, Phase::orders, Phase::adjudication, Phase::end_of_turn, Phase::ended})
        if (name_of(ph) == p) phase = ph;
    return turn >= 1 && phase.has_value();
}

// ------------------------------------------------------------ annotations

std::string annotations_path(const std::string& journal_path) {
    return journal_path + ".annotations";
}

namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out;
}

std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char n = s[++i];
            out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

std::vector<Annotation> load_annotations(const std::string& journal_path) {
    std::string path = annotations_path(journal_path);
    std::vector<Annotation> out;
    std::ifstream f(path);
    if (!f) return out;
    std::string line;
    int lineno = 0;
    while (std::getline(f, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#') continue;
        auto t1 = line.find('\t');
        auto t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
        std::string num = line.substr(0, t1);
        if (t2 == std::string::npos || num.empty() || num.find_first_not_of("0123456789") != std::string::npos ||
            num.size() > 9)
            throw std::runtime_error(path + ":" + std::to_string(lineno) +
                                     ": expected POINT<tab>LABEL<tab>NOTE with a whole-number point");
        out.push_back({static_cast<std::size_t>(std::stoul(num)), unescape(line.substr(t1 + 1, t2 - t1 - 1)),
                       unescape(line.substr(t2 + 1))});
    }
    return out;
}

void save_annotations(const std::string& journal_path, const std::vector<Annotation>& list) {
    std::string path = annotations_path(journal_path);
    std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::trunc);
        if (!f) throw std::runtime_error(tmp + ": cannot write");
        f << "# Grand Bargain replay annotations for " << std::filesystem::path(journal_path).filename().string()
          << ": point<tab>label<tab>note\n";
        for (const Annotation& a : list) f << a.point << '\t' << escape(a.label) << '\t' << escape(a.note) << '\n';
        f.flush();
        if (!f) throw std::runtime_error(tmp + ": write failed");
    }
    std::filesystem::rename(tmp, path);
}

}  // namespace gb
