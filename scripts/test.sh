#!/usr/bin/env bash
# Installs everything the tests need into .venv, then runs lint, types and the whole suite.
# If PostgreSQL server binaries are installed (Debian: apt-get install postgresql), a
# throwaway server is started so the storage tests also run against PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}" .venv/bin/python -m pip install -q -e ".[dev,local,server,postgres]"

.venv/bin/ruff check src tests bench
.venv/bin/ruff format --check src tests bench
.venv/bin/mypy src

if [ -z "${APPLYKIT_TEST_POSTGRES_URL:-}" ]; then
  if url=$(bash scripts/postgres.sh start); then
    export APPLYKIT_TEST_POSTGRES_URL="$url"
    trap 'bash scripts/postgres.sh stop || true' EXIT
  fi
fi

set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing loudly" >&2
  exit 1
fi
exit "$status"
