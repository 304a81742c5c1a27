#!/usr/bin/env python3
"""Independent reference for the three real survey exports as their questionnaires map them.

Reads each export with the csv module (no gapreport code, no pandas) and recomputes, with
numpy/scipy straight from the formulas, the figures `gapreport analyze` publishes for it:
  airline     0 = not applicable; `satisfied` = 1: overall share (Wilson 95 %), mean and t
              interval; item and dimension perception means (half rule), α, R² of the outcome
              on the items; the share per class.
  reputation  ';', -99 missing; constructs (half-rule mean, t interval, α on complete cases);
              drivers: Shapley shares of R² of cusa on the driver constructs (all subsets);
              overall mean per provider.
  tickets     CSAT "3.0" read as 3; top-2-box with its Wilson interval, mean; per channel.
It writes test/reference/exports_expected.json for the project-made fixtures of the same shape
(test/fixtures/valid/*-like), and test/reference/exports_real_expected.json for the real files
in ../shared/datasets when they are there. test/data/exports-reference.test.ts and
test/data/real-exports.test.ts compare gapreport's figures with them to 1e-9.
Rerun: python3 test/reference/exports_reference.py
"""
import csv, itertools, json, math, os
import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
SHARED = os.path.join(ROOT, '..', 'shared', 'datasets')
Z = 1.96
MIN_BASE = 10  # gapreport's default min_base: a group's figure on fewer answers is withheld, so not compared

def rows_of(path, delimiter=','):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f, delimiter=delimiter))

def num(s, missing=('',), na=()):
    s = (s or '').strip()
    if s in missing: return None
    x = float(s)
    return None if x in na else x

def half_rule(vals):
    got = [v for v in vals if v is not None]
    return float(np.mean(got)) if got and 2 * len(got) >= len(vals) else None

def mean_t(v, prefix, out):
    v = np.array(v, dtype=float); n = len(v)
    m = float(np.mean(v)); sd = float(np.std(v, ddof=1)); t = stats.t.ppf(0.975, n - 1); h = t * sd / math.sqrt(n)
    out.update({f'{prefix}.mean': m, f'{prefix}.sd': sd, f'{prefix}.ci95.0': m - h, f'{prefix}.ci95.1': m + h})

def wilson(x, n):
    p = x / n; d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d; h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return [100 * max(0.0, c - h), 100 * min(1.0, c + h)]

def alpha(matrix):
    a = np.array([r for r in matrix if all(v is not None for v in r)], dtype=float)
    k = a.shape[1]
    return k / (k - 1) * (1 - a.var(axis=0, ddof=1).sum() / a.sum(axis=1).var(ddof=1))

def r2(X, y):
    X1 = np.column_stack([np.ones(len(y)), X])
    beta, *_ = np.linalg.lstsq(X1, y, rcond=None)
    e = y - X1 @ beta
    return 1 - e @ e / ((y - y.mean()) @ (y - y.mean()))

def shapley(X, y):
    """φ_j = Σ_S |S|!(k−|S|−1)!/k! (R²(S ∪ j) − R²(S)) over all subsets S of the others."""
    k = X.shape[1]; memo = {(): 0.0}
    R = lambda S: memo.setdefault(S, r2(X[:, list(S)], y))
    phi = np.zeros(k)
    for j in range(k):
        others = [i for i in range(k) if i != j]
        for size in range(k):
            w = math.factorial(size) * math.factorial(k - size - 1) / math.factorial(k)
            for S in itertools.combinations(others, size):
                phi[j] += w * (R(tuple(sorted(S + (j,)))) - R(S))
    return phi

def airline(path, items):
    """items: id → (header, dimension)."""
    rs = rows_of(path)
    out = {'n': len(rs)}
    p = lambda r, i: num(r[items[i][0]], na=(0.0,))
    y = [1.0 if r['satisfaction'].strip().lower() == 'satisfied' else 0.0 for r in rs]
    mean_t(y, 'overall', out)
    out['overall.share'] = float(np.mean(y))  # a fraction, as every share of the figures
    out['overall.share_ci95.0'], out['overall.share_ci95.1'] = (x / 100 for x in wilson(sum(y), len(y)))
    for i in items:
        out[f'servqual.items.{i}.perception'] = float(np.mean([v for v in (p(r, i) for r in rs) if v is not None]))
    dims = sorted({d for _, d in items.values()}, key=['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'].index)
    for d in dims:
        ids = [i for i in items if items[i][1] == d]
        out[f'servqual.dimensions.{d}.perception'] = float(np.mean([s for s in (half_rule([p(r, i) for i in ids]) for r in rs) if s is not None]))
        if len(ids) > 1: out[f'servqual.dimensions.{d}.alpha'] = float(alpha([[p(r, i) for i in ids] for r in rs]))
    for cls in sorted({r['Class'] for r in rs}):
        ys = [y[k] for k, r in enumerate(rs) if r['Class'] == cls]
        out[f'segments.class.{cls}.n'] = len(ys)
        if len(ys) >= MIN_BASE: out[f'segments.class.{cls}.overall.share'] = float(np.mean(ys))
    complete = [([p(r, i) for i in items], y[k]) for k, r in enumerate(rs) if all(p(r, i) is not None for i in items)]
    X = np.array([c[0] for c in complete]); Y = np.array([c[1] for c in complete])
    out['drivers.n'] = len(Y)
    out['drivers.r2'] = float(r2(X, Y))
    return out

