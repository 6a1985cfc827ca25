#!/usr/bin/env bash
# The test command: installs what the tests use (Chromium for figure export, python3-nbformat to validate rendered
# notebooks) and runs every test project.
# Ends with one line "N passed, N failed". ./test.sh --fast runs the fast tier alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=""
if ! command -v chromium >/dev/null 2>&1 && [ -z "${LAMBENCH_CHROMIUM:-}" ]; then missing="$missing chromium"; fi
/usr/bin/python3 -c "import nbformat" 2>/dev/null || missing="$missing python3-nbformat"
# numpy: a test checks the histograms' bins against numpy's own.
/usr/bin/python3 -c "import numpy" 2>/dev/null || missing="$missing python3-numpy"
# PyYAML: a test prices the shipped architecture from its YAML files independently of the C# model.
/usr/bin/python3 -c "import yaml" 2>/dev/null || missing="$missing python3-yaml"
# The local platform's tests: real clients (AWS CLI v2, boto3), Go for the Go functions, qemu-user for arm64.
[ -x /usr/bin/aws ] || missing="$missing awscli"
/usr/bin/python3 -c "import boto3" 2>/dev/null || missing="$missing python3-boto3"
command -v go >/dev/null 2>&1 || missing="$missing golang-go"
[ -d /usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/service/dynamodb ] || missing="$missing golang-github-aws-aws-sdk-go-v2-dev"
command -v qemu-aarch64-static >/dev/null 2>&1 || missing="$missing qemu-user-static"
# LibreOffice: a test imports the report's workbook and pt-BR CSVs as a Brazilian spreadsheet user would.
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-calc-nogui"
# pdflatex with abnTeX2 and Portuguese: a test compiles every table and figure of a report on an A4 ABNT page.
command -v pdflatex >/dev/null 2>&1 || missing="$missing texlive-latex-recommended texlive-latex-extra texlive-lang-portuguese"
kpsewhich abntex2.cls >/dev/null 2>&1 || missing="$missing texlive-publishers"
# mutool: a test reads the printed notebook's PDF (page size, text inside the margins) with MuPDF.
command -v mutool >/dev/null 2>&1 || missing="$missing mupdf-tools"
# dynalite (DynamoDB for the local platform) comes from npm.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  echo "test.sh: installing$missing (figure export, notebook validation, the local platform and its clients)" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

# The notebooks reference the command's build (.lambench/bin), as they do on a user's machine: build it first, so the
# test command works on a fresh clone without the quick start having run.
LAMBENCH_NO_INSTALL=1 "$root/lambench" --help >/dev/null

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
# --fast: only the fast tier (pure code and in-memory fakes, under a minute); without it, the system tier too (real
# processes: the local platform, Go, Chromium, dynalite, moto, pdflatex, LibreOffice), as CI runs it.
filter=()
[ "${1:-}" = "--fast" ] && filter=(--filter "Tier!=system")
dotnet test "$root/runner/Lambench.slnx" -c Release --nologo "${filter[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# dotnet test prints one "Passed!/Failed! - Failed: F, Passed: P, ..." line per test project: add them up.
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { failed += $2; passed += $4 } END { printf "%d passed, %d failed\n", passed, failed }' "$log"
exit "$status"
