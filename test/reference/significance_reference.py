#!/usr/bin/env python3
"""Independent reference values for issue 14's statistics: segment significance (each value
against the rest of its segment, Holm / Benjamini-Hochberg), the adjusted-Wald NPS interval,
Johnson's relative weights and the seeded bootstrap of the key drivers.

Rerun:  python3 test/reference/significance_reference.py
Writes test/reference/significance_expected.json (inputs and expected values together), which
test/analysis/segment-tests.test.ts and test/stats/bootstrap-reference.test.ts compare to 1e-9.

Computed another way than the TypeScript: Welch by scipy.stats.ttest_ind(equal_var=False); the
NPS variance as the population variance of the +1/0/-1 scores; BH by
scipy.stats.false_discovery_control; Holm by its definition (the smallest level at which the
step-down procedure rejects the hypothesis); Shapley by averaging over every permutation with
R² by least squares on the resampled rows; relative weights by numpy.linalg.eigh. The bootstrap
reuses only the resampling scheme (mulberry32 and the draw rule), which is the contract.
Requires python3 with numpy and scipy (no pandas).
"""
import itertools
import json
import math
import pathlib

import numpy as np
from scipy import stats

HERE = pathlib.Path(__file__).resolve().parent
Z95 = 1.96
MIN_BASE = 10


# --- the segment dataset ----------------------------------------------------------------------
def make_rows():
    rng = np.random.default_rng(14)
    sizes = {"phone": 60, "web": 45, "store": 30, "kiosk": 6, "": 5}
    shift = {"phone": 0.0, "web": 0.8, "store": -0.6, "kiosk": 1.0, "": 0.0}
    rows = []
    for channel, size in sizes.items():
        for i in range(size):
            base = shift[channel]
            nps = int(np.clip(round(7 + 2 * base + rng.normal(0, 2.2)), 0, 10))
            csat = int(np.clip(round(3.6 + base / 2 + rng.normal(0, 1)), 1, 5))
            ces = int(np.clip(round(3.5 - base + rng.normal(0, 1.3)), 1, 7))
            overall = int(np.clip(round(5 + base + rng.normal(0, 1.2)), 1, 7))
            e = [int(np.clip(round(5.5 + rng.normal(0, 1)), 1, 7)) for _ in range(4)]
            p = [int(np.clip(round(4.8 + base + rng.normal(0, 1.1)), 1, 7)) for _ in range(4)]
            rows.append({"id": f"{channel or 'none'}{i}", "channel": channel, "nps": nps, "csat": csat, "ces": ces, "overall": overall, "e": e, "p": p})
    return rows


def csv_text(rows):
    head = "respondent_id,wave,channel,nps,csat,ces,overall,e_r1,e_r2,e_s1,e_s2,p_r1,p_r2,p_s1,p_s2"
    lines = [head]
    for r in rows:
        lines.append(",".join([r["id"], "2026-Q1", r["channel"], *map(str, [r["nps"], r["csat"], r["ces"], r["overall"], *r["e"], *r["p"]])]))
    return "\n".join(lines) + "\n"


QUESTIONNAIRE = """scale: { min: 1, max: 7 }
segments: [channel]
items:
  - { id: r1, dimension: reliability, text: "Keeps promises" }
  - { id: r2, dimension: reliability, text: "Right first time" }
  - { id: s1, dimension: responsiveness, text: "Prompt" }
  - { id: s2, dimension: responsiveness, text: "Willing" }
"""


# --- tests ------------------------------------------------------------------------------------
def nps_of(scores):
    s = np.array(scores, dtype=float)
    x = np.where(s >= 9, 1.0, np.where(s <= 6, -1.0, 0.0))
    return 100 * x.mean(), x.var() / len(x)  # population variance of the ±1/0 scores = (pP + pD − (pP − pD)²)


def nps_z(own, rest):
    a, va = nps_of(rest)
    b, vb = nps_of(own)
    z = (b - a) / (100 * math.sqrt(va + vb))
    return {"rest": float(a), "difference": float(b - a), "test": "nps z-test", "statistic": float(z), "p": float(2 * stats.norm.sf(abs(z)))}


