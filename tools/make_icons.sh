#!/usr/bin/env bash
# Renders the hand-drawn icon (packaging/icons/grand-bargain.svg) to the PNG
# sizes of the hicolor theme, into packaging/icons/hicolor/NxN/apps/. The PNGs
# are committed; run this again after editing the SVG. Needs rsvg-convert
# (librsvg2-bin, installed by scripts/setup.sh --tests).
set -euo pipefail
cd "$(dirname "$0")/.."
svg=packaging/icons/grand-bargain.svg
for size in 16 22 24 32 48 64 128 256; do
  out=packaging/icons/hicolor/${size}x${size}/apps
  mkdir -p "$out"
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$out/grand-bargain.png"
done
echo "icons written to packaging/icons/hicolor/"
