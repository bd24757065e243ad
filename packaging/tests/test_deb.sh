#!/usr/bin/env bash
# Packaging test: the .deb. Builds it with CPack, checks it with lintian (no errors, no warnings),
# unpacks it with dpkg-deb -x into a temporary root (nothing is installed on this machine) and
# runs the unpacked programs there: the CLI, and the viewer offscreen until it has loaded and
# drawn the bundled data. Also validates the desktop entry and AppStream metadata it ships and
# checks the binaries' hardening.
source "$(dirname "$0")/common.sh" "$@"
need cpack dpkg-deb dpkg-shlibdeps dpkg-parsechangelog lintian appstreamcli desktop-file-validate \
    readelf

say "cpack -G DEB"
deb=$(run_cpack DEB)
[ -f "$deb" ] || fail "cpack made no .deb"
echo "$deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'

say "control: dependencies computed by dpkg-shlibdeps, version from the changelog"
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libc6 libqt6widgets6 libgdal libproj; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
version=$(dpkg-deb --field "$deb" Version)
changelog_version=$(dpkg-parsechangelog -l "$src/packaging/debian/changelog" -S Version)
[ "$version" = "$changelog_version" ] ||
    fail "package version $version but packaging/debian/changelog's newest entry is $changelog_version"

root=$tmp/root
dpkg-deb -x "$deb" "$root"

say "contents"
appstream_id=${BORDERLENS_APPSTREAM_ID:-invalid.example.borderlens}
for f in usr/bin/borderlens usr/bin/borderlens-cli \
    usr/share/applications/borderlens.desktop \
    usr/share/icons/hicolor/scalable/apps/borderlens.svg \
    usr/share/icons/hicolor/16x16/apps/borderlens.png \
    usr/share/icons/hicolor/48x48/apps/borderlens.png \
    usr/share/icons/hicolor/512x512/apps/borderlens.png \
    "usr/share/metainfo/$appstream_id.metainfo.xml" \
    usr/share/mime/packages/borderlens.xml \
    usr/share/man/man1/borderlens.1.gz usr/share/man/man1/borderlens-cli.1.gz \
    usr/share/doc/borderlens/copyright usr/share/doc/borderlens/changelog.Debian.gz \
    usr/share/borderlens/geodata usr/share/borderlens/manual/index.html; do
    [ -e "$root/$f" ] || fail "the .deb lacks /$f"
done
echo "$(find "$root" -type f | wc -l) files, $(du -sh "$root" | cut -f1) unpacked"

say "the unpacked CLI"
check_cli "$root"

say "the unpacked viewer, offscreen, until the bundled data is loaded and drawn"
viewer=$root/usr/bin/borderlens
timeout 120 "$viewer" --quit-after-load || fail "borderlens --quit-after-load exited $?"
echo "exited 0"

check_viewer_draws_own_data "$viewer" "$root/usr/share/borderlens/geodata"

say "desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/borderlens.desktop"
echo "ok"

say "appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/$appstream_id.metainfo.xml" ||
    fail "appstreamcli validate reported errors or warnings"

say "hardening (readelf)"
for b in "$root/usr/bin/borderlens" "$root/usr/bin/borderlens-cli"; do
    dyn=$(readelf -d "$b")
    grep -q "PIE" <<<"$dyn" || fail "$b is not a PIE"
    grep -Eq "BIND_NOW|Flags: NOW" <<<"$dyn" || fail "$b lacks immediate binding (-z now)"
    # (into variables first: grep -q would close the pipe early and pipefail would see SIGPIPE)
    segments=$(readelf -lW "$b")
    grep -q GNU_RELRO <<<"$segments" || fail "$b lacks RELRO"
    symbols=$(readelf --dyn-syms -W "$b")
    grep -q __stack_chk_fail <<<"$symbols" || fail "$b has no stack protector"
    echo "$(basename "$b"): PIE, RELRO, BIND_NOW, stack protector"
done

say "lintian"
rc=0
lintian --tag-display-limit 0 --display-info --fail-on error,warning "$deb" \
    >"$work/lintian.txt" 2>&1 || rc=$?
# (lintian notes when it runs as root; only its tags matter here)
grep -v "running with root privileges is not recommended" "$work/lintian.txt" || true
[ "$rc" -eq 0 ] || fail "lintian reported errors or warnings (exit $rc)"
echo "lintian: no errors, no warnings"

finish
