#!/usr/bin/env bash
# BorderLens set-up for a fresh Debian 12 machine, in one command:
#   scripts/setup.sh run    install dependencies, build, start the viewer on the bundled data
#   scripts/setup.sh test   install dependencies, build, run the whole test suite; then build
#                           the sanitizer tree (build-asan: ASan, UBSan, LeakSanitizer, libFuzzer
#                           targets), run the suite there and each fuzzer for FUZZ_SECONDS
# Options: BUILD_DIR (default: build), JOBS (default: number of cores), FUZZ_SECONDS (default
# 60), SANITIZE=0 to stop after the normal suite.
set -euo pipefail

cd "$(dirname "$0")/.."
mode=${1:-}
case "$mode" in run | test | deps | build) ;; *)
    echo "usage: scripts/setup.sh run|test   (also: deps, build)" >&2
    exit 2
    ;;
esac

# Everything the build, the tests and the packaging checks need, from Debian 12's archive.
packages=(
    g++ cmake ninja-build ccache pkg-config file dpkg-dev
    qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools libzstd-dev
    # the chart panel: Qt Charts, whose CMake package needs Qt6OpenGL's (which Debian's
    # qt6-charts-dev does not pull in)
    qt6-charts-dev libqt6opengl6-dev
    libgdal-dev libproj-dev proj-data
    # video export (MP4 via libx264, which libavcodec59 brings; GIF): Debian's FFmpeg 5.1 libraries
    libavcodec-dev libavformat-dev libswscale-dev libavutil-dev
    libgtest-dev libbenchmark-dev
    # ffprobe and ffmpeg, as test tools only: the video tests probe and decode what was written
    ffmpeg
    xvfb xauth fonts-dejavu-core locales poppler-utils
    # the packaging tests (ctest -L packaging): CPack's .rpm and NSIS generators, unpacking, checks
    rpm cpio nsis lintian appstream desktop-file-utils
    # the sanitizer and fuzzing pass: Clang 14, its sanitizer and libFuzzer runtimes, and
    # llvm-symbolizer for readable reports
    clang-14 libclang-rt-14-dev llvm-14
    # the incident store on a desk's shared database: the password in the OS keyring, and a
    # PostgreSQL with PostGIS that the store tests start on loopback for themselves
    qtkeychain-qt6-dev postgresql-15 postgresql-15-postgis-3
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "error: need root (or sudo) to run: $*" >&2
        exit 1
    fi
}

install_deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
    # The tests run under a decimal-comma locale to catch locale-dependent parsing.
    if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
        echo "== generating the de_DE.UTF-8 locale (for the decimal-comma tests)"
        as_root sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
        as_root locale-gen >/dev/null
    fi
}

build() {
    local dir=${BUILD_DIR:-build}
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$dir" --parallel "${JOBS:-$(nproc)}"
}

install_deps
[ "$mode" = deps ] && exit 0
build
dir=${BUILD_DIR:-build}
case "$mode" in
run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        shot=${TMPDIR:-/tmp}/borderlens-screenshot.png
        echo "== no display: running the viewer under Xvfb and saving a screenshot to $shot"
        exec xvfb-run -a -s "-screen 0 1400x900x24" "$dir/app/borderlens" --screenshot "$shot"
    fi
    exec "$dir/app/borderlens"
    ;;
test)
    (cd "$dir" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --no-tests=error \
        -j "${JOBS:-$(nproc)}")
    [ "${SANITIZE:-1}" = 0 ] && exit 0
    # The same suite under ASan + UBSan + LeakSanitizer (the `asan` presets), but the packaging
    # tests: they build and unpack installers, which runs no code of ours the suite does not.
    export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
    stage() { echo "== $1 took $(($(date +%s) - $2)) s"; }
    t=$(date +%s)
    cmake --preset asan
    cmake --build build-asan --parallel "${JOBS:-$(nproc)}"
    stage "sanitizer build (configure + build)" "$t"
    t=$(date +%s)
    ctest --preset asan --parallel "${JOBS:-$(nproc)}"
    stage "sanitized suite" "$t"
    t=$(date +%s)
    bash scripts/run_fuzzers.sh build-asan
    stage "fuzzing (${FUZZ_SECONDS:-60} s per target, two at a time)" "$t"
    ;;
esac
