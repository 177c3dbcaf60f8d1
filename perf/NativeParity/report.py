"""The results files: every sample as CSV, and the markdown tables of five-run medians with their ranges."""
import csv
import statistics

import checks
import elim_cli
import native

def write_csv(path, rows):
    """rows: dicts with round, task, batch, contender, kind and median/min/max seconds per point of that run."""
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["round", "task", "batch", "contender", "kind", "median_ns", "min_ns", "max_ns"])
        for r in rows:
            out.writerow([r["round"], r["task"], r["batch"], r["contender"], r["kind"],
                          *(f"{r[k] * 1e9:.3f}" for k in ("median", "min", "max"))])


def read_csv(path):
    """The rows write_csv wrote, in seconds per point."""
    with open(path, newline="") as f:
        return [{"round": int(r["round"]), "task": r["task"], "batch": int(r["batch"]), "contender": r["contender"], "kind": r["kind"],
                 **{k: float(r[f"{k}_ns"]) * 1e-9 for k in ("median", "min", "max")}} for r in csv.DictReader(f)]


class Figures:
    """The runs' medians per (task, batch, contender, kind), in round order."""

    def __init__(self, rows):
        self.runs = {}
        for r in sorted(rows, key=lambda r: r["round"]):
            self.runs.setdefault((r["task"], r["batch"], r["contender"], r["kind"]), []).append(r["median"])

    def time(self, task, batch, contender, kind="jacobian"):
        """'median (min–max)' in ns per point over the runs."""
        runs = self.runs.get((task, batch, contender, kind))
        if not runs:
            return "–"
        return f"{fmt(statistics.median(runs) * 1e9)} ({fmt(min(runs) * 1e9)}–{fmt(max(runs) * 1e9)})"

    def ratio(self, task, batch, contender, reference, kind="jacobian"):
        """median(contender) ÷ median(reference), with the range of the runs' own ratios (same round, interleaved)."""
        a, b = self.runs.get((task, batch, contender, kind)), self.runs.get((task, batch, reference, kind))
        if not a or not b:
            return "–"
        paired = [x / y for x, y in zip(a, b)]
        return f"**{statistics.median(a) / statistics.median(b):.2f}** ({min(paired):.2f}–{max(paired):.2f})"


def fmt(ns):
    return f"{ns:.3g}" if ns < 100 else f"{ns:.0f}"


def elim_reference(batch):
    """What C is divided by: Elim's single-point Evaluate for one point, its batched entry otherwise."""
    return "elim-evaluate" if batch == 1 else "elim"


def tables(figures, tasks, batches):
    """The markdown tables of Jacobians, of primals, and of the batched entry at batch 1."""
    lines = ["## Outputs and Jacobian, ns per point", "",
             "| task | batch | Elim | C | **C ÷ Elim** | vectorised C | **vec C ÷ Elim** | write floor |",
             "|---|---:|---:|---:|---:|---:|---:|---:|",
             *comparison(figures, tasks, batches, "jacobian", lambda task, batch: figures.time(task, batch, "c", "floor")),
             "", "## Primal alone (outputs only), ns per point", "",
             "| task | batch | Elim primal | C primal | **C ÷ Elim** | vectorised C primal | **vec C ÷ Elim** |",
             "|---|---:|---:|---:|---:|---:|---:|",
             *comparison(figures, tasks, batches, "primal")]
    if 1 in batches:
        lines += ["", "## Batch 1 through Elim's batched entry (`elim bench --batch 1`), ns per point", "",
                  "| task | Elim Evaluate | Elim EvaluateBatch, 1 point | C ÷ EvaluateBatch | vec C ÷ EvaluateBatch |",
                  "|---|---:|---:|---:|---:|"]
        for task in tasks:
            lines.append(f"| {task} | {figures.time(task, 1, 'elim-evaluate')} | {figures.time(task, 1, 'elim')} | "
                         f"{figures.ratio(task, 1, 'c', 'elim')} | {figures.ratio(task, 1, 'vec-c', 'elim')} |")
    return lines


