// Short notices that fade after a few seconds: phase changes, the report's
// release, answers to offers, broadcasts, errors. Drawn inside the board's
// area (its bottom-left corner), never over the panels' controls.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <chrono>
#include <deque>
#include <string>

#include "ui.hpp"

namespace gb::client {

// What a notice is about: its colour, and its sound when sounds are on.
enum class Notice { info, error, phase, report, offer, broadcast, warning };

struct Toast {
    std::string text;
    Notice kind = Notice::info;
    std::chrono::steady_clock::time_point at;
};

class Toasts {
public:
    void push(const std::string& text, Notice kind);
    void push(const std::string& text, bool error) { push(text, error ? Notice::error : Notice::info); }
    // Draws the live notices (at most four) in the bottom-left corner of `area` (the board).
    // Each is remembered in `ui` as "toast0", "toast1"... (for tests).
    void draw(sf::FloatRect area, Ui& ui);
    const std::deque<Toast>& items() const { return items_; }
    // Notices pushed since the last call (for sounds).
    std::deque<Notice> take_new();
    // When the next notice expires (the shell wakes up then to redraw).
    std::chrono::steady_clock::time_point next_expiry() const;

private:
    std::deque<Toast> items_;
    std::deque<Notice> fresh_;
};

}  // namespace gb::client
