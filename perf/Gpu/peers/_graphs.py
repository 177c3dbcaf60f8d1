"""Shared by the GPU peers: an exported Elim graph (see ../export_peer_graphs.py) as a function of one point in an
array library (jax.numpy or torch), the check against Elim's Jacobian, best-of-k timing and the CSV of results."""
import argparse
import csv
import json
import os
import time
import traceback
from pathlib import Path

GRAPHS = Path(__file__).resolve().parent / "graphs"
BATCHES = [10_000, 100_000, 1_000_000, 10_000_000]
FIELDS = ["peer", "mode", "example", "batch", "seconds", "max_relative_difference", "note"]

# Elim's operations in terms of an array library `xp` (jax.numpy or torch); abs' derivative is sign(x), as Elim's.
UNARY = {
    "copy": lambda xp, a: a, "neg": lambda xp, a: -a, "square": lambda xp, a: a * a, "abs": lambda xp, a: xp.abs(a),
    "sin": lambda xp, a: xp.sin(a), "cos": lambda xp, a: xp.cos(a), "tan": lambda xp, a: xp.tan(a),
    "asin": lambda xp, a: xp.arcsin(a), "acos": lambda xp, a: xp.arccos(a), "atan": lambda xp, a: xp.arctan(a),
    "sinh": lambda xp, a: xp.sinh(a), "cosh": lambda xp, a: xp.cosh(a), "tanh": lambda xp, a: xp.tanh(a),
    "asinh": lambda xp, a: xp.arcsinh(a), "acosh": lambda xp, a: xp.arccosh(a), "atanh": lambda xp, a: xp.arctanh(a),
    "exp": lambda xp, a: xp.exp(a), "log": lambda xp, a: xp.log(a), "log1p": lambda xp, a: xp.log1p(a),
    "sqrt": lambda xp, a: xp.sqrt(a), "erf": lambda xp, a: xp.erf(a), "logistic": lambda xp, a: 1 / (1 + xp.exp(-a)),
}
BINARY = {
    "add": lambda xp, a, b: a + b, "sub": lambda xp, a, b: a - b, "mul": lambda xp, a, b: a * b,
    "div": lambda xp, a, b: a / b, "pow": lambda xp, a, b: a ** b, "atan2": lambda xp, a, b: xp.arctan2(a, b),
}


def load_all(names=None):
    """The exported graphs, by example name, in file order (or the order of `names`)."""
    files = sorted(GRAPHS.glob("*.json")) if names is None else [GRAPHS / f"{n}.json" for n in names]
    return [json.loads(f.read_text()) for f in files]


def function(graph, xp, stack):
    """f(x) -> outputs of the graph for one point x (a vector of the inputs); `stack` joins the outputs."""
    operations = graph["operations"]
    outputs = graph["outputs"]

    def f(x):
        value = {}

        def of(operand):
            kind, v = operand
            return x[v] if kind == "input" else value[v] if kind == "vertex" else v

        for vertex, name, operands, exponent in operations:
            args = [of(o) for o in operands]
            if name == "integer_pow":
                value[vertex] = args[0] ** exponent
            elif name in UNARY and len(args) == 1:
                value[vertex] = UNARY[name](xp, args[0])
            elif name in BINARY and len(args) == 2:
                value[vertex] = BINARY[name](xp, *args)
            else:
                raise ValueError(f"{graph['name']}: vertex {vertex}: '{name}' has no peer translation")
        return stack([value[v] for v in outputs])

    return f


def max_relative_difference(jacobian, expected):
    """Largest |a - b| / max(1, |b|) over the flattened Jacobian at the typical point."""
    return max(abs(a - b) / max(1.0, abs(b)) for a, b in zip(jacobian, expected))


def best_seconds(run, budget=0.5, repeats=20):
    """Best wall time of `run` (which must wait for the device) after one warm-up call, as perf/Gpu/Timing.cs."""
    run()
    best, spent = float("inf"), 0.0
    for r in range(repeats):
        if not (spent < budget or (r < 3 and best < budget)):
            break
        start = time.perf_counter()
        run()
        seconds = time.perf_counter() - start
        best, spent = min(best, seconds), spent + seconds
    return best


class Results:
    """Rows appended to OUT/peers.csv as they are measured, so a run cut short keeps what it finished."""

    def __init__(self, out):
        self.path = Path(out) / "peers.csv"
        new = not self.path.exists()
        self.file = open(self.path, "a", newline="")
        self.writer = csv.DictWriter(self.file, FIELDS)
        if new:
            self.writer.writeheader()

    def add(self, **row):
        self.writer.writerow(row)
        self.file.flush()
        os.fsync(self.file.fileno())
        print(", ".join(f"{k}={v}" for k, v in row.items()), flush=True)


def run_peer(peer, modes, batched, random_points, flat, wait):
    """Checks and times every graph in every mode at every batch size; a size that fails (out of memory, say) is
    recorded with its error and ends that mode's larger sizes.

    modes: names; batched(graph, mode) -> a function of a (batch, n) device array returning (batch, m, n) Jacobians;
    random_points(point, batch) -> device array; flat(array) -> Python floats; wait(array) blocks until it is ready."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--batches", type=lambda s: [int(b) for b in s.split(",")], default=BATCHES)
    args = parser.parse_args()
    results = Results(args.out)
    for graph in load_all():
        for mode in modes:
            try:
                jacobian = batched(graph, mode)
                difference = max_relative_difference(flat(jacobian(random_points(graph["point"], 0))), graph["jacobian"])
            except Exception as error:  # a peer that cannot run a graph is reported, not fatal
                traceback.print_exc()
                results.add(peer=peer, mode=mode, example=graph["name"], batch=1, seconds="", max_relative_difference="",
                            note=f"failed: {type(error).__name__}")
                continue
            for batch in args.batches:
                try:
                    x = random_points(graph["point"], batch)
                    seconds = best_seconds(lambda: wait(jacobian(x)))
                    results.add(peer=peer, mode=mode, example=graph["name"], batch=batch, seconds=f"{seconds:.6e}",
                                max_relative_difference=f"{difference:.1e}", note="")
                except Exception as error:
                    results.add(peer=peer, mode=mode, example=graph["name"], batch=batch, seconds="",
                                max_relative_difference=f"{difference:.1e}", note=f"failed: {type(error).__name__}: {str(error)[:80]}")
                    break
                finally:
                    x = None
