#!/usr/bin/env bash
# Runner benchmark: the runner against a bare Invoke loop and the sum of REPORT durations (overhead per invocation),
# then collection with FilterLogEvents against Logs Insights (API requests per 1,000 invocations), in one run.
# Usage: runner/benchmarks/runner.sh [--repetitions N]   (N per runtime; default 1000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/Lambench.Benchmarks/Lambench.Benchmarks.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet "$here/Lambench.Benchmarks/bin/Release/net10.0/Lambench.Benchmarks.dll" runner "$@"
