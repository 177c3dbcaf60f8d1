"""Elim's side of the comparison: its command line (values, Jacobians and batched timings) and the single-point
timing program beside this file."""
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ELIM = ROOT / "src/Cli/bin/Release/net10.0/elim.dll"
SINGLE_POINT = ROOT / "perf/NativeParity/SinglePoint/bin/Release/net10.0/elim-single-point.dll"
BUILD_COMMANDS = ["dotnet build -c Release src/Cli", "dotnet build -c Release perf/NativeParity/SinglePoint"]

# The file's header as `elim bench` reads it (BenchPoints.Centre): "Typical point ...:" then numbers on the rest of
# the line or on the next comment line, n of them or one for all inputs.
TYPICAL = re.compile(r"Typical point[^:\n]*:([^\n]*)(?:\n//([^\n]*))?")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def check_built():
    missing = [str(p.relative_to(ROOT)) for p in (ELIM, SINGLE_POINT) if not p.exists()]
    if missing:
        raise SystemExit(f"error: {', '.join(missing)} missing; build first: {' && '.join(BUILD_COMMANDS)}")


def run(*args):
    """stdout of a dotnet program (elim.dll or the single-point timer) with these arguments."""
    done = subprocess.run(["dotnet", *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"`dotnet {' '.join(map(str, args))}` exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def elim(*args):
    return run(ELIM, *args)


def typical_point(path, n):
    header = TYPICAL.search(Path(path).read_text())
    if header:
        numbers = [float(x) for x in NUMBER.findall(header[1])] or [float(x) for x in NUMBER.findall(header[2] or "")]
        if len(numbers) in (1, n):
            return numbers * (n // len(numbers))
    return [0.5] * n


def point_text(x):
    return ",".join(repr(v) for v in x)


def evaluate(path, x):
    """Elim's outputs and row-major Jacobian at x (`elim eval --json`)."""
    result = json.loads(elim("eval", path, "--at", point_text(x), "--json"))
    return [float(v) for v in result["values"]], [float(v) for row in result["jacobian"] for v in row]


def bench(path, batch, x):
    """{contender: (median, min, max)} seconds per point of elim-best and primal, one thread, around x."""
    result = json.loads(elim("bench", path, "--batch", batch, "--threads", 1, "--at", point_text(x),
                             "--only", "elim-best,primal", "--json"))
    return {r["contender"]: (r["secondsPerPoint"], r["minSecondsPerPoint"], r["maxSecondsPerPoint"])
            for r in result["results"]}


def single_point(path, x):
    """{"jacobian"|"primal": (median, min, max)} seconds per Evaluate call at x."""
    result = json.loads(run(SINGLE_POINT, path, point_text(x)))
    return {kind: (t["median"], t["min"], t["max"]) for kind, t in result.items()}
