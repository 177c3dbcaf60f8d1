"""The two C contenders: the generated kernel built with gcc in IEEE mode and vectorised, linked to driver.c."""
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent

# IEEE-faithful: no -ffast-math, and no fused multiply-adds, so values compare with Elim's bit for bit where the
# formulas agree (gcc's default -ffp-contract=fast fuses a*b - c*d).
SCALAR_FLAGS = ["-O3", "-march=native", "-ffp-contract=off"]
# Points in SIMD lanes (#pragma omp simd over tiles of 8 points, see kernel_template.c) with glibc's vector math
# library (libmvec), which gcc calls only under -ffast-math. Without -fno-builtin-sin/cos, gcc merges sin(a) and cos(a)
# into one complex sincos (cexpi) that it cannot vectorise, and a kernel with both stays scalar (RobotArm_6DOF).
VECTOR_FLAGS = ["-O3", "-march=native", "-ffast-math", "-fopenmp-simd", "-fno-builtin-sin", "-fno-builtin-cos",
                "-DTILE=8"]
CONTENDERS = {"c": SCALAR_FLAGS, "vec-c": VECTOR_FLAGS}
LIBRARIES = {"c": ["-lm"], "vec-c": ["-lmvec", "-lm"]}


def gcc(args, log):
    command = ["gcc", *map(str, args)]
    log.append(" ".join(command))
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"`{' '.join(command)}` failed:\n{done.stderr}")
    return done.stderr


def build(kernel, contender, log):
    """Compiles kernel.c and the driver with the contender's flags; returns (binary, {loop: whether gcc vectorised it})."""
    flags = CONTENDERS[contender]
    obj = kernel.with_name(f"kernel-{contender}.o")
    report = gcc([*flags, "-fopt-info-vec-optimized", "-I", HERE, "-c", kernel, "-o", obj], log)
    binary = kernel.with_name(f"driver-{contender}")
    gcc([*flags, "-I", HERE, HERE / "driver.c", obj, "-o", binary, *LIBRARIES[contender]], log)
    vectorised = {int(line) for line in re.findall(r"kernel\.c:(\d+):\d+: optimized: loop vectorized", report)}
    return binary, {loop: line in vectorised for loop, line in loops(kernel).items()}


def loops(kernel):
    """{"per-point loop"|"lane loop": its line in kernel.c}; batch() inlines both into jacobian_batch and primal_batch."""
    lines = Path(kernel).read_text().splitlines()
    return {loop: next(k + 1 for k, line in enumerate(lines) if marker in line)
            for loop, marker in (("per-point loop", "point(x + p * N"), ("lane loop", "point(xt + lane"))}


def evaluate(binary, x, m):
    """Outputs and row-major Jacobian at x."""
    numbers = [float(v) for v in run(binary, "eval", ",".join(map(repr, x))).split()]
    return numbers[:m], numbers[m:]


def time(binary, kind, batch, x):
    """(median, min, max) seconds per point of `kind` (jacobian, primal or floor) on `batch` points around x."""
    median, low, high, _, _ = run(binary, "time", kind, batch, ",".join(map(repr, x))).split()
    return float(median), float(low), float(high)


def run(binary, *args):
    return subprocess.run([binary, *map(str, args)], capture_output=True, text=True, check=True).stdout
