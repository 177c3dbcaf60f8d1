#!/bin/bash
# The GradBench measurement: every tool on the chosen data files of ba and ht, one thread, tools interleaved
# per evaluation (see driver.py), each output checked by the eval; then OUTDIR/gradbench.{md,csv} and
# OUTDIR/gradbench-{ba,ht}.png.
# Usage: perf/GradBench/measure.sh OUTDIR [--force] [--tools elim,manual,...] [--min-seconds S]
# The file set (chosen to finish in about 15 minutes on a 2-core machine, validation included):
#   ba files 1-8; ht files 1-7 (100 to 3,200 correspondences) of the small and big model, simple and complicated.
set -euo pipefail
usage() { sed -n '2,8p' "$0"; exit 2; }
[ $# -ge 1 ] || usage
OUTDIR=$1; shift
FORCE=no; MIN_SECONDS=0.5
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
TOOLS=$ALL_TOOLS
while [ $# -gt 0 ]; do
  case $1 in
    --force) FORCE=yes ;;
    --tools) TOOLS=${2//,/ }; shift ;;
    --min-seconds) MIN_SECONDS=$2; shift ;;
    *) usage ;;
  esac
  shift
done
if [ -e "$OUTDIR/gradbench.md" ] && [ $FORCE = no ]; then
  echo "measure.sh: $OUTDIR/gradbench.md exists; pass --force to overwrite it" >&2; exit 1
fi
mkdir -p "$OUTDIR"
rm -rf "$OUTDIR/logs"
RUNS=(
  "ba --min 1 --max 8"
  "ht --model small --variant simple --min 1 --max 7"
  "ht --model small --variant complicated --min 1 --max 7"
  "ht --model big --variant simple --min 1 --max 7"
  "ht --model big --variant complicated --min 1 --max 7"
)
START=$(date +%s)
: > "$OUTDIR/commands.txt"
STATUS=0
for i in "${!RUNS[@]}"; do
  read -r -a run <<< "${RUNS[$i]} --min-seconds $MIN_SECONDS"
  OUT="$OUTDIR/logs/$(printf '%s' "${run[*]}" | tr -d -- '-' | tr ' ' '.')"
  echo "== [$((i + 1))/${#RUNS[@]}] ${run[*]} ($(( $(date +%s) - START )) s so far)" >&2
  echo "perf/GradBench/run.sh ${TOOLS// /,} ${run[*]}" >> "$OUTDIR/commands.txt"
  run_eval "${run[@]}" || STATUS=1
done
echo "== all runs done in $(( $(date +%s) - START )) s; writing the report" >&2
$PY "$GRADBENCH_DIR/make_report.py" "$OUTDIR" "$(( $(date +%s) - START ))"
exit $STATUS
