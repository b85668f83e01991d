// Replays in the client: a saved game's journal on the same board and
// panels as live play, driven by a timeline; perspectives; the instructor's
// annotations beside the journal; the after-action report; and forks into
// new live games.
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "admin_token.hpp"
#include "app.hpp"
#include "fork.hpp"
#include "report.hpp"
#include "server.hpp"

namespace gb::client {

using Clock = std::chrono::steady_clock;

std::string App::open_replay(const std::string& journal, const std::string& as) {
    auto p = perspective_from(as);
    if (!p) return "unknown perspective '" + as + "' (control, public, us, iran, israel or gulf)";
    try {
        replay_ = std::make_unique<Timeline>(Timeline::open(journal));
        annotations_ = load_annotations(journal);
    } catch (const std::exception& e) {
        replay_.reset();
        return e.what();
    }
    replay_as_ = *p;
    journal_bookmarks_.clear();
    for (std::size_t i = 0; i < replay_->size(); ++i)
        if (const auto* b = std::get_if<Bookmark>(&replay_->entry(i).action))
            journal_bookmarks_.emplace_back(i + 1, b->label + (b->note.empty() ? "" : ": " + b->note));
    scenario_ = replay_->scenario();
    board_.set_map(map_, *scenario_);
    in_game_ = true;
    connected_ = true;
    replay_playing_ = false;
    region_log_.clear();
    track_log_.clear();
    offer_gives_.assign(scenario_->concessions.size(), false);
    offer_wants_.assign(scenario_->concessions.size(), false);
    seek(0);
    return {};
}

void App::seek(std::size_t point) {
    if (!replay_) return;
    replay_point_ = std::min(point, replay_->size());
    replay_view_ = replay_->view_at(replay_point_, replay_as_);
    board_dirty_ = true;
}

std::string App::fork_here(bool embedded, const std::string& endpoint) {
    std::string name = *fork_name_ ? fork_name_ : "";
    ForkResult r;
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    if (embedded) {
        if (auto err = start_local_server(); !err.empty()) return err;
        port = local_->port;
        r = fork_on_server(host, port, *replay_, replay_point_, name, local_->admin_token);
        if (!r.error.empty()) {
            local_.reset();
            return r.error;
        }
    } else {
        if (!net::parse_endpoint(endpoint, host, port)) return "bad address '" + endpoint + "' (HOST:PORT)";
        // A server on this machine: its admin token is in the default data directory.
        bool here = host == "127.0.0.1" || host == "localhost" || host == "::1";
        std::string token = here ? read_admin_token(admin_token_path(default_data_dir())).value_or("") : "";
        r = fork_on_server(host, port, *replay_, replay_point_, name, token);
        if (!r.error.empty()) return r.error;
    }
    // Take the White Cell's seat in the new game.
    replay_.reset();
    codes_ = r.codes;
    std::string err = join_game(host + ":" + std::to_string(port), r.codes.control, "control", "White Cell");
    if (!err.empty()) return err;
    toast("Forked: a new live game. Codes: US " + r.codes.team[0] + ", Iran " + r.codes.team[1] + ", Israel " +
              r.codes.team[2] + ", Gulf " + r.codes.team[3] + ", observers " + r.codes.observer + ", control " +
              r.codes.control + ".",
          false);
    return {};
}

void App::draw_timeline() {
    const auto& vp = board_.viewport();
    float s = ui_scale_;
    ImGui::SetNextWindowPos(ImVec2(0, vp.top + vp.height));
    ImGui::SetNextWindowSize(ImVec2(vp.width, timeline_h_));
    ImGui::Begin("##timeline", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
    const Timeline& t = *replay_;
    std::size_t n = t.size(), p = replay_point_;
    const auto& marks = t.phases();
    // Previous and next phase and turn starts.
    auto prev_mark = [&](bool turn) {
        std::size_t best = 0;
        int cur_turn = t.mark_of(p).turn;
        for (const PhaseMark& m : marks)
            if (m.point < p && (!turn || m.turn < cur_turn || (m.turn == cur_turn && m.phase == Phase::inject)))
                best = turn ? (m.turn < cur_turn ? t.point_of(m.turn).value_or(0) : m.point) : m.point;
        return best;
    };
    auto next_mark = [&](bool turn) {
        int cur_turn = t.mark_of(p).turn;
        for (const PhaseMark& m : marks)
            if (m.point > p && (!turn || m.turn > cur_turn)) return m.point;
        return n;
    };
    if (button("|<")) seek(0);
    ImGui::SameLine();
    if (button("<< Turn")) seek(prev_mark(true));
    ImGui::SameLine();
    if (button("< Phase")) seek(prev_mark(false));
    ImGui::SameLine();
    if (button("< Action", p > 0)) seek(p - 1);
    ImGui::SameLine();
    if (button(replay_playing_ ? "Pause" : "Play")) {
        replay_playing_ = !replay_playing_;
        replay_accum_ = 0;
        if (replay_playing_ && p == n) seek(0);
    }
    ImGui::SameLine();
    if (button("Action >", p < n)) seek(p + 1);
    ImGui::SameLine();
    if (button("Phase >")) seek(next_mark(false));
    ImGui::SameLine();
    if (button("Turn >>")) seek(next_mark(true));
    ImGui::SameLine();
    if (button(">|")) seek(n);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * s);
    ImGui::SliderFloat("##speed", &replay_speed_, 0.5f, 60.0f, "%.1f actions/s", ImGuiSliderFlags_Logarithmic);
    ImGui::SameLine();
    static const char* names[] = {"White Cell (all)", "Public", "United States", "Iran", "Israel", "Gulf States"};
    int cur = replay_as_.kind == Perspective::Kind::control       ? 0
              : replay_as_.kind == Perspective::Kind::public_view ? 1
                                                                  : 2 + idx(replay_as_.team);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##as", names[cur])) {
        for (int i = 0; i < 6; ++i) {
            if (ImGui::Selectable(names[i], i == cur)) {
                replay_as_ = i == 0   ? Perspective{Perspective::Kind::control, Team::us}
                             : i == 1 ? Perspective{Perspective::Kind::public_view, Team::us}
                                      : Perspective{Perspective::Kind::team, kAllTeams[i - 2]};
                seek(replay_point_);
            }
            remember_item(std::string("as ") + names[i]);
        }
        ImGui::EndCombo();
    }
    remember_item("perspective");
    // The scrubber: every action of the game.
    int pos = static_cast<int>(p);
    ImGui::SetNextItemWidth(-1);
    const PhaseMark& m = t.mark_of(p);
    std::string label = "Turn " + std::to_string(m.turn) + ", " + std::string(name_of(m.phase)) + "  -  action " +
                        std::to_string(p) + " of " + std::to_string(n);
    if (ImGui::SliderInt("##point", &pos, 0, static_cast<int>(n), label.c_str())) seek(static_cast<std::size_t>(pos));
    ImGui::End();
}

