# Shared helpers of the packaging tests (sourced). Each test gets the build and source folders:
#   bash packaging/tests/test_<kind>.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

build=$(cd "${1:?usage: $0 BUILD_DIR SOURCE_DIR}" && pwd)
src=$(cd "${2:?usage: $0 BUILD_DIR SOURCE_DIR}" && pwd)
test_name=$(basename "$0" .sh)
started=$SECONDS

say() { printf '== %s\n' "$*"; }
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

# Tools a test needs; without them it reports itself skipped (ctest SKIP_RETURN_CODE 77).
need() {
    local missing=()
    for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "SKIPPED: ${missing[*]} not installed (scripts/setup.sh installs the packaging tools)"
        exit 77
    fi
}

# A scratch folder of the test's own under the build tree, so that tests can run in parallel.
work=$build/packaging-test/${test_name#test_}
rm -rf "$work"
mkdir -p "$work"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data
export XDG_RUNTIME_DIR=$tmp/runtime
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset BORDERLENS_DATA_DIR

# run_cpack GENERATOR: builds that package into $work and prints its path.
run_cpack() {
    local log=$work/cpack-$1.log
    if ! cpack --config "$build/CPackConfig.cmake" -G "$1" -B "$work" >"$log" 2>&1; then
        cat "$log" >&2
        fail "cpack -G $1 failed"
    fi
    grep -E "package: .* generated" "$log" | sed 's/.*package: \(.*\) generated.*/\1/' | head -n 1
}

# check_cli ROOT: the CLI unpacked under ROOT runs and reads the bundled data it came with.
check_cli() {
    local root=$1 bin=$1/usr/bin/borderlens-cli out
    [ -x "$bin" ] || bin=$1/bin/borderlens-cli
    out=$("$bin" --version) || fail "borderlens-cli --version exited $?"
    echo "$out"
    case "$out" in "borderlens-cli "*) ;; *) fail "unexpected --version output: $out" ;; esac
    # `info` on bundled data: a read through GDAL from the unpacked paths.
    local geodata data
    geodata=$(dirname "$(dirname "$bin")")/share/borderlens/geodata
    [ -d "$geodata" ] || fail "no share/borderlens/geodata in the package"
    data=$(find "$geodata" -name '*.shp' | sort | head -n 1)
    [ -n "$data" ] || data=$(find "$geodata" \( -name '*.gpkg' -o -name '*.csv' \) | sort | head -n 1)
    [ -n "$data" ] || fail "no vector data in $geodata"
    "$bin" info "$data" >"$tmp/info.txt" || fail "borderlens-cli info $data exited $?"
    grep -q "features:" "$tmp/info.txt" || fail "borderlens-cli info printed no feature count"
    sed 's/^/   /' "$tmp/info.txt" | head -n 8

    # An export from the unpacked paths: a briefing map of the bundled data, drawn headless.
    local help
    help=$("$bin" --help)
    if grep -q "^ *export " <<<"$help"; then
        "$bin" export --out "$tmp/export.png" --size 800x600 >"$tmp/export.txt" 2>&1 ||
            fail "borderlens-cli export exited non-zero: $(cat "$tmp/export.txt")"
        [ "$(head -c 4 "$tmp/export.png" | od -An -c | tr -d ' ')" = "211PNG" ] ||
            fail "borderlens-cli export wrote no PNG"
        echo "ok: borderlens-cli export drew $(wc -c <"$tmp/export.png") bytes of PNG"
    else
        echo "NOTE: this borderlens-cli has no export command yet; info stands in for it"
    fi

    # Relocation, CLI side: `geocode` reads the bundled gazetteer, which must be the copy
    # unpacked with the program. Without it, the error must name the unpacked path.
    if grep -q geocode <<<"$help" && [ -f "$geodata/gazetteer.csv" ]; then
        "$bin" geocode Dushanbe >"$tmp/geocode.txt" 2>&1 ||
            fail "borderlens-cli geocode Dushanbe failed: $(cat "$tmp/geocode.txt")"
        mv "$geodata/gazetteer.csv" "$tmp/gazetteer.csv"
        local rc=0
        "$bin" geocode Dushanbe >"$tmp/geocode.txt" 2>&1 || rc=$?
        mv "$tmp/gazetteer.csv" "$geodata/gazetteer.csv"
        [ "$rc" -ne 0 ] && grep -qF "$geodata/gazetteer.csv" "$tmp/geocode.txt" ||
            fail "the unpacked CLI did not read the unpacked gazetteer: $(cat "$tmp/geocode.txt")"
        echo "ok: the unpacked CLI's geocode reads the unpacked gazetteer"
    fi
}

# check_viewer_draws_own_data VIEWER GEODATA: relocation. The unpacked viewer must draw the data
# unpacked with it (<exe>/../share/borderlens), not the source tree's copy that a development
# build falls back to. Take the bundled base layers out of GEODATA: if the picture changes, the
# viewer was drawing them from there.
check_viewer_draws_own_data() {
    local viewer=$1 geodata=$2 layers=() present=() l
    mapfile -t layers < <(grep -o '"[A-Za-z0-9_]*\.shp"' "$src/core/data/bundled_layers.cpp" | tr -d '"')
    for l in "${layers[@]}"; do [ -f "$geodata/$l" ] && present+=("${l%.shp}"); done
    if [ ${#present[@]} -eq 0 ]; then
        say "relocation: NOTE: the package has none of the bundled base layers (${layers[*]});" \
            "only the CLI's read of the unpacked data checks relocation"
        return 0
    fi
    say "relocation: the viewer draws the data unpacked with it (${present[*]})"
    timeout 120 "$viewer" --screenshot "$tmp/with.png" || fail "screenshot run exited $?"
    mkdir -p "$tmp/stash"
    for l in "${present[@]}"; do mv "$geodata/$l".* "$tmp/stash/"; done
    timeout 120 "$viewer" --screenshot "$tmp/without.png" || fail "screenshot run exited $?"
    mv "$tmp/stash/"* "$geodata/"
    # Two runs on the same data differ in up to ~2 % of the pixels (label placement); the base
    # layers cover a third of the window.
    local changed
    changed=$("${BORDERLENS_IMAGE_DIFF:?set by ctest}" "$tmp/with.png" "$tmp/without.png") ||
        fail "could not compare the screenshots"
    awk -v c="$changed" 'BEGIN { exit !(c >= 10) }' ||
        fail "taking the unpacked base layers away changed only $changed % of the picture:" \
            "the unpacked viewer draws another copy of the data"
    echo "ok: taking the unpacked base layers away changes $changed % of the picture"
}

finish() { say "$test_name passed in $((SECONDS - started)) s"; }
