"""Symbolic differentiation of an Elim graph with sympy, common subexpressions shared by sympy.cse, printed as C
into kernel_template.c: the code a performance-minded user gets from sympy's (or CasADi's) code generation."""
from pathlib import Path
from string import Template

import sympy as sp
from sympy.codegen.cfunctions import log1p
from sympy.printing.c import C99CodePrinter
from sympy.printing.precedence import PRECEDENCE


class RealAbs(sp.Function):
    """|x| of a real x, derivative sign(x) (0 at 0, as Elim's abs'): sympy's Abs assumes a complex argument and
    differentiates through re() and im()."""
    nargs = 1

    def fdiff(self, argindex=1):
        return sp.sign(self.args[0])

    def _ccode(self, printer):
        return f"fabs({printer._print(self.args[0])})"


UNARY = {
    "copy": lambda a: a, "neg": lambda a: -a, "square": lambda a: a**2, "abs": RealAbs,
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "asin": sp.asin, "acos": sp.acos, "atan": sp.atan,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "asinh": sp.asinh, "acosh": sp.acosh, "atanh": sp.atanh,
    "exp": sp.exp, "log": sp.log, "log1p": log1p, "sqrt": sp.sqrt, "erf": sp.erf,
    "logistic": lambda a: 1 / (1 + sp.exp(-a)),
}
BINARY = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b, "div": lambda a, b: a / b,
    "pow": lambda a, b: a**b, "atan2": sp.atan2,
}


class ProductPowers(C99CodePrinter):
    """Prints x**k and x**(k/2) as products (and a square root), not pow(): the stock printer's pow(x, -1.0/2.0)
    runs about 2.5 times slower."""

    def _print_Pow(self, expr):
        base, exponent = expr.base, expr.exp
        if not (exponent.is_Rational and exponent.q in (1, 2)):
            return f"pow({self._print(base)}, {self._print(exponent)})"
        b = self.parenthesize(base, PRECEDENCE["Atom"])
        factors = [b] * (abs(exponent.p) // exponent.q) + ([f"sqrt({self._print(base)})"] if exponent.q == 2 else [])
        product = "*".join(factors)
        # Always parenthesised: the Mul printer ranks this text as a Pow, which binds tighter than a product.
        return f"({product})" if exponent > 0 else f"(1.0/({product}))"


def expressions(graph):
    """Input symbols and the sympy expression of each output."""
    inputs = sp.symbols([f"in{i}" for i in range(len(graph.inputs))])
    value = {}

    def of(operand):
        kind, x = operand
        if kind == "input":
            return inputs[x]
        if kind == "vertex":
            return value[x]
        return sp.Integer(int(x)) if x.is_integer() and abs(x) < 2**53 else sp.Float(x)  # exact either way

    for vertex, op in graph.operations.items():
        args = [of(o) for o in op.operands]
        if op.name == "integer_pow":
            value[vertex] = args[0] ** op.exponent
        elif op.name in UNARY and len(args) == 1:
            value[vertex] = UNARY[op.name](args[0])
        elif op.name in BINARY and len(args) == 2:
            value[vertex] = BINARY[op.name](*args)
        else:
            raise ValueError(f"{graph.name}: vertex {vertex}: '{op.name}' is not supported by the native contender")
    return inputs, [value[v] for _, v in graph.outputs]


def body(targets, exprs, printer):
    """C statements: the shared subexpressions, then each target assigned its expression."""
    shared, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("c"))
    lines = [f"    const double {s} = {printer.doprint(e)};" for s, e in shared]
    return lines + [f"    {t} = {printer.doprint(e)};" for t, e in zip(targets, reduced)]


def write_kernel(graph, source, path):
    """Writes the kernel C file of `graph` (`source` names the .elim file in its header)."""
    inputs, outputs = expressions(graph)
    n, m = len(inputs), len(outputs)
    jacobian = [y.diff(x) for y in outputs for x in inputs]
    printer = ProductPowers()
    loads = [f"    const double in{i} = x[{i} * stride];" for i in range(n)]
    targets = [f"y[{o} * stride]" for o in range(m)]
    text = Template((Path(__file__).parent / "kernel_template.c").read_text()).substitute(
        source=source, inputs=n, outputs=m, jacobian_size=m * n,
        jacobian_body="\n".join(loads + body(targets + [f"J[{k} * stride]" for k in range(m * n)], outputs + jacobian, printer)),
        primal_body="\n".join(loads + body(targets, outputs, printer)))
    Path(path).write_text(text)
