#!/usr/bin/python3
"""Elim against sympy-generated native code on the paper's five scalar tasks (issue 17, item 1).

    /usr/bin/python3 perf/NativeParity/run.py --out DIR [--force | --resume] [--rounds 5] [--tasks roe_flux_1d,g]
        [--batches 1,1000,100000]

Per task: `elim ops` → sympy expressions → derivatives → sympy.cse → C (build/TASK/kernel.c), compiled twice
(IEEE scalar and vectorised), checked against `elim eval` at four points; then rounds of interleaved timings (Elim,
C, vectorised C for every task and batch, one thread). Writes native-parity.md and native-parity.csv into --out; the
CSV grows as the timings come in, so a stopped run continues with --resume.
"""
import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import sympy

import checks
import codegen
import elim_cli
import elim_graph
import native
import report

TASKS = {"roe_flux_1d": "RoeFlux_1d", "robot_arm_6dof": "RobotArm_6DOF", "human_heart_dipole": "HumanHeartDipole",
         "propane_combustion": "PropaneCombustion", "g": "g"}
BUILD = Path(__file__).resolve().parent / "build"


def main():
    args = options()
    out = Path(args.out)
    targets = [out / "native-parity.md", out / "native-parity.csv"]
    existing = [str(t) for t in targets if t.exists()]
    if existing and not (args.force or args.resume):
        sys.exit(f"error: {', '.join(existing)} exist; not overwritten (use --force to replace them, or --resume to continue "
                 "the run that wrote them)")
    if args.resume and not targets[1].exists():
        sys.exit(f"error: no {targets[1]} to resume; leave out --resume to start a run")
    if out.exists() and not out.is_dir():
        sys.exit(f"error: {out} is a file; give the folder for the results")
    out.mkdir(parents=True, exist_ok=True)
    if not os.access(out, os.W_OK):
        sys.exit(f"error: cannot write into {out}")
    elim_cli.check_built()
    started, load_before, clock = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), load_average(), time.time()

    prepared = {task: prepare(task) for task in args.tasks}
    rows = resumed_rows(targets[1], args) if args.resume else []
    done = {(row["round"], row["task"], row["batch"]) for row in rows}
    if rows:
        print(f"resuming: {len(done)} of {args.rounds * len(args.tasks) * len(args.batches)} timings already in {targets[1]}",
              file=sys.stderr)
    for r in range(1, args.rounds + 1):
        for task in args.tasks:
            for batch in args.batches:
                if (r, TASKS[task], batch) in done:
                    continue
                rows += measure(r, task, batch, prepared[task])
                report.write_csv(targets[1], rows)   # after every timing: a stopped run loses at most one
                progress(r, args.rounds, task, batch, rows)

    minutes = (time.time() - clock) / 60
    context = {"command": " ".join([sys.executable, *sys.argv]), "started": started, "minutes": minutes, "load": (load_before, load_average()), "args": args,
               "prepared": prepared, "machine": machine()}
    targets[0].write_text(report.markdown(context, report.Figures(rows), [TASKS[t] for t in args.tasks], args.batches))
    print(f"wrote {targets[0]} and {targets[1]} in {minutes:.1f} min", file=sys.stderr)


def options():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="folder for native-parity.md and native-parity.csv")
    parser.add_argument("--force", action="store_true", help="replace existing results")
    parser.add_argument("--resume", action="store_true", help="continue the stopped run whose native-parity.csv is in --out")
    parser.add_argument("--rounds", type=positive, default=5)
    parser.add_argument("--tasks", type=lambda s: s.split(","), default=list(TASKS))
    parser.add_argument("--batches", type=lambda s: [positive(b) for b in s.split(",")], default=[1, 1000, 100000])
    args = parser.parse_args()
    if args.force and args.resume:
        parser.error("--force starts over and --resume continues: give one")
    unknown = [t for t in args.tasks if t not in TASKS]
    if unknown:
        parser.error(f"unknown task(s) {', '.join(unknown)}; the tasks are {', '.join(TASKS)}")
    return args


def resumed_rows(path, args):
    """The timings of a stopped run that this run's rounds, tasks and batches include (the CSV is written after each
    task and batch's timings, so every group in it is whole)."""
    names = {TASKS[t] for t in args.tasks}
    return [row for row in report.read_csv(path) if row["round"] <= args.rounds and row["task"] in names and row["batch"] in args.batches]


