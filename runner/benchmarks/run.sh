#!/usr/bin/env bash
# Ingest-and-summarise benchmark: Lambench against DuckDB (SQL) and pandas (regex extraction) on the same generated REPORT lines.
# Usage: runner/benchmarks/run.sh [--lines N] [--runs R]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  echo "run.sh: installing Debian's python3-pandas for the peer script" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-pandas >/dev/null
fi
dotnet build "$here/Lambench.Benchmarks/Lambench.Benchmarks.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet "$here/Lambench.Benchmarks/bin/Release/net10.0/Lambench.Benchmarks.dll" "$@"
