"""Writes responses.csv for the weighting reference (weights.R): 400 respondents whose
region and age mix is off the population's, answers that differ by group (so weighting
moves every figure), and a weight column for the column case. A fixed LCG, no library RNG."""
state = 20261202


def rand():
    global state
    state = (1103515245 * state + 12345) % 2**31
    return state / 2**31


def pick(options, cum):
    u = rand()
    for o, c in zip(options, cum):
        if u < c:
            return o
    return options[-1]


rows = ["respondent_id,wave,region,age,channel,e_speed,p_speed,e_care,p_care,nps,csat,ces,overall,weight"]
for i in range(400):
    region = pick(["North", "South", "East"], [0.5, 0.8, 1])
    age = pick(["18-34", "35-54", "55+"], [0.45, 0.8, 1])
    channel = pick(["web", "phone"], [0.6, 1])
    lift = {"North": 0, "South": 1, "East": 2}[region] + {"18-34": -1, "35-54": 0, "55+": 1}[age]
    clamp = lambda x, lo, hi: max(lo, min(hi, x))
    e_speed = clamp(int(4 + 3 * rand()), 1, 7)
    p_speed = clamp(int(2 + lift + 4 * rand()), 1, 7)
    e_care = clamp(int(3 + 4 * rand()), 1, 7)
    p_care = "" if rand() < 0.05 else clamp(int(2 + lift + 3 * rand()), 1, 7)
    nps = clamp(int(4 + 1.5 * lift + 6 * rand()), 0, 10)
    csat = clamp(int(2 + 0.7 * lift + 3 * rand()), 1, 5)
    ces = clamp(int(5 - lift + 3 * rand()), 1, 7)
    overall = clamp(int(2 + lift + 3.5 * rand()), 1, 7)
    weight = round(0.3 + 2.4 * rand(), 3)
    rows.append(f"w{i:03d},2026-Q3,{region},{age},{channel},{e_speed},{p_speed},{e_care},{p_care},{nps},{csat},{ces},{overall},{weight}")
open("responses.csv", "w").write("\n".join(rows) + "\n")
