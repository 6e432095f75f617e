#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from pyproject.toml (run after changing a
# dependency; commit the result). Needs uv (pip install uv); the locks are for
# CPython 3.11+ on Linux, Windows and macOS (--universal).
set -euo pipefail
cd "$(dirname "$0")/.."
common=(--universal --python-version 3.11 --generate-hashes --quiet --no-header --upgrade)
uv pip compile pyproject.toml requirements/build.in "${common[@]}" -o requirements/app.txt
uv pip compile pyproject.toml requirements/build.in --extra test "${common[@]}" -o requirements/test.txt
uv pip compile requirements/build.in "${common[@]}" -o requirements/build.txt
