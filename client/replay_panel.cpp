// Replays in the client: the timeline under the board (steps, play, whose
// eyes, the scrubber) and the debrief tab (turns, bookmarks, the instructor's
// annotations beside the journal, the after-action report, forks).
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "panels.hpp"
#include "report.hpp"

namespace gb::client {

void ReplayPanel::open(const Session& game) {
    const Replay* r = game.replay();
    if (!r || r->timeline->path() == opened_) return;
    opened_ = r->timeline->path();
    try {
        annotations_ = load_annotations(opened_);
    } catch (const std::exception&) {
        annotations_.clear();
    }
    journal_bookmarks_.clear();
    const Timeline& t = *r->timeline;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (const auto* b = std::get_if<Bookmark>(&t.entry(i).action))
            journal_bookmarks_.emplace_back(i + 1, b->label + (b->note.empty() ? "" : ": " + b->note));
}

void ReplayPanel::draw_timeline(Session& game, Ui& ui, sf::FloatRect area) {
    float s = ui.scale;
    ImGui::SetNextWindowPos(ImVec2(area.left, area.top));
    ImGui::SetNextWindowSize(ImVec2(area.width, area.height));
    ImGui::Begin("##timeline", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
    Replay& r = *game.replay();
    const Timeline& t = *r.timeline;
    std::size_t n = t.size(), p = r.point;
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
    if (ui.button("|<")) game.seek(0);
    ImGui::SameLine();
    if (ui.button("<< Turn")) game.seek(prev_mark(true));
    ImGui::SameLine();
    if (ui.button("< Phase")) game.seek(prev_mark(false));
    ImGui::SameLine();
    if (ui.button("< Action", p > 0)) game.seek(p - 1);
    ImGui::SameLine();
    if (ui.button(r.playing ? "Pause" : "Play")) {
        r.playing = !r.playing;
        r.accum = 0;
        if (r.playing && p == n) game.seek(0);
    }
    ImGui::SameLine();
    if (ui.button("Action >", p < n)) game.seek(p + 1);
    ImGui::SameLine();
    if (ui.button("Phase >")) game.seek(next_mark(false));
    ImGui::SameLine();
    if (ui.button("Turn >>")) game.seek(next_mark(true));
    ImGui::SameLine();
    if (ui.button(">|")) game.seek(n);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * s);
    ImGui::SliderFloat("##speed", &r.speed, 0.5f, 60.0f, "%.1f actions/s", ImGuiSliderFlags_Logarithmic);
    ImGui::SameLine();
    static const char* names[] = {"White Cell (all)", "Public", "United States", "Iran", "Israel", "Gulf States"};
    int cur = r.as.kind == Perspective::Kind::control       ? 0
              : r.as.kind == Perspective::Kind::public_view ? 1
                                                                  : 2 + idx(r.as.team);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##as", names[cur])) {
        for (int i = 0; i < 6; ++i) {
            if (ImGui::Selectable(names[i], i == cur)) {
                game.set_perspective(i == 0   ? Perspective{Perspective::Kind::control, Team::us}
                                     : i == 1 ? Perspective{Perspective::Kind::public_view, Team::us}
                                              : Perspective{Perspective::Kind::team, kAllTeams[i - 2]});
            }
            ui.remember_item(std::string("as ") + names[i]);
        }
        ImGui::EndCombo();
    }
    ui.remember_item("perspective");
    // The scrubber: every action of the game.
    int pos = static_cast<int>(p);
    ImGui::SetNextItemWidth(-1);
    const PhaseMark& m = t.mark_of(p);
    std::string label = "Turn " + std::to_string(m.turn) + ", " + std::string(name_of(m.phase)) + "  -  action " +
                        std::to_string(p) + " of " + std::to_string(n);
    if (ImGui::SliderInt("##point", &pos, 0, static_cast<int>(n), label.c_str())) game.seek(static_cast<std::size_t>(pos));
    ui.remember_item("scrubber");
    // Marks on the scrubber: a tick at each turn's start (with its number),
    // a gold flag at each bookmark and annotation.
    if (n > 0) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        float pad = ImGui::GetStyle().GrabMinSize / 2 + ImGui::GetStyle().FramePadding.x;
        auto x_of = [&](std::size_t point) { return a.x + pad + (b.x - a.x - 2 * pad) * float(point) / float(n); };
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImFont* font = ImGui::GetFont();
        float small = ImGui::GetFontSize() * 0.7f;
        for (const PhaseMark& m : marks)
            if (m.phase == Phase::inject) {
                float x = x_of(m.point);
                dl->AddLine(ImVec2(x, a.y), ImVec2(x, a.y + 5 * s), IM_COL32(235, 235, 235, 200), 1.5f);
                dl->AddText(font, small, ImVec2(x + 2, a.y - 1), IM_COL32(235, 235, 235, 170),
                            std::to_string(m.turn).c_str());
            }
        auto flag = [&](std::size_t point) {
            float x = x_of(point);
            dl->AddTriangleFilled(ImVec2(x - 4 * s, b.y), ImVec2(x + 4 * s, b.y), ImVec2(x, b.y - 7 * s),
                                  IM_COL32(230, 190, 100, 255));
        };
        for (const auto& [point, text] : journal_bookmarks_) flag(point);
        for (const Annotation& an : annotations_) flag(an.point);
    }
    ImGui::End();
}

