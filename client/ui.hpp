// What every panel shares: the UI scale, the widgets drawn this frame (by
// label, for the scripted clicks of tests), buttons that say why they are
// disabled, and the small text helpers of the panels' look.
#pragma once

#include <imgui.h>

#include <SFML/Graphics/Rect.hpp>
#include <map>
#include <string>

namespace gb::client {

class Ui {
public:
    float scale = 1;  // the UI scale: fonts and sizes are multiplied by it
    // The widget a scripted click waits for: scrolled into view when drawn.
    std::string script_target;

    // Called at the start of each frame: last frame's widgets are forgotten.
    void begin_frame() {
        widgets_.clear();
        notes_.clear();
    }
    // Remembers the last item's rectangle under `label`, for scripted clicks,
    // and whether its text is cut off (wider than the item, or past the
    // visible edge of its window).
    void remember_item(const std::string& label);
    // Remembers the current window's whole rectangle under `label`.
    void remember_window(const std::string& label);
    // A button, disabled with a tooltip saying why when `enabled` is false.
    bool button(const char* label, bool enabled = true, const char* why_not = nullptr);
    bool tab(const std::string& label);
    struct Widget {
        sf::FloatRect rect;
        bool clipped = false, enabled = true;
        bool focused = false;  // keyboard navigation is on it
    };
    const std::map<std::string, Widget>& widgets() const { return widgets_; }
    // What a panel shows this frame, for tests' save-view ("key" has no spaces):
    // the target an order would take, a draft's warnings.
    void note(const std::string& key, const std::string& value) { notes_[key] = value; }
    const std::map<std::string, std::string>& notes() const { return notes_; }
    // Notes the current window's visible area (clipped by its parents) as "x y w h".
    void note_visible_area(const std::string& key);

private:
    std::map<std::string, Widget> widgets_;
    std::map<std::string, std::string> notes_;
};

inline const ImVec4 kAccent(0.90f, 0.74f, 0.38f, 1);
inline const ImVec4 kWarn(1.0f, 0.55f, 0.45f, 1);
inline const ImVec4 kGood(0.5f, 0.85f, 0.5f, 1);

// A heading with a rule under it.
void section(const char* title);
// Wrapped text in the muted colour.
void hint(const char* text);
// A team's colour, lightened to read as text on the dark panels.
ImVec4 team_text_colour(int team);
std::string upper_first(std::string s);
// 125 -> "2:05".
std::string clock_text(int seconds);

}  // namespace gb::client
