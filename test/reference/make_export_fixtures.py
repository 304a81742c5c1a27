#!/usr/bin/env python3
"""Writes the project-made fixtures in the shape of the three real exports (seeded, so reruns
are byte-identical): test/fixtures/exports/airline-like.csv (0 = not applicable, a two-valued
label outcome, blank delay cells, no final newline), test/fixtures/valid/reputation-like/
responses.csv (';', -99 for missing, 1-7 construct items, coded providers) and
test/fixtures/valid/tickets-like/responses.csv (quoted multi-line descriptions, CSAT "3.0",
empty on open tickets). The first three rows of each are the hand-written ones the fixture
tests pin. Rerun: python3 test/reference/make_export_fixtures.py
"""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, '..', 'fixtures')
rng = np.random.default_rng(13)

def airline():
    rows = ['Gender,Class,Inflight wifi service,Seat comfort,Cleanliness,Departure Delay in Minutes,satisfaction',
            'Male,Eco,3,0,5,25,neutral or dissatisfied', 'Female,Business,0,4,4,,satisfied', 'Female,Eco Plus,5,5,5,0,satisfied']
    for _ in range(57):
        cls = rng.choice(['Eco', 'Business', 'Eco Plus'], p=[0.45, 0.4, 0.15])
        base = 3.8 if cls == 'Business' else 2.8
        r = [int(np.clip(round(base + rng.normal(0, 1.1)), 0, 5)) for _ in range(3)]
        sat = 'satisfied' if sum(r) + rng.normal(0, 2) > 10 else 'neutral or dissatisfied'
        delay = '' if rng.random() < 0.1 else str(int(rng.exponential(15)))
        rows.append(f"{rng.choice(['Male', 'Female'])},{cls},{r[0]},{r[1]},{r[2]},{delay},{sat}")
    with open(os.path.join(FIX, 'exports', 'airline-like.csv'), 'w', newline='') as f:
        f.write('\n'.join(rows))  # the real export ends without a newline

def reputation():
    cols = ['serviceprovider', 'servicetype', 'qual_1', 'qual_2', 'comp_1', 'comp_2', 'comp_3', 'like_1', 'like_2', 'like_3', 'cusl_1', 'cusl_2', 'cusl_3', 'cusa']
    rows = [';'.join(cols),
            '3;1;5;6;5;6;5;4;5;5;7;6;7;6', '1;2;-99;4;3;3;4;2;3;-99;-99;3;4;-99', '2;1;7;7;6;7;6;6;6;7;6;7;6;5']
    for _ in range(57):
        provider, kind = rng.integers(1, 5), rng.integers(1, 3)
        trait = rng.normal(4.5 + 0.3 * (provider == 2), 1.0)
        def item():
            return '-99' if rng.random() < 0.03 else str(int(np.clip(round(trait + rng.normal(0, 0.9)), 1, 7)))
        rows.append(';'.join([str(provider), str(kind)] + [item() for _ in range(12)]))
    with open(os.path.join(FIX, 'valid', 'reputation-like', 'responses.csv'), 'w', newline='') as f:
        f.write('\n'.join(rows) + '\n')

def tickets():
    rows = ['Ticket ID,Ticket Description,Ticket Channel,Customer Satisfaction Rating',
            '1,"I\'m having an issue with the {product_purchased}.\n\nPlease assist.",Chat,3.0', '2,"One line",Email,', '3,"Two\nlines",Phone,5.0']
    for i in range(4, 46):
        channel = rng.choice(['Chat', 'Email', 'Phone', 'Social media'])
        rating = '' if rng.random() < 0.3 else f'{int(rng.integers(1, 6))}.0'
        text = 'My order is late.' if rng.random() < 0.5 else '"It stopped working.\nPlease help."'
        rows.append(f'{i},{text},{channel},{rating}')
    with open(os.path.join(FIX, 'valid', 'tickets-like', 'responses.csv'), 'w', newline='') as f:
        f.write('\n'.join(rows) + '\n')

airline(); reputation(); tickets()
