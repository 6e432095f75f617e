#!/usr/bin/env bash
# Linux build: a self-contained folder in dist/testimony/, checked with --self-test.
# Arguments go to packaging/build.py (--dist, --work, --clean, --no-check, --tarball).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
exec "$PY" packaging/build.py "$@"
