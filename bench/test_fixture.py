"""Checks bench/duckdb_reference.sql against the hand-worked fixture the Swift
engine is checked against too (Tests/EngineTests/Fixtures/edge_cases, contract
and catalogue v2): every (level, code, indicator) of expected.csv, worked out
by hand with its reasoning in the `why` column.

    python3 -m pytest bench/test_fixture.py
"""
import collections
import csv
import os
import re

import pytest

from reference_support import CATALOGUE, COUNTS, FIXTURE, LEVELS, MONITORING_TYPES, check_character, load

pytest.importorskip("duckdb")

reference = load("duckdb_reference", "duckdb_reference.py")
DATE = "2026-11-28"


def expected_rows():
    """[(level, code, indicator, numerator, denominator, value, why)] as FixtureTests.swift reads them."""
    with open(os.path.join(FIXTURE, "expected.csv"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert lines[0] == "level,code,indicator,numerator,denominator,value,why"
    return [tuple(line.split(",", 6)) for line in lines[1:] if line]


@pytest.fixture(scope="module")
def rows():
    computed, _ = reference.compute(FIXTURE, DATE, threads=2)
    return computed


def test_every_hand_worked_figure(rows):
    by_key = {(r[0], r[1], r[3]): (r[4], r[5], r[6]) for r in rows}
    wrong = [(e[:3], e[3:6], by_key.get(e[:3])) for e in expected_rows() if by_key.get(e[:3]) != e[3:6]]
    assert not wrong, "\n".join(f"{key}: hand {hand}, reference {ref}" for key, hand, ref in wrong)


def test_expected_covers_every_row_with_a_reason(rows):
    expected = expected_rows()
    assert [e[:3] for e in expected] == [(r[0], r[1], r[3]) for r in rows]
    assert all(len(e) == 7 and e[6].strip() for e in expected)


def test_levels_areas_and_order(rows):
    keys = [(r[0], r[1], r[3]) for r in rows]
    levels = list(dict.fromkeys(k[0] for k in keys))
    assert levels == LEVELS
    per_area = collections.OrderedDict()
    for level, code, indicator in keys:
        per_area.setdefault((level, code), []).append(indicator)
    assert all(indicators == CATALOGUE for indicators in per_area.values())
    assert [code for level, code in per_area if level == "site"] == ["520102001", "520102002", "520204001"]
    assert ("group", "key_counties") in per_area and ("county", "520203") in per_area
    names = {(r[0], r[1]): r[2] for r in rows}
    assert names[("group", "key_counties")] == "国家乡村振兴重点帮扶县"
    assert names[("site", "520204001")] == "安置点 520204001"
    assert names[("province", "52")] == "贵州省"


def test_breakdown_sums_and_group_equals_its_counties(rows):
    figures = {(r[0], r[1], r[3]): int(r[4]) for r in rows}
    for level, code, indicator in list(figures):
        if indicator == "monitored_households":
            assert sum(figures[(level, code, "monitored_by_type." + t)] for t in MONITORING_TYPES) \
                == figures[(level, code, indicator)]
    for indicator in CATALOGUE:
        assert figures[("group", "key_counties", indicator)] == \
            figures[("county", "520203", indicator)] + figures[("county", "520204", indicator)]


def test_counts_have_no_denominator(rows):
    for row in rows:
        if row[3] in COUNTS:
            assert row[5] == "" and row[6] == row[4]


def test_fixture_resident_ids_are_valid():
    with open(os.path.join(FIXTURE, "persons.csv"), encoding="utf-8", newline="") as f:
        ids = [row["person_id"] for row in csv.DictReader(f)]
    assert len(ids) == len(set(i.upper() for i in ids)) == 83
    for pid in ids:
        assert re.fullmatch(r"\d{17}[\dXx]", pid)
        assert check_character(pid[:17]) == pid[17].upper()
