"""The lowered graph of an .elim function, read from Elim's command line (`check --json`, `ops`, `dot`), so the
contender differentiates exactly the operations Elim does without a second parser of the language."""
import json
import re
from dataclasses import dataclass

VERTEX = re.compile(r"v(\d+)")
LINE = re.compile(r"(\d+):(.*?)(\*?)")
CALL = re.compile(r"(\w+)\((.*)\)")
# `elim dot` labels an output vertex "K:op(...)\nNAME" (the \n is written as backslash and n).
OUTPUT_LABEL = re.compile(r'shape=doublecircle, label="(\d+):[^"]*\\n([^"]*)"')


@dataclass
class Operation:
    """One vertex: an op name of Elim's OpRules, its operands, and the exponent of integer_pow."""
    name: str
    operands: list  # ("input", index) | ("vertex", id) | ("const", value)
    exponent: int | None = None


@dataclass
class Graph:
    name: str
    inputs: list        # input names, in Jacobian column order
    outputs: list       # (output name, vertex id), in Jacobian row order
    operations: dict    # vertex id -> Operation, in evaluation order


def load(elim, path):
    """The graph of the file's default function; `elim` runs an elim command and returns its stdout."""
    summary = json.loads(elim("check", path, "--json"))
    if summary.get("dataInputs"):
        raise ValueError(f"{path}: data inputs are not supported by this contender")
    inputs = summary["inputs"]
    for name in inputs:
        if VERTEX.fullmatch(name):
            raise ValueError(f"{path}: input '{name}' reads like a vertex in `elim ops`")
    operations = dict(parse_line(line, inputs) for line in elim("ops", path).splitlines() if line.strip())
    vertex_of = {name: int(vertex) for vertex, name in OUTPUT_LABEL.findall(elim("dot", path))}
    missing = [name for name in summary["outputs"] if name not in vertex_of]
    if missing:
        raise ValueError(f"{path}: `elim dot` names no vertex for output(s) {', '.join(missing)}")
    return Graph(summary["function"], inputs, [(name, vertex_of[name]) for name in summary["outputs"]], operations)


def parse_line(line, inputs):
    """`12:mul(-0.5,v11)*` or `8:ul1^2` -> (12, Operation)."""
    vertex, body, _ = LINE.fullmatch(line.strip()).groups()
    call = CALL.fullmatch(body)
    if call:
        return int(vertex), Operation(call[1], [operand(text, inputs) for text in split_arguments(call[2])])
    base, exponent = body.rsplit("^", 1)
    return int(vertex), Operation("integer_pow", [operand(base, inputs)], int(exponent))


def split_arguments(text):
    """Splits at top-level commas: scalarized array names such as W[1,2] hold commas of their own."""
    parts, depth, start = [], 0, 0
    for k, c in enumerate(text):
        depth += (c in "([") - (c in ")]")
        if c == "," and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    return parts + [text[start:]]


def operand(text, inputs):
    if text in inputs:
        return ("input", inputs.index(text))
    if VERTEX.fullmatch(text):
        return ("vertex", int(text[1:]))
    return ("const", float(text))
