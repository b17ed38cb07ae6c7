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
    dotnet test Moderation.sln -c Release --no-build -nologo "$@"
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
