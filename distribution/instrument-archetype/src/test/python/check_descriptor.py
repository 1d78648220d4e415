#!/usr/bin/env python3
"""Checks generated instrument descriptors the way EvKin does, plus the archetype's own promises.

Usage (from the repository root, after `mvn -f distribution/instrument-archetype/pom.xml verify`):
    python3 distribution/instrument-archetype/src/test/python/check_descriptor.py \
        distribution/instrument-archetype/target/test-classes/projects/*/project/*

Each argument is a generated project folder. Checked: the JSON Schema (instrument-1.schema.json, when the jsonschema
module is installed), the competency-model rules of the platform (every item's subkompetensi exists at its level;
every battery subkompetensi at every target level where it exists has items; PK levels are exactly those where the
battery has a cell), one item per indikator perilaku of every cell, item codes <SHORT>-<LEVEL>-<SS>-<NN>, unique,
self "Saya ..." / other "Yang bersangkutan ...", the scale labels of the 2025 programs, dates, and that the
descriptor's version equals the pom's version, the built jar's Bundle-Version and EvKin-Instrument header.
Exit code 0 when every project passes.
"""
import datetime
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../../.."))
SCHEMA = os.path.join(ROOT, "bundles/org.evkin.instrument/src/main/resources/org/evkin/instrument/instrument-1.schema.json")
MODEL = os.path.join(ROOT, "bundles/org.evkin.model/src/main/resources/org/evkin/model/internal/competency-model.json")
LEVEL_TAG = {"AHLI_PERTAMA": "AP", "AHLI_MUDA": "AMU", "AHLI_MADYA": "AMA", "AHLI_UTAMA": "AU", "PAK": "PAK"}
PK_LEVELS = ["AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA"]
LABELS = {"1": "Tidak pernah", "2": "Kadang-kadang", "3": "Sering", "4": "Selalu"}
NOT_OBSERVED = "Tidak dapat menilai"


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        raise ValueError("duplicate keys %s" % sorted(dup))
    return dict(pairs)


def manifest(jar):
    with zipfile.ZipFile(jar) as z:
        text = z.read("META-INF/MANIFEST.MF").decode("utf-8")
        names = set(z.namelist())
    text = re.sub(r"\r?\n ", "", text)  # unfold continuation lines
    headers = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
    return headers, names


