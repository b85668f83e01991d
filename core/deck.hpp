// Dealing the deck (core/deck.cpp): the rules call it at the start of each
// turn and when a game is made. Not part of the public rules API.
#pragma once

#include "state.hpp"

namespace gb {

// A seasonal deck at the start of a turn: the deck keeps the cards of the
// previous, this and the next turn's periods, and one card whose premise holds
// goes on top (see deck.cpp). Other deck orders are left as they are.
void deal_season(GameState& g);

}  // namespace gb
