#!/usr/bin/env python3
"""Independent reference figures for gapreport's statistics (src/stats).

Rerun:  python3 test/reference/reference.py
Reads test/reference/inputs.json (made by make_inputs.py) and writes
test/reference/expected.json, which test/stats/reference.test.ts compares with
the TypeScript results (|ts − expected| ≤ 1e-9·max(1, |expected|): absolute
below 1, relative above).

Deliberately computed another way than the TypeScript: scipy.stats for
distributions, intervals and tests; NPS variance as the variance of the ±1/0
respondent scores; Wilson bounds as the roots of the score-test quadratic;
R² by least squares on the raw data; Shapley values by averaging marginal
contributions over every permutation (and checked against the explicit LMG
subset weights); relative weights from numpy.linalg.eigh; percentile ranks from
scipy.stats.percentileofscore(kind="mean"); quantiles from numpy.quantile.
Requires python3 with numpy and scipy. null in the output = undefined.
"""
import itertools
import json
import math
import pathlib

import numpy as np
from scipy import special, stats

HERE = pathlib.Path(__file__).resolve().parent
Z95 = 1.96
ALPHA = 0.05


def arr(values):
    """Present values as floats (None and NaN dropped)."""
    a = np.array([np.nan if v is None else v for v in values], dtype=float)
    return a[~np.isnan(a)]


def f(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


# --- distributions -------------------------------------------------------------------------------
def distributions(d):
    return {
        "normal_cdf": [f(stats.norm.cdf(x)) for x in d["normal_cdf"]],
        "normal_quantile": [f(stats.norm.ppf(p)) for p in d["normal_quantile"]],
        "log_gamma": [f(special.gammaln(x)) for x in d["log_gamma"]],
        "incomplete_beta": [f(special.betainc(a, b, x)) for x, a, b in d["incomplete_beta"]],
        "t_cdf": [f(stats.t.cdf(t, df)) for t, df in d["t_cdf"]],
        "t_quantile": [f(stats.t.ppf(p, df)) for p, df in d["t_quantile"]],
        "two_sided_z": [f(2 * stats.norm.sf(abs(z))) for z in d["two_sided_z"]],
        "two_sided_t": [f(2 * stats.t.sf(abs(t), df)) for t, df in d["two_sided_t"]],
    }


# --- NPS, CSAT, means ----------------------------------------------------------------------------
def nps(scores):
    s = arr(scores)
    n = len(s)
    if n == 0:
        return None
    # Each respondent scores +1 (promoter), 0 (passive) or −1 (detractor); NPS/100 is their mean and
    # Var(pP − pD) is the population variance of those scores over n.
    x = np.where(s >= 9, 1.0, np.where(s <= 6, -1.0, 0.0))
    score = 100 * x.mean()
    v = x.var(ddof=0) / n
    moe = 100 * Z95 * math.sqrt(v)
    return {
        "score": score, "n": n, "promoters": float(np.mean(x == 1)), "passives": float(np.mean(x == 0)),
        "detractors": float(np.mean(x == -1)), "variance": v, "moe95": moe,
        "ci95": [max(-100.0, score - moe), min(100.0, score + moe)],
    }


def wilson(successes, n, z=Z95):
    """Wilson bounds: the p where |p̂ − p| = z·√(p(1−p)/n), i.e. roots of a quadratic in p."""
    ph = successes / n
    roots = np.roots([1 + z * z / n, -(2 * ph + z * z / n), ph * ph]).real
    return [max(0.0, float(min(roots))), min(1.0, float(max(roots)))]


def mean_estimate(values):
    a = arr(values)
    n = len(a)
    if n == 0:
        return None
    out = {"mean": float(a.mean()), "n": n}
    if n >= 2:
        se = stats.sem(a)
        lo, hi = stats.t.interval(0.95, n - 1, loc=a.mean(), scale=se)
        out.update({"sd": float(a.std(ddof=1)), "se": float(se), "ci95": [float(lo), float(hi)]})
    return out


def csat(scores):
    a = arr(scores)
    if len(a) == 0:
        return None
    top = int(np.sum(a >= 4))
    lo, hi = wilson(top, len(a))
    m = mean_estimate(a.tolist())
    out = {"top2box": 100 * top / len(a), "ci95": [100 * lo, 100 * hi], "mean": m["mean"], "n": len(a)}
    if "ci95" in m:
        out["mean_ci95"] = m["ci95"]
    return out


# --- SERVQUAL ------------------------------------------------------------------------------------
def to_matrix(rows):
    return np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)


def half_rule_scores(m):
    """Per respondent: mean of answered columns when answered·2 ≥ columns, else NaN."""
    answered = (~np.isnan(m)).sum(axis=1)
    with np.errstate(invalid="ignore"):
        means = np.nansum(m, axis=1) / answered
    return np.where(answered * 2 >= m.shape[1], means, np.nan)


def nanmean_or_none(x):
    x = x[~np.isnan(x)]
    return float(x.mean()) if len(x) else None


