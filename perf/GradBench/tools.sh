# Sourced by run.sh and measure.sh: where GradBench lives and how each tool is started (TOOL_COMMAND NAME).
WORK=${GRADBENCH_WORK:-$HOME/gradbench-work}
GB=$WORK/gradbench
PY=/usr/bin/python3   # Debian's interpreter: numpy, pydantic, dataclasses-json, torch
GRADBENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export CPATH=$WORK/deps/CoDiPack-2.3.1/include${CPATH:+:$CPATH}
export PKG_CONFIG_PATH=$WORK/deps/cppad-install/lib/pkgconfig
export LIBRARY_PATH=$WORK/deps/cppad-install/lib
export LD_LIBRARY_PATH=$WORK/deps/cppad-install/lib
ALL_TOOLS="elim manual adol-c cppad codipack finite pytorch"

# The command that starts tool $1 in GradBench's folder, one thread (GradBench's default for its C++ tools).
tool_command() {
  case $1 in
    elim) echo "bash $GRADBENCH_DIR/tool.sh" ;;
    elim-mt) echo "bash $GRADBENCH_DIR/tool.sh --multithreaded" ;;   # all cores; not in ALL_TOOLS
    pytorch) echo "env OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $PY python/gradbench/gradbench/tools/pytorch/run.py" ;;
    manual|adol-c|cppad|codipack|finite) echo "$PY $GRADBENCH_DIR/shim/cpp_tool.py $1" ;;
    *) return 1 ;;
  esac
}

# Runs GradBench's eval $1 (run.py options after it) against the tools named in $TOOLS, logs into $OUT.
run_eval() {
  local eval=$1; shift
  [ -d "$GB/evals/$eval" ] || { echo "no eval '$eval' in $GB (see perf/GradBench/README.md for the set-up)" >&2; return 2; }
  # The eval checks every output against GradBench's `manual` tool, which it runs from tools/manual/bin.
  make -s -C "$GB/tools/manual" "bin/$eval" MULTITHREADED=no >&2 || { echo "cannot build GradBench's manual $eval" >&2; return 2; }
  local args=() t
  for t in $TOOLS; do
    tool_command "$t" > /dev/null || { echo "unknown tool '$t'" >&2; return 2; }
    if [ "${t%-mt}" != elim ] && ! grep -q "^$eval\b" "$GB/tools/$t/evals.txt"; then
      echo "skipping $t: GradBench has no $eval for it (tools/$t/evals.txt)" >&2; continue
    fi
    args+=(--tool "$t=$(tool_command "$t")")
  done
  $PY "$GRADBENCH_DIR/driver.py" --cwd "$GB" --out "$OUT" \
    --eval "$PY python/gradbench/gradbench/evals/$eval/run.py $*" \
    --eval-env "PYTHONPATH=$GRADBENCH_DIR/shim:python/gradbench" --tool-env PYTHONPATH=python/gradbench \
    "${args[@]}"
}
