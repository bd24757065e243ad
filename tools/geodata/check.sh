#!/usr/bin/env bash
# Rebuild geodata/ into a temporary directory and byte-compare it with the committed files.
# Exit 0 if identical, 1 if any file differs (each difference is printed).  Options as build.sh (--cache DIR).
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/build.sh" --check "$@"
