#!/usr/bin/env python3
"""Scores `govkg extract` on the real-report development set, per cause of issue 15.

    python devset/score.py                        # every text present in devset/texts/
    python devset/score.py --verbose              # and what each report missed or took wrongly
    python devset/score.py --json                 # the figures as JSON
    python devset/score.py --files r01-r65        # only some items: ranges of the rNN prefix or globs,
    python devset/score.py --files r66-           #   comma-separated (r66- = r66 onwards, the held-out set)
    python devset/score.py --oracle-programmes    # links as if every annotated programme were found

The texts are other people's sentences and stay out of git (devset/texts/ is ignored); the hand
annotations (devset/annotations.json, written before the extractor ran on the texts) say which query
and address find each text again. Items whose text is absent are skipped, so the script scores
whatever part of the set is on this machine.

Matching reuses the seed scorer (../shared/eval/score.py: its normalisation, alias and outcome
matching), after folding traditional script to simplified on both sides (OpenCC), so an annotation in
simplified script matches an extraction that kept the page's traditional characters.
"""
import argparse
import fnmatch
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED_CANDIDATES = [HERE.parent.parent / "shared" / "eval" / "score.py", Path("/work/wt/shared/eval/score.py")]


def load_seed_scorer(path=None):
    """The shared seed scorer as a module (its matching rules are the reference)."""
    for candidate in ([Path(path)] if path else SHARED_CANDIDATES):
        if candidate.is_file():
            spec = importlib.util.spec_from_file_location("seed_score", candidate)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    sys.exit("devset/score.py: cannot find the shared scorer (../shared/eval/score.py); pass --shared PATH")


def simplifier():
    try:
        import opencc
    except ImportError:
        return lambda s: s
    convert = opencc.OpenCC("t2s").convert
    return lambda s: convert(s) if isinstance(s, str) else s


def fold(value, t2s):
    """Every string inside `value` in simplified script."""
    if isinstance(value, str):
        return t2s(value)
    if isinstance(value, list):
        return [fold(v, t2s) for v in value]
    if isinstance(value, dict):
        return {k: fold(v, t2s) for k, v in value.items()}
    return value


def seed_gold(item):
    """The annotation in the seed gold format (what seed_score.score_report expects)."""
    gold = dict(item)
    gold["jurisdiction"] = dict(item["jurisdiction"])
    return gold


def score_item(seed, item, got):
    """Seed figures plus the causes the seed scorer does not separate."""
    norm = seed.norm
    got = got or {}
    f = seed.score_report(seed_gold(item), got)
    jur, gjur = got.get("jurisdiction") or {}, item["jurisdiction"]
    names = {norm(gjur["name"])} | {norm(a) for a in gjur.get("aliases", [])}
    parents = [norm(p) for p in jur.get("parents") or []]
    wanted_last = {norm(p) for p in gjur["parents"][-1:] + gjur.get("parent_alt", [])}
    parent_ok = not gjur["parents"] and not parents or bool(parents) and parents[-1] in wanted_last
    f["jurisdiction_full"] = int(norm(jur.get("name")) in names and parent_ok)
    f["kind"] = int(got.get("kind") == item["kind"])
    if item.get("title"):
        f["title"] = int(norm(got.get("title")) == norm(item["title"]))
    if item["year"] is None:
        f.pop("year", None)
    programs = got.get("programs") or []
    hit_must = {id(p) for g in item["programs_must"] for p in [seed.find_program(programs, seed.names_of(g))] if p}
    hit_not = {id(p) for n in item["programs_must_not"] for p in [seed.find_program(programs, {norm(n)})] if p}
    f["_prog_hits"], f["_prog_leaks"] = len(hit_must), len(hit_not)
    f["_unjudged"] = [p["name"] for p in programs if id(p) not in hit_must | hit_not]
    f.update(outcome_causes(seed, item, got))
    return f


