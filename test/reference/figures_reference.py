#!/usr/bin/env python3
"""Independent reference for `gapreport analyze` on test/fixtures/analysis/reference-company.

Recomputes the figures of SPEC §3 from the raw CSV with pandas-free numpy/scipy, straight
from the formulas (no accumulators, no covariance shortcuts: R² by least squares on the
rows, Shapley by averaging over all permutations, Welch by scipy.stats.ttest_ind), and
writes test/reference/figures_expected.json. test/analysis/reference.test.ts compares the
TypeScript figures with it to 1e-9. The `weighted.*` figures are the same rows post-stratified
by channel (WEIGHT_SHARES), from weighted sums and Kish's effective base. Rerun:
python3 test/reference/figures_reference.py
"""
import csv, itertools, json, math, os
import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'fixtures', 'analysis', 'reference-company')
DIMS = {'tangibles': ['tan1', 'tan2', 'tan3', 'tan4'], 'reliability': ['rel1', 'rel2', 'rel3', 'rel4', 'rel5'],
        'responsiveness': ['res1', 'res2', 'res3', 'res4'], 'assurance': ['ass1', 'ass2', 'ass3', 'ass4'],
        'empathy': ['emp1', 'emp2', 'emp3', 'emp4', 'emp5']}
Z = 1.96

def read(name):
    with open(os.path.join(DATA, name), newline='') as f:
        return list(csv.DictReader(f))

num = lambda s: None if s is None or s == '' else float(s)
rows = read('responses.csv')
waves = sorted({r['wave'] for r in rows})
wave, prev = waves[-1], waves[-2]
cur = [r for r in rows if r['wave'] == wave]
old = [r for r in rows if r['wave'] == prev]

def col(rs, c):
    return np.array([num(r[c]) for r in rs if num(r[c]) is not None])

def half_rule(vals):
    got = [v for v in vals if v is not None]
    return np.mean(got) if len(got) * 2 >= len(vals) and got else None

def nps(rs):
    s = col(rs, 'nps'); n = len(s)
    pp, pd = np.mean(s >= 9), np.mean(s <= 6)
    # Variance of the per-respondent +1/0/−1 score, divided by n (population variance: SPEC's formula).
    score_var = np.var(np.where(s >= 9, 1.0, np.where(s <= 6, -1.0, 0.0))) / n
    return {'score': 100 * (pp - pd), 'n': n, 'promoters': pp, 'detractors': pd, 'variance': score_var, 'moe95': 100 * Z * math.sqrt(score_var)}

def wilson(x, n):
    p = x / n; d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d; h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return [100 * (c - h), 100 * (c + h)]

def mean_t(v):
    m = float(np.mean(v)); se = float(np.std(v, ddof=1) / math.sqrt(len(v))); t = stats.t.ppf(0.975, len(v) - 1)
    return {'mean': m, 'sd': float(np.std(v, ddof=1)), 'ci95': [m - t * se, m + t * se], 'n': len(v)}

def dim_scores(r, prefix, items):
    return half_rule([num(r[f'{prefix}_{i}']) for i in items])

def gap_score(r, items):
    return half_rule([None if num(r[f'p_{i}']) is None or num(r[f'e_{i}']) is None else num(r[f'p_{i}']) - num(r[f'e_{i}']) for i in items])

def servqual(rs):
    out = {}
    for d, items in DIMS.items():
        e = [x for x in (dim_scores(r, 'e', items) for r in rs) if x is not None]
        p = [x for x in (dim_scores(r, 'p', items) for r in rs) if x is not None]
        g = [x for x in (gap_score(r, items) for r in rs) if x is not None]
        complete = np.array([[num(r[f'p_{i}']) for i in items] for r in rs if all(num(r[f'p_{i}']) is not None for i in items)])
        k = complete.shape[1]
        alpha = k / (k - 1) * (1 - complete.var(axis=0, ddof=1).sum() / complete.sum(axis=1).var(ddof=1))
        w = [num(r[f'w_{d}']) for r in rs if num(r[f'w_{d}']) is not None]
        out[d] = {'expectation': np.mean(e), 'perception': np.mean(p), 'gap': np.mean(g), 'alpha': alpha, 'weight': np.mean(w), 'n_gap': len(g)}
    unweighted = np.mean([out[d]['gap'] for d in DIMS])
    weighted = sum(out[d]['weight'] / 100 * out[d]['gap'] for d in DIMS)
    return out, unweighted, weighted

def r2(X, y):
    X1 = np.column_stack([np.ones(len(y)), X]) if X.shape[1] else np.ones((len(y), 1))
    beta, *_ = np.linalg.lstsq(X1, y, rcond=None)
    resid = y - X1 @ beta
    return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))