def two_prop(own, rest):
    x1 = sum(1 for c in rest if c >= 4)
    x2 = sum(1 for c in own if c >= 4)
    n1, n2 = len(rest), len(own)
    pooled = (x1 + x2) / (n1 + n2)
    z = (x2 / n2 - x1 / n1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return {"rest": 100 * x1 / n1, "difference": 100 * (x2 / n2 - x1 / n1), "test": "two-proportion z-test", "statistic": float(z), "p": float(2 * stats.norm.sf(abs(z)))}


def welch(own, rest):
    r = stats.ttest_ind(np.array(own, float), np.array(rest, float), equal_var=False)
    return {"rest": float(np.mean(rest)), "difference": float(np.mean(own) - np.mean(rest)), "test": "welch t-test", "statistic": float(r.statistic), "p": float(r.pvalue)}


def holm_by_definition(p):
    """Adjusted p of H_i: the smallest α at which Holm's step-down rejects H_i."""
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    candidates = sorted({min(1.0, (m - j) * p[order[j]]) for j in range(m)} | {1.0})

    def rejected(alpha):
        out = set()
        for j, i in enumerate(order):
            if p[i] <= alpha / (m - j):
                out.add(i)
            else:
                break
        return out

    adj = [1.0] * m
    for i in range(m):
        for a in candidates:
            if i in rejected(a + 1e-15 * a):
                adj[i] = a
                break
    return adj


def adjust(p, method):
    if not p:
        return []
    if method == "holm":
        return holm_by_definition(p)
    if method == "bh":
        return [float(x) for x in stats.false_discovery_control(np.array(p), method="bh")]
    return list(p)


def orient(diff, direction):
    o = diff if direction == "higher" else -diff
    return "better" if o > 0 else "worse" if o < 0 else "same"


def segment_tests(rows, published, method, ces_dir):
    """figure id (inside the segment value) → value → test, over the published values only."""
    gap = lambda r, idx: np.mean([r["p"][i] - r["e"][i] for i in idx])
    families = {
        "nps": (lambda r: r["nps"], nps_z, "higher"),
        "csat": (lambda r: r["csat"], two_prop, "higher"),
        "ces": (lambda r: r["ces"], welch, ces_dir),
        "overall": (lambda r: r["overall"], welch, "higher"),
        "servqual.unweighted": (lambda r: (gap(r, [0, 1]) + gap(r, [2, 3])) / 2, welch, "higher"),
        "servqual.dimensions.reliability": (lambda r: gap(r, [0, 1]), welch, "higher"),
        "servqual.dimensions.responsiveness": (lambda r: gap(r, [2, 3]), welch, "higher"),
    }
    out = {}
    for key, (pick, test, direction) in families.items():
        results = {}
        for v in published:
            own = [pick(r) for r in rows if r["channel"] == v]
            rest = [pick(r) for r in rows if r["channel"] in published and r["channel"] != v]
            t = test(own, rest)
            t["direction"] = orient(t["difference"], direction)
            results[v] = t
        values = sorted(results)
        adj = adjust([results[v]["p"] for v in values], method)
        for v, a in zip(values, adj):
            results[v]["p_adjusted"] = a
            results[v]["significant"] = bool(a < 0.05)
        out[key] = results
    return out


def adjusted_wald(scores):
    s = np.array(scores)
    n = len(s) + 3
    pp = ((s >= 9).sum() + 0.75) / n
    pd = ((s <= 6).sum() + 0.75) / n
    # The variance of the ±1/0 score under the adjusted shares.
    var = (pp * 1 + pd * 1) - (pp - pd) ** 2
    half = 100 * Z95 * math.sqrt(var / n)
    c = 100 * (pp - pd)
    return [max(-100.0, c - half), min(100.0, c + half)]


# --- relative weights and the bootstrap of the drivers --------------------------------------
def relative_weights(X, y):
    Z = (X - X.mean(0)) / X.std(0, ddof=1)
    zy = (y - y.mean()) / y.std(ddof=1)
    R = np.corrcoef(Z, rowvar=False)
    lam, V = np.linalg.eigh(R)
    L = V @ np.diag(np.sqrt(lam)) @ V.T
    n = len(y)
    rxy = Z.T @ zy / (n - 1)
    beta = np.linalg.solve(L, rxy)
    return (L**2) @ (beta**2)


def r2_lstsq(X, y, cols):
    if not cols:
        return 0.0
    A = np.column_stack([np.ones(len(y)), X[:, cols]])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    resid = y - A @ coef
    return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))


