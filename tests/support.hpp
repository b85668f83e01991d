// Shared helpers for the core tests: the standard scenario, games moved to a
// given phase, orders by name, and temporary files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rules.hpp"
#include "scenario_loader.hpp"
#include "state.hpp"

namespace gbt {

using namespace gb;

std::string source_dir();
std::shared_ptr<const Scenario> after911();
std::shared_ptr<const Scenario> scenario2009();
std::shared_ptr<const Scenario> cycle();
// The version-1 after-911, frozen in scenarios/archive/v1: a historical deck
// of eight cards, deal-unconditionally (a US choice) first.
std::shared_ptr<const Scenario> after911_v1();

// Applies an action that must be valid; fails the test with the reason otherwise.
std::vector<Event> must(GameState& g, const Seat& seat, const Action& a);
// The reason an action is refused (fails the test if it is accepted).
std::string refused(const GameState& g, const Seat& seat, const Action& a);

// A new after-911 game whose first inject is a written card without effects.
GameState fresh(std::uint64_t seed = 1);
// The same on the version-1 after-911 (scenarios/archive/v1): for the tests of
// version-1 rules, which games recorded with them still replay by.
GameState fresh_v1(std::uint64_t seed = 1);
// Draws the inject (first option for a choice) and moves to negotiation / orders.
void to_negotiation(GameState& g);
void to_orders(GameState& g);

int action_id(const GameState& g, const std::string& id);
int region_id(const GameState& g, const std::string& id);
int marker_id(const GameState& g, const std::string& id);
int term_id(const GameState& g, const std::string& id);
int concession_id(const GameState& g, const std::string& id);
int card_id(const GameState& g, const std::string& id);
Order order(const GameState& g, const std::string& action, const std::string& region = "",
            const std::string& marker = "");

// Commits the given orders for `team` and empty orders for every other team
// still uncommitted, which runs adjudication. Returns the draft report.
const Report& commit_only(GameState& g, Team team, const std::vector<Order>& orders);
// Commits each team's orders (missing teams pass).
const Report& commit(GameState& g, const std::vector<std::pair<Team, std::vector<Order>>>& orders);
// Results of one team's orders with a given action in the latest report.
std::vector<const Result*> results_for(const GameState& g, Team team, const std::string& action);

// Sets a track directly (test set-up only).
void set(GameState& g, Track t, int v);

std::string write_temp(const std::string& name, const std::string& content);
std::string read_file(const std::string& path);

}  // namespace gbt
