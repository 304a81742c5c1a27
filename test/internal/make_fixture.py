"""Writes test/internal/fixture/: a questionnaire, customers and employees of seven branches.

Branch quality drives both sides, so internal and external quality correlate. Branch F has 4
employees (under min_base 10: suppressed) and D 12, the smallest published one, which complementary
suppression must withhold too. Some cells are blank to exercise the half rule and each mean's base.
Run: python3 test/internal/make_fixture.py
"""
import os
import random

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture")
rng = random.Random(17)
DIMS = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
ITEMS = [(f"{d[:3]}{k}", d) for d in DIMS for k in (1, 2)]
BRANCHES = {"A": (20, 0.8), "B": (15, -0.6), "C": (25, 0.3), "D": (12, -0.2), "E": (18, 1.1), "F": (4, 0.0), "G": (30, -1.0)}


def rate(mu):
    return max(1, min(7, round(mu + rng.gauss(0, 1.1))))


def cell(x, blank=0.06):
    return "" if rng.random() < blank else str(x)


os.makedirs(HERE, exist_ok=True)
with open(os.path.join(HERE, "questionnaire.yaml"), "w") as f:
    f.write("scale: { min: 1, max: 7 }\nsegments: [branch]\nitems:\n")
    for i, d in ITEMS:
        f.write(f"  - {{ id: {i}, dimension: {d}, text: Item {i} }}\n")

with open(os.path.join(HERE, "responses.csv"), "w") as f:
    f.write(",".join(["respondent_id", "wave", "branch", "nps"] + [f"e_{i}" for i, _ in ITEMS] + [f"p_{i}" for i, _ in ITEMS]) + "\n")
    n = 0
    for b, (_, q) in BRANCHES.items():
        for _ in range(30):
            n += 1
            nps = max(0, min(10, round(7.5 + 1.5 * q + rng.gauss(0, 2))))
            e = [cell(rate(6)) for _ in ITEMS]
            p = [cell(rate(4.8 + 0.7 * q)) for _ in ITEMS]
            f.write(",".join([f"C{n}", "2026-Q3", b, cell(nps)] + e + p) + "\n")

with open(os.path.join(HERE, "employees.csv"), "w") as f:
    f.write(",".join(["respondent_id", "branch", "role", "enps"] + [f"e_{i}" for i, _ in ITEMS] + [f"p_{i}" for i, _ in ITEMS]) + "\n")
    n = 0
    for b, (size, q) in BRANCHES.items():
        for _ in range(size):
            n += 1
            enps = max(0, min(10, round(7 + 2 * q + rng.gauss(0, 2))))
            e = [cell(rate(6.2), 0.15) for _ in ITEMS]
            p = [cell(rate(4.5 + 0.9 * q)) for _ in ITEMS]
            role = rng.choice(["advisor", "lead", ""])
            f.write(",".join([f"E{n}", b, role, cell(enps)] + e + p) + "\n")
