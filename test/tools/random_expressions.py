#!/usr/bin/env python3
"""Generates test/unit/both/random_expressions.inc: random nested expressions
over every function of both modes (the elementary ones, atan2, hypot, and the
piecewise abs, min, max and where), written once as generic lambdas so that
the same text is differentiated by tdiff's compile-time mode, by its runtime
mode and by the independent jet reference.

Arguments are wrapped so that every function stays in its domain
(log, sqrt, acosh and cbrt of 2 + u^2; asin/acos/atanh/tan of u/(2 + u^2);
quotients by 1.5 + u^2), piecewise functions are kept at least 1e-3 away from
their kinks and ties at the test points, and expressions whose value is not
moderate there are rejected.

Usage: random_expressions.py [SEED] [COUNT] [PARTS] > test/unit/both/random_expressions.inc
The committed file is the default (seed 20261130, 200 expressions, 16 parts,
as test/meson.build builds them). Another seed checks other expressions:
  test/tools/random_expressions.py 42 200 16 > test/unit/both/random_expressions.inc
  ninja -C build/gcc && meson test -C build/gcc --suite unit 'both_random_nested_*'
(and git checkout the file afterwards).
"""
import math
import random
import sys

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20261130
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
parts = int(sys.argv[3]) if len(sys.argv) > 3 else 16
rng = random.Random(seed)
POINTS = [-0.7, 0.35, 1.3]
MARGIN = 1e-3
kinks = []  # functions of x that must stay MARGIN away from 0 at the points


def positive(u):  # value >= 2
    return (f"(2 + {u[0]} * {u[0]})", lambda x, f=u[1]: 2 + f(x) ** 2)


def small(u):  # |value| < 0.36
    return (f"({u[0]} / (2 + {u[0]} * {u[0]}))", lambda x, f=u[1]: f(x) / (2 + f(x) ** 2))


def leaf():
    if rng.random() < 0.75:
        return ("x", lambda x: x)
    k = rng.choice([0.5, 1.5, 2.0, 3.0, -1.25])
    return (f"{k}", lambda x, k=k: k)


def gen(depth):
    """A subexpression that contains x (function arguments must be expressions)."""
    while True:
        text, f = gen_any(depth)
        if "x" in text:
            return text, f


UNARY = {
    "sin": math.sin, "cos": math.cos, "exp": math.exp, "tanh": math.tanh, "sinh": math.sinh,
    "cosh": math.cosh, "atan": math.atan, "log": math.log, "sqrt": math.sqrt, "asin": math.asin,
    "acos": math.acos, "tan": math.tan, "log1p": math.log1p, "expm1": math.expm1, "erf": math.erf,
    "erfc": math.erfc, "asinh": math.asinh, "acosh": math.acosh, "atanh": math.atanh,
    "cbrt": lambda v: math.copysign(abs(v) ** (1 / 3), v), "abs": abs,
}


def unary(depth):
    name = rng.choice(list(UNARY))
    u = gen(depth - 1)
    if name in ("log", "sqrt", "acosh", "cbrt"):
        u = positive(u)
    elif name in ("asin", "acos", "tan", "atanh"):
        u = small(u)
    elif name in ("exp", "sinh", "cosh", "expm1"):
        u = small(u) if rng.random() < 0.5 else u
    elif name == "log1p":
        u = (f"({u[0]} * {u[0]})", lambda x, f=u[1]: f(x) ** 2)  # >= 0 > -1
    elif name == "abs":
        kinks.append(u[1])
    fn = UNARY[name]
    return (f"{name}({u[0]})", lambda x, fn=fn, g=u[1]: fn(g(x)))


def piecewise(depth):
    a, b = gen(depth - 1), gen_any(depth - 1)
    kind = rng.choice(["min", "max", "where", "atan2", "hypot"])
    fa, fb = a[1], b[1]
    if kind in ("min", "max"):
        kinks.append(lambda x: fa(x) - fb(x))
        fn = min if kind == "min" else max
        return (f"{kind}({a[0]}, {b[0]})", lambda x: fn(fa(x), fb(x)))
    if kind == "atan2":
        b = positive(b)
        fb = b[1]
        return (f"atan2({a[0]}, {b[0]})", lambda x: math.atan2(fa(x), fb(x)))
    if kind == "hypot":
        b = positive(b)
        fb = b[1]
        return (f"hypot({a[0]}, {b[0]})", lambda x: math.hypot(fa(x), fb(x)))
    p, q = gen(depth - 1), gen_any(depth - 1)
    kinks.append(lambda x: fa(x) - fb(x))
    fp, fq = p[1], q[1]
    return (f"where({a[0]} > {b[0]}, {p[0]}, {q[0]})", lambda x: fp(x) if fa(x) > fb(x) else fq(x))


def gen_any(depth):
    if depth == 0:
        return leaf()
    kind = rng.random()
    if kind < 0.42:
        return unary(depth)
    if kind < 0.56:
        return piecewise(depth)
    if kind < 0.64:
        n = rng.choice([2, 3, -1, -2])
        u = gen(depth - 1)
        if n < 0:
            u = positive(u)
        return (f"pow<{n}>({u[0]})", lambda x, n=n, g=u[1]: g(x) ** n)
    if kind < 0.68:
        k = rng.choice([2.5, 0.5, -0.75])
        u = positive(gen(depth - 1))
        return (f"pow({u[0]}, {k})", lambda x, k=k, g=u[1]: g(x) ** k)
    a, b = gen(depth - 1), gen_any(depth - 1)
    if rng.random() < 0.5:
        a, b = b, a
    op = rng.choice(["+", "-", "*", "/"])
    if op == "/":
        b = (f"(1.5 + {b[0]} * {b[0]})", lambda x, g=b[1]: 1.5 + g(x) ** 2)
    fa, fb = a[1], b[1]
    py = {"+": lambda x: fa(x) + fb(x), "-": lambda x: fa(x) - fb(x),
          "*": lambda x: fa(x) * fb(x), "/": lambda x: fa(x) / fb(x)}[op]
    return (f"({a[0]} {op} {b[0]})", py)


made = []
while len(made) < count:
    kinks.clear()
    text, f = gen(rng.choice([1, 2, 2, 3]))
    if "x" not in text or len(text) > 110:
        continue
    try:
        values = [f(p) for p in POINTS]
        clear = all(abs(k(p)) > MARGIN for k in kinks for p in POINTS)
    except (ValueError, OverflowError, ZeroDivisionError):
        continue
    if clear and all(abs(v) < 1e4 for v in values) and text not in made:
        made.append(text)

print(f"// Generated by test/tools/random_expressions.py {seed} {count} {parts}; do not edit.")
print("// Each line: the part (test executable) that checks it, then the expression.")
for i, text in enumerate(made):
    print(f"TDIFF_RANDOM_EXPRESSION({i % parts}, {text})")
