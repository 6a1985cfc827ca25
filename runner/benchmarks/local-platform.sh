#!/usr/bin/env bash
# Local platform benchmark: warm invoke overhead and invocations/s of a no-op Go and Python function at concurrency 1
# and 4, and cold-start Init against the bare start of the same process, side by side in one run.
# Usage: runner/benchmarks/local-platform.sh [--invocations N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/Lambench.Benchmarks/Lambench.Benchmarks.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet "$here/Lambench.Benchmarks/bin/Release/net10.0/Lambench.Benchmarks.dll" local-platform "$@"
