#!/bin/bash
# Elim as a GradBench tool: speaks GradBench's JSON-lines protocol on stdin/stdout (see README.md).
# Usage (from anywhere): bash perf/GradBench/tool.sh [--multithreaded]
# Builds the tool (Release) on first use and whenever a source is newer than the build.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/bin/tool"
DLL="$OUT/elim-gradbench.dll"
newer_source() {   # a C# source or project file of the tool or the product newer than the build
  find "$HERE" "$ROOT/src" \( -name bin -o -name obj \) -prune -o \( -name '*.cs' -o -name '*.csproj' \) -newer "$DLL" -print -quit
}
if [ ! -f "$DLL" ] || [ -n "$(newer_source)" ]; then
  dotnet build "$HERE/Elim.GradBench.csproj" -c Release -o "$OUT" -v q -nologo >&2 \
    || { echo "elim-gradbench: build failed" >&2; exit 1; }
fi
exec dotnet "$DLL" --elim-dir "$HERE" --elim-dir "$ROOT/examples" "$@"
