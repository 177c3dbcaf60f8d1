"""Times PyTorch functorch Jacobians of a function written by PythonTorchWriter.

Usage: python3 pytorch_peer.py MODULE.py N_INPUTS BATCHES THREADS POINTS.bin
Prints one JSON object per line: {"contender", "batch", "threads", "secondsPerPoint"}, then
{"firstJacobian": [...]} for point 0 (row-major), so the harness can verify the numbers.
"""
import importlib.util, json, sys, time

import numpy as np
import torch
from functorch import jacfwd, jacrev, vmap

module_path, n_inputs, batches, threads, points_path = sys.argv[1:6]
spec = importlib.util.spec_from_file_location("elim_function", module_path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
f = module.f
n_inputs = int(n_inputs)
all_points = torch.from_numpy(np.fromfile(points_path, dtype=np.float64).reshape(-1, n_inputs))

for threads_now in [int(t) for t in threads.split(",")]:
    torch.set_num_threads(threads_now)
    for batch in [int(b) for b in batches.split(",")]:
        x = all_points[:batch].contiguous()
        for name, transform in (("pytorch-jacrev", jacrev), ("pytorch-jacfwd", jacfwd)):
            jacobian = vmap(transform(f))
            jacobian(x[: min(batch, 4)])  # warm up
            best, elapsed_total, repeats = float("inf"), 0.0, 0
            while repeats < 3 or (elapsed_total < 0.5 and repeats < 50):
                start = time.perf_counter()
                jacobian(x)
                elapsed = time.perf_counter() - start
                best, elapsed_total, repeats = min(best, elapsed), elapsed_total + elapsed, repeats + 1
                if elapsed > 20:
                    break
            print(json.dumps({"contender": name, "batch": batch, "threads": threads_now, "secondsPerPoint": best / batch}), flush=True)

print(json.dumps({"firstJacobian": vmap(jacrev(f))(all_points[:1])[0].reshape(-1).tolist()}), flush=True)