void App::draw_debrief() {
    const Timeline& t = *replay_;
    float s = ui_scale_;
    ImGui::TextWrapped("Replaying %s", std::filesystem::path(t.path()).filename().string().c_str());
    ImGui::TextDisabled("Game \"%s\", %zu actions%s", t.header().name.c_str(), t.size(),
                        t.header().forked_from.empty() ? "" : ", itself a fork");
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "Jump to a turn");
    for (int turn = 1; turn <= t.final_state().turn; ++turn) {
        if (turn > 1) ImGui::SameLine();
        std::string l = std::to_string(turn) + "##turn";
        if (button(l.c_str())) seek(t.point_of(turn).value_or(0));
    }
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "Bookmarks and annotations");
    ImGui::Separator();
    ImGui::BeginChild("##marks", ImVec2(0, 150 * s), true);
    struct Row {
        std::size_t point;
        std::string text;
        bool mine;
    };
    std::vector<Row> rows;
    for (auto& [pt, text] : journal_bookmarks_) rows.push_back({pt, text, false});
    for (const Annotation& a : annotations_)
        rows.push_back({a.point, a.label + (a.note.empty() ? "" : ": " + a.note), true});
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.point < b.point; });
    if (rows.empty()) ImGui::TextDisabled("None yet. The White Cell's bookmarks and your annotations appear here.");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const PhaseMark& m = t.mark_of(rows[i].point);
        if (button("Go")) seek(rows[i].point);
        ImGui::SameLine();
        ImGui::TextWrapped("T%d %s%s: %s", m.turn, std::string(name_of(m.phase)).c_str(),
                           rows[i].mine ? " (annotation)" : "", rows[i].text.c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::InputTextWithHint("Label##ann", "e.g. The 2003 offer", annotation_label_, sizeof annotation_label_);
    remember_item("annotation-label");
    ImGui::InputTextWithHint("Note##ann", "what to ask the class here", annotation_note_, sizeof annotation_note_);
    remember_item("annotation-note");
    if (button("Annotate this point", annotation_label_[0] != 0, "Write a label first")) {
        annotations_.push_back({replay_point_, annotation_label_, annotation_note_});
        try {
            save_annotations(t.path(), annotations_);
            toast("Annotation saved beside the journal (" + annotations_path(t.path()) + ").", false);
        } catch (const std::exception& e) {
            annotations_.pop_back();
            toast(e.what(), true);
        }
        annotation_label_[0] = annotation_note_[0] = 0;
    }
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "After-action report");
    ImGui::Separator();
    ImGui::TextWrapped("The whole game through the eyes chosen under the board, as one web page beside the journal.");
    if (button("Write the after-action report")) {
        // game-1.journal -> game-1-report-iran.html
        std::string out =
            std::filesystem::path(t.path()).replace_extension().string() + "-report-" + replay_as_.name() + ".html";
        std::ofstream f(out, std::ios::binary | std::ios::trunc);
        f << report::render_html(report::build_report(t, {replay_as_, false}, annotations_));
        f.close();
        if (f)
            toast("Report written: " + out, false);
        else
            toast("Cannot write " + out, true);
    }
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "Fork: play on from here");
    ImGui::Separator();
    ImGui::TextWrapped(
        "A new live game starting from this point, with new join and control codes. The saved game is not changed.");
    ImGui::RadioButton("On this machine", &fork_where_, 0);
    remember_item("fork-here");
    ImGui::SameLine();
    ImGui::RadioButton("On a server", &fork_where_, 1);
    remember_item("fork-server");
    if (fork_where_ == 1) ImGui::InputText("Server##fork", fork_server_, sizeof fork_server_);
    ImGui::InputTextWithHint("Name##fork", "e.g. What if the 2003 offer were taken up", fork_name_, sizeof fork_name_);
    if (button("Fork and take the White Cell")) {
        fork_result_ = fork_here(fork_where_ == 0, fork_server_);
        if (!fork_result_.empty()) toast("Fork failed: " + fork_result_, true);
    }
}

}  // namespace gb::client
