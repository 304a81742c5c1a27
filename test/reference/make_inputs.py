#!/usr/bin/env python3
"""Writes test/reference/inputs.json: seeded, realistic survey and benchmark data
for the reference comparison. Rerun only to change the fixtures, then rerun
reference.py:  python3 test/reference/make_inputs.py && python3 test/reference/reference.py
Missing values are written as null."""
import json
import pathlib

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20260917)

DIMS = {
    "tangibles": ["tan1", "tan2", "tan3", "tan4"],
    "reliability": ["rel1", "rel2", "rel3", "rel4", "rel5"],
    "responsiveness": ["res1", "res2", "res3", "res4"],
    "assurance": ["ass1", "ass2", "ass3", "ass4"],
    "empathy": ["emp1", "emp2", "emp3", "emp4", "emp5"],
}


def with_missing(values, share):
    return [None if rng.random() < share else v for v in values]


def nps_scores(n, p):
    return [int(x) for x in rng.choice(11, size=n, p=np.array(p) / np.sum(p))]


def likert(center, n, lo, hi, sd=1.2):
    return [int(v) for v in np.clip(np.rint(rng.normal(center, sd, n)), lo, hi)]


nps = {
    "wave_2026q2": with_missing(nps_scores(180, [2, 1, 1, 2, 3, 5, 7, 14, 20, 22, 23]), 0.08),
    "wave_2026q3": with_missing(nps_scores(210, [1, 1, 1, 1, 2, 4, 6, 12, 18, 26, 28]), 0.05),
    "small_base": [10, 3, 8, 9, None, 6, 10, 0],
    "all_promoters": [9, 10, 10, 9, 10],
    "single": [7],
}
csat = {
    "web": with_missing(likert(3.8, 150, 1, 5, 1.0), 0.06),
    "phone": with_missing(likert(3.4, 90, 1, 5, 1.1), 0.1),
    "single": [4],
}
means = {
    "ces_2026q2": with_missing(likert(4.6, 120, 1, 7, 1.4), 0.07),
    "ces_2026q3": with_missing(likert(5.0, 140, 1, 7, 1.3), 0.04),
    "handle_minutes": [round(float(v), 2) for v in rng.gamma(4.0, 1.7, 60)],
    "two": [3, 6],
    "single": [5],
}

# SERVQUAL: 60 respondents × 22 items, scale 1–7; some respondents skip most of a dimension.
items = [i for d in DIMS.values() for i in d]
n_resp = 60
latent_e = rng.normal(6.0, 0.5, n_resp)
latent_p = rng.normal(5.2, 0.8, n_resp)
p_rows, e_rows, w_rows = [], [], []
for r in range(n_resp):
    dim_shift = {d: rng.normal(0, 0.4) for d in DIMS}
    e = [int(np.clip(np.rint(latent_e[r] + rng.normal(0, 0.6)), 1, 7)) for _ in items]
    p = []
    for d, its in DIMS.items():
        p += [int(np.clip(np.rint(latent_p[r] + dim_shift[d] + rng.normal(0, 0.7)), 1, 7)) for _ in its]
    e, p = with_missing(e, 0.06), with_missing(p, 0.06)
    if r % 9 == 4:  # skips most of reliability
        for j in range(1, 5):
            p[items.index(f"rel{j}")] = None
    if r % 11 == 7:  # skips exactly half of tangibles' expectations
        e[items.index("tan1")] = e[items.index("tan2")] = None
    w = rng.dirichlet([3, 6, 4, 4, 3]) * 100
    w = [float(round(x)) for x in w]
    w[1] += 100 - sum(w)
    p_rows.append(p)
    e_rows.append(e)
    w_rows.append(None if r % 13 == 0 else w)
servqual = {"survey": {"dimensions": DIMS, "items": items, "p": p_rows, "e": e_rows, "w": w_rows}}

alpha = {}
for d, its in DIMS.items():
    alpha[f"perception_{d}"] = [[row[items.index(i)] for i in its] for row in p_rows]
alpha["zero_variance"] = [[4, 4, 4], [4, 4, 4], [4, 4, None], [4, 4, 4]]
alpha["weak_items"] = [likert(4, 1, 1, 7, 2) + likert(4, 1, 1, 7, 2) + likert(4, 1, 1, 7, 2) for _ in range(40)]


def drivers(n, k, weights, missing):
    common = rng.normal(0, 1, n)
    x = np.array([common * 0.6 + rng.normal(0, 1, n) for _ in range(k)]).T + 4.5
    y = x @ np.array(weights) + rng.normal(0, 1.5, n)
    xs = [[None if rng.random() < missing else round(float(v), 4) for v in row] for row in x]
    ys = [None if rng.random() < missing else round(float(v), 4) for v in y]
    return {"x": xs, "y": ys}


