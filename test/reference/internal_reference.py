"""Independent reference for the internal service quality figures (src/analysis/internal.ts).

Reads test/internal/fixture/ (written by test/internal/make_fixture.py) with the csv module and
computes, with numpy and scipy only, at min_base 10: the whole file's and each published branch's
eNPS with its Wald 95 % interval (±1.96·100·√((pP + pD − (pP − pD)²)/n)), each internal SERVQUAL
dimension's perception, expectation and gap means (per employee: mean of the answered items when at
least half are answered; gap items need both sides) with Student-t 95 % intervals (scipy.stats.t,
n − 1 df), the customers' perception index per branch, and Pearson r (scipy.stats.pearsonr) with
its Fisher-z interval over the branches published on both sides. Suppression is re-derived here:
primary under 10, then complementary (the pooled rest of the branches must hold 0 or ≥ 10).
Writes test/reference/internal_expected.json. Run: python3 test/reference/internal_reference.py
"""
import csv
import json
from pathlib import Path

import numpy as np
from scipy import stats

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "internal" / "fixture"
MIN_BASE = 10
Z = 1.96
DIMS = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
ITEMS = {d: [f"{d[:3]}1", f"{d[:3]}2"] for d in DIMS}


def read(name):
    with open(FIXTURE / name, newline="") as f:
        return list(csv.DictReader(f))


def num(x):
    return None if x.strip() == "" else float(x)


def half_rule(values):
    got = [v for v in values if v is not None]
    return float(np.mean(got)) if got and 2 * len(got) >= len(values) else None


def scores(rows, dim):
    p, e, g = [], [], []
    for r in rows:
        ps = [num(r[f"p_{i}"]) for i in ITEMS[dim]]
        es = [num(r[f"e_{i}"]) for i in ITEMS[dim]] if f"e_{ITEMS[dim][0]}" in r else [None] * len(ps)
        gs = [a - b if a is not None and b is not None else None for a, b in zip(ps, es)]
        for out, xs in ((p, ps), (e, es), (g, gs)):
            v = half_rule(xs)
            if v is not None:
                out.append(v)
    return p, e, g


def t_mean(xs):
    xs = np.array(xs, dtype=float)
    m = float(xs.mean())
    half = float(stats.t.ppf(0.975, len(xs) - 1) * xs.std(ddof=1) / np.sqrt(len(xs)))
    return m, [m - half, m + half]


def enps(rows, column):
    xs = [num(r[column]) for r in rows if num(r[column]) is not None]
    n = len(xs)
    pp = sum(x >= 9 for x in xs) / n
    pd = sum(x <= 6 for x in xs) / n
    score = 100 * (pp - pd)
    half = 100 * Z * np.sqrt((pp + pd - (pp - pd) ** 2) / n)
    return n, score, [max(-100, score - half), min(100, score + half)]


def group(rows):
    out = {"n": len(rows), "dimensions": {}}
    n, score, ci = enps(rows, "enps")
    out["enps"] = {"n": n, "score": score, "ci95": ci} if n >= MIN_BASE else {"suppressed": True, "n": n}
    perceptions = []
    for d in DIMS:
        p, e, g = scores(rows, d)
        fig = {}
        for key, xs in (("perception", p), ("expectation", e), ("gap", g)):
            if len(xs) >= MIN_BASE:
                fig[key], fig[f"{key}_ci95"] = t_mean(xs)
        out["dimensions"][d] = fig
        perceptions.append(fig.get("perception"))
    out["perception"] = float(np.mean(perceptions)) if all(x is not None for x in perceptions) else None
    return out


employees = read("employees.csv")
customers = read("responses.csv")
branches = sorted({r["branch"] for r in employees})
by = {b: [r for r in employees if r["branch"] == b] for b in branches}
# Suppression by headcount: every employee of the fixture answers enough for each family, so the
# branch's size decides (the TypeScript side checks each family's own bases).
hidden = {b for b in branches if len(by[b]) < MIN_BASE}
while True:
    rest = sum(len(by[b]) for b in hidden)
    if rest == 0 or rest >= MIN_BASE:
        break
    hidden.add(min((b for b in branches if b not in hidden), key=lambda b: (len(by[b]), b)))

expected = {"total": group(employees), "branches": {}, "pairs": []}
for b in branches:
    expected["branches"][b] = {"suppressed": True, "n": len(by[b])} if b in hidden else group(by[b])


def external_perception(rows):
    means = []
    for d in DIMS:
        p, _, _ = scores(rows, d)
        means.append(float(np.mean(p)))
    return float(np.mean(means))


x, y = [], []
for b in branches:
    if b in hidden:
        continue
    crow = [r for r in customers if r["branch"] == b]
    ext = external_perception(crow)
    internal = expected["branches"][b]["perception"]
    expected["pairs"].append({"value": b, "internal": internal, "external": ext, "nps": enps(crow, "nps")[1]})
    x.append(internal)
    y.append(ext)
r = float(stats.pearsonr(x, y)[0])
half = Z / np.sqrt(len(x) - 3)
expected["correlation"] = {"r": r, "ci95": [float(np.tanh(np.arctanh(r) - half)), float(np.tanh(np.arctanh(r) + half))], "n": len(x)}
_, nps_all, _ = enps(customers, "nps")
expected["beside"] = {"enps": expected["total"]["enps"]["score"], "nps": nps_all}
(HERE / "internal_expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