def drivers(rs):
    data = []
    for r in rs:
        xs = [dim_scores(r, 'p', items) for items in DIMS.values()]
        y = num(r['overall'])
        if y is not None and all(x is not None for x in xs): data.append(xs + [y])
    A = np.array(data); X, y = A[:, :5], A[:, 5]
    k = 5; cache = {}
    def R(S):
        S = tuple(sorted(S))
        if S not in cache: cache[S] = r2(X[:, list(S)], y) if S else 0.0
        return cache[S]
    contrib = np.zeros(k)
    perms = list(itertools.permutations(range(k)))
    for perm in perms:
        seen = []
        for j in perm:
            contrib[j] += R(seen + [j]) - R(seen); seen.append(j)
    contrib /= len(perms)
    total = R(range(k))
    return {'n': len(y), 'r2': total, 'shares': list(contrib / total), 'raw': list(contrib), 'performance': list(X.mean(axis=0))}

def gap1(rs):
    mgr = read('management.csv'); cust, _, _ = servqual(rs)
    out = {}
    for d, items in DIMS.items():
        m = [x for x in (half_rule([num(r[f'm_{i}']) for i in items]) for r in mgr) if x is not None]
        out[d] = np.mean(m) - cust[d]['expectation']
    return out, np.mean(list(out.values()))

def mid_rank(value, peers, direction):
    o = (lambda x: x) if direction == 'higher' else (lambda x: -x)
    below = sum(o(p) < o(value) for p in peers); equal = sum(p == value for p in peers)
    return (below + 0.5 * equal) / len(peers) * 100

sq, unweighted, weighted = servqual(cur)
sq_old, _, _ = servqual(old)
dr = drivers(cur)
g1, g1v = gap1(cur)
n_cur, n_old = nps(cur), nps(old)
cs = col(cur, 'csat'); cs_old = col(old, 'csat')
x1, x2 = int((cs_old >= 4).sum()), int((cs >= 4).sum())
pooled = (x1 + x2) / (len(cs_old) + len(cs))
z_csat = (x2 / len(cs) - x1 / len(cs_old)) / math.sqrt(pooled * (1 - pooled) * (1 / len(cs_old) + 1 / len(cs)))
z_nps = (n_cur['score'] - n_old['score']) / (100 * math.sqrt(n_cur['variance'] + n_old['variance']))
ces_cur, ces_old = col(cur, 'ces'), col(old, 'ces')
resp_cur = [x for x in (gap_score(r, DIMS['responsiveness']) for r in cur) if x is not None]
resp_old = [x for x in (gap_score(r, DIMS['responsiveness']) for r in old) if x is not None]

def servqual_score(r):
    # A respondent's SERVQUAL score: the mean of their five dimension gap scores, only when they have all five.
    g = [gap_score(r, DIMS[d]) for d in DIMS]
    return None if any(x is None for x in g) else float(np.mean(g))
sq_cur = [x for x in map(servqual_score, cur) if x is not None]
sq_prev = [x for x in map(servqual_score, old) if x is not None]

peers_nps = [5, 12, 12, 18, 20, 20, 20, 25, 31, 40]
peers_asa = [22, 28, 31.5, 31.5, 35, 41, 47, 52]
store = [r for r in cur if r['channel'] == 'store']
phone = [r for r in cur if r['channel'] == 'phone']

