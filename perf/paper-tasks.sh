#!/usr/bin/env bash
# Measures Elim's elimination costs on the paper's five tensor-valued tasks (examples/roe_flux_3d.elim,
# f.elim, mlp.elim, encoder.elim, black_scholes_jacobian.elim) and writes them as markdown beside the
# paper's numbers (shared/reference/tensor-tasks.md).
#
# usage: perf/paper-tasks.sh OUT.md [--force] [--seed S] [--elim PATH] [--quick]
#
#   OUT.md      the markdown to write (perf/results/paper-tasks.md in the repository); the order files
#               the searches found go to OUT's name without .md plus "-orders/" (TASK.json)
#   --force     replace OUT.md and its orders folder if they exist (otherwise the script refuses)
#   --seed S    the search seed (default 1)
#   --elim PATH the elim executable (default src/Cli/bin/Debug/net10.0/elim: `dotnet build src/Cli`)
#   --quick     5 s per search instead of the fixed budgets (to try the script; says so in the output)
#
# Per task: `elim check` (inputs, outputs, vertices), `elim cost --order fwd|rev|markowitz`,
# `elim search --method portfolio` (every heuristic; seconds, 25 s on encoder), and `elim search --time T --seed S`
# (the default method, auto) with a fixed budget per task; the order it finds is written with --out
# and recounted with `elim cost --order FILE`. Searches run with --no-store (the user's order store is
# left alone). The budgets total 9.5 minutes; with the other commands the run takes about 10 minutes on 2 cores.
# A command that fails is recorded in the table and its message under "Failures"; the script goes on.
set -u -o pipefail

usage() { sed -n '6,20p' "$0" | sed 's/^# \{0,1\}//'; }

out="" force=0 seed=1 quick=0
elim="src/Cli/bin/Debug/net10.0/elim"
while [ $# -gt 0 ]; do
    case "$1" in
        --force) force=1 ;;
        --quick) quick=1 ;;
        --seed) [ $# -ge 2 ] || { echo "error: --seed needs a value" >&2; exit 64; }; seed="$2"; shift ;;
        --elim) [ $# -ge 2 ] || { echo "error: --elim needs a value" >&2; exit 64; }; elim="$2"; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "error: unknown option '$1'" >&2; usage >&2; exit 64 ;;
        *) [ -z "$out" ] || { echo "error: one output path only ('$out', '$1')" >&2; exit 64; }; out="$1" ;;
    esac
    shift
done
[ -n "$out" ] || { echo "error: give the markdown file to write" >&2; usage >&2; exit 64; }
case "$seed" in ''|*[!0-9-]*) echo "error: --seed '$seed' must be a whole number" >&2; exit 64 ;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root" || exit 1
for tool in jq python3; do
    command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 1; }
done
[ -x "$elim" ] || { echo "error: '$elim' is not an executable; build it with 'dotnet build src/Cli' or pass --elim PATH" >&2; exit 1; }

orders="${out%.md}-orders"
if [ "$force" -eq 0 ]; then
    [ ! -e "$out" ] || { echo "error: '$out' exists; not overwritten (use --force to replace it)" >&2; exit 1; }
    [ ! -e "$orders" ] || { echo "error: '$orders' exists; not overwritten (use --force to replace it)" >&2; exit 1; }
fi
mkdir -p "$(dirname "$out")" || exit 1
rm -rf "$orders" && mkdir -p "$orders" || exit 1

tasks=(roe_flux_3d f mlp encoder black_scholes_jacobian)
declare -A budget=([roe_flux_3d]=60 [f]=150 [mlp]=60 [encoder]=240 [black_scholes_jacobian]=60)
[ "$quick" -eq 1 ] && for t in "${tasks[@]}"; do budget[$t]=5; done

# The paper's numbers (shared/reference/tensor-tasks.md): name, inputs → outputs, fwd, rev, mM, AlphaGrad.
declare -A pname=([roe_flux_3d]="RoeFlux_3d" [f]="f" [mlp]="MLP" [encoder]="Encoder" [black_scholes_jacobian]="BlackScholes_Jacobian")
declare -A pio=(
    [roe_flux_3d]="ul0, ul[3], ul4, ur0, ur[3], ur4 → φ0, φ[3], φ4"
    [f]="v0[4], v1[2,3], v2[4,4], v4[4,1] → 5 arrays"
    [mlp]="x[4], y[4], W1[8,4], b1[8], W2[4,8], b2[4], γ, β → loss"
    [encoder]="x[4,4], y[2,4], 6 × [4,4], W1[4,4], W2[2,4], b1[4], b2[2,1], γ0, β0, γ1, β1 → loss[2]"
    [black_scholes_jacobian]="S, K, r, σ, T → 5 first derivatives")