def shapley_shares(X, y):
    k = X.shape[1]
    cache = {}

    def r2(s):
        key = tuple(sorted(s))
        if key not in cache:
            cache[key] = r2_lstsq(X, y, list(key))
        return cache[key]

    raw = np.zeros(k)
    perms = list(itertools.permutations(range(k)))
    for perm in perms:
        seen = []
        for j in perm:
            raw[j] += r2(seen + [j]) - r2(seen)
            seen.append(j)
    raw /= len(perms)
    total = r2(list(range(k)))
    return total, raw / raw.sum()


def betas(X, y):
    Z = (X - X.mean(0)) / X.std(0, ddof=1)
    zy = (y - y.mean()) / y.std(ddof=1)
    coef, *_ = np.linalg.lstsq(Z, zy, rcond=None)
    return coef


def mulberry32(seed):
    a = seed & 0xFFFFFFFF

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = ((t ^ (t >> 15)) * (t | 1)) & 0xFFFFFFFF
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


def bootstrap(profiles, replicates, seed):
    """profiles: [(values, count)] sorted; draw i is the profile whose cumulative count first exceeds ⌊u·n⌋."""
    rows = np.array([v for v, c in profiles for _ in range(c)], dtype=float)
    cum = np.cumsum([c for _, c in profiles])
    n = len(rows)
    starts = np.concatenate([[0], cum[:-1]])
    rnd = mulberry32(seed)
    r2s, shares, bs = [], [], []
    for _ in range(replicates):
        picks = [int(np.searchsorted(cum, math.floor(rnd() * n), side="right")) for _ in range(n)]
        sample = rows[starts[picks]]
        X, y = sample[:, :-1], sample[:, -1]
        if np.any(sample.var(0) <= 1e-12):
            continue
        total, sh = shapley_shares(X, y)
        if not total > 1e-12:
            continue
        r2s.append(total)
        shares.append(sh)
        bs.append(betas(X, y))
    pct = lambda a: [float(np.percentile(a, 2.5)), float(np.percentile(a, 97.5))]
    shares, bs = np.array(shares), np.array(bs)
    return {
        "used": len(r2s),
        "r2": pct(r2s),
        "shares": [pct(shares[:, j]) for j in range(shares.shape[1])],
        "betas": [pct(bs[:, j]) for j in range(bs.shape[1])],
    }


def normal_from(rnd):
    u = 1 - rnd()
    return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * rnd())


def chi_square_from(rnd, df):
    d = df / 2 - 1 / 3
    c = 1 / math.sqrt(9 * d)
    while True:
        x = normal_from(rnd)
        v = (1 + c * x) ** 3
        if v <= 0:
            continue
        u = rnd()
        if math.log(u) < 0.5 * x * x + d - d * v + d * math.log(v):
            return 2 * d * v


def shapley_from_corr(R):
    """Shapley shares of R² from a correlation matrix (outcome last), averaging over permutations."""
    k = R.shape[0] - 1

    def r2(cols):
        if not cols:
            return 0.0
        c = list(cols)
        return float(R[k, c] @ np.linalg.solve(R[np.ix_(c, c)], R[c, k]))

    raw = np.zeros(k)
    perms = list(itertools.permutations(range(k)))
    for perm in perms:
        seen = []
        for j in perm:
            raw[j] += r2(seen + [j]) - r2(seen)
            seen.append(j)
    raw /= len(perms)
    return r2(range(k)), raw / raw.sum(), np.linalg.solve(R[:k, :k], R[:k, k])