def positive(text):
    """A whole number of at least 1, else argparse's one-line error."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def prepare(task):
    """Generates and builds the task's C contenders and checks them against Elim; returns what the report needs."""
    source = f"examples/{task}.elim"
    print(f"{TASKS[task]}: reading the graph, differentiating with sympy, compiling, checking ...", file=sys.stderr)
    graph = elim_graph.load(elim_cli.elim, source)
    centre = elim_cli.typical_point(elim_cli.ROOT / source, len(graph.inputs))
    folder = BUILD / task
    folder.mkdir(parents=True, exist_ok=True)
    kernel = folder / "kernel.c"
    start = time.time()
    codegen.write_kernel(graph, source, kernel)
    generated = time.time() - start
    commands, binaries, vectorised = [], {}, {}
    for contender in native.CONTENDERS:
        binaries[contender], vectorised[contender] = native.build(kernel, contender, commands)
    agreement = {contender: [] for contender in binaries}
    for x in checks.points(centre, checks.POINT_COUNT):
        values, jacobian = elim_cli.evaluate(source, x)
        for contender, binary in binaries.items():
            mine = native.evaluate(binary, x, len(values))
            agreement[contender].append(checks.difference(checks.rows(*mine), checks.rows(values, jacobian)))
    print(f"{TASKS[task]}: sympy {generated:.1f} s; " + "; ".join(
        f"{c} vs Elim: largest difference {max(a)[0]:.1e} entrywise, {max(r for _, r, _ in a):.1e} row-wise"
        for c, a in agreement.items()), file=sys.stderr)
    return {"name": TASKS[task], "source": source, "centre": centre, "binaries": binaries, "generated": generated, "commands": commands,
            "vectorised": vectorised, "agreement": agreement, "entries": len(graph.outputs) * (1 + len(graph.inputs)),
            "lines": len(kernel.read_text().splitlines())}


def measure(r, task, batch, p):
    """One round's timings of every contender on one task and batch, Elim first."""
    rows = []

    def add(contender, kind, timing):
        rows.append({"round": r, "task": TASKS[task], "batch": batch, "contender": contender, "kind": kind,
                     "median": timing[0], "min": timing[1], "max": timing[2]})

    elim = elim_cli.bench(p["source"], batch, p["centre"])
    add("elim", "jacobian", elim["elim-best"])
    add("elim", "primal", elim["primal"])
    if batch == 1:
        for kind, timing in elim_cli.single_point(p["source"], p["centre"]).items():
            add("elim-evaluate", kind, timing)
    for contender, binary in p["binaries"].items():
        for kind in ("jacobian", "primal") + (("floor",) if contender == "c" else ()):
            add(contender, kind, native.time(binary, kind, batch, p["centre"]))
    return rows


def progress(r, rounds, task, batch, rows):
    shown = {row["contender"]: row["median"] * 1e9 for row in rows if
             row["round"] == r and row["task"] == TASKS[task] and row["batch"] == batch and row["kind"] == "jacobian"}
    print(f"[round {r}/{rounds}] {TASKS[task]} batch {batch:,}: " +
          ", ".join(f"{c} {ns:.4g} ns" for c, ns in shown.items()), file=sys.stderr, flush=True)


def load_average():
    return Path("/proc/loadavg").read_text().split()[:3]


def machine():
    def output(*command):
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"

    cpu = next((line.split(":", 1)[1].strip() for line in output("lscpu").splitlines()
                if line.startswith("Model name")), "?")
    flags = Path("/proc/cpuinfo").read_text()
    return {"cpu": cpu, "cores": output("nproc"), "avx512": " avx512f" in flags,
            "gcc": output("gcc", "--version").splitlines()[0], "glibc": platform.libc_ver()[1],
            "python": sys.version.split()[0], "executable": sys.executable, "sympy": sympy.__version__, "dotnet": output("dotnet", "--version"),
            "commit": output("git", "-C", str(elim_cli.ROOT), "rev-parse", "--short", "HEAD"), "store": order_store()}


def order_store():
    """Where elim-best looks for orders (OrderStore.Default), and how many files it holds."""
    store = Path(os.environ.get("ELIM_ORDER_STORE") or Path.home() / ".elim/orders")
    return store, sum(1 for f in store.rglob("*") if f.is_file()) if store.is_dir() else 0


if __name__ == "__main__":
    main()