driver_sets = {
    "dimensions_5": drivers(250, 5, [0.2, 0.6, 0.4, 0.3, 0.1], 0.02),
    "items_6": drivers(180, 6, [0.5, 0.1, 0.0, 0.3, 0.3, 0.05], 0.01),
    "items_17": drivers(400, 17, list(np.linspace(0.0, 0.6, 17)), 0.0),
}

kpi = {
    "status": [
        [82, 80, "higher", 0.05], [80, 80, "higher", 0.05], [77, 80, "higher", 0.05], [75.9, 80, "higher", 0.05],
        [25, 30, "lower", 0.05], [31.2, 30, "lower", 0.05], [33, 30, "lower", 0.1], [34, 30, "lower", 0.1],
        [0.71, 0.75, "higher", 0.1], [0.62, 0.75, "higher", 0.1], [-4, -5, "lower", 0.3], [None, 80, "higher", 0.05],
    ],
    "trends": {
        "service_level": [0.78, 0.81, None, 0.83, 0.8, 0.86],
        "asa_seconds": [42, 39.5, 37, 41, 33.2],
        "one_point": [None, 5.0],
    },
}

benchmark = {
    "peers": {
        "nps": {"value": 31, "direction": "higher", "peers": [12, 18, 25, 25, 31, 31, 31, 40, 44, 52, None]},
        "asa_seconds": {"value": 28, "direction": "lower", "peers": [20, 24, 28, 28, 35, 41, 41, 58]},
        "fcr_rate": {"value": 0.74, "direction": "higher", "peers": [round(float(v), 3) for v in rng.uniform(0.6, 0.85, 23)]},
        "aht_seconds": {"value": 405, "direction": "lower", "peers": [float(round(v)) for v in rng.normal(380, 40, 17)]},
    },
    "quantile_ps": [0, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 1],
    "summaries": {
        "service_level_inside": {"value": 0.83, "direction": "higher", "summary": {"p10": 0.62, "p25": 0.7, "median": 0.78, "p75": 0.85, "p90": 0.91, "mean": 0.77}},
        "service_level_above": {"value": 0.95, "direction": "higher", "summary": {"p10": 0.62, "p25": 0.7, "median": 0.78, "p75": 0.85, "p90": 0.91}},
        "asa_inside": {"value": 31, "direction": "lower", "summary": {"p25": 22, "median": 30, "p75": 45}},
        "asa_below": {"value": 60, "direction": "lower", "summary": {"p25": 22, "median": 30, "p75": 45}},
        "csat_two_points": {"value": 81, "direction": "higher", "summary": {"p25": 74, "p75": 86}},
    },
}

tests = {
    "nps_difference": [["wave_2026q2", "wave_2026q3"], ["small_base", "wave_2026q3"]],
    "welch": [["ces_2026q2", "ces_2026q3"], ["two", "handle_minutes"]],
    "two_proportion": [[112, 150, 139, 170], [45, 100, 60, 100], [3, 9, 1, 12]],
}

distributions = {
    "normal_cdf": [-7.5, -3.1, -1.96, -0.4, 0, 0.25, 1.0, 1.6448536269514722, 2.8, 6.0],
    "normal_quantile": [1e-8, 0.001, 0.01, 0.025, 0.2, 0.5, 0.7, 0.95, 0.975, 0.9995],
    "log_gamma": [0.05, 0.5, 1.3, 2.5, 4.0, 7.77, 15.5, 60.25, 250.0, 5000.5],
    "incomplete_beta": [[0.3, 2, 5], [0.9, 0.5, 0.5], [0.05, 3.5, 1.2], [0.6, 12, 8], [0.42, 50, 60], [0.999, 0.5, 40]],
    "t_cdf": [[-2.5, 3], [-1.2, 7.5], [0.3, 1], [1.0, 2], [2.1, 29], [3.4, 100], [-0.8, 500], [1.7, 12.345]],
    "t_quantile": [[0.975, 1], [0.975, 2], [0.975, 4], [0.975, 9], [0.975, 29], [0.995, 14], [0.05, 6.6], [0.9, 250], [0.001, 3]],
    "two_sided_z": [0, 0.5, 1.2, 1.96, 2.5758293035489, 4.2],
    "two_sided_t": [[0.4, 5], [2.0, 12], [2.262157162798205, 9], [3.1, 44.7], [6.0, 3]],
}


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

out = {
    "_about": "Project-made fixtures (seed 20260917) for test/stats/reference.test.ts; written by make_inputs.py. null = missing.",
    "distributions": distributions, "nps": nps, "csat": csat, "means": means, "servqual": servqual,
    "alpha": alpha, "drivers": driver_sets, "kpi": kpi, "benchmark": benchmark, "tests": tests,
}
(HERE / "inputs.json").write_text(dump(out))
print("wrote", HERE / "inputs.json")
