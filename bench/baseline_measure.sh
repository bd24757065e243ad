#!/bin/bash
# Baseline wall time and peak RSS of borderlens-cli (export, import, a refused file) and of QGIS
# (bench/qgis_render.py) on synthetic incident files; see docs/performance-baseline-notes.md.
#
#   bench/baseline_measure.sh            # runs everything, appends to $SYNTH_DIR/measure.tsv
#   BL=build/app/cli/borderlens-cli RUNS=5 bench/baseline_measure.sh
#
# Makes the data first if it is missing (with the synth command of $SYNTH, default $BL).
# Every line of measure.tsv: label, run, wall seconds, peak RSS KiB, exit status.
set -u
here=$(cd "$(dirname "$0")" && pwd)
BL=${BL:-/work/baseline/borderlens-cli}
SYNTH=${SYNTH:-$here/../build/app/cli/borderlens-cli}
D=${SYNTH_DIR:-/tmp/synth}
RUNS=${RUNS:-5}
BIG_RUNS=${BIG_RUNS:-3}        # for the 1M-row ACLED file
QGIS_RUNS=${QGIS_RUNS:-3}      # QGIS processes per file (first frame is once per process)
QGIS_REPEAT=${QGIS_REPEAT:-3}  # renders per frame kind inside each process
GEODATA=${GEODATA:-$here/../geodata}
WINDOW_FROM=2025-12-02
WINDOW_TO=2025-12-31
OUT=$D/measure.tsv
mkdir -p "$D"

make_data() { # name format count
    [ -s "$D/$1.csv" ] || "$SYNTH" synth --count "$3" --seed 42 --format "$2" --out "$D/$1.csv"
}
make_data native_1m native 1000000
make_data acled_100k acled 100000
make_data acled_1m acled 1000000
printf 'when,where,what\n2025-12-24,Shurobod,clash\n' >"$D/bad.csv"

measure() { # label runs command...
    local label=$1 runs=$2 i
    shift 2
    for i in $(seq "$runs"); do
        rm -f "$D/store.gpkg"
        /usr/bin/time -f "%e %M %x" -o "$D/time.out" "$@" >"$D/last.out" 2>"$D/last.err"
        read -r wall rss rc < <(tail -n 1 "$D/time.out")
        printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$i" "$wall" "$rss" "$rc" | tee -a "$OUT"
    done
}

qgis() { # label file
    local i
    for i in $(seq "$QGIS_RUNS"); do
        /usr/bin/time -f "%e %M %x" -o "$D/time.out" env QT_QPA_PLATFORM=offscreen \
            /usr/bin/python3 "$here/qgis_render.py" --incidents "$2" --geodata "$GEODATA" \
            --repeat "$QGIS_REPEAT" --window "$WINDOW_FROM/$WINDOW_TO" >"$D/last.out" 2>"$D/last.err"
        read -r wall rss rc < <(tail -n 1 "$D/time.out")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$i" "$wall" "$rss" "$rc" "$(grep '^qgis ' "$D/last.out")" |
            tee -a "$OUT"
    done
}

export_args=(--size 1920x1080 --out "$D/x.png")
measure bl_version "$RUNS" "$BL" --version
measure bl_export_bundled "$RUNS" "$BL" export "${export_args[@]}"
measure bl_export_badheader "$RUNS" "$BL" export --incidents "$D/bad.csv" "${export_args[@]}"
for f in native_1m acled_100k acled_1m; do
    runs=$RUNS
    [ "$f" = acled_1m ] && runs=$BIG_RUNS
    measure "bl_export_all_$f" "$runs" "$BL" export --incidents "$D/$f.csv" "${export_args[@]}"
    measure "bl_export_window30_$f" "$runs" "$BL" export --incidents "$D/$f.csv" \
        --from "$WINDOW_FROM" --to "$WINDOW_TO" "${export_args[@]}"
    measure "bl_import_$f" "$runs" "$BL" import "$D/$f.csv" --out "$D/store.gpkg"
done
qgis qgis_bundled_sample "$GEODATA/sample_incidents.csv"
for f in native_1m acled_100k acled_1m; do
    qgis "qgis_$f" "$D/$f.csv"
done