expected = {
    'nps.score': n_cur['score'], 'nps.n': n_cur['n'], 'nps.moe95': n_cur['moe95'], 'nps.promoters': n_cur['promoters'], 'nps.detractors': n_cur['detractors'],
    'csat.top2box': 100 * x2 / len(cs), 'csat.ci95.0': wilson(x2, len(cs))[0], 'csat.ci95.1': wilson(x2, len(cs))[1], 'csat.mean': float(cs.mean()),
    'ces.mean': mean_t(ces_cur)['mean'], 'ces.sd': mean_t(ces_cur)['sd'], 'ces.ci95.0': mean_t(ces_cur)['ci95'][0], 'ces.ci95.1': mean_t(ces_cur)['ci95'][1],
    'overall.mean': float(col(cur, 'overall').mean()),
    'servqual.unweighted': unweighted, 'servqual.weighted': weighted,
    'gaps.gap5.value': unweighted, 'gaps.gap1.value': g1v,
    'drivers.n': dr['n'], 'drivers.r2': dr['r2'],
    'changes.nps.score.p': 2 * stats.norm.sf(abs(z_nps)),
    'changes.csat.top2box.p': 2 * stats.norm.sf(abs(z_csat)),
    'changes.ces.mean.p': float(stats.ttest_ind(ces_cur, ces_old, equal_var=False).pvalue),
    'changes.servqual.dimensions.responsiveness.gap.p': float(stats.ttest_ind(resp_cur, resp_old, equal_var=False).pvalue),
    'changes.servqual.dimensions.responsiveness.gap.difference': float(np.mean(resp_cur) - np.mean(resp_old)),
    'changes.servqual.unweighted.p': float(stats.ttest_ind(sq_cur, sq_prev, equal_var=False).pvalue),
    'changes.servqual.unweighted.statistic': float(stats.ttest_ind(sq_cur, sq_prev, equal_var=False).statistic),
    'changes.servqual.unweighted.difference': float(np.mean(sq_cur) - np.mean(sq_prev)),
    'benchmarks.nps.percentile': mid_rank(n_cur['score'], peers_nps, 'higher'),
    'benchmarks.nps.median': float(np.quantile(peers_nps, 0.5)),
    'benchmarks.nps.top_quartile': float(np.quantile(peers_nps, 0.75)),
    'benchmarks.asa_seconds.percentile': mid_rank(31.5, peers_asa, 'lower'),
    'benchmarks.asa_seconds.top_quartile': float(np.quantile(peers_asa, 0.25)),
    'benchmarks.asa_seconds.gap_to_median': -(31.5 - float(np.quantile(peers_asa, 0.5))),
    'kpis.answer-30s.trend': float(np.polyfit([0, 1], [74.5, 77.0], 1)[0]),
    'segments.channel.phone.nps.score': nps(phone)['score'],
    'segments.channel.store.n': len(store),
}
for d in DIMS:
    for key in ['expectation', 'perception', 'gap', 'alpha', 'weight', 'n_gap']:
        expected[f'servqual.dimensions.{d}.{key}'] = sq[d][key]
    expected[f'gaps.gap1.{d}'] = g1[d]
for i, d in enumerate(DIMS):
    expected[f'drivers.items.{d}.share'] = dr['shares'][i]
    expected[f'drivers.items.{d}.raw'] = dr['raw'][i]
    expected[f'drivers.items.{d}.performance'] = dr['performance'][i]
for it in DIMS['reliability']:
    g = [num(r[f'p_{it}']) - num(r[f'e_{it}']) for r in cur if num(r[f'p_{it}']) is not None and num(r[f'e_{it}']) is not None]
    expected[f'servqual.items.{it}.gap'] = float(np.mean(g))

def item_intervals(prefix, rs):
    # Student-t 95 % intervals of each item's E, P and gap (P − E, rows with both) means: t.ppf(0.975, n−1)·s/√n.
    for it in [i for items in DIMS.values() for i in items]:
        g = np.array([num(r[f'p_{it}']) - num(r[f'e_{it}']) for r in rs if num(r[f'p_{it}']) is not None and num(r[f'e_{it}']) is not None])
        for key, v in [('expectation', col(rs, f'e_{it}')), ('perception', col(rs, f'p_{it}')), ('gap', g)]:
            lo, hi = mean_t(v)['ci95']
            expected[f'{prefix}servqual.items.{it}.figure.{key}_ci95.0'] = lo
            expected[f'{prefix}servqual.items.{it}.figure.{key}_ci95.1'] = hi

def cronbach(rs, items):
    # Cronbach's α with sample variances on the complete cases of the dimension's perception items.
    complete = np.array([[num(r[f'p_{i}']) for i in items] for r in rs if all(num(r[f'p_{i}']) is not None for i in items)])
    k = complete.shape[1]
    return k / (k - 1) * (1 - complete.var(axis=0, ddof=1).sum() / complete.sum(axis=1).var(ddof=1))

item_intervals('', cur)
item_intervals(f'waves.{prev}.', old)
item_intervals('segments.channel.phone.', phone)
for d, items in DIMS.items():
    expected[f'segments.channel.phone.servqual.dimensions.{d}.alpha'] = cronbach(phone, items)

for w, rs in [(prev, old), (wave, cur)]:
    # Each wave's drivers: the same Shapley/LMG decomposition over that wave's complete cases.
    dw = drivers(rs)
    expected[f'waves.{w}.drivers.n'] = dw['n']
    expected[f'waves.{w}.drivers.r2'] = dw['r2']
    for i, d in enumerate(DIMS):
        for key in ['share', 'raw', 'performance']:
            expected[f'waves.{w}.drivers.items.{d}.{key}'] = dw[key + 's' if key == 'share' else key][i]