declare -A pfwd=([roe_flux_3d]=1556 [f]=17728 [mlp]=10930 [encoder]=135010 [black_scholes_jacobian]=545)
declare -A prev=([roe_flux_3d]=979 [f]=8859 [mlp]=392 [encoder]=4688 [black_scholes_jacobian]=572)
declare -A pmm=([roe_flux_3d]=938 [f]=12083 [mlp]=4796 [encoder]=51869 [black_scholes_jacobian]=350)
declare -A pag=([roe_flux_3d]=784 [f]=5884 [mlp]=389 [encoder]=4656 [black_scholes_jacobian]=307)

work="$(mktemp -d)" || exit 1
trap 'rm -rf "$work"' EXIT
failures="$work/failures.md"; : > "$failures"
commands="$work/commands.txt"; : > "$commands"

# run NAME CMD...: runs CMD, stdout to $work/NAME.out, stderr to $work/NAME.err; records the command
# and, when it fails, its exit code and message. Returns CMD's exit code.
run() {
    local name="$1"; shift
    printf '%s\n' "$*" >> "$commands"
    "$@" > "$work/$name.out" 2> "$work/$name.err"
    local rc=$?
    if [ $rc -ne 0 ]; then
        { printf -- '- `%s` exited with %d:\n\n```\n' "$*" "$rc"
          tail -n 20 "$work/$name.err"; tail -n 5 "$work/$name.out"
          printf '```\n\n'; } >> "$failures"
    fi
    return $rc
}

# pct BASE BEST: the relative saving of BEST over BASE in percent, one decimal.
pct() { python3 -c "import sys; b, x = float(sys.argv[1]), float(sys.argv[2]); print(f'{100 * (b - x) / b:.1f}%')" "$1" "$2"; }

# dead FILE.dot: the ids of the vertices from which no output is reachable in the derivative graph.
dead_ids() {
    python3 - "$1" <<'EOF'
import collections, re, sys
text = open(sys.argv[1]).read()
nodes = {m.group(1): (m.group(2), m.group(3)) for m in re.finditer(r'(n\d+) \[shape=(\w+), label="([^"]*)"\]', text)}
preds = collections.defaultdict(set)
for a, b in re.findall(r'(n\d+) -> (n\d+)', text): preds[b].add(a)
seen = {n for n, (shape, _) in nodes.items() if shape == 'doublecircle'}
stack = list(seen)
while stack:
    for p in preds[stack.pop()]:
        if p not in seen: seen.add(p); stack.append(p)
print(' '.join(sorted((nodes[n][1].split(':')[0] for n, (shape, _) in nodes.items() if shape == 'ellipse' and n not in seen), key=int)))
EOF
}

