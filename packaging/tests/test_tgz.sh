#!/usr/bin/env bash
# Packaging test: the relocatable .tar.gz. Unpacked anywhere, its programs find their own data
# (<exe>/../share/borderlens): run them from a folder that no build path mentions.
source "$(dirname "$0")/common.sh" "$@"
need cpack tar

say "cpack -G TGZ"
archive=$(run_cpack TGZ)
[ -f "$archive" ] || fail "cpack made no .tar.gz"
echo "$archive"

say "unpacked into a folder of its own"
dest="$tmp/some where/else"
mkdir -p "$dest"
tar -xzf "$archive" -C "$dest"
top=$(find "$dest" -mindepth 1 -maxdepth 1 -type d | head -n 1)
[ -x "$top/bin/borderlens-cli" ] || fail "no bin/borderlens-cli at the top of the archive"
[ -d "$top/share/borderlens/geodata" ] || fail "no share/borderlens/geodata in the archive"
[ -f "$top/share/borderlens/manual/index.html" ] || fail "no share/borderlens/manual in the archive"
check_cli "$top"
timeout 120 "$top/bin/borderlens" --quit-after-load || fail "the unpacked viewer exited $?"
echo "the unpacked viewer loaded, drew and exited 0"
check_viewer_draws_own_data "$top/bin/borderlens" "$top/share/borderlens/geodata"

finish