def comparison(figures, tasks, batches, kind, extra=None):
    """Rows of Elim, C, C ÷ Elim, vectorised C, vec C ÷ Elim for `kind`, and an `extra` cell when given."""
    for task in tasks:
        for batch in batches:
            ref = elim_reference(batch)
            cells = [task, f"{batch:,}", figures.time(task, batch, ref, kind)]
            for contender in ("c", "vec-c"):
                cells += [figures.time(task, batch, contender, kind), figures.ratio(task, batch, contender, ref, kind)]
            yield "| " + " | ".join(cells + ([extra(task, batch)] if extra else [])) + " |"


def markdown(context, figures, tasks, batches):
    m, args, prepared = context["machine"], context["args"], context["prepared"]
    command = context["command"]
    lines = ["# Elim against sympy-generated native code (issue 17, item 1)", "",
             f"Generated {context['started']} by `{command}` (tasks {', '.join(tasks)}; batches "
             f"{', '.join(f'{b:,}' for b in batches)}; {args.rounds} rounds); the run took {context['minutes']:.1f} minutes.", "",
             f"- Machine: {m['cpu']}, {m['cores']} cores, {'AVX-512' if m['avx512'] else 'AVX2'} (Elim's batched code runs "
             f"{'8' if m['avx512'] else '4'} lanes); load average {' '.join(context['load'][0])} before and "
             f"{' '.join(context['load'][1])} after (1, 5, 15 min): other work shared the machine.",
             f"- {m['gcc']}, glibc {m['glibc']}, Python {m['python']} (`{m['executable']}`), sympy {m['sympy']}, "
             f".NET SDK {m['dotnet']}, Elim at commit {m['commit']} (Release builds); the order store "
             f"`{m['store'][0]}` held {m['store'][1]} file(s) "
             f"({'so elim-best is the cheapest of minimal Markowitz, reverse and forward' if m['store'][1] == 0 else 'elim-best is its best order where it has one, else the cheapest of minimal Markowitz, reverse and forward'}).",
             "", *HOW, "", "## Do the contenders compute Elim's numbers?", "",
             f"Outputs and Jacobian entries against `elim eval` at the typical point and {checks.POINT_COUNT - 1} points within "
             "±0.5 % of it: the largest difference relative to the entry (absolute where Elim's entry is 0), the "
             "largest relative to the largest entry of its row (the outputs are one row, each Jacobian row another: a "
             "cancellation in a small entry does not inflate it), and how many entries are identical to the bit, over "
             f"all entries at all points. A contender agrees when the row-wise figure is at most {checks.TOLERANCE:g}.", "",
             "| task | entries | C: entrywise | C: row-wise | C: identical | vectorised C: entrywise | row-wise | identical |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for p in prepared.values():
        cells = []
        for contender in ("c", "vec-c"):
            found = p["agreement"][contender]
            rowwise = max(r for _, r, _ in found)
            verdict = "" if rowwise <= checks.TOLERANCE else " **disagrees**"
            cells += [f"{max(found)[0]:.1e}", f"{rowwise:.1e}{verdict}", f"{sum(i for _, _, i in found)}"]
        lines.append(f"| {p['name']} | {p['entries'] * checks.POINT_COUNT} | {' | '.join(cells)} |")
    lines += ["", "## The generated code", "",
              "Whether gcc reports a batch loop vectorised (`-fopt-info-vec-optimized`, in the Jacobian's or the "
              "primal's inlined copy): the per-point loop (C, and the vectorised C's remainder) and the lane loop "
              "over a tile of 8 points (vectorised C only).", "",
              "| task | sympy (differentiate, cse, print) | kernel.c lines | C: per-point loop | vectorised C: "
              "lane loop | vectorised C: per-point loop |", "|---|---:|---:|---:|---:|---:|"]
    for p in prepared.values():
        v = p["vectorised"]
        said = [v["c"]["per-point loop"], v["vec-c"]["lane loop"], v["vec-c"]["per-point loop"]]
        lines.append(f"| {p['name']} | {p['generated']:.1f} s | {p['lines']} | " +
                     " | ".join("yes" if s else "no" for s in said) + " |")
    lines += ["", *tables(figures, tasks, batches), "", "## Commands", "", "Run from the repository root:", "", "```sh",
              *elim_cli.BUILD_COMMANDS, command, "```", "", "What it runs, per task (gcc, once), then per round, task and "
              "batch N (X: the typical point as `elim bench` reads it from the file's header, also given to "
              "`elim eval` at the check points):", "", "```sh"]
    for p in prepared.values():
        lines += [c.replace(str(elim_cli.ROOT) + "/", "") for c in p["commands"]]
    lines += [f"dotnet {elim_cli.ELIM.relative_to(elim_cli.ROOT)} eval examples/TASK.elim --at X --json",
              f"dotnet {elim_cli.ELIM.relative_to(elim_cli.ROOT)} bench examples/TASK.elim --batch N --threads 1 --at X "
              "--only elim-best,primal --json",
              f"dotnet {elim_cli.SINGLE_POINT.relative_to(elim_cli.ROOT)} examples/TASK.elim X     # batch 1 only",
              "perf/NativeParity/build/TASK/driver-c eval X",
              "perf/NativeParity/build/TASK/driver-c time jacobian|primal|floor N X",
              "perf/NativeParity/build/TASK/driver-vec-c eval X",
              "perf/NativeParity/build/TASK/driver-vec-c time jacobian|primal N X", "```", ""]
    return "\n".join(lines)


HOW = [
    "- **C** (`c`): `elim ops` (the lowered vertex list) becomes sympy expressions, sympy differentiates every "
    "output by every input, `sympy.cse` (default optimisations) shares subexpressions among the outputs and all "
    "Jacobian entries, and the result is printed as C: integer and half-integer powers as products (and `sqrt`), "
    "`abs` as `fabs` with derivative sign(x) (sympy's `Abs` would differentiate through re/im). Compiled "
    f"`gcc {' '.join(native.SCALAR_FLAGS)}`: IEEE arithmetic, no fused multiply-adds. The primal is the same "
    "printing of the outputs alone, cse'd on their own.",
    f"- **vectorised C** (`vec-c`): the same source, `gcc {' '.join(native.VECTOR_FLAGS)}`, linked with glibc's "
    "libmvec. The batch loop takes 8 points at a time, transposes them into lanes (stack arrays holding each value "
    "of the 8 points side by side), runs the point code in a `#pragma omp simd` loop over the lanes, so that gcc "
    "computes the 8 points in SIMD registers and calls libmvec's vector sin, cos, atan2, ..., and transposes the "
    "results back; the last count mod 8 points run one by one. Without the tiles gcc 12 vectorises nothing in this "
    "layout (it refuses the strided groups of 6, 8, ... doubles); without -fno-builtin-sin/cos it merges sin and cos "
    "of one argument into a complex sincos it cannot vectorise. -ffast-math lets gcc reassociate and contract.",
    "- Layout: Elim's `BatchLayout.PerPoint` (inputs point after point, outputs point after point, the Jacobian "
    "row-major per point), one thread. The C kernel is in its own object file, called through "
    "`jacobian_batch(x, y, J, count)`; the timing driver (`driver.c`) cannot hoist anything out of its loop.",
    "- Timing, every contender alike: one warm-up call, then samples of groups of calls lasting at least 50 µs, at "
    "least 5 samples over at least 0.5 s; a run reports the median sample per point. Rounds interleave: in each "
    "round, for every task and batch, Elim, then C, then vectorised C. A figure is the median of the rounds' "
    "medians with the range (min–max) of the rounds' medians; a ratio is the ratio of those medians with the range "
    "of the rounds' own ratios. C ÷ Elim above 1 means Elim is faster.",
    "- Elim: `elim bench --threads 1 --only elim-best,primal` (elim-best: the order store's best order, else the "
    "cheapest of minimal Markowitz, reverse and forward; its batched entry `EvaluateBatch`, SIMD across points). At batch 1 the ratio's Elim is the "
    "single-point `JacobianFunction.Evaluate` (and `Primal.Evaluate`) timed by `perf/NativeParity/SinglePoint` with "
    "the same sampling, the call a user makes for one point; `elim bench --batch 1` (the batched entry with one "
    "point) is in its own table.",
    "- Points: N points within ±0.5 % of the typical point, seeded; Elim and the C driver draw them with different "
    "generators, so the points differ but not their spread.",
    "- Write floor: the C driver filling every point's outputs and Jacobian with ones (no computation): no Jacobian "
    "code in this layout can be faster.",
]
