#!/usr/bin/env bash
# Runs every test: domain, PostgreSQL integration, bUnit components and Playwright browser journeys.
# Installs what a fresh Debian machine lacks (Chromium, PostgreSQL binaries) and never skips a test.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Need root to run: $*" >&2; exit 1
    fi
}

missing=()
chromium="${MUTUALISONS_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || missing+=(chromium)
if [ -z "${MUTUALISONS_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null; then
    missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Mutualisons.sln --nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
    awk '{f+=$1; p+=$2; s+=$3; n++} END {printf "%d %d %d %d", p, f, s, n}')
read -r passed failed skipped assemblies <<<"$summary"
if [ "$assemblies" -ne 4 ]; then
    echo "Expected 4 test assemblies to report, got $assemblies." >&2
    status=1
fi
if [ "$skipped" -ne 0 ]; then
    echo "$skipped test(s) were skipped: every test must run." >&2
    status=1
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
