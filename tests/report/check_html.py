#!/usr/bin/env python3
"""Checks a `gb report` HTML file: well-formed, self-contained, and holding the
expected parts.

usage: check_html.py FILE [--turns N] [--compare GAMES] [--sim]
                          [--results-in-turn T] [--no-results-in-turn T]
  --turns N               a single-game report of N played turns
  --compare GAMES         a comparison of GAMES games
  --sim                   the comparison has simulated bands
  --results-in-turn T     turn T's section shows adjudicated results
  --no-results-in-turn T  turn T's section shows none
Exits 1 listing every problem found."""

import argparse
import re
import sys

import htmltree

TRACKS = ["trust", "tension", "nuclear", "sanctions", "us_hawks", "iran_hardliners", "al_qaeda"]
TEAM_COLOURS = ["#2c5cb6", "#268454", "#7654aa", "#c48e2c"]
URL_ATTRS = {"src", "href", "xlink:href", "action", "formaction", "data", "poster", "srcset", "background", "cite"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--turns", type=int)
    ap.add_argument("--compare", type=int)
    ap.add_argument("--sim", action="store_true")
    ap.add_argument("--results-in-turn", type=int, action="append", default=[])
    ap.add_argument("--no-results-in-turn", type=int, action="append", default=[])
    a = ap.parse_args()

    root, doctype, problems = htmltree.read(a.file)
    with open(a.file, encoding="utf-8") as f:
        raw = f.read()

    # ---- document basics
    if not raw.startswith("<!DOCTYPE html>"):
        problems.append("does not start with <!DOCTYPE html>")
    if (doctype or "").lower() != "doctype html":
        problems.append(f"doctype is {doctype!r}")
    metas = root.find_all("meta")
    if not any(m.attrs.get("charset", "").lower() == "utf-8" for m in metas):
        problems.append('no <meta charset="utf-8">')
    title = root.find("title")
    if title is None or not htmltree.norm(title.text()):
        problems.append("no <title> or an empty one")
    if root.find("html") is None or root.find("body") is None:
        problems.append("no <html> or <body>")

    # ---- nothing from outside
    for n in root.iter():
        if n.tag in ("script", "iframe", "object", "embed", "link", "img", "video", "audio", "base"):
            problems.append(f"<{n.tag}> element present")
        for k, v in n.attrs.items():
            if k in URL_ATTRS and v is not None and not v.startswith("#"):
                problems.append(f"<{n.tag} {k}={v!r}> points outside the page")
            if k.startswith("on"):
                problems.append(f"<{n.tag}> has an event handler {k}")
            if k == "style" and v and "url(" in v:
                problems.append(f"<{n.tag}> style loads a url(): {v!r}")
    for m in re.finditer(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)", raw):
        problems.append(f"external reference at offset {m.start()}: {raw[m.start():m.start() + 40]!r}")

    # ---- content
    if a.turns is not None:
        check_single(root, a.turns, problems)
    if a.compare is not None:
        check_compare(root, a.compare, a.sim, problems)
    for t in a.results_in_turn:
        sec = root.find("section", id=f"turn-{t}")
        if sec is None or not sec.find_all("tr", cls="result"):
            problems.append(f"turn {t} shows no results")
    for t in a.no_results_in_turn:
        sec = root.find("section", id=f"turn-{t}")
        if sec is not None and (sec.find_all("tr", cls="result") or sec.find_all("li", cls="deal")):
            problems.append(f"turn {t} shows results it should not")

    if problems:
        for p in problems:
            print(f"{a.file}: {p}")
        return 1
    print(f"{a.file}: ok")
    return 0


def panel_lines(svg, key):
    """The data lines of one small multiple (series polylines)."""
    panel = svg.find("g", id=f"{svg.attrs.get('id')}-{key}")
    if panel is None:
        return None
    return [n for n in panel.iter() if n.tag in ("polyline", "path") and "series" in n.classes()]


def check_single(root, turns, problems):
    svg = root.find("svg", id="chart-tracks")
    if svg is None or "chart" not in svg.classes():
        problems.append('no <svg class="chart" id="chart-tracks">')
    else:
        for key in TRACKS:
            lines = panel_lines(svg, key)
            if not lines:
                problems.append(f"track chart has no line for {key}")
            elif len(lines[0].attrs.get("points", "").split()) < 2:
                problems.append(f"track chart line for {key} has fewer than two points")
        if len(svg.find_all("text")) < 7 * 5:
            problems.append("track chart has too few axis labels")
    svg = root.find("svg", id="chart-scores")
    if svg is None:
        problems.append('no <svg id="chart-scores">')
    else:
        strokes = {p.attrs.get("stroke", "").lower() for p in svg.find_all("polyline")}
        for c in TEAM_COLOURS:
            if c not in strokes:
                problems.append(f"score chart has no line in team colour {c}")
        par = [l for l in svg.find_all("line") if "par" in l.classes()]
        if {l.attrs.get("stroke", "").lower() for l in par} != set(TEAM_COLOURS) or len(par) != len(TEAM_COLOURS):
            problems.append("score chart has not one dashed par line per team, in its colour")
        for l in par:
            if not l.attrs.get("stroke-dasharray") or l.attrs.get("y1") != l.attrs.get("y2"):
                problems.append("a par line is not a dashed horizontal line")
            t = l.find("title")
            if t is None or "par" not in t.text():
                problems.append("a par line has no title naming the par")
    sections = [s for s in root.find_all("section") if "turn" in s.classes()]
    if len(sections) != turns:
        problems.append(f"{len(sections)} turn sections, expected {turns}")
    for i, s in enumerate(sections, 1):
        if s.attrs.get("id") != f"turn-{i}":
            problems.append(f"turn section {i} has id {s.attrs.get('id')!r}")
        h2 = s.find("h2")
        if h2 is None or not htmltree.norm(h2.text()).startswith(f"Turn {i} "):
            problems.append(f"turn section {i} has no 'Turn {i}' heading")
    table = root.find("table", id="final-scores")
    if table is None:
        problems.append('no <table id="final-scores">')
    elif len(table.find_all("tr", cls="team-score")) != 4:
        problems.append("final scores table does not have a row per team")


def check_compare(root, games, sim, problems):
    svg = root.find("svg", id="chart-compare-tracks")
    if svg is None:
        problems.append('no <svg id="chart-compare-tracks">')
    else:
        for key in TRACKS:
            lines = panel_lines(svg, key)
            if lines is None:
                problems.append(f"comparison chart has no panel for {key}")
                continue
            for g in range(1, games + 1):
                if not any(f"game-{g}" in l.classes() for l in lines):
                    problems.append(f"comparison chart has no line of game {g} for {key}")
            panel = svg.find("g", id=f"chart-compare-tracks-{key}")
            for cls in ("band-outer", "band-inner", "band-median"):
                has = any(cls in n.classes() for n in panel.iter())
                if sim and not has:
                    problems.append(f"comparison chart has no {cls} for {key}")
                if not sim and has:
                    problems.append(f"comparison chart has a {cls} without a simulation")
    legend = [li for li in root.find_all("li", cls="game")]
    if len(legend) != games:
        problems.append(f"legend names {len(legend)} games, expected {games}")
    table = root.find("table", id="outcomes")
    if table is None:
        problems.append('no <table id="outcomes">')
    elif len(table.find_all("th", cls="game")) != games:
        problems.append("outcomes table does not have a column per game")
    if sim and root.find("section", id="simulation") is None:
        problems.append('no <section id="simulation">')


if __name__ == "__main__":
    sys.exit(main())
