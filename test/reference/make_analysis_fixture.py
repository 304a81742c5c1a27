#!/usr/bin/env python3
"""Writes test/fixtures/analysis/reference-company/: a small, seeded dataset with every
file of SPEC §2 and the awkward cases the figures must handle (missing answers, a
dimension under the half rule, a segment under min_base, peers with ties, a
lower-is-better metric). Rerun: python3 test/reference/make_analysis_fixture.py
"""
import csv, os, random

random.seed(20261124)
OUT = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'analysis', 'reference-company')
os.makedirs(OUT, exist_ok=True)
DIMS = {'tangibles': ['tan1', 'tan2', 'tan3', 'tan4'], 'reliability': ['rel1', 'rel2', 'rel3', 'rel4', 'rel5'],
        'responsiveness': ['res1', 'res2', 'res3', 'res4'], 'assurance': ['ass1', 'ass2', 'ass3', 'ass4'],
        'empathy': ['emp1', 'emp2', 'emp3', 'emp4', 'emp5']}
ITEMS = [i for items in DIMS.values() for i in items]
clip = lambda x: max(1, min(7, int(round(x))))

with open(os.path.join(OUT, 'questionnaire.yaml'), 'w') as f:
    f.write('scale: { min: 1, max: 7 }\npreset: servqual-22\nsegments: [channel]\noutcome: overall\n')

rows = []
for wave, n, shift in [('2026-Q1', 70, 0.0), ('2026-Q2', 90, 0.4)]:
    for k in range(n):
        rid = f'{wave}-{k:03d}'
        channel = random.choice(['phone', 'chat', 'web']) if k >= 6 else 'store'   # store: 6 per wave (< min_base)
        latent = {d: random.gauss(0, 1) for d in DIMS}
        row = {'respondent_id': rid, 'wave': wave, 'date': f'{wave[:4]}-0{3 if wave.endswith("1") else 6}-{(k % 28) + 1:02d}', 'channel': channel}
        for d, items in DIMS.items():
            for it in items:
                row[f'e_{it}'] = clip(6 + 0.6 * random.gauss(0, 1))
                row[f'p_{it}'] = clip(4.8 + shift * (d == 'responsiveness') + 0.9 * latent[d] + 0.6 * random.gauss(0, 1))
        # Missing answers: random cells, and some respondents under the half rule for reliability.
        for it in ITEMS:
            if random.random() < 0.04: row[f'e_{it}'] = ''
            if random.random() < 0.04: row[f'p_{it}'] = ''
        if k % 17 == 3:
            for it in ['rel1', 'rel2', 'rel3']: row[f'p_{it}'] = ''
        if k % 9 != 4:
            w = [random.randint(5, 40) for _ in range(4)]
            w.append(100 - sum(w)) if sum(w) < 100 else None
            if len(w) < 5 or w[4] < 0:
                w = [20, 20, 20, 20, 20]
            for d, v in zip(DIMS, w): row[f'w_{d}'] = v
        else:
            for d in DIMS: row[f'w_{d}'] = ''
        score = sum(latent.values()) / 5
        row['nps'] = '' if k % 23 == 7 else max(0, min(10, int(round(7 + 2.2 * score + random.gauss(0, 1.5)))))
        row['csat'] = '' if k % 19 == 5 else max(1, min(5, int(round(3.8 + 0.9 * score + random.gauss(0, 0.7)))))
        row['ces'] = '' if k % 13 == 2 else max(1, min(7, int(round(3.5 - 0.8 * score + random.gauss(0, 1)))))
        row['overall'] = '' if k % 11 == 6 else clip(4.6 + 0.7 * latent['reliability'] + 0.4 * latent['responsiveness'] + 0.2 * latent['empathy'] + random.gauss(0, 0.6))
        rows.append(row)

header = ['respondent_id', 'wave', 'date', 'channel'] + [f'e_{i}' for i in ITEMS] + [f'p_{i}' for i in ITEMS] + [f'w_{d}' for d in DIMS] + ['nps', 'csat', 'ces', 'overall']
with open(os.path.join(OUT, 'responses.csv'), 'w', newline='') as f:
    w = csv.DictWriter(f, fieldnames=header, lineterminator='\n'); w.writeheader(); w.writerows(rows)

with open(os.path.join(OUT, 'management.csv'), 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['respondent_id'] + [f'm_{i}' for i in ITEMS])
    for m in range(12):
        vals = [clip(5.4 - 0.6 * (i.startswith('rel')) + random.gauss(0, 0.8)) for i in ITEMS]
        if m == 3: vals[4:9] = [''] * 5   # a manager who skipped reliability
        w.writerow([f'M{m:02d}'] + vals)

with open(os.path.join(OUT, 'standards.csv'), 'w') as f:
    f.write('standard_id,metric,dimension,unit,direction,target,management_expectation,tolerance\n'
            'answer-30s,service_level_30s,responsiveness,percent,higher,80,85,0.05\n'
            'wait,asa_seconds,responsiveness,seconds,lower,30,25,0.1\n'
            'fcr,fcr_rate,reliability,percent,higher,75,70,\n')
with open(os.path.join(OUT, 'operations.csv'), 'w') as f:
    f.write('period,metric,value,n,channel\n')
    for p, sl, asa, fcr in [('2026-Q1', 74.5, 34, 71.0), ('2026-Q2', 77.0, 31.5, 76.2)]:
        f.write(f'{p},service_level_30s,{sl},1000,\n{p},asa_seconds,{asa},1000,\n{p},fcr_rate,{fcr},900,\n{p},service_level_30s,{sl + 3},400,phone\n')
with open(os.path.join(OUT, 'communications.csv'), 'w') as f:
    f.write('claim_id,metric,promised,source\nweb-30s,service_level_30s,90,website\napp-wait,asa_seconds,40,app\n')
with open(os.path.join(OUT, 'benchmarks.csv'), 'w') as f:
    f.write('metric,industry,period,source,company,statistic,value,direction\n')
    nps_peers = [5, 12, 12, 18, 20, 20, 20, 25, 31, 40]
    for i, v in enumerate(nps_peers): f.write(f'nps,retail,2026-Q2,"Panel, 2026",Peer {i:02d},,{v},\n')
    for i, v in enumerate([22, 28, 31.5, 31.5, 35, 41, 47, 52]): f.write(f'asa_seconds,retail,2026-Q2,"Panel, 2026",Peer {i:02d},,{v},lower\n')
    for s, v in [('p10', 2.6), ('p25', 3.0), ('median', 3.4), ('p75', 3.9), ('p90', 4.4)]: f.write(f'ces,retail,2026-Q2,"Survey Institute, 2026",,{s},{v},lower\n')
print('wrote', OUT)
