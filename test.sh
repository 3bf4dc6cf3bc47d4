#!/usr/bin/env bash
# Runs every ClickTrace test: unit, integration on the embedded ClickHouse engine, and end-to-end in
# Chromium. The build fetches its npm packages (chDB's libchdb.so, esbuild, ApexCharts) by itself; this
# script adds the one thing the build cannot: Debian's Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "dotnet not found: install the .NET 10 SDK (https://dot.net/download)"; exit 1; }
command -v npm >/dev/null || { echo "npm not found: install Node.js 20+ with npm (apt-get install -y nodejs npm)"; exit 1; }

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium not found: run 'sudo apt-get install -y chromium' (the browser tests drive /usr/bin/chromium)"
    exit 1
  fi
fi

# -m:1: one test assembly at a time. The crash test's child collector and the browser tests would
# otherwise fight for the same cores, and timing-sensitive browser checks would pay for it.
# A test that hangs fails the run after 10 minutes without progress, naming itself, instead of holding CI to
# its limit (the longest test, the demo shop's end-to-end proof in Chromium, takes about 6 on 2 cores).
status=0
dotnet test ClickTrace.sln -m:1 --blame-hang-timeout 10m --blame-hang-dump-type none "$@" || status=$?

# The dashboard's browser tests keep screenshots of every report page at 1280 and 390 px.
shots=tests/ClickTrace.Server.Tests/TestResults/screenshots
if [ -d "$shots" ]; then
  echo "Screenshots of the dashboard (1280 and 390 px wide) in $shots:"
  ls -1 "$shots" | sed 's/^/  /'
fi
exit $status
