"""Independent reference for the comment-theme figures (src/analysis/themes.ts).

Writes test/reference/themes_inputs.json (a seeded set of comments with planted themes,
two waves, a region segment, likelihood to recommend) and themes_expected.json: per theme
the share with its Wilson 95 % interval, per wave and region, the pooled two-proportion
z-test between the waves, and Welch's t-test of likelihood to recommend, mentioners vs
others. Matching here is its own: diacritics folded with unicodedata, then a word-prefix
regular expression per planted stem, no stemmer shared with the TypeScript code.
Run: python3 test/reference/themes_reference.py
"""
import json
import re
import unicodedata
from pathlib import Path

import numpy as np
from scipy import stats

HERE = Path(__file__).parent
rng = np.random.default_rng(17)

# Planted themes: phrases the generator writes, and the word stems that find them here.
PHRASES = {
    "waiting": ["I waited far too long", "the queues are endless", "waiting on hold for ages", "l'attente était trop longue"],
    "staff": ["the staff were rude", "a very helpful agent", "le personnel était aimable"],
    "billing": ["my bill was wrong", "billing errors again", "facturation incorrecte", "they charged me twice"],
}
FILLER = ["thanks", "ok overall", "nothing else", "good service", "merci", "cảm ơn"]
STEMS = {
    "waiting": [r"wait", r"queue", r"attente", r"hold"],
    "staff": [r"staff", r"agent", r"personnel"],
    "billing": [r"bill", r"factur", r"charged"],
}
# The parent theme: a comment mentioning waiting or staff mentions service.
PARENT = {"waiting": "service", "staff": "service"}

rows = []
for wave, p_wait in (("2026-Q1", 0.20), ("2026-Q2", 0.35)):
    for i in range(150):
        region = ["north", "south", "east"][int(rng.integers(0, 3))]
        parts = []
        planted = set()
        for theme, p in (("waiting", p_wait), ("staff", 0.25), ("billing", 0.15)):
            if rng.random() < p:
                parts.append(PHRASES[theme][int(rng.integers(0, len(PHRASES[theme])))])
                planted.add(theme)
        if not parts or rng.random() < 0.3:
            parts.append(FILLER[int(rng.integers(0, len(FILLER)))])
        nps = int(np.clip(round(8 - 3 * ("waiting" in planted) - 2 * ("billing" in planted) + rng.normal(0, 1.5)), 0, 10))
        comment = ". ".join(parts) if rng.random() > 0.05 else "   "
        rows.append({"wave": wave, "region": region, "nps": nps, "comment": comment})

# Region "east" in Q2 shrunk below min_base to prove suppression.
rows = [r for r in rows if not (r["wave"] == "2026-Q2" and r["region"] == "east" and rng.random() < 0.8)]
# Perceptions (1-7) of two items per dimension, from their own seeded generator so the comments above stay as they were.
rng_p = np.random.default_rng(1717)
for r in rows:
    base = r["nps"] / 10 * 6 + 1
    r["p"] = {item: int(np.clip(round(base + rng_p.normal(0, 1.5)), 1, 7)) for item in ("rel1", "rel2", "res1", "res2")}
    if rng_p.random() < 0.05:
        del r["p"]["res2"]
(HERE / "themes_inputs.json").write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n")

MIN_BASE = 30
Z95 = 1.96  # the convention of src/stats/constants.ts (and reference.py)


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text.lower().replace("đ", "d")) if not unicodedata.combining(c))


def mentions(text):
    t = fold(text)
    found = {theme for theme, stems in STEMS.items() if any(re.search(r"(?<![a-z0-9])" + s, t) for s in stems)}
    return found | {PARENT[x] for x in found if x in PARENT}


def wilson(x, n):
    p = x / n
    denom = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denom
    half = Z95 * np.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denom
    return [max(0.0, centre - half), min(1.0, centre + half)]


def share(group, theme):
    x = sum(theme in c["m"] for c in group)
    return {"n": len(group), "mentions": x, "share": x / len(group), "ci95": wilson(x, len(group))}


comments = [dict(r, m=mentions(r["comment"])) for r in rows if r["comment"].strip()]
out = {}
for theme in ["service", "waiting", "staff", "billing"]:
    by = {w: [c for c in comments if c["wave"] == w] for w in ("2026-Q1", "2026-Q2")}
    now, before = share(by["2026-Q2"], theme), share(by["2026-Q1"], theme)
    pooled = (now["mentions"] + before["mentions"]) / (now["n"] + before["n"])
    diff = now["share"] - before["share"]
    z = diff / np.sqrt(pooled * (1 - pooled) * (1 / now["n"] + 1 / before["n"]))
    segs = {}
    for v in ("east", "north", "south"):
        g = [c for c in by["2026-Q2"] if c["region"] == v]
        segs[v] = {"n": len(g), "suppressed": True} if len(g) < MIN_BASE else share(g, theme)
    a = np.array([c["nps"] for c in by["2026-Q2"] if theme in c["m"]], float)
    b = np.array([c["nps"] for c in by["2026-Q2"] if theme not in c["m"]], float)
    welch = stats.ttest_ind(a, b, equal_var=False)
    out[theme] = {
        **now,
        "waves": [dict(wave="2026-Q1", **before), dict(wave="2026-Q2", **now)],
        "change": {"difference": diff, "z": z, "p": 2 * stats.norm.sf(abs(z))},
        "segments": {"region": segs},
        "outcome": {"mentioners": a.mean(), "others": b.mean(), "difference": a.mean() - b.mean(), "n_mentioners": len(a), "n_others": len(b), "p": float(welch.pvalue)},
    }


def lmg(X, y):
    """Shapley values of R² over all subsets (Lindeman, Merenda & Gold 1980), by least squares on each subset."""
    from itertools import combinations
    from math import factorial

    k = X.shape[1]

    def r2(cols):
        if not cols:
            return 0.0
        A = np.column_stack([np.ones(len(y)), X[:, list(cols)]])
        beta, *_ = np.linalg.lstsq(A, y, rcond=None)
        resid = y - A @ beta
        return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))

    cache = {}
    def R(s):
        if s not in cache:
            cache[s] = r2(s)
        return cache[s]

    phi = np.zeros(k)
    for j in range(k):
        others = [i for i in range(k) if i != j]
        for size in range(k):
            w = factorial(size) * factorial(k - size - 1) / factorial(k)
            for S in combinations(others, size):
                phi[j] += w * (R(tuple(sorted(S + (j,)))) - R(tuple(S)))
    return phi, R(tuple(range(k)))


LEAVES = ["waiting", "staff", "billing"]
X, y = [], []
for c in comments:
    if c["wave"] != "2026-Q2":
        continue
    p = c["p"]
    rel = np.mean([p[i] for i in ("rel1", "rel2") if i in p])
    res = [p[i] for i in ("res1", "res2") if i in p]
    X.append([rel, np.mean(res)] + [1.0 if t in c["m"] else 0.0 for t in LEAVES])
    y.append(c["nps"])
phi, R2 = lmg(np.array(X), np.array(y, float))
out_drivers = {"n": len(y), "r2": R2, "shares": list(phi / R2)}
(HERE / "themes_drivers_expected.json").write_text(json.dumps(out_drivers, indent=1, default=float) + "\n")

(HERE / "themes_expected.json").write_text(json.dumps(out, indent=1, default=float) + "\n")
print(json.dumps({k: round(v["share"], 4) for k, v in out.items()}))
