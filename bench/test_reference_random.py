"""Differential test: bench/duckdb_reference.sql against a second, plain-Python
reading of the catalogue (indicators.md), on random clean feeds dense in edge
cases (bench/testdata/random_feeds.py).

    python3 -m pytest bench/test_reference_random.py
"""
import csv
import datetime
import os
from fractions import Fraction

import pytest

from reference_support import BENCH, CATALOGUE, LEVELS, load

pytest.importorskip("duckdb")

COUNTS = {"persons", "households", "covered_persons", "monitored_persons", "compulsory_dropouts",
          "unsafe_housing_households", "migrant_workers", "zero_employment_households", "suspected_omissions"}


reference = load("duckdb_reference", "duckdb_reference.py")
random_feeds = load("random_feeds", os.path.join("testdata", "random_feeds.py"))


def read(folder, name):
    with open(os.path.join(folder, name + ".csv"), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def age(person_id, r):
    birth_year, birth_month, birth_day = int(person_id[6:10]), int(person_id[10:12]), int(person_id[12:14])
    return r.year - birth_year - (1 if (r.month, r.day) < (birth_month, birth_day) else 0)


def half_up(numerator, denominator, decimals):
    if denominator == 0:
        return ""
    scaled = Fraction(numerator, denominator) * 10 ** decimals
    rounded = int(scaled + Fraction(1, 2))  # non-negative: floor(x + 1/2)
    whole, fraction = divmod(rounded, 10 ** decimals)
    return f"{whole}.{fraction:0{decimals}d}" if decimals else str(whole)


def python_indicators(folder, r, line=Fraction(7500)):
    """The long output, computed row by row in Python straight from the spec's words."""
    regions, villages = read(folder, "regions"), read(folder, "villages")
    households = {h["household_id"]: h for h in read(folder, "households")}
    persons = [dict(p, person_id=p["person_id"].upper()) for p in read(folder, "persons")]
    insured = {m["person_id"].upper() for m in read(folder, "medical_insurance")
               if int(m["year"]) == r.year and m["insured"] == "1"}
    education = {e["person_id"].upper(): e for e in read(folder, "education")}
    employment = {e["person_id"].upper(): e for e in read(folder, "employment")}
    housing = {h["household_id"]: h for h in read(folder, "housing")}
    water = {w["household_id"]: w for w in read(folder, "water")}

    figures = {}  # (village, indicator) -> [numerator, denominator]

    def add(village, indicator, numerator, denominator=0):
        pair = figures.setdefault((village, indicator), [0, 0])
        pair[0] += numerator
        pair[1] += denominator

    members = {}
    for p in persons:
        members.setdefault(p["household_id"], []).append(p)

    def covered(h):
        return h["category"] in ("poverty_alleviated", "monitored")

    def relocated_labour(p):
        h = households[p["household_id"]]
        return h["relocated"] == "1" and p["labor_capacity"] in ("full", "weak") and 16 <= age(p["person_id"], r) <= 64

    def employed(p):
        return employment.get(p["person_id"], {}).get("status") == "employed"

    def dropped_out(p):
        return education.get(p["person_id"], {}).get("status") == "dropped_out"

    for p in persons:
        h = households[p["household_id"]]
        v = h["village_code"]
        a = age(p["person_id"], r)
        add(v, "persons", 1)
        add(v, "covered_persons", covered(h))
        add(v, "monitored_persons", h["category"] == "monitored")
        if h["category"] == "monitored":
            add(v, "risk_elimination_rate", h["risk_status"] == "eliminated", 1)
        if covered(h):
            add(v, "insurance_rate", p["person_id"] in insured, 1)
            add(v, "compulsory_dropouts", 6 <= a <= 15 and dropped_out(p))
            job = employment.get(p["person_id"], {})
            add(v, "migrant_workers", employed(p) and job.get("location") in ("province", "outside_province"))
        if relocated_labour(p):
            add(v, "relocation_employment_rate", employed(p), 1)

    for hid, h in households.items():
        v = h["village_code"]
        people = members.get(hid, [])
        add(v, "households", 1)
        if h["category"] == "monitored" and h["clue_date"] and h["inclusion_date"]:
            clue = datetime.date.fromisoformat(h["clue_date"])
            inclusion = datetime.date.fromisoformat(h["inclusion_date"])
            if inclusion >= clue:
                add(v, "inclusion_within_15d_rate", (inclusion - clue).days <= 15, 1)
        house = housing.get(hid)
        unsafe_house = house is not None and house["grade"] in ("C", "D") and house["renovated"] == "0"
        add(v, "unsafe_housing_households", covered(h) and unsafe_house)
        add(v, "tap_water_rate", water.get(hid, {}).get("tap_water") == "1", 1)
        labour = [p for p in people if relocated_labour(p)]
        if h["relocated"] == "1" and labour:
            add(v, "employed_per_relocated_household", sum(employed(p) for p in labour), 1)
            add(v, "zero_employment_households", not any(employed(p) for p in labour))
        if h["category"] == "ordinary":
            signals = [
                Fraction(h["income_per_capita"]) < line,
                any(6 <= age(p["person_id"], r) <= 15 and dropped_out(p) for p in people),
                any(p["person_id"] not in insured for p in people),
                unsafe_house,
                water.get(hid, {}).get("safe") == "0",
            ]
            add(v, "suspected_omissions", any(signals))
        if h["category"] == "monitored" and h["risk_status"] == "not_eliminated":
            measures = set(h["assistance"].split(";")) if h["assistance"] else set()
            if any(p["labor_capacity"] == "full" for p in people):
                matched = bool(measures & {"industry", "employment"})
            elif any(p["labor_capacity"] == "weak" for p in people):
                matched = "welfare_job" in measures
            else:
                matched = "bottom_line" in measures
            add(v, "assistance_match_rate", matched, 1)

    prefecture_of = {row["county_code"]: row["prefecture_code"] for row in regions}
    areas = {level: {} for level in LEVELS}
    for row in sorted(regions, key=lambda row: row["county_code"]):
        areas["province"].setdefault(row["county_code"][:2], "贵州省")
        areas["prefecture"].setdefault(row["prefecture_code"], row["prefecture_name"])
        areas["county"][row["county_code"]] = row["county_name"]
    for row in sorted(villages, key=lambda row: row["village_code"]):
        areas["township"].setdefault(row["township_code"], row["township_name"])
        areas["village"][row["village_code"]] = row["village_name"]
    parents = {row["village_code"]: {"village": row["village_code"], "township": row["township_code"],
                                     "county": row["county_code"], "prefecture": prefecture_of[row["county_code"]],
                                     "province": row["county_code"][:2]} for row in villages}
    totals = {}
    for (village, indicator), (numerator, denominator) in figures.items():
        for level in LEVELS:
            pair = totals.setdefault((level, parents[village][level], indicator), [0, 0])
            pair[0] += numerator
            pair[1] += denominator
    rows = []
    for level in LEVELS:
        for code in sorted(areas[level]):
            for indicator in CATALOGUE:
                numerator, denominator = totals.get((level, code, indicator), [0, 0])
                if indicator in COUNTS:
                    rows.append((level, code, areas[level][code], indicator, str(numerator), "", str(numerator)))
                else:
                    decimals = 2 if indicator == "employed_per_relocated_household" else 4
                    rows.append((level, code, areas[level][code], indicator, str(numerator), str(denominator),
                                 half_up(numerator, denominator, decimals)))
    return rows


@pytest.mark.parametrize("seed,date", [(1, "2026-11-28"), (2, "2027-03-01"), (3, "2028-02-29"), (4, "2027-02-28")])
def test_sql_agrees_with_python_reading(tmp_path, seed, date):
    r = datetime.date.fromisoformat(date)
    count = random_feeds.write_random_folder(str(tmp_path), 4000, seed, r)
    assert count >= 4000
    expected = python_indicators(str(tmp_path), r)
    actual, _ = reference.compute(str(tmp_path), date, threads=2)
    assert len(actual) == len(expected)
    mismatches = [(a, e) for a, e in zip(actual, expected) if a != e]
    assert not mismatches, mismatches[:5]
    written, _ = reference.write_csv(str(tmp_path), date, str(tmp_path / "out" / "indicators.csv"), threads=2)
    with open(tmp_path / "out" / "indicators.csv", encoding="utf-8", newline="") as f:
        lines = [tuple(line) for line in csv.reader(f)]
    assert written == len(expected) and lines[1:] == expected
    # The data must reach the rules' edges, or the comparison proves little.
    by_key = {(row[0], row[3]): row for row in expected if row[0] == "province"}
    for indicator in CATALOGUE:
        assert int(by_key[("province", indicator)][4]) > 0, indicator


def test_monitoring_line_is_a_parameter(tmp_path):
    r = datetime.date(2026, 11, 28)
    random_feeds.write_random_folder(str(tmp_path), 1500, 5, r)
    expected = python_indicators(str(tmp_path), r, line=Fraction(6000))
    actual, _ = reference.compute(str(tmp_path), r.isoformat(), monitoring_line="6000")
    assert actual == expected
    assert actual != python_indicators(str(tmp_path), r)
