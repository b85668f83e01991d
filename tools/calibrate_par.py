#!/usr/bin/env python3
"""Tunes each team's par in a scenario file so that, with heuristic bots,
every team wins close to a quarter of simulated games (target 20-30%).

usage: tools/calibrate_par.py SCENARIO [--gb build/bin/gb] [--games N] [--seed S]

It runs `gb simulate --json` repeatedly: it starts every par at the team's
mean score, then moves one par at a time by one point while that brings the
win shares closer to 25% each, and rewrites the `par = N` lines under the
scenario's [teams.*] tables in place.
"""
import argparse
import json
import re
import subprocess
import sys


def run(gb, scenario, games, seed):
    out = subprocess.run([gb, "simulate", "--scenario", scenario, "--games", str(games), "--seed", str(seed), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def write_pars(path, pars):
    text = open(path, encoding="utf-8").read()
    for team, par in pars.items():
        pattern = re.compile(r"(\[teams\.%s\]\s*\npar\s*=\s*)(-?\d+)" % team)
        if not pattern.search(text):
            sys.exit("%s: no `par = N` line right under [teams.%s]" % (path, team))
        text = pattern.sub(lambda m: m.group(1) + str(par), text)
    open(path, "w", encoding="utf-8").write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("--gb", default="build/bin/gb")
    ap.add_argument("--games", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20011)
    ap.add_argument("--rounds", type=int, default=60)
    a = ap.parse_args()

    d = run(a.gb, a.scenario, a.games, a.seed)
    pars = {t: round(v["mean_score"]) for t, v in d["teams"].items()}

    def cost(p):
        write_pars(a.scenario, p)
        d = run(a.gb, a.scenario, a.games, a.seed)
        shares = {t: v["win_share"] for t, v in d["teams"].items()}
        return sum((s - 0.25) ** 2 for s in shares.values()), shares

    best, shares = cost(pars)
    for i in range(a.rounds):
        print("round %2d: %s" % (i, "  ".join("%s par %d win %.1f%%" % (t, pars[t], shares[t] * 100) for t in pars)),
              file=sys.stderr)
        if all(0.22 <= s <= 0.28 for s in shares.values()):
            break
        # Try moving one team's par by one either way; keep the best move.
        moves = []
        for t in pars:
            for step in (1, -1):
                p = dict(pars)
                p[t] += step
                c, sh = cost(p)
                moves.append((c, p, sh))
        c, p, sh = min(moves, key=lambda m: m[0])
        if c >= best:
            break
        best, pars, shares = c, p, sh
    write_pars(a.scenario, pars)
    print(json.dumps({"pars": pars, "win_share": shares}))
    return 0 if all(0.20 <= s <= 0.30 for s in shares.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