def outcome_causes(seed, item, got):
    """Outcomes found by value and unit alone, and among those whether the indicator names the measure."""
    norm, outcomes = seed.norm, got.get("outcomes") or []
    found = named = unlinked = stray = 0
    misses, causes = [], {"not found": 0, "unlinked": 0, "other": 0}
    for o in item["outcomes_must"]:
        same = [x for x in outcomes if _close(x.get("value"), o["value"]) and norm(x.get("unit")) == norm(o["unit"])]
        if not same:
            continue
        found += 1
        b = norm(o["indicator"])
        hits = [x for x in same if len(norm(x.get("indicator"))) >= 2
                and (norm(x.get("indicator")) in b or b in norm(x.get("indicator")))]
        named += int(bool(hits))
        if hits and not o["program"]:          # about no programme: is it linked to one anyway?
            unlinked += 1
            stray += int(bool(hits[0].get("program")))
        got_program = hits[0].get("program") if hits else None
        linked = seed.find_program(got.get("programs") or [], {norm(got_program)}) if got_program else None
        got_names = seed.names_of(linked) if linked else {norm(got_program)}
        want = {norm(o["program"])} | {norm(a) for a in o.get("program_alt") or []} if o["program"] else {norm(None)}
        if hits and o["program"] and not want & got_names:
            found_p = seed.find_program(got.get("programs") or [], want)
            causes["not found" if not found_p else "unlinked" if not got_program else "other"] += 1
        if hits and not want & got_names:
            misses.append(f'{o["indicator"]} {o["value"]}{o["unit"]}: want {o["program"]}, got {got_program}'
                          f' | {hits[0].get("sentence", "")}')
    return {"_value_found": found, "_indicator_named": named, "_unlinked": unlinked, "_stray_links": stray,
            "_link_misses": misses, "_link_causes": causes}


def _close(a, b):
    try:
        return abs(float(a) - b) <= 1e-6 * max(1.0, abs(b))
    except (TypeError, ValueError):
        return False


def totals(items, per):
    """Micro-averaged figures: each report or gold item counts once."""
    acc = {}

    def add(key, hit, n):
        h, t = acc.get(key, (0, 0))
        acc[key] = (h + hit, t + n)

    for g, f in zip(items, per):
        jt = g["jurisdiction"].get("from_text", True)
        add("jurisdiction (name+parents)", f["jurisdiction_full"], 1)
        if jt:
            add("jurisdiction, named in text", f["jurisdiction_full"], 1)
        if "year" in f:
            add("year", f["year"], 1)
        add("kind", f["kind"], 1)
        if "published" in f:
            add("published (where shown)", f["published"], 1)
        if "title" in f:
            add("title", f["title"], 1)
        n_p, n_n = len(g["programs_must"]), len(g["programs_must_not"])
        add("programme recall", round((f["program_recall"] or 0) * n_p), n_p)
        add("quoted non-programmes taken", round((f["program_leak"] or 0) * n_n), n_n)
        add("programme precision (annotated)", f["_prog_hits"], f["_prog_hits"] + f["_prog_leaks"])
        n_d = len(g["documents_must"])
        add("document recall", round((f["document_recall"] or 0) * n_d), n_d)
        n_o = len(g["outcomes_must"])
        add("outcomes found (indicator+value+unit)", round((f["outcome_recall"] or 0) * n_o), n_o)
        add("outcomes found (value+unit)", f["_value_found"], n_o)
        add("indicator names the measure", f["_indicator_named"], f["_value_found"])
        hits = round((f["outcome_recall"] or 0) * n_o)
        add("outcome direction right (where found)", round((f["outcome_direction"] or 0) * hits), hits)
        if f["outcome_program"] is not None:
            n_l = _found_linked(f, g)
            add("outcome -> programme links right", round(f["outcome_program"] * n_l), n_l)
        add("outcomes linked where none is wanted", f["_stray_links"], f["_unlinked"])
        for cause, n in f["_link_causes"].items():   # why a link was wrong: its programme not found,
            add(f"link wrong: {cause}", n, 0)           # the outcome left unlinked, or linked elsewhere
    out = {k: (h, t) for k, (h, t) in acc.items() if t or k.startswith("link wrong")}
    out["absurd values"] = (sum(f["outcome_absurd"] for f in per), None)
    return out


def _found_linked(f, g):
    """How many found outcomes carry a gold programme (the denominator of the seed link figure)."""
    missed = set(f["_missed"]["outcomes"])
    return sum(1 for o in g["outcomes_must"] if o["program"] and f'{o["indicator"]} {o["value"]}{o["unit"]}' not in missed)


