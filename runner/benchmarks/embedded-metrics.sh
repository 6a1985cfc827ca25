#!/usr/bin/env bash
# Embedded metrics benchmark: reading an EMF line against parsing its JSON alone, and ingesting a writer's logs with its
# EMF lines against the same logs without them, side by side in one run.
# Usage: runner/benchmarks/embedded-metrics.sh [--invocations N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/Lambench.Benchmarks/Lambench.Benchmarks.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet "$here/Lambench.Benchmarks/bin/Release/net10.0/Lambench.Benchmarks.dll" embedded-metrics "$@"
