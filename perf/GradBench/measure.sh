#!/bin/bash
# The GradBench measurement: every tool on the chosen data files of ba and ht, one thread, tools interleaved
# per evaluation (see driver.py), each output checked by the eval; then OUTDIR/gradbench.{md,csv} and
# OUTDIR/gradbench-{ba,ht}.png. The session logs go to $GRADBENCH_WORK/runs/measure (tens of MB).
# Usage: perf/GradBench/measure.sh OUTDIR [--force] [--tools elim,manual,...] [--min-seconds S]
# The file set (chosen to finish in about 15 minutes on a 2-core machine, validation included):
#   ba files 1-8 (twice: as the machine is, and with glibc keeping freed memory, see KEEP below); ht files 1-7 (100 to 3,200 correspondences) of the small model and 1-5 (up to 800) of the big
#   one (10,000 vertices, where the C++ tools take seconds per file), simple and complicated;
#   pytorch only on ht file 1 of each set (it evaluates in Python loops: ba1's objective alone takes about a
#   minute, ht's Jacobian about 20 s per 100 correspondences).
set -euo pipefail
usage() { sed -n '2,8p' "$0"; exit 2; }
[ $# -ge 1 ] || usage
OUTDIR=$1; shift
FORCE=no; MIN_SECONDS=0.5
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
TOOLS=$ALL_TOOLS
SLOW_TOOLS="pytorch"
while [ $# -gt 0 ]; do
  case $1 in
    --force) FORCE=yes ;;
    --tools) TOOLS=${2//,/ }; shift ;;
    --min-seconds) MIN_SECONDS=$2; shift ;;
    *) usage ;;
  esac
  shift
done
for result in gradbench.md gradbench.csv gradbench-ba.png gradbench-ht.png; do
  if [ -e "$OUTDIR/$result" ] && [ $FORCE = no ]; then
    echo "measure.sh: $OUTDIR/$result exists; pass --force to overwrite it" >&2; exit 1
  fi
done
# What the runs and the report need, checked before the quarter of an hour of runs.
for eval in ba ht; do
  [ -d "$GB/evals/$eval" ] || { echo "measure.sh: no eval '$eval' in $GB (see perf/GradBench/README.md for the set-up)" >&2; exit 1; }
done
$PY -c "import matplotlib" 2> /dev/null || { echo "measure.sh: $PY has no matplotlib, which the report's plots need (apt-get install python3-matplotlib)" >&2; exit 1; }
LOGS=$WORK/runs/measure
mkdir -p "$OUTDIR"
rm -rf "$LOGS"
mkdir -p "$LOGS"
# Each run: the tools (FAST: all but the slow ones; SLOW: the slow ones) and GradBench's run.py options.
# KEEP: ba again with glibc keeping freed memory (see below), for the tools whose Jacobian takes under a second
# (adol-c and cppad tape for seconds); at least 7 runs each, since the first two runs of a tool that builds the new
# matrix before freeing the old one still touch fresh pages.
RUNS=(
  "FAST ba --min 1 --max 8"
  "KEEP ba --min 1 --max 8 --min-runs 7"
  "FAST ht --model small --variant simple --min 1 --max 7"
  "FAST ht --model small --variant complicated --min 1 --max 7"
  "FAST ht --model big --variant simple --min 1 --max 5"
  "FAST ht --model big --variant complicated --min 1 --max 5"
  "SLOW ht --model small --variant simple --min 1 --max 1"
  "SLOW ht --model small --variant complicated --min 1 --max 1"
  "SLOW ht --model big --variant simple --min 1 --max 1"
  "SLOW ht --model big --variant complicated --min 1 --max 1"
)
# Each ba run builds a fresh 12 to 143 MB matrix in every tool (GradBench's C++ tools do `output = SparseMat(...)`),
# and on this machine a fresh page costs about 12 µs to touch (a virtual machine): the page faults, not the
# derivatives, then set every tool's time. With these tunables glibc's malloc keeps freed memory for the next
# run (no mmap per matrix, no trimming), as a long-running solver's allocator would; applied to every tool alike.
KEEP_TUNABLES="glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296"
KEEP_TOOLS="elim manual codipack finite"
FAST=""; SLOW=""; KEEP=""
for t in $TOOLS; do
  if [[ " $SLOW_TOOLS " == *" $t "* ]]; then SLOW+="$t "; else FAST+="$t "; fi
  if [[ " $KEEP_TOOLS " == *" $t "* ]]; then KEEP+="$t "; fi
done
START=$(date +%s)
: > "$LOGS/commands.txt"
STATUS=0
for i in "${!RUNS[@]}"; do
  read -r -a run <<< "${RUNS[$i]} --min-seconds $MIN_SECONDS"
  group=${run[0]}; run=("${run[@]:1}")
  ENV=()
  [ "$group" = KEEP ] && ENV=("GLIBC_TUNABLES=$KEEP_TUNABLES")
  TOOLS=$(echo ${!group})
  [ -n "$TOOLS" ] || continue
  OUT="$LOGS/$group.$(printf '%s' "${run[*]}" | tr -d -- '-' | tr ' ' '.')"
  echo "== [$((i + 1))/${#RUNS[@]}] $TOOLS: ${run[*]} ($(( $(date +%s) - START )) s so far)" >&2
  echo "${ENV[*]:+${ENV[*]} }perf/GradBench/run.sh ${TOOLS// /,} ${run[*]}" >> "$LOGS/commands.txt"
  ( for setting in "${ENV[@]}"; do export "$setting"; done; run_eval "${run[@]}" ) || STATUS=1
done
echo "== all runs done in $(( $(date +%s) - START )) s; writing the report" >&2
$PY "$GRADBENCH_DIR/make_report.py" "$OUTDIR" "$LOGS" "$(( $(date +%s) - START ))"
exit $STATUS
