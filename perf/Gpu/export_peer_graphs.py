#!/usr/bin/python3
"""Writes the lowered graphs of the GPU benchmark's examples as JSON for the Python peers in peers/ (JAX and
PyTorch on the device machine, which has no .NET): the operations as `elim ops` lists them, the typical point, and
Elim's outputs and Jacobian there, so each peer checks its numbers before timing.

    /usr/bin/python3 perf/Gpu/export_peer_graphs.py [--examples roe_flux_1d,g]     (after dotnet build -c Release src/Cli)

Writes perf/Gpu/peers/graphs/EXAMPLE.json (ignored by git; ../shared/gpu/pack.sh carries peers/ to the device).
"""
import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "NativeParity"))
import elim_cli  # noqa: E402
import elim_graph  # noqa: E402

EXAMPLES = ["roe_flux_1d", "robot_arm_6dof", "human_heart_dipole", "propane_combustion", "g", "black_scholes"]


def export(example, folder):
    source = elim_cli.ROOT / "examples" / f"{example}.elim"
    graph = elim_graph.load(elim_cli.elim, source)
    point = elim_cli.typical_point(source, len(graph.inputs))
    values, jacobian = elim_cli.evaluate(source, point)
    document = {
        "name": example, "inputs": graph.inputs, "outputs": [vertex for _, vertex in graph.outputs],
        "operations": [[vertex, op.name, op.operands, op.exponent] for vertex, op in graph.operations.items()],
        "point": point, "values": values, "jacobian": jacobian,
    }
    (folder / f"{example}.json").write_text(json.dumps(document))
    print(f"{example}: {len(graph.operations)} operations, {len(graph.inputs)} inputs, {len(graph.outputs)} outputs",
          file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=lambda s: s.split(","), default=EXAMPLES)
    args = parser.parse_args()
    if not elim_cli.ELIM.exists():
        sys.exit(f"error: {elim_cli.ELIM} missing; build first: dotnet build -c Release src/Cli")
    folder = HERE / "peers" / "graphs"
    folder.mkdir(parents=True, exist_ok=True)
    for example in args.examples:
        export(example, folder)


if __name__ == "__main__":
    main()
