#!/bin/bash
# Remakes the screenshots of the user guide (docs/manual/images/) from the real viewer and CLI,
# under Xvfb. Needs a build (build/app/borderlens, build/app/cli/borderlens-cli) and the Debian
# packages xvfb, xdotool, imagemagick and pngquant.
#   bash tools/manual/screenshots.sh [BUILD_DIR]
# (KEEP=1 keeps the full-size captures in the working directory, and says where.)
# The window is opened at a fixed size (W × H below) on a screen of the same size, with settings
# of its own, so that the layout is the default one whatever the developer's saved layout. The
# crops and the click below are measured on that default layout: when the window changes, make
# the images, LOOK at every one of them, and measure again (the dock and map edges are listed
# next to the crops).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
viewer=$build/app/borderlens
cli=$build/app/cli/borderlens-cli
out=$root/docs/manual/images
work=$(mktemp -d)
xpid= vpid=
cleanup() {
    # A step that failed (a window that never came) leaves its viewer and X server behind.
    [ -n "$vpid" ] && kill $vpid 2> /dev/null
    [ -n "$xpid" ] && kill $xpid 2> /dev/null
    if [ "${KEEP:-}" = 1 ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
for tool in xvfb-run Xvfb xdotool import convert pngquant; do
    command -v $tool > /dev/null || { echo "missing: $tool" >&2; exit 1; }
done
export SOURCE_DATE_EPOCH=1767225600 # "Created 2026-01-01" on the exported page
# A throwaway settings location: the viewer remembers its window, docks, table columns and export
# settings (QSettings, under $XDG_CONFIG_HOME), and none of the developer's may leak in.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
# The same look on every machine: X11, the default style, no scaling.
export QT_QPA_PLATFORM=xcb
unset QT_QPA_PLATFORMTHEME QT_STYLE_OVERRIDE QT_SCALE_FACTOR QT_SCREEN_SCALE_FACTORS \
    QT_AUTO_SCREEN_SCALE_FACTOR QT_ENABLE_HIGHDPI_SCALING QT_FONT_DPI

W=1600 H=900 # the window, and the screen it fills

shot() { # shot OUT [viewer args...]: the viewer's own --screenshot
    local file=$1; shift
    xvfb-run -a -s "-screen 0 ${W}x${H}x24" "$viewer" --window-size ${W}x${H} \
        --screenshot "$file" "$@" 2> /dev/null
}

# interact OUT WINDOW "ACTIONS" [viewer args...]: on a display of our own, open the viewer, do
# ACTIONS (space-separated: "click:X,Y" clicks at X,Y of the main window, "type:TEXT" types TEXT,
# "wait:TITLE" waits for a window titled TITLE, "sleep:S" waits S seconds, anything else is a key
# for xdotool), and save the window titled WINDOW (or the whole screen, tooltips included, for
# "-").
interact() {
    local file=$1 name=$2 actions=$3 disp win id a xy
    shift 3
    # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    Xvfb -displayfd 3 -screen 0 ${W}x${H}x24 -nolisten tcp 3> "$work/display" > /dev/null 2>&1 &
    xpid=$!
    for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
    disp=:$(head -1 "$work/display")
    DISPLAY=$disp "$viewer" --window-size ${W}x${H} "$@" > /dev/null 2>&1 &
    vpid=$!
    win=$(DISPLAY=$disp timeout 60 xdotool search --sync --onlyvisible --name '^BorderLens$' |
        head -1)
    sleep 6 # the bundled layers load and draw
    for a in $actions; do
        case $a in
        click:*)
            xy=${a#click:}
            DISPLAY=$disp xdotool mousemove --window "$win" "${xy%,*}" "${xy#*,}"
            sleep 0.3
            DISPLAY=$disp xdotool click 1
            ;;
        type:*) DISPLAY=$disp xdotool type --delay 20 "${a#type:}" ;;
        wait:*) DISPLAY=$disp timeout 120 xdotool search --sync --onlyvisible \
            --name "${a#wait:}" > /dev/null ;;
        sleep:*) sleep "${a#sleep:}" ;;
        *) DISPLAY=$disp xdotool key "$a" ;;
        esac
        sleep 0.7
    done
    sleep 5
    if [ "$name" = - ]; then
        DISPLAY=$disp import -window root "$file"
    else
        id=$(DISPLAY=$disp xdotool search --onlyvisible --name "$name" | tail -1)
        DISPLAY=$disp import -window "$id" "$file"
    fi
    kill $vpid $xpid
    wait $vpid $xpid 2> /dev/null || true
    xpid= vpid=
    rm -f "$work/display"
}

# Somewhere harmless to click to give the window the keyboard: the status bar's message.
focus=click:8,$((H - 8))

"$cli" synth --count 100000 --seed 42 --format acled --out "$work/acled100k.csv" > /dev/null
"$cli" synth --count 3000 --seed 7 --format acled --out "$work/acled3k.csv" > /dev/null

shot "$work/overview.png"
shot "$work/zoom.png" --extent 69.2,37.0,71.6,38.4
# Imported through File ▸ Import Incidents… once the bundled layers are in, so they land on top
# (a file named on the command line can load before them and end up underneath); the second
# Return closes the import summary.
interact "$work/density.png" - \
    "$focus ctrl+i wait:^Import.Incidents type:$work/acled100k.csv Return wait:^Import.summary$ sleep:2 Return"
interact "$work/badges.png" - \
    "$focus ctrl+i wait:^Import.Incidents type:$work/acled3k.csv Return wait:^Import.summary$ sleep:2 Return" \
    --extent 70.2,37.2,71.8,38.3
# The attack of 26 November 2025: the pink triangle by "New border outpost 1" in overview.png.
interact "$work/identify.png" - "click:675,287"
interact "$work/export-dialog.png" "^Export Map$" "$focus ctrl+e"
"$cli" export --from 2025-11-01 --to 2025-12-31 --title "Tajik–Afghan border" \
    --out "$work/briefing.png" > /dev/null 2>&1

# The default layout at 1600 × 900: menu bar y 0–18; left docks (Layers over Legend) x 0–265;
# the map x 272–1327, y 19–569; the time controls and bar under it down to y 695; the Identify
# dock x 1334–1600; the Incidents table from y 700; the status bar from y 880.
cd "$work"
convert overview.png -resize 960x -strip main-window.s.png
convert zoom.png -crop 1056x551+272+19 +repage -resize 820x -strip map-symbols.s.png
# The left docks whole (the legend with the new layer's classes), the map and the time bar.
convert badges.png -crop 1328x677+0+19 +repage -resize 880x -strip count-badges.s.png
convert density.png -crop 1328x677+0+19 +repage -resize 880x -strip density.s.png
convert overview.png -crop 1058x127+271+569 +repage -resize 900x -strip time-bar.s.png
# The map's right part with the tooltip, the Identify dock, and the table from its Place column
# (x 383) down to the selected row.
convert identify.png -crop 1217x845+383+19 +repage -resize 860x -strip identify.s.png
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
