#!/usr/bin/python3
"""Elim's GPU kernels against the JAX and PyTorch peers measured on the same GPU: a markdown table of ms per call
(data on the device, best of several calls) with the peers' faster mode, and each peer's time over Elim's.

    python3 perf/Gpu/compare_peers.py ELIM_CSV PEERS_CSV      (gpu-cuda.csv from the benchmark, peers.csv from peers/)
"""
import csv
import sys
from collections import defaultdict


def main(elim_csv, peers_csv):
    elim = {(r["example"], int(r["batch"])): float(r["seconds"])
            for r in csv.DictReader(open(elim_csv)) if r["contender"] == "gpu-kernel"}
    peers = defaultdict(dict)   # (example, batch) -> peer -> (seconds, mode)
    failures = defaultdict(dict)
    for r in csv.DictReader(open(peers_csv)):
        key, peer = (r["example"], int(r["batch"])), r["peer"]
        if r["seconds"]:
            best = peers[key].get(peer)
            if best is None or float(r["seconds"]) < best[0]:
                peers[key][peer] = (float(r["seconds"]), r["mode"])
        else:
            failures[key][peer] = r["note"].split(":")[1].strip() if ":" in r["note"] else r["note"]
    print("| example | batch | Elim kernel ms | JAX ms (mode) | PyTorch ms (mode) | JAX ÷ Elim | PyTorch ÷ Elim |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for key in sorted(set(elim) | set(peers), key=lambda k: (k[0], k[1])):
        if key[1] <= 1:
            continue
        mine = elim.get(key)
        cells, ratios = [], []
        for peer in ("jax", "torch"):
            if peer in peers[key]:
                seconds, mode = peers[key][peer]
                cells.append(f"{seconds * 1e3:.3f} ({mode})")
                ratios.append(f"{seconds / mine:.1f}" if mine else "")
            else:
                cells.append(failures[key].get(peer, "not run"))
                ratios.append("")
        print(f"| {key[0]} | {key[1]} | {f'{mine * 1e3:.3f}' if mine else 'not run'} | {' | '.join(cells)} | {' | '.join(ratios)} |")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
