#!/usr/bin/env bash
# Load generator benchmark: HDR recording per request against lists sorted at the end, and the open-loop generator's
# send-time error at a constant rate against a Task.Delay pacer, both offering the same schedule to the local
# platform's Go no-op, side by side in one run.
# Usage: runner/benchmarks/load-generator.sh [--rate REQUESTS_PER_S]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/Lambench.Benchmarks/Lambench.Benchmarks.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet "$here/Lambench.Benchmarks/bin/Release/net10.0/Lambench.Benchmarks.dll" load-generator "$@"