def wishart_bootstrap(cov, n, replicates, seed):
    """Bartlett: S* = L A Aᵀ Lᵀ / (n − 1), A_ii² ~ χ²(n − 1 − i) (i from 0), A_ij ~ N(0, 1) below the diagonal, row by row."""
    p = cov.shape[0]
    df = n - 1
    L = np.linalg.cholesky(cov)
    rnd = mulberry32(seed)
    r2s, shares, bs = [], [], []
    for _ in range(replicates):
        A = np.zeros((p, p))
        for i in range(p):
            for j in range(i):
                A[i, j] = normal_from(rnd)
            A[i, i] = math.sqrt(chi_square_from(rnd, df - i))
        M = L @ A
        S = M @ M.T / df
        sd = np.sqrt(np.diag(S))
        R = S / np.outer(sd, sd)
        total, sh, beta = shapley_from_corr(R)
        r2s.append(total)
        shares.append(sh)
        bs.append(beta)
    pct = lambda a: [float(np.percentile(a, 2.5)), float(np.percentile(a, 97.5))]
    shares, bs = np.array(shares), np.array(bs)
    return {"used": len(r2s), "r2": pct(r2s), "shares": [pct(shares[:, j]) for j in range(shares.shape[1])], "betas": [pct(bs[:, j]) for j in range(bs.shape[1])]}


def driver_profiles():
    rng = np.random.default_rng(2000)
    rows = []
    for _ in range(80):
        x1, x2, x3 = (int(np.clip(round(4 + rng.normal(0, 1.3)), 1, 7)) for _ in range(3))
        y = int(np.clip(round(1 + 0.5 * x1 + 0.3 * x2 + rng.normal(0, 1)), 1, 7))
        rows.append((x1, x2, x3, y))
    counts = {}
    for r in rows:
        counts[r] = counts.get(r, 0) + 1
    return [(list(map(float, k)), c) for k, c in sorted(counts.items())]


def main():
    rows = make_rows()
    published = ["phone", "store", "web"]  # kiosk (6) is under min_base; the 5 blank cells are no value
    out = {
        "questionnaire": QUESTIONNAIRE,
        "responses": csv_text(rows),
        "holm": segment_tests(rows, published, "holm", "lower"),
        "bh_ease": segment_tests(rows, published, "bh", "higher"),
        "adjusted_wald": {v: adjusted_wald([r["nps"] for r in rows if r["channel"] == v]) for v in published},
        "adjusted_wald_total": adjusted_wald([r["nps"] for r in rows]),
        "p_families": {"p": [0.01, 0.04, 0.03, 0.005, 0.2, 0.04], "holm": holm_by_definition([0.01, 0.04, 0.03, 0.005, 0.2, 0.04]),
                       "bh": [float(x) for x in stats.false_discovery_control(np.array([0.01, 0.04, 0.03, 0.005, 0.2, 0.04]), method="bh")]},
        "nps_small": {"counts": [9, 1, 0], "adjusted_wald": adjusted_wald([10] * 9 + [7])},
    }
    # The figures' drivers of the segment dataset: overall on the reliability and responsiveness perception scores.
    Xd = np.array([[np.mean(r["p"][0:2]), np.mean(r["p"][2:4])] for r in rows])
    yd = np.array([float(r["overall"]) for r in rows])
    rw = relative_weights(Xd, yd)
    out["figure_drivers"] = {
        "r2": float(r2_lstsq(Xd, yd, [0, 1])),
        "shares": [float(x) for x in shapley_shares(Xd, yd)[1]],
        "relative_weights": [float(x) for x in rw / rw.sum()],
    }
    profiles = driver_profiles()
    X = np.array([v[:-1] for v, c in profiles for _ in range(c)])
    y = np.array([v[-1] for v, c in profiles for _ in range(c)])
    out["drivers"] = {
        "profiles": [{"values": v, "count": c} for v, c in profiles],
        "relative_weights": [float(x) for x in relative_weights(X, y)],
        "shapley_shares": [float(x) for x in shapley_shares(X, y)[1]],
        "betas": [float(x) for x in betas(X, y)],
        "replicates": 500,
        "seed": 20001114,
        "bootstrap": bootstrap(profiles, 500, 20001114),
        "wishart": wishart_bootstrap(np.cov(np.column_stack([X, y]), rowvar=False), len(y), 500, 20001114),
    }
    (HERE / "significance_expected.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
