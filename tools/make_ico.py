#!/usr/bin/env python3
"""Packs the icon's PNG sizes into a Windows .ico (PNG-compressed entries,
which Windows reads since Vista).

usage: tools/make_ico.py OUT.ico PNG [PNG ...]
The committed packaging/windows/grand-bargain.ico is made with:
  tools/make_ico.py packaging/windows/grand-bargain.ico \
      packaging/icons/hicolor/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/apps/grand-bargain.png
"""
import struct
import sys


def png_size(data: bytes, path: str):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        sys.exit(f"make_ico: {path}: not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    if width > 256 or height > 256:
        sys.exit(f"make_ico: {path}: {width}x{height} is larger than an icon's 256x256")
    return width, height


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) > 1 and argv[1] in ("-h", "--help") else 2
    out, paths = argv[1], argv[2:]
    images = []
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        images.append((png_size(data, path), data))
    images.sort(key=lambda item: item[0][0])
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for (width, height), data in images:
        # A width or height of 256 is written as 0.
        entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    with open(out, "wb") as f:
        f.write(header + entries + blobs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
