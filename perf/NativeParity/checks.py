"""Do the C contenders compute Elim's numbers? Outputs and Jacobians compared entry by entry at several points."""
import math
import random

TOLERANCE = 1e-12
POINT_COUNT = 4


def points(centre, count, seed=1):
    """The centre and count-1 points within ±0.5 % of it (as the timed batches are)."""
    rng = random.Random(seed)
    return [centre] + [[c * (1 + 0.01 * (rng.random() - 0.5)) for c in centre] for _ in range(count - 1)]


def difference(mine, reference):
    """Compares rows of numbers (the outputs, then each Jacobian row): (largest difference relative to the entry
    (absolute where it is 0), largest relative to the largest entry of its row, entries identical to the bit). The
    row-wise figure is the one a cancellation in a small entry does not inflate."""
    entrywise, rowwise, identical = 0.0, 0.0, 0
    for row, reference_row in zip(mine, reference, strict=True):
        scale = max((abs(b) for b in reference_row), default=0.0) or 1.0
        for a, b in zip(row, reference_row, strict=True):
            if a == b or (math.isnan(a) and math.isnan(b)):
                identical += 1
                continue
            error = abs(a - b)  # NaN where only one of them is NaN: max() below keeps it
            entrywise = worst(entrywise, error / abs(b) if b != 0 else error)
            rowwise = worst(rowwise, error / scale)
    return entrywise, rowwise, identical


def worst(a, b):
    return b if math.isnan(b) or b > a else a


def rows(values, jacobian):
    """The outputs as one row, then the Jacobian's rows."""
    n = len(jacobian) // len(values)
    return [values] + [jacobian[o * n:(o + 1) * n] for o in range(len(values))]