def oracle_extract(seed, item, path):
    """`govkg extract`'s object for one text, its outcomes linked after each annotated programme the
    extraction missed was added as a programme mentioned wherever its name or an alias is written."""
    from dataclasses import replace
    from loaders.extract import outcome
    from loaders.pipeline import load_report
    from loaders.records import Mention, Programme
    from loaders.text import Text

    x = load_report(path)
    text = Text.make(x.source, x.text, x.encoding)
    programs = list(x.programs)
    for g in item["programs_must"] + [{"name": o["program"]} for o in item["outcomes_must"] if o["program"]]:
        if any(seed.names_of(g) & seed.names_of(p.to_json()) for p in programs):
            continue
        names = [g["name"], *(g.get("aliases") or [])]
        spans = sorted({(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text.norm)})
        if spans:
            programs.append(Programme(g["name"], "reform", mentions=tuple(Mention(a, b, text.norm[a:b]) for a, b in spans)))
    outcomes = outcome.extract(text, programs, x.jurisdiction, x.year)
    return replace(x, programs=tuple(programs), outcomes=tuple(outcomes)).to_json()


def selector(spec):
    """A predicate on file names from `--files`: comma-separated globs or rNN-rMM ranges (either end open)."""
    tests = []
    for part in filter(None, (p.strip() for p in (spec or "").split(","))):
        m = re.fullmatch(r"r(\d+)?-(?:r(\d+))?", part)
        if m and (m.group(1) or m.group(2)):
            tests.append(lambda f, lo=int(m.group(1) or 0), hi=int(m.group(2) or 10 ** 9): lo <= _number(f) <= hi)
        else:
            tests.append(lambda f, pat=part: fnmatch.fnmatch(f, pat))
    return (lambda f: any(t(f) for t in tests)) if tests else (lambda f: True)


def _number(file):
    """The NN of an rNN_… file name (-1 for other names)."""
    m = re.match(r"r(\d+)", file)
    return int(m.group(1)) if m else -1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cmd", default="python -m kg extract")
    ap.add_argument("--texts", default=str(HERE / "texts"))
    ap.add_argument("--annotations", default=str(HERE / "annotations.json"))
    ap.add_argument("--shared", default=None, help="path of the seed scorer (../shared/eval/score.py)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--oracle-programmes", action="store_true",
                    help="link outcomes as if every annotated programme had been found (where its name is "
                         "written): the linker measured apart from programme recognition; runs in-process")
    ap.add_argument("--files", default=None, metavar="SPEC",
                    help="score only these items: comma-separated globs or rNN-rMM ranges (r66- = held-out set)")
    args = ap.parse_args()
    wanted = selector(args.files)

    seed, t2s = load_seed_scorer(args.shared), simplifier()
    items = [i for i in json.loads(Path(args.annotations).read_text("utf-8"))
             if wanted(i["file"]) and (Path(args.texts) / i["file"]).is_file()]
    if not items:
        sys.exit(f"devset/score.py: no annotated text found in {args.texts}")
    if args.oracle_programmes:
        got = {i["file"]: oracle_extract(seed, i, Path(args.texts) / i["file"]) for i in items}
    else:
        got = seed.run_extract(args.cmd, [Path(args.texts) / i["file"] for i in items])
    items = [fold(i, t2s) for i in items]
    per = [score_item(seed, i, fold(got.get(i["file"]), t2s)) for i in items]
    summary = totals(items, per)
    if args.json:
        print(json.dumps({"total": {k: (h / t if t else h) for k, (h, t) in summary.items()},
                          "reports": {i["file"]: f for i, f in zip(items, per)}}, ensure_ascii=False, indent=1, default=str))
        return
    if args.verbose:
        for i, f in zip(items, per):
            report_one(i, f, got.get(i["file"]) or {})
    print(f"{len(items)} texts")
    for key, (h, t) in summary.items():
        print(f"  {key:40s} {h}" if not t else f"  {key:40s} {h}/{t} = {h / t:.2f}")


def report_one(item, f, got):
    jur = got.get("jurisdiction") or {}
    bad = [k for k in ("jurisdiction_full", "year", "kind", "published", "title") if f.get(k) == 0]
    print(f"{item['file']}: " + (", ".join(bad) + " wrong" if bad else "meta ok"))
    if bad:
        print(f"    got {jur.get('name')} {jur.get('parents')} year={got.get('year')} kind={got.get('kind')} "
              f"published={got.get('published')} title={got.get('title')!r}")
        print(f"    want {item['jurisdiction']['name']} {item['jurisdiction']['parents']} year={item['year']} "
              f"kind={item['kind']} published={item['published']} title={item.get('title')!r}")
    for what, names in f["_missed"].items():
        if names:
            print(f"    {what}: {', '.join(map(str, names))}")
    for miss in f["_link_misses"]:
        print(f"    link: {miss}")
    if f["_unjudged"]:
        print(f"    programmes not annotated either way: {', '.join(f['_unjudged'])}")


if __name__ == "__main__":
    main()