def servqual(s):
    P, E = to_matrix(s["p"]), to_matrix(s["e"])
    cols = {d: [s["items"].index(i) for i in its] for d, its in s["dimensions"].items()}
    dims = {}
    for d, idx in cols.items():
        dims[d] = {
            "expectation": nanmean_or_none(half_rule_scores(E[:, idx])),
            "perception": nanmean_or_none(half_rule_scores(P[:, idx])),
            "gap": nanmean_or_none(half_rule_scores(P[:, idx] - E[:, idx])),
            "n": int((~np.isnan(half_rule_scores(P[:, idx] - E[:, idx]))).sum()),
        }
    names = list(s["dimensions"])
    W = np.array([w for w in s["w"] if w is not None], dtype=float)
    mean_w = W.mean(axis=0)
    gaps = np.array([dims[d]["gap"] for d in names])
    return {
        "dimensions": dims,
        "mean_weights": dict(zip(names, mean_w.tolist())),
        "unweighted": float(gaps.mean()),
        "weighted": float(np.dot(mean_w / 100, gaps)),
    }


# --- Cronbach's alpha ----------------------------------------------------------------------------
def cronbach(rows):
    m = to_matrix(rows)
    m = m[~np.isnan(m).any(axis=1)]
    n, k = m.shape
    if k < 2 or n < 2:
        return None
    c = np.cov(m, rowvar=False, ddof=1)
    total = c.sum()
    if total <= 1e-12 * np.trace(c) or total <= 0:
        return None
    return {"alpha": float(k / (k - 1) * (1 - np.trace(c) / total)), "n": int(n), "k": int(k)}


# --- key drivers ---------------------------------------------------------------------------------
def complete(d):
    X, y = to_matrix(d["x"]), np.array([np.nan if v is None else v for v in d["y"]], dtype=float)
    keep = ~(np.isnan(X).any(axis=1) | np.isnan(y))
    return X[keep], y[keep]


def r2_lstsq(X, y, subset):
    """R² of an OLS fit with intercept on the raw data columns in `subset`."""
    if not subset:
        return 0.0
    A = np.column_stack([np.ones(len(y)), X[:, list(subset)]])
    beta, *_ = np.linalg.lstsq(A, y, rcond=None)
    resid = y - A @ beta
    return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))


def shapley(X, y):
    k = X.shape[1]
    memo = {}

    def r2(s):
        key = frozenset(s)
        if key not in memo:
            memo[key] = r2_lstsq(X, y, sorted(key))
        return memo[key]

    # Average marginal contribution over every order in which predictors can enter.
    by_perm = np.zeros(k)
    perms = list(itertools.permutations(range(k)))
    for order in perms:
        entered = []
        for j in order:
            before = r2(entered)
            entered.append(j)
            by_perm[j] += r2(entered) - before
    by_perm /= len(perms)
    # The same through the explicit LMG subset weights |S|!(k−|S|−1)!/k!.
    by_subset = np.zeros(k)
    for j in range(k):
        others = [i for i in range(k) if i != j]
        for size in range(k):
            w = math.factorial(size) * math.factorial(k - size - 1) / math.factorial(k)
            for s in itertools.combinations(others, size):
                by_subset[j] += w * (r2(list(s) + [j]) - r2(s))
    assert np.allclose(by_perm, by_subset, rtol=0, atol=1e-13), (by_perm, by_subset)
    return by_perm


def relative_weights(X, y):
    """Johnson (2000): Λ* = VΛ^½Vᵀ, β = Λ*⁻¹ r_xy, ε_j = Σ_k Λ*_jk² β_k²."""
    R = np.corrcoef(np.column_stack([X, y]), rowvar=False)
    k = X.shape[1]
    rxx, rxy = R[:k, :k], R[:k, k]
    lam, V = np.linalg.eigh(rxx)
    lam_star = V @ np.diag(np.sqrt(lam)) @ V.T
    beta = np.linalg.solve(lam_star, rxy)
    return (lam_star ** 2) @ (beta ** 2)


def drivers(d):
    X, y = complete(d)
    k = X.shape[1]
    r2 = float(r2_lstsq(X, y, list(range(k))))
    rw = relative_weights(X, y)
    out = {"n": int(len(y)), "r2": r2, "relative_weights": rw.tolist()}
    if k <= 15:
        raw = shapley(X, y)
        out.update({"method": "shapley", "raw": raw.tolist(), "shares": (raw / raw.sum()).tolist()})
    else:
        out.update({"method": "relative-weights", "raw": rw.tolist(), "shares": (rw / rw.sum()).tolist()})
    return out


# --- KPIs and benchmarks ---------------------------------------------------------------------------
def kpi_status(value, target, direction, tolerance):
    if value is None or target is None:
        return None
    better = value - target if direction == "higher" else target - value
    if better >= -1e-9 * max(abs(value), abs(target)):
        return "met"
    return "at risk" if -better <= tolerance * abs(target) + 1e-9 * max(abs(value), abs(target)) else "missed"


def trend(values):
    pts = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(pts) < 2:
        return None
    x, y = zip(*pts)
    return float(stats.linregress(x, y).slope)


def oriented(x, direction):
    return np.asarray(x, dtype=float) * (1 if direction == "higher" else -1)


