#!/usr/bin/env python3
"""Medians over several harness runs of the ratios issue 6 sets targets for (one thread).

Usage: targets_summary.py RUN_DIR [RUN_DIR ...]   (each holding a cpu-jacobians.csv)
Prints a Markdown table: per example and batch, the median time per point of elim-best, the primal, the
write floor and TorchSharp, and the median (min–max) over runs of each ratio, taken run by run.
"""
import csv
import statistics
import sys


def main(directories):
    times = {}
    for directory in directories:
        with open(f"{directory}/cpu-jacobians.csv") as handle:
            for row in csv.DictReader(handle):
                if row["threads"] != "1":
                    continue
                key = (row["example"], int(row["batch"]))
                times.setdefault(key, {}).setdefault(row["contender"], []).append(float(row["seconds_per_point"]) * 1e9)

    def ratio(contenders, numerator, denominator):
        if numerator not in contenders or denominator not in contenders:
            return "—"
        values = [a / b for a, b in zip(contenders[numerator], contenders[denominator])]
        return f"{statistics.median(values):.1f}× ({min(values):.1f}–{max(values):.1f})"

    print(f"Medians over {len(directories)} runs, one thread, ns per point; ratios run by run, median (min–max).")
    print()
    print("| example | batch | elim-best | primal | write-floor | torchsharp | torchsharp ÷ elim-best | elim-best ÷ primal"
          " | elim-best ÷ write-floor | handwritten ÷ elim-best |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (example, batch), contenders in sorted(times.items()):
        cells = [f"{statistics.median(contenders[name]):.1f}" if name in contenders else "—"
                 for name in ("elim-best", "primal", "write-floor", "torchsharp")]
        print(f"| {example} | {batch:,} | " + " | ".join(cells) + " | "
              + " | ".join([ratio(contenders, "torchsharp", "elim-best"), ratio(contenders, "elim-best", "primal"),
                            ratio(contenders, "elim-best", "write-floor"),
                            ratio(contenders, "handwritten-reverse", "elim-best")]) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
