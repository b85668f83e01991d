// One accepted action with the seat that made it: the unit of journals and
// of replays.
#pragma once

#include "action.hpp"

namespace gb {

struct JournalEntry {
    Seat seat;
    Action action;
};

}  // namespace gb
