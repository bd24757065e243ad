#!/bin/sh
# A long viewer session (bench/soak_viewer.cpp: 1M incidents, pan, zoom, time slider in a loop,
# a PNG export every 25 rounds), its resident memory sampled every few seconds into a TSV.
# The program itself writes the heap it holds (mallinfo2) every 30 s to OUT-heap.tsv.
# On demand, not in CI. Usage: scripts/soak.sh [BUILD_DIR] [SECONDS] [OUT.tsv]
set -eu
build=${1:-build}
seconds=${2:-600}
out=${3:-soak-rss.tsv}
interval=${SOAK_INTERVAL:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv=${SOAK_CSV:-$work/incidents_1m.csv}
if [ ! -f "$csv" ]; then
    "$build/app/cli/borderlens-cli" synth --count 1000000 --seed 42 --format native --out "$csv" >/dev/null
fi
QT_QPA_PLATFORM=offscreen "$build/bench/borderlens_soak" "$csv" "$seconds" "$work" \
    >"${out%.tsv}-heap.tsv" &
pid=$!
start=$(date +%s)
printf 'seconds\trss_kib\n' >"$out"
# Sample until the program ends; VmRSS is what the process holds in memory right now.
while rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) && [ -n "$rss" ]; do
    printf '%s\t%s\n' "$(($(date +%s) - start))" "$rss" >>"$out"
    sleep "$interval"
done
wait "$pid"