def peer_position(b, ps):
    peers = arr(b["peers"])
    v, direc = b["value"], b["direction"]
    pct = float(stats.percentileofscore(oriented(peers, direc), float(oriented(v, direc)), kind="mean"))
    median = float(np.quantile(peers, 0.5))
    top = float(np.quantile(peers, 0.75 if direc == "higher" else 0.25))
    return {
        "quantiles": [float(np.quantile(peers, p, method="linear")) for p in ps],
        "position": {
            "percentile": pct, "quartile": 4 if pct >= 75 else 3 if pct >= 50 else 2 if pct >= 25 else 1,
            "median": median, "top_quartile": top, "gap_to_median": float(oriented(v - median, direc)),
            "gap_to_top_quartile": float(oriented(v - top, direc)), "peers": int(len(peers)),
        },
    }


LEVELS = {"p10": 10, "p25": 25, "median": 50, "p75": 75, "p90": 90}


def summary_position(b):
    s, v, direc = b["summary"], b["value"], b["direction"]
    pts = sorted((float(oriented(s[key], direc)), lvl if direc == "higher" else 100 - lvl) for key, lvl in LEVELS.items() if key in s)
    xp, fp = [p[0] for p in pts], [p[1] for p in pts]
    ov = float(oriented(v, direc))
    out = {"percentile": float(np.interp(ov, xp, fp))}
    if ov < xp[0]:
        out["censored"] = "below"
    elif ov > xp[-1]:
        out["censored"] = "above"
    pct = out["percentile"]
    out["quartile"] = 4 if pct >= 75 else 3 if pct >= 50 else 2 if pct >= 25 else 1
    top_key = "p75" if direc == "higher" else "p25"
    if "median" in s:
        out.update({"median": s["median"], "gap_to_median": float(oriented(v - s["median"], direc))})
    if top_key in s:
        out.update({"top_quartile": s[top_key], "gap_to_top_quartile": float(oriented(v - s[top_key], direc))})
    return out


# --- change tests --------------------------------------------------------------------------------
def nps_difference(a_scores, b_scores):
    a, b = nps(a_scores), nps(b_scores)
    z = (b["score"] - a["score"]) / (100 * math.sqrt(a["variance"] + b["variance"]))
    p = 2 * stats.norm.sf(abs(z))
    return {"difference": b["score"] - a["score"], "z": z, "p": float(p), "significant": bool(p < ALPHA)}


def welch(a_values, b_values):
    a, b = arr(a_values), arr(b_values)
    res = stats.ttest_ind(b, a, equal_var=False)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    assert abs(2 * stats.t.sf(abs(res.statistic), df) - res.pvalue) < 1e-14
    return {"difference": float(b.mean() - a.mean()), "t": float(res.statistic), "df": float(df), "p": float(res.pvalue),
            "significant": bool(res.pvalue < ALPHA)}


def two_proportion(x1, n1, x2, n2):
    pooled = (x1 + x2) / (n1 + n2)
    z = (x2 / n2 - x1 / n1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p = 2 * stats.norm.sf(abs(z))
    return {"difference": x2 / n2 - x1 / n1, "z": z, "p": float(p), "significant": bool(p < ALPHA)}


def dump(obj):
    """JSON with one line per entry of each section: diffable, yet compact."""
    lines = []
    for key, section in obj.items():
        if isinstance(section, dict):
            inner = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in section.items())
            lines.append(f" {json.dumps(key)}: {{\n{inner}\n }}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(section)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main():
    inp = json.loads((HERE / "inputs.json").read_text())
    b, t = inp["benchmark"], inp["tests"]
    out = {
        "_about": "Written by reference.py from inputs.json — do not edit by hand. null = undefined.",
        "distributions": distributions(inp["distributions"]),
        "nps": {k: nps(v) for k, v in inp["nps"].items()},
        "csat": {k: csat(v) for k, v in inp["csat"].items()},
        "means": {k: mean_estimate(v) for k, v in inp["means"].items()},
        "servqual": {k: servqual(v) for k, v in inp["servqual"].items()},
        "alpha": {k: cronbach(v) for k, v in inp["alpha"].items()},
        "drivers": {k: drivers(v) for k, v in inp["drivers"].items()},
        "kpi": {
            "status": [kpi_status(*c) for c in inp["kpi"]["status"]],
            "trends": {k: trend(v) for k, v in inp["kpi"]["trends"].items()},
        },
        "benchmark": {
            "peers": {k: peer_position(v, b["quantile_ps"]) for k, v in b["peers"].items()},
            "summaries": {k: summary_position(v) for k, v in b["summaries"].items()},
        },
        "tests": {
            "nps_difference": [nps_difference(inp["nps"][x], inp["nps"][y]) for x, y in t["nps_difference"]],
            "welch": [welch(inp["means"][x], inp["means"][y]) for x, y in t["welch"]],
            "two_proportion": [two_proportion(*c) for c in t["two_proportion"]],
        },
    }
    (HERE / "expected.json").write_text(dump(out))
    print("wrote", HERE / "expected.json")


if __name__ == "__main__":
    main()
