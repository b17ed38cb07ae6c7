#!/usr/bin/env bash
# Moderation's one entry point.
#   ./build.sh demo [args]  install what is missing, build, run the end-to-end demo on the embedded broker
#   ./build.sh test         install what is missing, build, run the whole test suite
#   ./build.sh run <cmd>    install, build, run any `moderation` command (train, evaluate, bench, serve, ...)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
bash scripts/setup.sh
cmd="${1:-demo}"; shift || true
case "$cmd" in
  test)
    dotnet build Moderation.sln -c Release -nologo -clp:ErrorsOnly
    log="$(mktemp)"
    set +e
    dotnet test Moderation.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    # One plain closing line over all test assemblies: "N passed, N failed, N skipped".
    awk '/(Passed|Failed)! +- Failed: / { gsub(/,/, ""); f += $4; p += $6; s += $8 }
         END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
    rm -f "$log"
    exit "$status"
    ;;
  demo)
    dotnet build src/Moderation.Cli -c Release -nologo -clp:ErrorsOnly
    exec dotnet src/Moderation.Cli/bin/Release/net10.0/moderation.dll demo "$@"
    ;;
  run)
    dotnet build src/Moderation.Cli -c Release -nologo -clp:ErrorsOnly
    exec dotnet src/Moderation.Cli/bin/Release/net10.0/moderation.dll "$@"
    ;;
  *) echo "usage: ./build.sh demo|test|run <command> [args]" >&2; exit 2 ;;
esac
