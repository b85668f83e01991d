#!/usr/bin/env python3
"""Check that every event card quotes the seminar notes verbatim.

Reads scenarios/cards/*.toml and the notes file; prints each card whose
`source` is missing, is not a substring of the notes, or is not 8..40 words
long (split on whitespace), and each duplicate card id. Exits 1 on any problem.

Usage: tools/check_card_sources.py [--notes PATH] [--cards DIR]
"""
import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NOTES = ROOT.parent / "shared" / "source" / "000_6cdc489f2323fb4f.txt"
DEFAULT_CARDS = ROOT / "scenarios" / "cards"
MIN_WORDS, MAX_WORDS = 8, 40


def check(notes: str, card_files: list[Path]) -> list[str]:
    """Return one message per problem found in the card files."""
    problems = []
    seen: dict[str, Path] = {}
    for path in card_files:
        try:
            with path.open("rb") as f:
                data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            problems.append(f"{path.name}: invalid TOML: {e}")
            continue
        for i, card in enumerate(data.get("cards", [])):
            cid = card.get("id", f"<card #{i + 1}>")
            where = f"{path.name}: {cid}"
            if cid in seen:
                problems.append(f"{where}: duplicate id (also in {seen[cid].name})")
            seen[cid] = path
            source = card.get("source")
            if not isinstance(source, str):
                problems.append(f"{where}: no source")
                continue
            words = len(source.split())
            if not MIN_WORDS <= words <= MAX_WORDS:
                problems.append(f"{where}: source has {words} words (need {MIN_WORDS}..{MAX_WORDS})")
            if source not in notes:
                problems.append(f"{where}: source is not verbatim in the notes: {source!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=DEFAULT_NOTES)
    parser.add_argument("--cards", type=Path, default=DEFAULT_CARDS)
    args = parser.parse_args()

    notes = args.notes.read_text(encoding="utf-8")
    card_files = sorted(args.cards.glob("*.toml"))
    if not card_files:
        print(f"no card files in {args.cards}")
        return 1
    problems = check(notes, card_files)
    for p in problems:
        print(p)
    count = 0
    for path in card_files:
        try:
            with path.open("rb") as f:
                count += len(tomllib.load(f).get("cards", []))
        except tomllib.TOMLDecodeError:
            pass
    status = "FAIL" if problems else "OK"
    print(f"{status}: {count} cards in {len(card_files)} files, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
