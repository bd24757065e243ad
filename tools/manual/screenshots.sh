#!/bin/bash
# Remakes the screenshots of the user guide (docs/manual/images/) from the real viewer and CLI,
# under Xvfb. Needs a build (build/app/borderlens, build/app/cli/borderlens-cli) and the Debian
# packages xvfb, xdotool, imagemagick and pngquant. Look at every image it makes: the crops and the
# click below assume the window's default layout (1815 × 800).
#   bash tools/manual/screenshots.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
viewer=$build/app/borderlens
cli=$build/app/cli/borderlens-cli
out=$root/docs/manual/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in xvfb-run Xvfb xdotool import convert pngquant; do
    command -v $tool > /dev/null || { echo "missing: $tool" >&2; exit 1; }
done
export SOURCE_DATE_EPOCH=1767225600 # "Created 2026-01-01" on the exported page

shot() { # shot OUT [viewer args...]: the viewer's own --screenshot
    local file=$1; shift
    xvfb-run -a -s "-screen 0 1600x1000x24" "$viewer" --screenshot "$file" "$@" 2> /dev/null
}

# interact "X Y" KEYS OUT WINDOW [viewer args...]: on a display of our own, click at X Y, press
# KEYS (xdotool names; "type:TEXT" types TEXT, "sleep:S" waits S seconds), and save the window titled WINDOW (or the whole
# screen for "-").
interact() {
    local click=$1 keys=$2 file=$3 name=$4 disp=:97 xpid vpid id
    shift 4
    Xvfb $disp -screen 0 1920x1000x24 -nolisten tcp > /dev/null 2>&1 &
    xpid=$!
    sleep 1
    DISPLAY=$disp "$viewer" "$@" > /dev/null 2>&1 &
    vpid=$!
    sleep 7
    DISPLAY=$disp xdotool mousemove $click click 1
    sleep 1
    for k in $keys; do
        case $k in
        type:*) DISPLAY=$disp xdotool type --delay 20 "${k#type:}" ;;
        sleep:*) sleep "${k#sleep:}" ;;
        *) DISPLAY=$disp xdotool key "$k" ;;
        esac
        sleep 0.7
    done
    sleep 5
    if [ "$name" = - ]; then
        DISPLAY=$disp import -window root "$file"
    else
        id=$(DISPLAY=$disp xdotool search --name "$name" | tail -1)
        DISPLAY=$disp import -window "$id" "$file"
    fi
    kill $vpid $xpid
    wait $vpid $xpid 2> /dev/null || true
}

"$cli" synth --count 100000 --seed 42 --format acled --out "$work/acled100k.csv" > /dev/null
"$cli" synth --count 3000 --seed 7 --format acled --out "$work/acled3k.csv" > /dev/null

shot "$work/overview.png"
shot "$work/zoom.png" --extent 69.2,37.0,71.6,38.4
interact "5 5" "ctrl+i type:$work/acled100k.csv Return sleep:5 Return" "$work/density.png" -
# Imported through File ▸ Import Incidents… once the bundled layers are in, so they land on top
# (a file named on the command line can load before them and end up underneath); the second
# Return closes the import summary.
interact "5 5" "ctrl+i type:$work/acled3k.csv Return sleep:3 Return" "$work/badges.png" - \
    --extent 70.2,37.2,71.8,38.3
interact "741 249" "" "$work/identify.png" - # the attack of 26 November 2025
interact "5 5" "ctrl+e" "$work/export-dialog.png" "Export Map"
"$cli" export --from 2025-11-01 --to 2025-12-31 --title "Tajik–Afghan border" \
    --out "$work/briefing.png" > /dev/null 2>&1

cd "$work"
convert overview.png -resize 960x -strip main-window.s.png
convert zoom.png -crop 1273x452+257+18 +repage -resize 820x -strip map-symbols.s.png
convert badges.png -crop 1530x482+0+18 +repage -resize 880x -strip count-badges.s.png
convert density.png -crop 1530x482+0+18 +repage -resize 880x -strip density.s.png
convert overview.png -crop 1273x104+257+498 +repage -resize 900x -strip time-bar.s.png
convert identify.png -crop 1115x620+700+0 +repage -resize 800x -strip identify.s.png
convert export-dialog.png -resize 820x -strip export-dialog.s.png
convert briefing.png -resize 900x -strip briefing.s.png
mkdir -p "$out"
for f in main-window density time-bar identify export-dialog; do
    pngquant --force --quality 40-75 --speed 1 --strip --output "$out/$f.png" 64 "$f.s.png"
done
# Symbols' colours matter here: more of them.
for f in map-symbols count-badges briefing; do
    pngquant --force --quality 50-85 --speed 1 --strip --output "$out/$f.png" 128 "$f.s.png"
done
du -cb "$out"/*.png
