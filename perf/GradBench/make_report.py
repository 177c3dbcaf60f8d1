#!/usr/bin/env python3
"""Writes OUTDIR/gradbench.md, OUTDIR/gradbench.csv and one plot per eval (OUTDIR/gradbench-EVAL.png) from the
driver summaries LOGS/GROUP.RUN/TOOL.summary.json and the commands in LOGS/commands.txt (measure.sh's layout).
Times: the median and the minimum of the runs a tool reported for one evaluate message. Ratios: a tool's
median over Elim's (above 1: Elim is faster). A tool's time counts only when the eval validated its output.
Usage: make_report.py OUTDIR LOGS [SECONDS_TAKEN]"""
import csv
import glob
import json
import os
import platform
import re
import subprocess
import sys

TOOL_ORDER = ["elim", "manual", "adol-c", "cppad", "codipack", "finite", "pytorch"]


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    flags = next((l for l in open("/proc/cpuinfo") if l.startswith("flags")), "")
    simd = "AVX-512" if " avx512f" in flags else "AVX2" if " avx2" in flags else "SSE"
    mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0) / 2**20
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    gcc = subprocess.run(["g++", "-dumpfullversion"], capture_output=True, text=True).stdout.strip()
    return (f"{cpu}, {os.cpu_count()} cores ({simd} available), {mem:.0f} GiB, {platform.platform()}, "
            f".NET SDK {dotnet}, g++ {gcc} (-O3 -march=native), one thread per tool")


KEPT = "ba, freed memory kept"


def run_label(run_dir):
    group, name = os.path.basename(run_dir).split(".", 1)   # GROUP.EVAL.options
    if name.startswith("ht"):
        model = re.search(r"model\.(\w+)", name).group(1)
        variant = re.search(r"variant\.(\w+)", name).group(1)
        return "ht", f"ht {model} {variant}"
    return "ba", KEPT if group == "KEEP" else "ba"


