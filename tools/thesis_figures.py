#!/usr/bin/env python3
"""Regenerates the figures of docs/thesis.md: `gb study` of each shipped scenario,
with heuristic and with random bots, the fragility rule on and off, as Markdown tables.

usage: tools/thesis_figures.py [--gb build/bin/gb] [--games 2000] [--seed 1] [--label TEXT] [--print]

It runs `gb study --json` twice per scenario and kind of bot and rewrites the
part of docs/thesis.md between the `<!-- figures:begin -->` and
`<!-- figures:end -->` lines. Then it runs the balance checks, 5,000 heuristic
games per scenario on two master seeds with the scenario's deck and with the
deck shuffled within its era, and rewrites the `<!-- balance:begin -->` block.
With --print it prints both instead. Run it whenever the rules, the cards or
the bots change.
"""
import argparse
import json
import subprocess
import sys
import time

SCENARIOS = ["after-911", "new-administration-2009", "the-cycle-1986-2001"]
BOTS = ["heuristic", "random"]
DOC = "docs/thesis.md"
BEGIN, END = "<!-- figures:begin -->", "<!-- figures:end -->"
BALANCE_BEGIN, BALANCE_END = "<!-- balance:begin -->", "<!-- balance:end -->"
BALANCE_GAMES, BALANCE_SEEDS = 5000, [1, 7]
TEAMS = ["us", "iran", "israel", "gulf"]


def study(gb, scenario, bots, games, seed, rules):
    cmd = [gb, "study", "--scenario", scenario, "--games", str(games), "--seed", str(seed), "--json"]
    if bots != "heuristic":
        cmd += ["--bots", bots]
    for r in rules:
        cmd += ["--rule", r]
    start = time.monotonic()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out), time.monotonic() - start


def est(e, key="value", places=3):
    if e.get(key) is None:
        return "n/a"
    return "%.*f [%.*f, %.*f]" % (places, e[key], places, e["low"], places, e["high"])


def pct(x):
    return "%.1f%%" % (100 * x)


def claim(c):
    return "%s — %s" % (est(c, "effect"), c["verdict"])


def rows(d):
    ch, cl = d["channels"], d["claims"]
    causes = sorted(ch["cutoff_causes"].items(), key=lambda kv: -kv[1])[:4]
    comp = lambda k, name: est(cl[k]["components"][name])
    orders = sorted(d["orders"].items(), key=lambda kv: -kv[1])[:5]
    return [
        ("framework reached (share of games)", est(d["framework_share"])),
        ("turn reached (mean; by turn)",
         "%s; %s" % (est(d["framework_turns"]["mean"], places=2),
                     " ".join("%s:%d" % kv for kv in d["framework_turns"]["counts"].items()))),
        ("war / breakout / rapprochement / last turn",
         " / ".join(pct(d["outcomes"][k]) for k in ["war", "breakout", "rapprochement", "last_turn"])),
        ("wins us / iran / israel / gulf", " / ".join(pct(d["wins"][t]) for t in ["us", "iran", "israel", "gulf"])),
    ] + ([("most common arc (share of games)", "%s (%s)" % (next(iter(d["arcs"]["counts"]), "none"),
                                                            pct(d["arcs"]["top_share"])))] if "arcs" in d else []) + [
        ("groups: framework games / others",
         "%d / %d" % (cl["a"]["groups"]["framework"], cl["a"]["groups"]["no_framework"])),
        ("**(a)** cut-off share of tactical episodes, no framework − framework", claim(cl["a"])),
        ("· (a) without a framework", comp("a", "no_framework")),
        ("· (a) with a framework", comp("a", "framework")),
        ("· (a) the same over every episode", comp("a", "all_episodes")),
        ("**(b)** turns open per game, framework − others", claim(cl["b"])),
        ("· (b) framework games", comp("b", "framework")),
        ("· (b) others", comp("b", "no_framework")),
        ("· (b) of which strategic, framework games", comp("b", "framework_strategic")),
        ("**(c)** bad-outcome index, framework − others", claim(cl["c"])),
    ] + [("· (c) " + k, comp("c", k)) for k in ["war", "breakout", "tension", "al_qaeda", "nuclear"]] + [
        ("episodes (per game)", "%d (%s)" % (ch["episodes"], est(ch["per_game"], places=2))),
        ("reached tactical cooperation", str(ch["tactical_episodes"])),
        ("ended: cut-off / framework / game end",
         " / ".join(str(ch["ended"][k]) for k in ["cutoff", "framework", "game_end"])),
        ("trust at opening", est(ch["trust_at_opening"], places=2)),
        ("trust after", est(ch["trust_after"], places=2)),
        ("length (turn ends survived)", est(ch["length"], places=2)),
        ("cut-offs leaving trust below its opening value", est(ch["cutoff_below_opening"])),
        ("spoilers met closed / secret / tactical / strategic",
         " / ".join(str(ch["spoilers_by_channel"][k]) for k in ["closed", "secret", "tactical", "strategic"])),
        ("strategic channels closed (by a spoiler)",
         "%d (%d)" % (ch["strategic_closed"]["total"], ch["strategic_closed"]["by_spoiler"])),
        ("cut-off causes (most frequent)", ", ".join("%s %d" % kv for kv in causes) or "none"),
        ("orders per game (most frequent)", ", ".join("%s %.2f" % kv for kv in orders)),
        ("offers per game made / accepted; frameworks proposed / accepted",
         "%.2f / %.2f; %.2f / %.2f" % (d["offers"]["made"], d["offers"]["accepted"], d["offers"]["frameworks_proposed"],
                                       d["offers"]["frameworks_accepted"])),
        ("tracker check (untracked changes)", str(d["checks"]["untracked"])),
    ]


