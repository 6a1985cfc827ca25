#!/usr/bin/env pwsh
# Runs the lambench command from source: builds it (Release) when a source file changed, then runs it.
# Static figures need Chromium or Chrome on PATH, or LAMBENCH_CHROMIUM pointing at it.
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$out = Join-Path $root '.lambench/bin'
$stamp = Join-Path $out '.built'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'lambench: the .NET 10 SDK is needed: https://dot.net'
    exit 1
}

$sources = @('runner/src', 'data/prices') | ForEach-Object { Join-Path $root $_ }
$builtAt = if (Test-Path $stamp) { (Get-Item $stamp).LastWriteTimeUtc } else { [DateTime]::MinValue }
$changed = Get-ChildItem -Recurse -File $sources | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.LastWriteTimeUtc -gt $builtAt } | Select-Object -First 1
if (-not (Test-Path $stamp) -or $changed) {
    Write-Host 'lambench: building (first run, or sources changed)...'
    dotnet build (Join-Path $root 'runner/src/Lambench.Cli/Lambench.Cli.csproj') -c Release -o $out --nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    New-Item -ItemType File -Force $stamp | Out-Null
}

& dotnet (Join-Path $out 'lambench.dll') @args
exit $LASTEXITCODE