started_utc="$(date -u '+%Y-%m-%d %H:%M UTC')"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A V
for t in "${tasks[@]}"; do
    file="examples/$t.elim"
    echo "== $t" >&2
    if run "$t.check" "$elim" check "$file" --json; then
        V[$t.in]=$(jq '.inputs | length' "$work/$t.check.out")
        V[$t.out]=$(jq '.outputs | length' "$work/$t.check.out")
        V[$t.vert]=$(jq '.vertices' "$work/$t.check.out")
        V[$t.elim]=$(jq '.eliminable' "$work/$t.check.out")
        V[$t.edges]=$(jq '.edges' "$work/$t.check.out")
    fi
    # data inputs: the parameters of the differentiated function marked `data` (scalars counted)
    V[$t.data]=$(python3 - "$file" "$t" <<'EOF'
import math, re, sys
src = open(sys.argv[1]).read()
sig = re.search(r'function\s+' + re.escape(sys.argv[2]) + r'\s*\(([^)]*)\)', src).group(1)
n = 0
for m in re.finditer(r'\bdata\s+\w+\s*(\[([\d,\s]+)\])?', sig):
    n += math.prod(int(d) for d in m.group(2).split(',')) if m.group(2) else 1
print(n)
EOF
)
    for o in fwd rev markowitz; do
        run "$t.cost-$o" "$elim" cost "$file" --order "$o" --json && V[$t.$o]=$(jq '.cost' "$work/$t.cost-$o.out")
    done
    if run "$t.portfolio" "$elim" search "$file" --method portfolio --no-store --json; then
        V[$t.portfolio]=$(jq '.cost' "$work/$t.portfolio.out")
    fi
    if run "$t.search" "$elim" search "$file" --time "${budget[$t]}s" --seed "$seed" --no-store --json --out "$orders/$t.json"; then
        for k in cost lowerBound provenOptimal seconds evaluations method; do
            V[$t.s.$k]=$(jq -r ".$k" "$work/$t.search.out")
        done
        if run "$t.recount" "$elim" cost "$file" --order "$orders/$t.json" --json; then
            V[$t.recount]=$(jq '.cost' "$work/$t.recount.out")
        fi
    fi
    # vertices that reach no output (dead in the derivative graph) and forward mode with them first
    if run "$t.dot" "$elim" dot "$file"; then
        dead="$(dead_ids "$work/$t.dot.out")"
        V[$t.dead]=$(wc -w <<< "$dead")
        if [ "${V[$t.dead]}" -gt 0 ] && [ -n "${V[$t.s.cost]:-}" ]; then
            # the eliminable ids are those of the search's order; dead ones first (descending), then ascending
            python3 - "$orders/$t.json" "$dead" > "$orders/$t.dead-first-forward.json" <<'EOF'
import json, sys
ids = json.load(open(sys.argv[1]))["order"]
dead = {int(x) for x in sys.argv[2].split()}
print(json.dumps(sorted((i for i in ids if i in dead), reverse=True) + sorted(i for i in ids if i not in dead)))
EOF
            run "$t.deadfirst" "$elim" cost "$file" --order "$orders/$t.dead-first-forward.json" --json \
                && V[$t.deadfirst]=$(jq '.cost' "$work/$t.deadfirst.out")
            V[$t.deadops]=$(python3 - "$work/$t.dot.out" "$dead" <<'EOF'
import collections, re, sys
dead = set(sys.argv[2].split())
ops = collections.Counter(m.group(2) for m in re.finditer(r'label="(\d+):(\w+)', open(sys.argv[1]).read()) if m.group(1) in dead)
print(', '.join(f'{n} {op}' for op, n in sorted(ops.items(), key=lambda kv: (-kv[1], kv[0]))))
EOF
)
        fi
    fi
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

cell() { local v="${V[$1]:-}"; [ -n "$v" ] && printf '%s' "$v" || printf 'failed'; }

