#!/bin/bash
# Runs one of GradBench's evals against one or more tools, on the eval's own data files with its own checks.
# Usage: perf/GradBench/run.sh TOOLS EVAL [run.py options...]
#   TOOLS: comma-separated, of elim manual adol-c cppad codipack finite pytorch
#   EVAL:  ba | ht; the options go to GradBench's evals/EVAL/run.py, e.g.
#     run.sh elim ba --min 1 --max 5
#     run.sh elim,manual ht --model small --variant simple --min 1 --max 12
# Needs the set-up of perf/GradBench/README.md ($GRADBENCH_WORK, default ~/gradbench-work).
# Logs into $GRADBENCH_WORK/runs/EVAL.<options>/TOOL.{jsonl,summary.json}; exit 0 only when all validated.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,10p' "$0"; exit 2; }
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
TOOLS=${1//,/ }; EVAL=$2; shift 2
OUT="$WORK/runs/$EVAL$(printf '.%s' "$@" | tr -d ' -')"
run_eval "$EVAL" "$@"