# --- Weighted: the same rows post-stratified by channel to WEIGHT_SHARES within each wave ---
# (reference.test.ts appends the same weighting: to questionnaire.yaml). A respondent's weight
# is share_c / (n_c / n_wave); every figure then follows Kish: weighted sums, and intervals,
# margins and tests on the effective base n_eff = (Σw)²/Σw² of the respondents it uses.
WEIGHT_SHARES = {'phone': 0.4, 'chat': 0.3, 'web': 0.22, 'store': 0.08}
weight = {}
for w_ in waves:
    rs = [r for r in rows if r['wave'] == w_]
    for c, share in WEIGHT_SHARES.items():
        nc = sum(r['channel'] == c for r in rs)
        for r in rs:
            if r['channel'] == c: weight[r['respondent_id']] = share / (nc / len(rs))

def wcol(rs, c):
    got = [(num(r[c]), weight[r['respondent_id']]) for r in rs if num(r[c]) is not None]
    return np.array([v for v, _ in got]), np.array([w for _, w in got])

def wvals(rs, f):
    got = [(f(r), weight[r['respondent_id']]) for r in rs]
    got = [(v, w) for v, w in got if v is not None]
    return np.array([v for v, _ in got]), np.array([w for _, w in got])

n_eff = lambda w: w.sum() ** 2 / (w * w).sum()

def wmean_t(v, w):
    # Weighted mean; reliability-weights sd Σw(x−m)²/(Σw − Σw²/Σw); Student t on n_eff − 1 df, se = sd/√n_eff.
    m = float((w * v).sum() / w.sum()); sd = math.sqrt((w * (v - m) ** 2).sum() / (w.sum() - (w * w).sum() / w.sum()))
    ne = n_eff(w); half = stats.t.ppf(0.975, ne - 1) * sd / math.sqrt(ne)
    return {'mean': m, 'sd': sd, 'n': ne, 'ci95': [m - half, m + half]}

def wnps(rs):
    s, w = wcol(rs, 'nps'); pp, pd = w[s >= 9].sum() / w.sum(), w[s <= 6].sum() / w.sum(); ne = n_eff(w)
    var = (pp + pd - (pp - pd) ** 2) / ne
    return {'score': 100 * (pp - pd), 'promoters': pp, 'detractors': pd, 'variance': var, 'moe95': 100 * Z * math.sqrt(var), 'n_eff': ne}

def wcov(A, w):
    m = (w[:, None] * A).sum(axis=0) / w.sum(); D = A - m
    return (w[:, None] * D).T @ D / (w.sum() - (w * w).sum() / w.sum())

def walpha(rs, items):
    got = [([num(r[f'p_{i}']) for i in items], weight[r['respondent_id']]) for r in rs if all(num(r[f'p_{i}']) is not None for i in items)]
    C = wcov(np.array([x for x, _ in got]), np.array([w for _, w in got])); k = len(items)
    return k / (k - 1) * (1 - np.trace(C) / C.sum())

def wdrivers(rs):
    data, ws = [], []
    for r in rs:
        xs = [dim_scores(r, 'p', items) for items in DIMS.values()]
        y = num(r['overall'])
        if y is not None and all(x is not None for x in xs): data.append(xs + [y]); ws.append(weight[r['respondent_id']])
    A, w = np.array(data), np.array(ws)
    # Weighted least squares on the rows: √w scales each centred row, so R² = 1 − SSE_w/SST_w.
    m = (w[:, None] * A).sum(axis=0) / w.sum(); S = (A - m) * np.sqrt(w)[:, None]
    X, y = S[:, :5], S[:, 5]; k = 5; cache = {}
    def R(Sub):
        Sub = tuple(sorted(Sub))
        if not Sub: return 0.0
        if Sub not in cache:
            beta, *_ = np.linalg.lstsq(X[:, list(Sub)], y, rcond=None); e = y - X[:, list(Sub)] @ beta
            cache[Sub] = 1 - e @ e / (y @ y)
        return cache[Sub]
    contrib = np.zeros(k); perms = list(itertools.permutations(range(k)))
    for perm in perms:
        seen = []
        for j in perm: contrib[j] += R(seen + [j]) - R(seen); seen.append(j)
    contrib /= len(perms); total = R(range(k))
    return {'n': len(A), 'r2': total, 'shares': list(contrib / total), 'raw': list(contrib), 'performance': list(m[:5])}