{
printf '# The paper'"'"'s five tensor-valued tasks on Elim'"'"'s scalarized graphs\n\n'
printf 'Generated %s by `perf/paper-tasks.sh %s%s` (seed %s' "$started_utc" "$out" "$([ "$quick" -eq 1 ] && printf ' --quick')" "$seed"
[ "$quick" -eq 1 ] && printf ', **--quick: 5 s per search, not the fixed budgets**'
printf ').\n\n'
printf -- '- Machine: %s cores (`nproc`), %s (`lscpu | grep '"'"'Model name'"'"'`), %s GiB memory; load average %s before and %s after the run (1, 5, 15 min), so other work shared the cores and the time-limited searches are not exactly repeatable.\n' \
    "$(nproc)" "$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)" "$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)" "$load_before" "$load_after"
printf -- '- Elim: commit %s (`git rev-parse --short HEAD`%s), `%s` (a %s build of `dotnet build src/Cli`), .NET SDK %s.\n' \
    "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" "$([ -n "$(git status --porcelain -- src examples 2>/dev/null)" ] && printf '; src/ or examples/ had uncommitted changes')" \
    "$elim" "$(case "$elim" in *Release*) echo Release ;; *Debug*) echo Debug ;; *) echo '?' ;; esac)" "$(dotnet --version 2>/dev/null || echo '?')"
printf -- '- Costs are Markowitz costs (the paper'"'"'s metric: eliminating k costs |P(k)|·|S(k)| multiplications). "min. Markowitz" is `--order markowitz` (smallest degree first, ties to the lowest id); "portfolio" is the cheapest of every heuristic in `docs/search.md` (both tie-breaks included); "best found" is `elim search` with its default method `auto` (portfolio, then simulated annealing: every task here has more than 24 eliminable vertices, so the exact phase does not run), its order recounted by `elim cost --order FILE` (the "recount" column) and kept in `%s/`.\n' "$orders"
printf -- '- Saving = (best of forward, reverse, min. Markowitz − best) / best of the three, for Elim (its best found) and for the paper (AlphaGrad'"'"'s best).\n\n'

printf '## Graphs\n\n'
printf '| task | file | Elim inputs → outputs (scalars) | data (scalars, no Jacobian column) | vertices | eliminable | edges | dead vertices | paper: inputs → outputs (tensors) |\n'
printf '|---|---|---:|---:|---:|---:|---:|---:|---|\n'
for t in "${tasks[@]}"; do
    printf '| %s | `examples/%s.elim` | %s → %s | %s | %s | %s | %s | %s | %s |\n' "${pname[$t]}" "$t" "$(cell $t.in)" "$(cell $t.out)" \
        "$(cell $t.data)" "$(cell $t.vert)" "$(cell $t.elim)" "$(cell $t.edges)" "$(cell $t.dead)" "${pio[$t]}"
done
printf '\n"vertices", "eliminable" and "edges" are `elim check`'"'"'s (vertices are the non-input vertices). "dead vertices": vertices from which no output can be reached along partial-derivative edges (from `elim dot`); they stay in the graph.\n\n'

printf '## Costs\n\n'
printf '| task | Elim fwd | rev | min. Markowitz | portfolio | best found | budget | recount | lower bound | Elim saving | paper fwd | rev | min. Markowitz | AlphaGrad | paper saving |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for t in "${tasks[@]}"; do
    saving="failed"
    if [ -n "${V[$t.fwd]:-}" ] && [ -n "${V[$t.rev]:-}" ] && [ -n "${V[$t.markowitz]:-}" ] && [ -n "${V[$t.s.cost]:-}" ]; then
        b3=$(printf '%s\n' "${V[$t.fwd]}" "${V[$t.rev]}" "${V[$t.markowitz]}" | sort -n | head -n 1)
        saving="$(pct "$b3" "${V[$t.s.cost]}")"
    fi
    pb3=$(printf '%s\n' "${pfwd[$t]}" "${prev[$t]}" "${pmm[$t]}" | sort -n | head -n 1)
    best="$(cell $t.s.cost)"; [ "${V[$t.s.provenOptimal]:-}" = "true" ] && best="$best (optimal)"
    printf '| %s | %s | %s | %s | %s | **%s** | %s s | %s | %s | **%s** | %s | %s | %s | %s | **%s** |\n' "${pname[$t]}" \
        "$(cell $t.fwd)" "$(cell $t.rev)" "$(cell $t.markowitz)" "$(cell $t.portfolio)" "$best" "${budget[$t]}" "$(cell $t.recount)" \
        "$(cell $t.s.lowerBound)" "$saving" "${pfwd[$t]}" "${prev[$t]}" "${pmm[$t]}" "${pag[$t]}" "$(pct "$pb3" "${pag[$t]}")"
done
printf '\nThe searches (`method`, seconds used, orders evaluated):\n\n'
printf '| task | method | seconds | evaluations | lower bound | proven optimal |\n|---|---|---:|---:|---:|:---:|\n'
for t in "${tasks[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s |\n' "${pname[$t]}" "$(cell $t.s.method)" "$(cell $t.s.seconds)" "$(cell $t.s.evaluations)" \
        "$(cell $t.s.lowerBound)" "$([ "${V[$t.s.provenOptimal]:-}" = true ] && echo yes || echo no)"
done
printf '\n"lower bound" is the admissible connectivity bound of `docs/search.md` (or the optimum, where proven).\n\n'

printf '### Dead vertices\n\n'
printf '| task | dead vertices | their operations | forward | forward with the dead vertices eliminated first |\n|---|---:|---|---:|---:|\n'
for t in "${tasks[@]}"; do
    [ "${V[$t.dead]:-0}" -gt 0 ] || continue
    printf '| %s | %s | %s | %s | %s |\n' "${pname[$t]}" "${V[$t.dead]}" "${V[$t.deadops]:-?}" "$(cell $t.fwd)" "$(cell $t.deadfirst)"
done
printf '\nEliminating a vertex with no successors costs nothing, but until it is eliminated it counts among its predecessors'"'"' successors. Minimal Markowitz (degree 0) and reverse (higher ids first) remove such vertices before they cost anything; forward mode does not.\n\n'

cat <<'EOF'
## Why Elim's counts differ from the paper's

The graphs are not the same graph, so the absolute counts are not comparable; the relative saving is the closer comparison, and even it depends on the graph.

- **Scalar against tensor vertices.** Elim scalarizes every array: an n-vector is n vertices and each elementwise operation is n vertices with one scalar partial each; a matrix product is a sum of scalar products. The paper traces the same code with one vertex per array operation, and its partials are tensors (diagonal, identity, dense or broadcast) whose multiplication counts follow their structure. The same function therefore has far more vertices here, and the costs of fixed orders shift differently: relative to reverse mode, Elim's minimal Markowitz order is better than the paper's on four tasks (not on BlackScholes_Jacobian, whose graphs differ most). Tie-breaking also differs: Elim's `markowitz` breaks ties to the lowest id, and scalarization creates many ties.
- **Inputs.** The paper's MLP and Encoder count the targets y (4 and 8 numbers) as inputs like the weights; Elim's examples mark them `data`, so they have no vertex, no Jacobian column, and the products with y are multiplications by a constant. This lowers forward-mode cost most. In RoeFlux_3d the paper has 6 input tensors and 3 output tensors; Elim has the 10 and 5 scalars they hold.
- **f.** `v41`, the slice `v39[3:4, 3:4]` with its gradient stopped, is `stop_gradient(v39[3, 3])` in Elim: a vertex with no partial, so nothing before it is differentiated through it. Only that element of `v35`, `v36`, `v39` is used, and only through the stopped gradient, so all 16 elements of each of the three (48 vertices, plus the `stop_gradient` vertex) reach no output but stay in the graph (see "Dead vertices"). Contractions to one element (`[1]` in the reference: v9, v44, v49–v51, v55, v65, v69) are scalars here; the identity transpose `v12 = v1` and `v31 = Σ v16` (one element) make no vertex; broadcasts of a [4] as [4,1] against [4,4] are written as loops of scalar operations.
- **MLP and Encoder.** The softmax is `exp(o) / Σ exp(o)` as `tensor-tasks.md` defines it; the examples' comments note that JAX's softmax, used by the reference, also subtracts the (gradient-stopped) maximum first: the same value, but vertices in the paper's graph that Elim's lacks. In the Encoder, `x − μ` is computed twice in the layer norm (as the reference evaluates it), the row and column broadcasts of b1, b2, the softmax's row sums and the layer norm's μ and σ are loops over scalars, and the reference's layer-norm quirk (element (i, j) uses μ[j]) is reproduced.
- **BlackScholes_Jacobian.** The paper's graph is the derivative code JAX emitted for the gradient; Elim's `grad` builds its own reverse sweep in the graph (adjoint vertices made by the frontend), with copies of the five arguments at its start and the price itself computed although the gradient does not need it (one dead vertex). Same function, different vertex lists.
- **Search.** AlphaGrad's best orders come from the paper's trained agents; Elim's best found is portfolio plus simulated annealing for the budget above on this shared machine, and longer or other searches may find cheaper orders (the lower bounds leave room on every task but MLP).
EOF

if [ -s "$failures" ]; then printf '\n## Failures\n\n'; cat "$failures"; fi

printf '\n## Commands\n\nRun from the repository root, in this order:\n\n```sh\n'
cat "$commands"
printf '```\n\n`elim dot` fed the dead-vertex count; the forward-with-dead-first orders (`TASK.dead-first-forward.json` in the orders folder, made by the script from the search order and the dead ids) were counted with `elim cost --order`.\n'
} > "$work/out.md"

mv "$work/out.md" "$out" || exit 1
echo "wrote $out and $orders/" >&2
[ -s "$failures" ] && echo "some commands failed: see the Failures section" >&2
exit 0
