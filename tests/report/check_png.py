#!/usr/bin/env python3
"""Checks a screenshot of a report: decodes the PNG (8-bit RGB or RGBA, not
interlaced, filter types 0-4) with zlib alone and asserts that the page is
not blank (many distinct colours) and that the score chart's team colours
appear (at least 3 of the 4 within +-12 per channel).

usage: check_png.py FILE [--min-colours N] [--min-team-colours K]"""

import argparse
import struct
import sys
import zlib

TEAMS = {"US": (0x2C, 0x5C, 0xB6), "Iran": (0x26, 0x84, 0x54), "Israel": (0x76, 0x54, 0xAA), "Gulf": (0xC4, 0x8E, 0x2C)}
TOLERANCE = 12
MIN_PIXELS = 20  # pixels of a colour for it to count as present


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, ihdr, idat = 8, None, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError(f"bad CRC in {kind!r} chunk")
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if ihdr is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = ihdr
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise ValueError(f"image data is {len(raw)} bytes, expected {height * (stride + 1)}")
    rows = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if ftype == 0:
            pass
        elif ftype == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif ftype == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        else:
            raise ValueError(f"row {y}: unknown filter type {ftype}")
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--min-colours", type=int, default=200)
    ap.add_argument("--min-team-colours", type=int, default=3)
    a = ap.parse_args()
    try:
        width, height, bpp, rows = read_png(a.file)
    except (OSError, ValueError, zlib.error, struct.error) as e:
        print(f"FAIL: {a.file}: {e}")
        return 1
    counts = {}
    for line in rows:
        mv = memoryview(line)
        for i in range(0, len(line), bpp):
            px = bytes(mv[i:i + 3])
            counts[px] = counts.get(px, 0) + 1
    problems = []
    if len(counts) < a.min_colours:
        problems.append(f"only {len(counts)} distinct colours (a blank or nearly blank page?)")
    top = max(counts.values())
    if top > 0.97 * width * height:
        problems.append(f"one colour covers {100.0 * top / (width * height):.1f}% of the page")
    found = []
    for name, (r, g, b) in TEAMS.items():
        n = sum(c for px, c in counts.items()
                if abs(px[0] - r) <= TOLERANCE and abs(px[1] - g) <= TOLERANCE and abs(px[2] - b) <= TOLERANCE)
        if n >= MIN_PIXELS:
            found.append(f"{name} ({n} px)")
    if len(found) < a.min_team_colours:
        problems.append(f"team colours found: {', '.join(found) or 'none'}; need {a.min_team_colours} of 4")
    if problems:
        for p in problems:
            print(f"FAIL: {a.file}: {p}")
        return 1
    print(f"ok: {a.file}: {width}x{height}, {len(counts)} colours, team colours {', '.join(found)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