def median(xs):
    s = sorted(xs)
    return s[len(s) // 2] if s else None


def load(logs):
    rows = []
    for run_dir in sorted(d for d in glob.glob(os.path.join(logs, "*")) if os.path.isdir(d)):
        evaluation, label = run_label(run_dir)
        for path in glob.glob(os.path.join(run_dir, "*.summary.json")):
            s = json.load(open(path))
            define = s.get("define") or {}
            compile_ns = sum(t["nanoseconds"] for t in define.get("timings") or [] if t["name"] == "compile")
            for e in s["evaluations"]:
                ok = e["success"] and e["valid"]
                rows.append({"eval": evaluation, "set": label, "file": e["description"], "tool": s["tool"],
                             "function": e["function"], "valid": ok, "runs": len(e["evaluate_ns"]),
                             "median_ms": median(e["evaluate_ns"]) / 1e6 if ok else None,
                             "min_ms": min(e["evaluate_ns"]) / 1e6 if ok else None,
                             "prepare_ms": e["prepare_ns"] / 1e6,
                             "compile_s": compile_ns / 1e9 if compile_ns else None,
                             "status": "valid" if ok else ("INVALID" if e["success"] else f"failed: {(e['error'] or '')[:60]}")})
    return rows


def file_key(name):
    return int(re.match(r"\D+(\d+)", name).group(1))


def fmt(x):
    return "-" if x is None else f"{x:.3f}" if x < 100 else f"{x:.0f}"


def main():
    outdir, logs = sys.argv[1], sys.argv[2]
    seconds = sys.argv[3] if len(sys.argv) > 3 else "?"
    rows = load(logs)
    tools = [t for t in TOOL_ORDER if any(r["tool"] == t for r in rows)]
    with open(os.path.join(outdir, "gradbench.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()) if rows else ["eval"])
        w.writeheader()
        w.writerows(rows)

    by = {(r["set"], r["file"], r["tool"], r["function"]): r for r in rows}
    sets = sorted({r["set"] for r in rows}, key=lambda s: (not s.startswith("ba"), s))
    commands_file = os.path.join(logs, "commands.txt")
    commands = open(commands_file).read().strip() if os.path.exists(commands_file) else ""
    out = ["# GradBench: Elim against GradBench's tools", "",
           f"Machine: {machine()}.", f"Measurement took {seconds} s. Commands (from the repository root):", "",
           "```", "perf/GradBench/measure.sh OUTDIR", commands, "```", "",
           "Each cell: the median of the runs of one evaluate message in milliseconds (the tool's own `evaluate` "
           "timings, as GradBench reports them; min_seconds per message as in the commands), and in brackets the "
           "tool's median over Elim's (above 1: Elim is faster). `-`: not run, failed or not validated (see the CSV's "
           "status). Every time shown is of an output GradBench's eval validated against its `manual` tool.", "",
           f"`{KEPT}`: ba again, every tool run with `GLIBC_TUNABLES` set so that glibc's malloc keeps freed memory "
           "for the next run (see measure.sh). Each ba run builds a fresh matrix of 12 to 143 MB in every tool, as "
           "GradBench's C++ tools do, and on this machine (a virtual machine) touching a fresh page costs about 12 µs "
           "(writing 70 MB of fresh pages: 215 ms; of reused ones: 3 ms), so without it the page faults set every "
           "tool's time on the larger files.", ""]
    compile_rows = {}
    for r in rows:
        if r["tool"] == "elim" and r["compile_s"]:
            compile_rows[r["set"]] = r["compile_s"]
    out += targets(sets, by)
    if compile_rows:
        out += ["Elim's compile time (define: .elim text to the first Jacobian, not in the evaluate times): " +
                ", ".join(f"{k}: {v:.2f} s" for k, v in compile_rows.items()) + ".", ""]
    for s in sets:
        files = sorted({r["file"] for r in rows if r["set"] == s}, key=file_key)
        for function in ("jacobian", "objective"):
            out += [f"## {s}: {function}", "", "| data file | " + " | ".join(tools) + " |", "|---" * (len(tools) + 1) + "|"]
            for file in files:
                elim = by.get((s, file, "elim", function))
                base = elim["median_ms"] if elim else None
                cells = []
                for t in tools:
                    r = by.get((s, file, t, function))
                    if not r or r["median_ms"] is None:
                        cells.append("-" if not r else r["status"].split(":")[0])
                    elif t == "elim" or base is None:
                        cells.append(fmt(r["median_ms"]))
                    else:
                        cells.append(f"{fmt(r['median_ms'])} ({r['median_ms'] / base:.1f}×)")
                out.append(f"| {file} | " + " | ".join(cells) + " |")
            out.append("")
    with open(os.path.join(outdir, "gradbench.md"), "w") as f:
        f.write("\n".join(out) + "\n")
    plot(outdir, rows, tools)
    print(f"wrote {outdir}/gradbench.md, gradbench.csv and the plots", file=sys.stderr)


def targets(sets, by):
    """The issue's targets: Elim's Jacobian at least 3× faster than manual on every ba file, at least as fast on ht."""
    lines = ["## Targets (Jacobian, one thread, median over median)", "",
             "| set | Elim / manual speed-up, per file | target | met on |", "|---|---|---|---|"]
    for s in sets:
        files = sorted({f for (set_, f, _, _) in by if set_ == s}, key=file_key)
        ratios = []
        for f in files:
            e, m = by.get((s, f, "elim", "jacobian")), by.get((s, f, "manual", "jacobian"))
            ratios.append(m["median_ms"] / e["median_ms"] if e and m and e["median_ms"] and m["median_ms"] else None)
        goal = 3.0 if s.startswith("ba") else 1.0
        met = sum(1 for r in ratios if r is not None and r >= goal)
        shown = ", ".join("-" if r is None else f"{r:.1f}" for r in ratios)
        lines.append(f"| {s} | {shown} | ≥ {goal:g}× | {met} of {len(files)} files |")
    return lines + [""]


def plot(outdir, rows, tools):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    for evaluation in sorted({r["eval"] for r in rows}):
        sets = sorted({r["set"] for r in rows if r["eval"] == evaluation})
        columns = min(2, len(sets))
        rows_ = (len(sets) + columns - 1) // columns
        fig, axes = plt.subplots(rows_, columns, figsize=(6.5 * columns, 4.5 * rows_), squeeze=False)
        for ax, s in zip(axes.flat, sets):
            files = sorted({r["file"] for r in rows if r["set"] == s}, key=file_key)
            for t in tools:
                points = [(i, r["median_ms"]) for i, f in enumerate(files)
                          for r in [next((x for x in rows if x["set"] == s and x["file"] == f and x["tool"] == t
                                          and x["function"] == "jacobian"), None)] if r and r["median_ms"]]
                if points:
                    ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=t,
                            linewidth=2.5 if t == "elim" else 1)
            ax.set_xticks(range(len(files)))
            ax.set_xticklabels([re.sub(r"_.*", "", f) for f in files], rotation=45)
            ax.set_yscale("log")
            ax.set_ylabel("jacobian, ms (median of runs)")
            ax.set_title(f"{s}: jacobian, one thread")
            ax.grid(True, which="both", alpha=0.3)
            ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(os.path.join(outdir, f"gradbench-{evaluation}.png"), dpi=110)
        plt.close(fig)


if __name__ == "__main__":
    main()