W = 'weighted.'
wn_cur, wn_old = wnps(cur), wnps(old)
for key in ['score', 'promoters', 'detractors', 'moe95', 'n_eff']: expected[f'{W}nps.{key}'] = wn_cur[key]
cv, cw = wcol(cur, 'csat'); ov, ow = wcol(old, 'csat')
top, top_old = cw[cv >= 4].sum() / cw.sum(), ow[ov >= 4].sum() / ow.sum()
ce, oe = n_eff(cw), n_eff(ow)
expected[f'{W}csat.top2box'] = 100 * top
expected[f'{W}csat.ci95.0'], expected[f'{W}csat.ci95.1'] = wilson(top * ce, ce)
expected[f'{W}csat.mean'] = wmean_t(cv, cw)['mean']
ces_w = wmean_t(*wcol(cur, 'ces'))
for key in ['mean', 'sd']: expected[f'{W}ces.{key}'] = ces_w[key]
expected[f'{W}ces.ci95.0'], expected[f'{W}ces.ci95.1'] = ces_w['ci95']
for d, items in DIMS.items():
    e_ = wmean_t(*wvals(cur, lambda r: dim_scores(r, 'e', items)))
    p_ = wmean_t(*wvals(cur, lambda r: dim_scores(r, 'p', items)))
    g_ = wmean_t(*wvals(cur, lambda r: gap_score(r, items)))
    expected[f'{W}servqual.dimensions.{d}.expectation'] = e_['mean']
    expected[f'{W}servqual.dimensions.{d}.perception'] = p_['mean']
    expected[f'{W}servqual.dimensions.{d}.gap'] = g_['mean']
    expected[f'{W}servqual.dimensions.{d}.alpha'] = walpha(cur, items)
for w_, rs in [(prev, old), (wave, cur)]:
    dw = wdrivers(rs)
    expected[f'{W}waves.{w_}.drivers.n'] = dw['n']; expected[f'{W}waves.{w_}.drivers.r2'] = dw['r2']
    for i, d in enumerate(DIMS):
        for key in ['share', 'raw', 'performance']:
            expected[f'{W}waves.{w_}.drivers.items.{d}.{key}'] = dw[key + 's' if key == 'share' else key][i]
for it in [i for items in DIMS.values() for i in items]:
    for key, f in [('expectation', lambda r: num(r[f'e_{it}'])), ('perception', lambda r: num(r[f'p_{it}'])),
                   ('gap', lambda r: None if num(r[f'p_{it}']) is None or num(r[f'e_{it}']) is None else num(r[f'p_{it}']) - num(r[f'e_{it}']))]:
        lo, hi = wmean_t(*wvals(cur, f))['ci95']
        expected[f'{W}servqual.items.{it}.figure.{key}_ci95.0'] = lo
        expected[f'{W}servqual.items.{it}.figure.{key}_ci95.1'] = hi
# Changes on effective bases: NPS z with each wave's variance on its n_eff; pooled z on effective
# successes share·n_eff of n_eff; Welch with the weighted sd and n = n_eff (df from n_eff − 1).
z = (wn_cur['score'] - wn_old['score']) / (100 * math.sqrt(wn_cur['variance'] + wn_old['variance']))
expected[f'{W}changes.nps.score.p'] = 2 * stats.norm.sf(abs(z))
pooled = (top * ce + top_old * oe) / (ce + oe)
z = (top - top_old) / math.sqrt(pooled * (1 - pooled) * (1 / oe + 1 / ce))
expected[f'{W}changes.csat.top2box.p'] = 2 * stats.norm.sf(abs(z))
def wwelch(a, b):
    va, vb = a['sd'] ** 2 / a['n'], b['sd'] ** 2 / b['n']
    t = (b['mean'] - a['mean']) / math.sqrt(va + vb); df = (va + vb) ** 2 / (va * va / (a['n'] - 1) + vb * vb / (b['n'] - 1))
    return 2 * stats.t.sf(abs(t), df), b['mean'] - a['mean']
expected[f'{W}changes.ces.mean.p'] = wwelch(wmean_t(*wcol(old, 'ces')), ces_w)[0]
resp = [wmean_t(*wvals(rs, lambda r: gap_score(r, DIMS['responsiveness']))) for rs in (old, cur)]
expected[f'{W}changes.servqual.dimensions.responsiveness.gap.p'], expected[f'{W}changes.servqual.dimensions.responsiveness.gap.difference'] = wwelch(*resp)
sqw = [wmean_t(*wvals(rs, servqual_score)) for rs in (old, cur)]
expected[f'{W}changes.servqual.unweighted.p'], expected[f'{W}changes.servqual.unweighted.difference'] = wwelch(*sqw)

out = {k: (float(v) if not isinstance(v, int) else v) for k, v in expected.items()}
with open(os.path.join(HERE, 'figures_expected.json'), 'w') as f:
    json.dump(out, f, indent=1, sort_keys=True)
print(f'wrote {len(out)} reference figures')
