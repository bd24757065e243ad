#!/usr/bin/env bash
# Packaging test: the Windows installer script. No Windows build is possible here, so the
# installer's payload is this build's Linux binaries; what is checked is that CPack's NSIS
# generator writes a script with our settings (Start-menu shortcut, uninstaller, icon, licence
# page, .blproj file association) and that makensis (Debian package nsis) compiles it into an
# installer without warnings of our own.
source "$(dirname "$0")/common.sh" "$@"
need cpack makensis

say "cpack -G NSIS"
exe=$(run_cpack NSIS)
[ -f "$exe" ] || fail "cpack made no installer"
echo "$exe"
kind=$(file -b "$exe" 2>/dev/null || echo "(file(1) not installed)")
echo "$kind"
case "$kind" in *Nullsoft*|*"not installed"*) ;; *) fail "not an NSIS installer: $kind" ;; esac

nsi=$(find "$work/_CPack_Packages" -name project.nsi | head -n 1)
[ -f "$nsi" ] || fail "no project.nsi left by CPack"
say "the generated script ($nsi)"
expect() {
    grep -qF -- "$1" "$nsi" || fail "project.nsi lacks: $1"
    echo "ok: $1"
}
expect 'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\BorderLens.lnk" "$INSTDIR\bin\borderlens.exe"'
expect 'WriteUninstaller "$INSTDIR\Uninstall.exe"'
expect '!define MUI_ICON'
expect 'MUI_PAGE_LICENSE'
expect '!insertmacro BorderLensRegisterFileTypes'
expect '!insertmacro BorderLensUnregisterFileTypes'
nsh=$src/packaging/windows/file_association.nsh
grep -qF '\.blproj" "" "${BORDERLENS_PROGID}"' "$nsh" || fail "file_association.nsh does not register .blproj"

say "makensis: recompile the script and look at its warnings"
(cd "$(dirname "$nsi")" && makensis -V2 -NOCD "$nsi") >"$work/makensis.txt" 2>&1 ||
    { cat "$work/makensis.txt"; fail "makensis failed"; }
sed -n '/warning/,$p' "$work/makensis.txt"
# CPack's own template leaves two helper functions unused (warning 6010); anything else is ours.
others=$(grep -E '^ *[0-9]{4}: ' "$work/makensis.txt" | grep -v '6010: .*function ".*select_NT_profile" not referenced' || true)
[ -z "$others" ] || fail "makensis warnings: $others"
echo "makensis: compiled; no warnings beyond CPack's template's own"

finish
