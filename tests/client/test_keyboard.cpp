// Keyboard navigation on a real window under Xvfb: the White Cell runs its
// first step with the keyboard alone (F6 to a panel, arrows to a control,
// Space to press it), and the journal records what it did.
#include <catch2/catch.hpp>

#include "client_harness.hpp"
#include "journal.hpp"

using namespace gbi;
using namespace gbc;

TEST_CASE("The White Cell draws the inject with the keyboard alone", "[client][keyboard]") {
    need_display();
    auto dir = temp_dir("client-keyboard");
    std::string settings = seen_settings(dir);
    auto script = write_script(dir,
                               "wait-seated\n"
                               "wait-widget Start playing\n"
                               "key-until-focus Down 20 Start playing\n"
                               "key Space\n"
                               "wait-frames 10\n"
                               "key F6\n"
                               "wait-frames 3\n"
                               "key-until-focus Down 60 Draw the inject\n"
                               "save-widgets " + dir + "/focused.txt\n"
                               "key Space\n"
                               "wait-frames 30\n"
                               "quit\n");
    std::string out = dir + "/client.out";
    REQUIRE(run_client({"--host-local", "--seat", "control", "--bots", "none", "--port", "0", "--data",
                        dir + "/data", "--seed", "8", "--settings", settings, "--script", script},
                       out) == 0);
    // Only the control under keyboard focus was pressed.
    auto widgets = read_widgets(dir + "/focused.txt");
    REQUIRE(widgets.count("Draw the inject"));
    CHECK(widgets["Draw the inject"].focused);
    int focused = 0;
    for (const auto& [label, w] : widgets) focused += w.focused;
    CHECK(focused == 1);
    JournalRead jr = read_journal(journal_in(dir + "/data"));
    REQUIRE(jr.error.empty());
    int draws = 0;
    for (const auto& [seq, rec] : jr.records)
        if (const auto* ar = std::get_if<ActionRecord>(&rec))
            draws += std::holds_alternative<DrawInject>(ar->entry.action) && ar->entry.seat.role == SeatRole::control;
    CHECK(draws == 1);
}
