#!/usr/bin/env bash
# Runs each libFuzzer target of a BORDERLENS_FUZZ build for FUZZ_SECONDS (default 60), two at a
# time, each over a temporary copy of its seed corpus (tests/fuzz/corpus/<target>/), so new
# inputs never land in the repository. Fails if any target crashes, leaks, times out on an input
# or reports a sanitizer error; the reproducer is kept in the printed artifact folder.
#   scripts/run_fuzzers.sh [BUILD_DIR]     (default: build-asan)
# Options: FUZZ_SECONDS, FUZZ_JOBS (default 2), FUZZ_KEEP (a folder to keep corpora and logs in).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-asan}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}
targets=(fuzz_incident_csv fuzz_incident_geojson fuzz_incident_gpkg fuzz_date_parser
    fuzz_name_normalizer fuzz_coordinate_parser fuzz_project_file)

work=${FUZZ_KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/borderlens-fuzz.XXXXXX")}
mkdir -p "$work"
[ -n "${FUZZ_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
# Leaks count as crashes; UBSan findings abort (the build uses -fno-sanitize-recover).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0}

run_one() {
    local t=$1 bin="$dir/tests/fuzz/$1"
    [ -x "$bin" ] || { echo "== $t: $bin is missing (configure with BORDERLENS_FUZZ=ON)"; return 1; }
    mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
    cp tests/fuzz/corpus/"$t"/* "$work/$t/corpus/"
    # -rss_limit_mb and -malloc_limit_mb make an unbounded allocation a finding; -timeout makes
    # a hang one. The seeds are read first, then new inputs go into the temporary copy.
    if "$bin" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
        -print_final_stats=1 -artifact_prefix="$work/$t/artifacts/" "$work/$t/corpus" \
        >"$work/$t/log" 2>&1; then
        echo "== $t: ok, $(grep -E '^stat::number_of_executed_units' "$work/$t/log" | awk '{print $2}') runs," \
            "$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$work/$t/log" | tail -1)," \
            "corpus $(ls "$work/$t/corpus" | wc -l) files"
    else
        echo "== $t: FAILED; the end of its log ($work/$t/log):"
        tail -n 60 "$work/$t/log"
        echo "== $t: reproducer(s): $(ls "$work/$t/artifacts")"
        return 1
    fi
}

failed=0
pids=()
for t in "${targets[@]}"; do
    run_one "$t" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}" || failed=1
        pids=("${pids[@]:1}")
    fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
[ "$failed" -eq 0 ] || { [ -n "${FUZZ_KEEP:-}" ] || trap - EXIT; echo "== fuzzing found problems; files kept in $work" >&2; exit 1; }
