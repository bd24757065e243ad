#!/usr/bin/env bash
# Packaging test: the .rpm. Builds it with CPack (rpmbuild), checks that its file list holds the
# programs, the bundled data and the desktop files and that rpm found its library requirements,
# then unpacks it with rpm2cpio | cpio into a temporary root and runs the unpacked programs.
source "$(dirname "$0")/common.sh" "$@"
need cpack rpmbuild rpm rpm2cpio cpio

say "cpack -G RPM"
rpmfile=$(run_cpack RPM)
[ -f "$rpmfile" ] || fail "cpack made no .rpm"
echo "$rpmfile"
rpm -qp --queryformat '%{NAME} %{VERSION}-%{RELEASE} %{ARCH}, licence: %{LICENSE}\n' "$rpmfile"

say "rpm -qpl: programs, data and desktop files"
rpm -qpl "$rpmfile" >"$work/files.txt"
appstream_id=${BORDERLENS_APPSTREAM_ID:-invalid.example.borderlens}
for f in /usr/bin/borderlens /usr/bin/borderlens-cli /usr/share/borderlens/geodata \
    /usr/share/applications/borderlens.desktop /usr/share/icons/hicolor/48x48/apps/borderlens.png \
    "/usr/share/metainfo/$appstream_id.metainfo.xml" /usr/share/mime/packages/borderlens.xml \
    /usr/share/man/man1/borderlens.1.gz /usr/share/doc/borderlens/copyright \
    /usr/share/borderlens/manual/index.html; do
    grep -qx "$f" "$work/files.txt" || fail "rpm -qpl does not list $f"
done
data_files=$(grep -c '^/usr/share/borderlens/geodata/.' "$work/files.txt" || true)
[ "$data_files" -gt 0 ] || fail "the .rpm holds no bundled data files"
echo "$(wc -l <"$work/files.txt") entries, $data_files of them bundled data"
# The rpm must not claim folders that the filesystem and desktop packages own.
for d in /usr /usr/bin /usr/share /usr/share/applications /usr/share/icons /usr/share/man; do
    grep -qx "$d" "$work/files.txt" && fail "the .rpm claims the system folder $d"
done

say "rpm -qp --requires: computed from the binaries"
rpm -qp --requires "$rpmfile" >"$work/requires.txt"
for lib in libQt6Widgets.so.6 libgdal.so libproj.so libc.so.6; do
    grep -q "^$lib" "$work/requires.txt" || fail "the .rpm does not require $lib"
done
grep -E '^lib(Qt6|gdal|proj)' "$work/requires.txt" | grep -v '(Qt_' | sort -u | sed 's/^/   /'

say "unpacked with rpm2cpio | cpio"
root=$tmp/root
mkdir -p "$root"
rpm2cpio "$rpmfile" >"$work/payload.cpio"
(cd "$root" && cpio -idm --quiet <"$work/payload.cpio")
check_cli "$root"
timeout 120 "$root/usr/bin/borderlens" --quit-after-load || fail "the unpacked viewer exited $?"
echo "the unpacked viewer loaded, drew and exited 0"

finish