void ReplayPanel::draw_debrief(Session& game, Ui& ui, Toasts& toasts) {
    Replay& r = *game.replay();
    const Timeline& t = *r.timeline;
    float s = ui.scale;
    ImGui::TextWrapped("Replaying %s", std::filesystem::path(t.path()).filename().string().c_str());
    ImGui::TextDisabled("Game \"%s\", %zu actions%s", t.header().name.c_str(), t.size(),
                        t.header().forked_from.empty() ? "" : ", itself a fork");
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "Jump to a turn");
    for (int turn = 1; turn <= t.final_state().turn; ++turn) {
        if (turn > 1) ImGui::SameLine();
        std::string l = std::to_string(turn) + "##turn";
        if (ui.button(l.c_str())) game.seek(t.point_of(turn).value_or(0));
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
    if (rows.empty()) hint("None yet. The White Cell's bookmarks and your annotations appear here.");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const PhaseMark& m = t.mark_of(rows[i].point);
        if (ui.button("Go")) game.seek(rows[i].point);
        ImGui::SameLine();
        ImGui::TextWrapped("T%d %s%s: %s", m.turn, std::string(name_of(m.phase)).c_str(),
                           rows[i].mine ? " (annotation)" : "", rows[i].text.c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::InputTextWithHint("Label##ann", "e.g. The 2003 offer", annotation_label_, sizeof annotation_label_);
    ui.remember_item("annotation-label");
    ImGui::InputTextWithHint("Note##ann", "what to ask the class here", annotation_note_, sizeof annotation_note_);
    ui.remember_item("annotation-note");
    if (ui.button("Annotate this point", annotation_label_[0] != 0, "Write a label first")) {
        annotations_.push_back({r.point, annotation_label_, annotation_note_});
        try {
            save_annotations(t.path(), annotations_);
            toasts.push("Annotation saved beside the journal (" + annotations_path(t.path()) + ").", false);
        } catch (const std::exception& e) {
            annotations_.pop_back();
            toasts.push(e.what(), true);
        }
        annotation_label_[0] = annotation_note_[0] = 0;
    }
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "After-action report");
    ImGui::Separator();
    ImGui::TextWrapped("The whole game through the eyes chosen under the board, as one web page beside the journal.");
    if (ui.button("Write the after-action report")) {
        // game-1.journal -> game-1-report-iran.html
        std::string out =
            std::filesystem::path(t.path()).replace_extension().string() + "-report-" + r.as.name() + ".html";
        std::ofstream f(out, std::ios::binary | std::ios::trunc);
        f << report::render_html(report::build_report(t, {r.as, false}, annotations_));
        f.close();
        if (f)
            toasts.push("Report written: " + out, false);
        else
            toasts.push("Cannot write " + out, true);
    }
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.90f, 0.74f, 0.38f, 1), "Fork: play on from here");
    ImGui::Separator();
    ImGui::TextWrapped(
        "A new live game starting from this point, with new join and control codes. The saved game is not changed.");
    ImGui::RadioButton("On this machine", &fork_where_, 0);
    ui.remember_item("fork-here");
    ImGui::SameLine();
    ImGui::RadioButton("On a server", &fork_where_, 1);
    ui.remember_item("fork-server");
    if (fork_where_ == 1) ImGui::InputText("Server##fork", fork_server_, sizeof fork_server_);
    ImGui::InputTextWithHint("Name##fork", "e.g. What if the 2003 offer were taken up", fork_name_, sizeof fork_name_);
    if (ui.button("Fork and take the White Cell")) {
        fork_result_ = game.fork_here(fork_where_ == 0, fork_server_, fork_name_);
        if (!fork_result_.empty()) toasts.push("Fork failed: " + fork_result_, true);
    }
}

}  // namespace gb::client
