"""Differential test: bench/duckdb_reference.sql against a second, plain-Python
reading of the catalogue (indicators.md v2), on random clean feeds of contract
v2 dense in edge cases (bench/testdata/random_feeds.py).

    python3 -m pytest bench/test_reference_random.py
"""
import csv
import datetime
import os
from decimal import Decimal
from fractions import Fraction

import pytest

from reference_support import (BENCH, CATALOGUE, COUNTS, LEVELS, MONITORING_TYPES, RISK_TYPES, decimals_of,
                               load)

pytest.importorskip("duckdb")

reference = load("duckdb_reference", "duckdb_reference.py")
random_feeds = load("random_feeds", os.path.join("testdata", "random_feeds.py"))


def read(folder, name):
    with open(os.path.join(folder, name + ".csv"), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def day(text):
    return datetime.date.fromisoformat(text) if text else None


def birth(person_id):
    return datetime.date(int(person_id[6:10]), int(person_id[10:12]), int(person_id[12:14]))


def age(person_id, r):
    b = birth(person_id)
    return r.year - b.year - (1 if (r.month, r.day) < (b.month, b.day) else 0)


def half_up(numerator, denominator, decimals):
    if denominator == 0:
        return ""
    rounded = int(Fraction(numerator, denominator) * 10 ** decimals + Fraction(1, 2))  # non-negative
    whole, fraction = divmod(rounded, 10 ** decimals)
    return f"{whole}.{fraction:0{decimals}d}" if decimals else str(whole)


def python_indicators(folder, r, line=Decimal(7500)):
    """The long output, computed household by household in Python straight from the spec's words."""
    regions, villages = read(folder, "regions"), read(folder, "villages")
    households = read(folder, "households")
    members = {}
    for p in read(folder, "persons"):
        if p["status"] in ("", "resident"):  # only members are in any indicator
            members.setdefault(p["household_id"], []).append(dict(p, person_id=p["person_id"].upper()))
    insured = {m["person_id"].upper() for m in read(folder, "medical_insurance")
               if int(m["year"]) == r.year and m["insured"] == "1"}
    education = {e["person_id"].upper(): e for e in read(folder, "education")}
    employment = {e["person_id"].upper(): e for e in read(folder, "employment")}
    recipients = {a["person_id"].upper() for a in read(folder, "social_assistance")
                  if a["kind"] in ("dibao", "tekun") and day(a["start_date"]) <= r
                  and (not a["end_date"] or day(a["end_date"]) >= r)}
    housing = {h["household_id"]: h for h in read(folder, "housing")}
    water = {w["household_id"]: w for w in read(folder, "water")}
    year_start = datetime.date(r.year, 1, 1)

    def this_year(d):
        return d is not None and year_start <= d <= r

    def job(p):
        return employment.get(p["person_id"], {})

    def employed(p):
        return job(p).get("status") == "employed"

    def school(p):
        return education.get(p["person_id"])

    def compulsory_dropout(p):
        row = school(p)
        return 6 <= age(p["person_id"], r) <= 16 and row is not None and row["stage"] in ("primary", "junior") \
            and row["status"] == "dropped_out"

    def out_of_school(p):
        return 7 <= age(p["person_id"], r) <= 15 and school(p) is None

    def insurable(p):
        return (r - birth(p["person_id"])).days >= 90

    figures = {}  # (village or site, indicator) -> [numerator, denominator]

    def add(places, indicator, numerator, denominator=0):
        for place in places:
            pair = figures.setdefault((place, indicator), [0, 0])
            pair[0] += int(numerator)
            pair[1] += int(denominator)

    for h in households:
        places = [("village", h["village_code"])] + ([("site", h["site_code"])] if h["site_code"] else [])
        people = members.get(h["household_id"], [])
        covered = h["category"] in ("poverty_alleviated", "monitored")
        monitored = h["category"] == "monitored"
        at_risk = monitored and h["risk_status"] == "not_eliminated"
        eliminated = monitored and h["risk_status"] == "eliminated"
        income = Decimal(h["income_per_capita"])
        previous = Decimal(h["income_prev_year"]) if h["income_prev_year"] else None
        house, tap = housing.get(h["household_id"]), water.get(h["household_id"])
        risk_types = set(h["risk_types"].split(";")) if h["risk_types"] else set()
        measures = set(h["assistance"].split(";")) if h["assistance"] else set()
        clue, inclusion, elimination = day(h["clue_date"]), day(h["inclusion_date"]), day(h["elimination_date"])

        unsafe_house = house is not None and house["grade"] in ("C", "D") and house["renovated"] == "0"
        signals = [
            income < line,
            previous is not None and previous > 0 and (previous - income) >= Decimal("0.3") * previous
            and income < Decimal("1.5") * line,
            any(compulsory_dropout(p) or out_of_school(p) for p in people),
            unsafe_house,
            tap is not None and tap["safe"] == "0",
            any(p["person_id"] in recipients for p in people),
        ]
        hard = any(signals)
        uninsured = any(insurable(p) and p["person_id"] not in insured for p in people)
        labour = {p["labor_capacity"] for p in people}
        if "full" in labour:
            fits = bool(measures & {"industry", "employment"})
            confirmed = "industry" in measures or ("employment" in measures and any(employed(p) for p in people))
        elif "weak" in labour:
            fits = "welfare_job" in measures
            confirmed = fits and any(job(p).get("welfare_job") == "1" for p in people)
        else:
            fits = "bottom_line" in measures
            confirmed = fits and any(p["person_id"] in recipients for p in people)
        stable = (eliminated and not hard and income >= line and labour & {"full", "weak"}
                  and (elimination - inclusion).days >= 183)
        relocated_labour = [p for p in people if covered and h["relocated"] == "1"
                            and p["labor_capacity"] in ("full", "weak") and 16 <= age(p["person_id"], r) <= 64
                            and (school(p) or {}).get("status") != "enrolled"]
        employed_labour = sum(employed(p) for p in relocated_labour)
        pending_overdue = h["clue_outcome"] == "pending" and (r - clue).days > 15 if clue else False
        included_in_time = h["clue_outcome"] == "included" and inclusion is not None and clue is not None \
            and inclusion >= clue

        add(places, "persons", len(people))
        add(places, "households", 1)
        add(places, "covered_persons", covered * len(people))
        add(places, "monitored_households", monitored)
        add(places, "monitored_persons", monitored * len(people))
        for t in MONITORING_TYPES:
            add(places, "monitored_by_type." + t, monitored and h["monitoring_type"] == t)
        for t in RISK_TYPES:
            add(places, "at_risk_by_risk_type." + t, at_risk and t in risk_types)
        add(places, "new_inclusions", monitored and this_year(inclusion))
        add(places, "new_eliminations", eliminated and this_year(elimination))
        add(places, "risk_elimination_rate", eliminated * len(people), monitored * len(people))
        if this_year(clue) and (included_in_time or pending_overdue):
            add(places, "inclusion_within_15d_rate", included_in_time and (inclusion - clue).days <= 15, 1)
        add(places, "overdue_clues", pending_overdue)
        if covered:
            add(places, "insurance_rate", sum(insurable(p) and p["person_id"] in insured for p in people),
                sum(insurable(p) for p in people))
            add(places, "compulsory_dropouts", sum(compulsory_dropout(p) for p in people))
            add(places, "out_of_school_children", sum(out_of_school(p) for p in people))
            add(places, "migrant_workers", sum(employed(p) and job(p)["location"] in ("county", "province",
                                                                                     "outside_province")
                                               and int(job(p)["months"]) >= 6 for p in people))
        add(places, "unsafe_housing_households", covered and unsafe_house)
        add(places, "tap_water_rate", (tap is not None and tap["tap_water"] == "1") * len(people),
            (tap is not None) * len(people))
        add(places, "water_unreported_households", tap is None)
        add(places, "relocation_employment_rate", employed_labour, len(relocated_labour))
        add(places, "employed_per_relocated_household", employed_labour, bool(relocated_labour))
        add(places, "zero_employment_households", bool(relocated_labour) and employed_labour == 0)
        add(places, "suspected_omissions", not monitored and (hard or uninsured))
        add(places, "assistance_match_rate", at_risk and fits, at_risk)
        add(places, "omission_rate", not monitored and hard, not monitored)
        wrongly = at_risk and h["monitoring_type"] != "sudden_hardship" and not hard and income >= Decimal("1.5") * line
        add(places, "monitoring_accuracy", 1 - (not monitored and hard) - wrongly, 1)
        add(places, "assistance_coverage", at_risk and fits and confirmed, at_risk)
        add(places, "stable_elimination_rate", bool(stable), monitored)
        add(places, "false_eliminations", eliminated and not stable)

    # Areas, their names and the villages each one sums.
    areas = {level: {} for level in LEVELS}
    members_of = {}
    key = {row["county_code"] for row in regions if row["key_county"] == "1"}
    prefecture_of = {row["county_code"]: row["prefecture_code"] for row in regions}
    areas["group"]["key_counties"] = "国家乡村振兴重点帮扶县"
    for row in sorted(regions, key=lambda row: row["county_code"]):
        areas["province"].setdefault(row["county_code"][:2], "贵州省")
        areas["prefecture"].setdefault(row["prefecture_code"], row["prefecture_name"])
        areas["county"][row["county_code"]] = row["county_name"]
    for row in sorted(villages, key=lambda row: row["village_code"]):
        areas["township"].setdefault(row["township_code"], row["township_name"])
        areas["village"][row["village_code"]] = row["village_name"]
        county = row["county_code"]
        for level, code in [("province", county[:2]), ("prefecture", prefecture_of[county]), ("county", county),
                            ("township", row["township_code"]), ("village", row["village_code"])] \
                + ([("group", "key_counties")] if county in key else []):
            members_of.setdefault((level, code), []).append(("village", row["village_code"]))
    for h in households:
        if h["site_code"]:
            areas["site"][h["site_code"]] = "安置点 " + h["site_code"]
            members_of[("site", h["site_code"])] = [("site", h["site_code"])]
    rows = []
    for level in LEVELS:
        for code in sorted(areas[level]):
            for indicator in CATALOGUE:
                numerator = sum(figures.get((place, indicator), [0, 0])[0] for place in members_of.get((level, code), []))
                denominator = sum(figures.get((place, indicator), [0, 0])[1] for place in members_of.get((level, code), []))
                if indicator in COUNTS:
                    rows.append((level, code, areas[level][code], indicator, str(numerator), "", str(numerator)))
                else:
                    rows.append((level, code, areas[level][code], indicator, str(numerator), str(denominator),
                                 half_up(numerator, denominator, decimals_of(indicator))))
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
    expected = python_indicators(str(tmp_path), r, line=Decimal(6000))
    actual, _ = reference.compute(str(tmp_path), r.isoformat(), monitoring_line="6000")
    assert actual == expected
    assert actual != python_indicators(str(tmp_path), r)
