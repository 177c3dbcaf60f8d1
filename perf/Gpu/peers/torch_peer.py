"""PyTorch peer on the GPU: torch.func's vmap(jacfwd(f)) and vmap(jacrev(f)) of each exported Elim graph, eager,
float64, data on the device; run by on-device.sh with --out DIR (results appended to DIR/peers.csv)."""
import torch
from torch.func import jacfwd, jacrev, vmap

import _graphs

DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
generator = torch.Generator(device=DEVICE).manual_seed(1)


class Ops:
    """torch with an arctan2 that also takes a constant (a Python float) as either argument."""

    @staticmethod
    def arctan2(a, b):
        return torch.arctan2(torch.as_tensor(a, dtype=torch.float64, device=DEVICE), torch.as_tensor(b, dtype=torch.float64, device=DEVICE))

    def __getattr__(self, name):
        return getattr(torch, name)


def batched(graph, mode):
    f = _graphs.function(graph, Ops(), torch.stack)
    return vmap({"jacfwd": jacfwd, "jacrev": jacrev}[mode](f))


def random_points(point, batch):
    """The typical point itself for batch 0 (the check), else batch points scaled by up to ±0.5 %."""
    centre = torch.tensor(point, dtype=torch.float64, device=DEVICE)
    if batch == 0:
        return centre[None, :]
    noise = torch.rand((batch, len(point)), dtype=torch.float64, device=DEVICE, generator=generator)
    return centre * (1 + 0.01 * (noise - 0.5))


def wait(result):
    torch.cuda.synchronize() if DEVICE == "cuda" else None
    return result


if __name__ == "__main__":
    print(f"torch {torch.__version__}, device {DEVICE} {torch.cuda.get_device_name() if DEVICE == 'cuda' else ''}", flush=True)
    _graphs.run_peer("torch", ["jacfwd", "jacrev"], batched, random_points,
                     flat=lambda a: a.reshape(-1).tolist(), wait=wait)