def section(gb, scenario, bots, games, seed):
    on, t_on = study(gb, scenario, bots, games, seed, [])
    off, t_off = study(gb, scenario, bots, games, seed, ["fragility=off"])
    base = "build/bin/gb study --scenario %s --games %d --seed %d" % (scenario, games, seed)
    if bots != "heuristic":
        base += " --bots " + bots
    out = ["### %s, %s bots" % (scenario, bots), "",
           "```sh", base, base + " --rule fragility=off", "```", "",
           "| measure | fragility on | fragility off |", "|---|---|---|"]
    for (name, a), (_, b) in zip(rows(on), rows(off)):
        out.append("| %s | %s | %s |" % (name, a, b))
    out += ["", "(%d games each, two threads: %.1f s with the rule, %.1f s without.)" % (games, t_on, t_off), ""]
    return "\n".join(out)


def balance(gb, label):
    """The balance and variety targets, checked on every shipped scenario."""
    out = ["Generated by `tools/thesis_figures.py` from commit %s." % label, "",
           "| %d heuristic games | deck | seed | wins us / iran / israel / gulf | framework | war | most common arc |"
           % BALANCE_GAMES, "|---|---|---|---|---|---|---|"]
    worst = {"deck": [1.0, 0.0], "shuffled": [1.0, 0.0]}
    for sc in SCENARIOS:
        for deck in ["deck", "shuffled"]:
            for seed in BALANCE_SEEDS:
                d, _ = study(gb, sc, "heuristic", BALANCE_GAMES, seed, [] if deck == "deck" else ["deck_order=shuffled"])
                wins = [d["wins"][t] for t in TEAMS]
                worst[deck] = [min(worst[deck][0], *wins), max(worst[deck][1], *wins)]
                top = max(d["arcs"]["counts"].items(), key=lambda kv: kv[1])
                out.append("| `%s` | %s | %d | %s | %s | %s | %s (%s) |" % (
                    sc, "its own" if deck == "deck" else "shuffled", seed, " / ".join(pct(w) for w in wins),
                    pct(d["framework_share"]["value"]), pct(d["outcomes"]["war"]), top[0], pct(d["arcs"]["top_share"])))
    out += ["", "Win shares range over %s–%s with each scenario's own deck (target 20–30%%) and %s–%s with the "
            "deck shuffled within its era (target 17–33%%)." % (pct(worst["deck"][0]), pct(worst["deck"][1]),
                                                                  pct(worst["shuffled"][0]), pct(worst["shuffled"][1])),
            "", "```sh", "build/bin/gb study --scenario S --games %d --seed K          # K = %s"
            % (BALANCE_GAMES, ", ".join(map(str, BALANCE_SEEDS))),
            "build/bin/gb study --scenario S --games %d --seed K --rule deck_order=shuffled" % BALANCE_GAMES, "```"]
    return "\n".join(out)


def replace_block(text, begin, end, body):
    if begin not in text or end not in text:
        sys.exit("%s: no %s ... %s block" % (DOC, begin, end))
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return head + begin + "\n" + body + "\n" + end + tail


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gb", default="build/bin/gb")
    ap.add_argument("--games", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--label", help="what the figures were made from (default: git describe --dirty)")
    ap.add_argument("--print", action="store_true", help="print the figures instead of rewriting " + DOC)
    args = ap.parse_args()
    label = args.label or subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True,
                                         text=True).stdout.strip() or "?"
    body = "\n".join(["Generated by `tools/thesis_figures.py` from commit %s." % label, ""] +
                     [section(args.gb, s, b, args.games, args.seed) for b in BOTS for s in SCENARIOS])
    table = balance(args.gb, label)
    if args.print:
        print(body + "\n\n" + table)
        return
    text = open(DOC, encoding="utf-8").read()
    text = replace_block(text, BEGIN, END, body)
    text = replace_block(text, BALANCE_BEGIN, BALANCE_END, table)
    open(DOC, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
