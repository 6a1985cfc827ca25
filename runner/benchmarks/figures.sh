#!/usr/bin/env bash
# Figure JSON benchmark: the composer's trace serialisation against Plotly.NET's whole-figure JSON, side by side in one run.
# Usage: runner/benchmarks/figures.sh [--figures N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/Lambench.Benchmarks/Lambench.Benchmarks.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet "$here/Lambench.Benchmarks/bin/Release/net10.0/Lambench.Benchmarks.dll" figures "$@"
