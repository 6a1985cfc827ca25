#!/usr/bin/env bash
# Builds the Go functions' bootstrap for provided.al2023: ./build.sh <amd64|arm64> <output file>.
# Where Debian's Go packages are installed (golang-go, golang-github-aws-aws-sdk-go-v2-dev) it builds offline from
# them in GOPATH mode; elsewhere it uses go.mod and the module proxy.
set -euo pipefail
arch="${1:?usage: build.sh <amd64|arm64> <output>}"; output="${2:?usage: build.sh <amd64|arm64> <output>}"
cd "$(dirname "${BASH_SOURCE[0]}")"
export CGO_ENABLED=0 GOOS=linux GOARCH="$arch" GOFLAGS=-trimpath
if [ -d /usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/service/dynamodb ]; then
  export GO111MODULE=off GOPATH="/usr/share/gocode"
fi
go build -ldflags="-s -w" -o "$output" .
