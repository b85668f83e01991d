#!/usr/bin/env python3
"""Checks that a report's Markdown and HTML renderings say the same things:
the turn headings, inject titles, deals, missed openings, result rows, White Cell notes,
bookmarks, final scores, shared outcome and the thesis section's sentences
and episodes are extracted from each and must be equal, in the same order.

usage: compare_md_html.py REPORT.html REPORT.md"""

import html
import re
import sys

import htmltree

RESULTS_HEADER = "| # | Team | Order | Roll | Outcome | Effects |"
FINAL_HEADER = "| Team | Score | Par | vs par | Result |"
THESIS_HEADING = "The thesis: this game against gb study"
EPISODES_HEADER = "| Episode | Opened | Trust at opening | Widest | How it ended | Trust after | Length |"


def from_html(path):
    root, _, problems = htmltree.read(path)
    if problems:
        raise SystemExit(f"{path}: not well-formed: {problems[0]}")
    keys = {k: [] for k in ("turns", "injects", "deals", "missed", "results", "white_cell", "bookmarks", "final", "outcome", "thesis")}
    norm = htmltree.norm
    for sec in root.find_all("section", cls="turn"):
        t = sec.attrs["id"]
        keys["turns"].append(norm(sec.find("h2").text()))
        for h in sec.find_all("h3", cls="inject-title"):
            keys["injects"].append((t, norm(h.text())))
        for li in sec.find_all("li", cls="deal"):
            keys["deals"].append((t, norm(li.text())))
        for li in sec.find_all("li", cls="missed"):
            keys["missed"].append((t, norm(li.text())))
        for tr in sec.find_all("tr", cls="result"):
            keys["results"].append((t, " | ".join(norm(td.text()) for td in tr.find_all("td"))))
        for ul, key in ((sec.find("ul", cls="white-cell"), "white_cell"), (sec.find("ul", cls="bookmarks"), "bookmarks")):
            if ul is None:
                continue
            for li in ul.find_all("li"):
                tag = li.find("span", cls="tag")
                rest = "".join(c if isinstance(c, str) else c.text() for c in li.children if c is not tag)
                keys[key].append((t, norm(tag.text()), norm(rest)))
    table = root.find("table", id="final-scores")
    for tr in table.find_all("tr", cls="team-score"):
        keys["final"].append(" | ".join(norm(td.text()) for td in tr.find_all("td")))
    out = root.find("section", id="outcome")
    for li in out.find("ul", cls="outcome").find_all("li"):
        keys["outcome"].append(norm(li.text()))
    thesis = root.find("section", id="thesis")
    if thesis is not None:
        for child in thesis.children:
            if isinstance(child, str) or child.tag == "h2":
                continue
            if child.tag == "table":
                for tr in child.find_all("tr"):
                    tds = tr.find_all("td")
                    if tds:
                        keys["thesis"].append(" | ".join(norm(td.text()) for td in tds))
            elif child.tag == "ul":
                for li in child.find_all("li"):
                    keys["thesis"].append(norm(li.text()))
            else:
                keys["thesis"].append(norm(child.text()))
    return keys


# Markdown's backslash escapes (the report escapes what players wrote).
MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def md_cells(line):
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [htmltree.norm(html.unescape(MD_ESCAPE.sub(r"\1", c))) for c in cells]


def md_text(s):
    return htmltree.norm(html.unescape(MD_ESCAPE.sub(r"\1", s)))


def from_md(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    keys = {k: [] for k in ("turns", "injects", "deals", "missed", "results", "white_cell", "bookmarks", "final", "outcome", "thesis")}
    turn = None
    section = None  # the current ### heading
    table = None
    for line in lines:
        if line.startswith("## "):
            section = None
            m = re.match(r"## Turn (\d+) ", line)
            if m:
                turn = f"turn-{m.group(1)}"
                keys["turns"].append(md_text(line[3:]))
            else:
                turn = None
                section = line[3:].strip()
            table = None
            continue
        if line.startswith("### "):
            section = line[4:].strip()
            if section.startswith("Inject: "):
                keys["injects"].append((turn, md_text(section[len("Inject: "):])))
            continue
        if line.strip() == RESULTS_HEADER and turn:
            table = "results"
            continue
        if line.strip() == FINAL_HEADER and section in ("Final scores", "Standing so far"):
            table = "final"
            continue
        if table and line.startswith("|"):
            if re.fullmatch(r"\|(-+:?\|)+", line.strip()):
                continue
            cells = md_cells(line)
            if table == "results":
                keys["results"].append((turn, " | ".join(cells)))
            else:
                keys["final"].append(" | ".join(cells))
            continue
        table = None
        if section == THESIS_HEADING and line.strip():
            if line.strip() == EPISODES_HEADER or re.fullmatch(r"\|(-+:?\|)+", line.strip()):
                continue
            if line.startswith("|"):
                keys["thesis"].append(" | ".join(md_cells(line)))
            else:
                keys["thesis"].append(md_text(line[2:] if line.startswith("- ") else line))
        if turn and section == "Deals" and line.startswith("- "):
            keys["deals"].append((turn, md_text(line[2:])))
        if turn and section == "Missed openings" and line.startswith("- "):
            keys["missed"].append((turn, md_text(line[2:].replace("*missed opening*", "missed opening"))))
        if turn and section in ("White Cell", "Bookmarks and annotations") and line.startswith("- *"):
            m = re.match(r"- \*(\w+)\* (.*)$", line)
            rest = m.group(2).replace("**", "")
            keys["white_cell" if section == "White Cell" else "bookmarks"].append((turn, m.group(1), md_text(rest)))
        if section == "Shared outcome" and line.startswith("- "):
            keys["outcome"].append(md_text(line[2:]))
    return keys


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    h, m = from_html(sys.argv[1]), from_md(sys.argv[2])
    bad = False
    for key in h:
        if h[key] != m[key]:
            bad = True
            print(f"FAIL: {key} differ between {sys.argv[1]} and {sys.argv[2]}")
            only_h = [x for x in h[key] if x not in m[key]]
            only_m = [x for x in m[key] if x not in h[key]]
            for x in only_h[:5]:
                print(f"  only in HTML: {x}")
            for x in only_m[:5]:
                print(f"  only in Markdown: {x}")
            if not only_h and not only_m:
                print(f"  same items, different order or count ({len(h[key])} vs {len(m[key])})")
    if not h["turns"] or not h["results"] or len(h["final"]) != 4:
        print("FAIL: too little extracted to compare (turns, results or final scores missing)")
        bad = True
    if bad:
        return 1
    counts = ", ".join(f"{len(v)} {k}" for k, v in h.items())
    print(f"ok: Markdown matches HTML ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