def reputation(path, constructs, drivers):
    rs = rows_of(path, ';')
    v = lambda r, c: num(r[c], missing=('', '-99'))
    out = {'n': len(rs)}
    mean_t([x for x in (v(r, 'cusa') for r in rs) if x is not None], 'overall', out)
    scores = {}
    for cid, cols in constructs.items():
        scores[cid] = [half_rule([v(r, c) for c in cols]) for r in rs]
        mean_t([s for s in scores[cid] if s is not None], f'constructs.{cid}', out)
        if len(cols) > 1: out[f'constructs.{cid}.alpha'] = float(alpha([[v(r, c) for c in cols] for r in rs]))
    for code in sorted({r['serviceprovider'] for r in rs}):
        ys = [x for x in (v(r, 'cusa') for r in rs if r['serviceprovider'] == code) if x is not None]
        out[f'segments.provider.{code}.n'] = sum(1 for r in rs if r['serviceprovider'] == code)
        if len(ys) >= MIN_BASE: out[f'segments.provider.{code}.overall.mean'] = float(np.mean(ys))
    complete = [k for k, r in enumerate(rs) if v(r, 'cusa') is not None and all(scores[c][k] is not None for c in drivers)]
    X = np.array([[scores[c][k] for c in drivers] for k in complete]); Y = np.array([v(rs[k], 'cusa') for k in complete])
    phi = shapley(X, Y); total = float(r2(X, Y))
    out['drivers.n'] = len(Y)
    out['drivers.r2'] = total
    for j, c in enumerate(drivers):
        out[f'drivers.share.{c}'] = float(phi[j] / phi.sum())
        out[f'drivers.performance.{c}'] = float(X[:, j].mean())
    return out

def tickets(path):
    rs = rows_of(path)
    rating = lambda r: num(r['Customer Satisfaction Rating'])
    out = {'n': len(rs)}
    def csat(group, prefix):
        s = [x for x in (rating(r) for r in group) if x is not None]
        if len(s) < MIN_BASE: return
        top = sum(1 for x in s if x >= 4)
        out[f'{prefix}csat.top2box'] = 100 * top / len(s)
        out[f'{prefix}csat.ci95.0'], out[f'{prefix}csat.ci95.1'] = wilson(top, len(s))
        out[f'{prefix}csat.mean'] = float(np.mean(s))
    csat(rs, '')
    for ch in sorted({r['Ticket Channel'] for r in rs}):
        group = [r for r in rs if r['Ticket Channel'] == ch]
        out[f'segments.channel.{ch}.n'] = len(group)
        csat(group, f'segments.channel.{ch}.')
    return out

REPUTATION_FIXTURE = {'qual': ['qual_1', 'qual_2'], 'comp': ['comp_1', 'comp_2', 'comp_3'], 'like': ['like_1', 'like_2', 'like_3'], 'cusa': ['cusa'], 'cusl': ['cusl_1', 'cusl_2', 'cusl_3']}
REPUTATION_REAL = {**{c: [f'{c}_{i}' for i in range(1, n + 1)] for c, n in [('comp', 3), ('like', 3), ('qual', 8), ('perf', 5), ('csor', 5), ('attr', 3)]},
                   'cusa': ['cusa'], 'cusl': ['cusl_1', 'cusl_2', 'cusl_3']}
AIRLINE_REAL = {'wifi': ('Inflight wifi service', 'tangibles'), 'schedule': ('Departure/Arrival time convenient', 'reliability'), 'booking': ('Ease of Online booking', 'responsiveness'),
                'gate': ('Gate location', 'tangibles'), 'food': ('Food and drink', 'tangibles'), 'boarding': ('Online boarding', 'responsiveness'), 'seat': ('Seat comfort', 'tangibles'),
                'entertainment': ('Inflight entertainment', 'tangibles'), 'onboard': ('On-board service', 'empathy'), 'legroom': ('Leg room service', 'tangibles'),
                'baggage': ('Baggage handling', 'reliability'), 'checkin': ('Checkin service', 'assurance'), 'inflight': ('Inflight service', 'assurance'), 'cleanliness': ('Cleanliness', 'tangibles')}

def write(name, data):
    with open(os.path.join(HERE, name), 'w') as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write('\n')

FIX = os.path.join(ROOT, 'test', 'fixtures')
write('exports_expected.json', {
    'airline-like': airline(os.path.join(FIX, 'exports', 'airline-like.csv'), {'wifi': ('Inflight wifi service', 'tangibles'), 'seat': ('Seat comfort', 'tangibles'), 'clean': ('Cleanliness', 'assurance')}),
    'reputation-like': reputation(os.path.join(FIX, 'valid', 'reputation-like', 'responses.csv'), REPUTATION_FIXTURE, ['qual', 'comp', 'like']),
    'tickets-like': tickets(os.path.join(FIX, 'valid', 'tickets-like', 'responses.csv')),
})
if os.path.isdir(SHARED):
    write('exports_real_expected.json', {
        'airline': airline(os.path.join(SHARED, 'airline_satisfaction_subset.csv'), AIRLINE_REAL),
        'reputation': reputation(os.path.join(SHARED, 'corporate_reputation_pls_sem.csv'), REPUTATION_REAL, ['comp', 'like', 'qual', 'perf', 'csor', 'attr']),
        'tickets': tickets(os.path.join(SHARED, 'customer_support_tickets.csv')),
    })
else:
    print(f'{SHARED} is absent: exports_real_expected.json left as it is')
