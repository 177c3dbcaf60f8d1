#!/bin/bash
# Runs one of GradBench's evals against one tool, with the eval's own data files and correctness checks.
# Usage: perf/GradBench/run.sh TOOL EVAL [eval options...]
#   TOOL: elim | manual | adol-c | cppad | codipack | finite | pytorch
#   EVAL: ba | ht;  eval options go to GradBench's evals/EVAL/run.py, e.g.
#     run.sh elim ba --min 1 --max 5
#     run.sh manual ht --model small --variant simple --min 1 --max 12
# Needs the set-up of perf/GradBench/README.md ($GRADBENCH_WORK, default ~/gradbench-work).
# Writes $GRADBENCH_WORK/runs/TOOL.EVAL.<options>.{jsonl,summary.json}; exit 0 only when all validated.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,10p' "$0"; exit 2; }
TOOL=$1; EVAL=$2; shift 2
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${GRADBENCH_WORK:-$HOME/gradbench-work}
GB=$WORK/gradbench
[ -d "$GB/evals/$EVAL" ] || { echo "run.sh: no eval '$EVAL' in $GB (see README.md for the set-up)" >&2; exit 2; }
PY=/usr/bin/python3   # Debian's interpreter, which has numpy, pydantic, torch
export CPATH=$WORK/deps/CoDiPack-2.3.1/include${CPATH:+:$CPATH}
export PKG_CONFIG_PATH=$WORK/deps/cppad-install/lib/pkgconfig
export LIBRARY_PATH=$WORK/deps/cppad-install/lib
export LD_LIBRARY_PATH=$WORK/deps/cppad-install/lib
TOOLENV=()
case $TOOL in
  elim) TOOLCMD="bash $HERE/tool.sh" ;;
  pytorch) TOOLCMD="$PY python/gradbench/gradbench/tools/pytorch/run.py"; TOOLENV=(--tool-env PYTHONPATH=python/gradbench) ;;
  manual|adol-c|cppad|codipack|finite) TOOLCMD="$PY python/gradbench/gradbench/cpp.py $TOOL" ;;
  *) echo "run.sh: unknown tool '$TOOL'" >&2; exit 2 ;;
esac
NAME="$TOOL.$EVAL$(printf '.%s' "$@" | tr -d ' -' )"
mkdir -p "$WORK/runs"
exec $PY "$HERE/driver.py" --cwd "$GB" \
  --eval "$PY python/gradbench/gradbench/evals/$EVAL/run.py $*" \
  --eval-env "PYTHONPATH=$HERE/shim:python/gradbench" \
  --tool "$TOOLCMD" "${TOOLENV[@]}" \
  --log "$WORK/runs/$NAME.jsonl" --summary "$WORK/runs/$NAME.summary.json"
