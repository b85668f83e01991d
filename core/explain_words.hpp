// Small wording helpers shared by the explain_*.cpp files (not a public API):
// names of teams, regions and armed groups, sentence case and signed numbers.
#pragma once

#include <string>

#include "state.hpp"

namespace gb::words {

std::string plain(std::string id);              // "mek_assurance" -> "mek assurance"
std::string cap(std::string s);                 // first letter upper case
std::string sentence(std::string s);            // capitalised, ending with a full stop
std::string signed_number(int v);               // "+2", "-1", "0"
std::string team(const GameState& g, int t);    // "Iran"; "the acting team" for none
std::string owner(const GameState& g, int t);   // "Iran's", "Gulf States'"
std::string region(const GameState& g, int r);  // "Iraq"; "the target region" for none
std::string marker(const GameState& g, int k);  // "Hezbollah"; "the target armed group" for none
// What a formula term reads, as a noun phrase ("your influence in Iraq"), "your"
// for ctx.self; `condition` is set for yes-or-no terms (a region controlled).
std::string term_subject(const GameState& g, const Term& t, const EffectContext& ctx, bool& condition);

// Whether a subject takes a plural verb ("the hawks in Washington rise").
bool plural_words(const std::string& subject);

}  // namespace gb::words