def check(project, model, schema):
    problems = []
    path = os.path.join(project, "src/main/resources/EVKIN-INF/instrument.json")
    with open(path, encoding="utf-8") as f:
        d = json.load(f, object_pairs_hook=no_duplicates)
    if schema is not None:
        import jsonschema
        v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        problems += ["schema: %s at %s" % (e.message, "/".join(map(str, e.absolute_path))) for e in v.iter_errors(d)]

    cells = {(b["target"], e["subcompetency"]): e["indicators"] for b in model["blueprints"] for e in b["entries"]}
    kind = d["target"]["kind"]
    battery = d["battery"]
    if kind == "PK":
        levels = d["target"]["levels"]
        expected = [l for l in PK_LEVELS if any((l, s) in cells for s in battery)]
        if levels != expected:
            problems.append("target.levels %s, expected %s for battery %s" % (levels, expected, battery))
    else:
        levels = ["PAK"]
        if "levels" in d["target"]:
            problems.append("a PAK target has no levels")

    codes = set()
    by_cell = {}
    prefix = None
    for i, it in enumerate(d["items"]):
        key = (it["level"], it["subcompetency"])
        if it["level"] not in levels:
            problems.append("items[%d]: level %s not among %s" % (i, it["level"], levels))
        if it["subcompetency"] not in battery:
            problems.append("items[%d]: subkompetensi %d not in battery" % (i, it["subcompetency"]))
        if key not in cells:
            problems.append("items[%d]: subkompetensi %d does not exist at %s" % (i, it["subcompetency"], it["level"]))
        by_cell.setdefault(key, []).append(it)
        if it["code"] in codes:
            problems.append("items[%d]: duplicate code %s" % (i, it["code"]))
        codes.add(it["code"])
        n = len(by_cell[key])
        m = re.fullmatch(r"([A-Z0-9][A-Z0-9-]*)-%s-%02d-%02d" % (LEVEL_TAG[it["level"]], it["subcompetency"], n), it["code"])
        if not m:
            problems.append("items[%d]: code %s is not <SHORT>-%s-%02d-%02d" % (i, it["code"], LEVEL_TAG[it["level"]], it["subcompetency"], n))
        elif prefix not in (None, m.group(1)):
            problems.append("items[%d]: code %s does not use the short tag %s" % (i, it["code"], prefix))
        else:
            prefix = m.group(1)
        if not it["self"].startswith("Saya "):
            problems.append("items[%d]: self must start with 'Saya '" % i)
        if not it["other"].startswith("Yang bersangkutan "):
            problems.append("items[%d]: other must start with 'Yang bersangkutan '" % i)
        if re.search(r"\b[Ss]aya\b", it["other"]):
            problems.append("items[%d]: other still says 'saya'" % i)
    for level in levels:
        for s in battery:
            if (level, s) in cells:
                want = len(cells[(level, s)])
                got = len(by_cell.get((level, s), []))
                if got != want:
                    problems.append("%s subkompetensi %d: %d items, the cell has %d indikator perilaku" % (level, s, got, want))

    if d["scale"] != {"labels": LABELS, "notObserved": NOT_OBSERVED}:
        problems.append("scale differs from the 2025 programs: %s" % d["scale"])
    start = datetime.date.fromisoformat(d["training"]["start"])
    end = datetime.date.fromisoformat(d["training"]["end"])
    if end < start:
        problems.append("training ends before it starts")
    for field in ("title", "intro", "closing"):
        if not d["report"].get(field, "").strip():
            problems.append("report.%s is empty" % field)

    pom = ET.parse(os.path.join(project, "pom.xml")).getroot()
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    if pom.find("m:parent", ns) is not None:
        problems.append("pom.xml has a parent: the project must be standalone")
    version = pom.find("m:version", ns).text
    artifact = pom.find("m:artifactId", ns).text
    if d["version"] != version:
        problems.append("descriptor version %s != pom version %s" % (d["version"], version))
    jar = os.path.join(project, "target", "%s-%s.jar" % (artifact, version))
    if os.path.exists(jar):
        headers, names = manifest(jar)
        if headers.get("Bundle-Version") != version:
            problems.append("jar Bundle-Version %s != %s" % (headers.get("Bundle-Version"), version))
        if headers.get("EvKin-Instrument") != "EVKIN-INF/instrument.json":
            problems.append("jar EvKin-Instrument header is %s" % headers.get("EvKin-Instrument"))
        if "osgi.extender=org.evkin.instrument" not in headers.get("Require-Capability", ""):
            problems.append("jar lacks the Require-Capability on the org.evkin.instrument extender")
        if "EVKIN-INF/instrument.json" not in names:
            problems.append("jar lacks EVKIN-INF/instrument.json")
        if headers.get("Import-Package"):
            problems.append("jar imports packages: %s" % headers["Import-Package"])
    else:
        problems.append("no jar %s (build the project first)" % jar)
    summary = "%s %s %s battery %s levels %s: %d items" % (d["code"], d["version"], kind, battery, levels, len(d["items"]))
    return summary, problems


def main(argv):
    with open(MODEL, encoding="utf-8") as f:
        model = json.load(f)
    try:
        with open(SCHEMA, encoding="utf-8") as f:
            schema = json.load(f)
        import jsonschema  # noqa: F401
    except ImportError:
        print("(jsonschema not installed: schema not checked)")
        schema = None
    projects = [p for a in argv for p in sorted(glob.glob(a))]
    if not projects:
        print("no project folders given")
        return 2
    failed = 0
    for p in projects:
        summary, problems = check(p, model, schema)
        print(("FAIL " if problems else "ok   ") + summary + "  (" + os.path.relpath(p) + ")")
        for pr in problems:
            print("     - " + pr)
        failed += bool(problems)
    print("%d passed, %d failed" % (len(projects) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
