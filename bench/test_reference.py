"""Checks bench/duckdb_reference.sql against the hand-derived figures of
bench/testdata/tiny/EXPECTED.md, and the shape of its long output.

    python3 -m pytest bench/test_reference.py
"""
import csv
import os
import re
import subprocess
import sys

import pytest

from reference_support import BENCH, CATALOGUE, COUNTS, LEVELS, check_character, load

duckdb = pytest.importorskip("duckdb")

TINY = os.path.join(BENCH, "testdata", "tiny")


reference = load("duckdb_reference", "duckdb_reference.py")
make_tiny = load("make_tiny", os.path.join("testdata", "make_tiny.py"))


def expected_sections():
    """[(level, code, name, date, [(indicator, numerator, denominator, value)])] from EXPECTED.md."""
    heading = re.compile(r"^## (\w+) (\d+) (.+) — R (\d{4}-\d{2}-\d{2})$")
    sections, current = [], None
    with open(os.path.join(TINY, "EXPECTED.md"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## "):
                match = heading.match(line)
                current = (match.groups() + ([],)) if match else None
                if current:
                    sections.append(current)
            elif current and line.startswith("| ") and not line.startswith("| indicator"):
                cells = [cell.strip() for cell in line.strip("|").split("|")]
                current[4].append(tuple(cells[:4]))
    return sections


SECTIONS = expected_sections()
RESULTS = {}


def rows_at(date):
    if date not in RESULTS:
        rows, _ = reference.compute(TINY, date, threads=2)
        RESULTS[date] = rows
    return RESULTS[date]


def test_expected_md_has_sections():
    assert len(SECTIONS) >= 15
    assert sum(len(s[4]) for s in SECTIONS) >= 150


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: f"{s[0]}-{s[1]}-{s[3]}")
def test_hand_derived_figures(section):
    level, code, name, date, figures = section
    by_indicator = {row[3]: row for row in rows_at(date) if row[0] == level and row[1] == code}
    assert by_indicator, f"no rows for {level} {code}"
    assert {row[2] for row in by_indicator.values()} == {name}
    for indicator, numerator, denominator, value in figures:
        row = by_indicator[indicator]
        assert (row[4], row[5], row[6]) == (numerator, denominator, value), f"{level} {code} {indicator} at {date}"


def test_every_area_and_indicator_in_spec_order():
    rows = rows_at("2026-11-28")
    with open(os.path.join(TINY, "villages.csv"), encoding="utf-8", newline="") as f:
        villages = list(csv.DictReader(f))
    with open(os.path.join(TINY, "regions.csv"), encoding="utf-8-sig", newline="") as f:
        regions = list(csv.DictReader(f))
    with open(os.path.join(TINY, "households.csv"), encoding="utf-8", newline="") as f:
        sites = {h["site_code"] for h in csv.DictReader(f) if h["site_code"]}
    areas = {
        "province": {r["county_code"][:2] for r in regions},
        "group": {"key_counties"},
        "prefecture": {r["prefecture_code"] for r in regions},
        "county": {r["county_code"] for r in regions},
        "township": {v["township_code"] for v in villages},
        "village": {v["village_code"] for v in villages},
        "site": sites,
    }
    expected_keys = [(level, code, indicator) for level in LEVELS for code in sorted(areas[level])
                     for indicator in CATALOGUE]
    assert [(r[0], r[1], r[3]) for r in rows] == expected_keys


def test_counts_have_empty_denominator_and_ratios_divide_once():
    for level, code, _, indicator, numerator, denominator, value in rows_at("2026-11-28"):
        if indicator in COUNTS:
            assert denominator == "" and value == numerator
        elif denominator == "0":
            assert value == ""
        else:
            decimals = 2 if indicator == "employed_per_relocated_household" else 4
            assert re.fullmatch(r"\d+\.\d{%d}" % decimals, value)
            assert abs(float(value) - int(numerator) / int(denominator)) <= 0.5 * 10 ** -decimals + 1e-12


def test_higher_levels_sum_villages_and_breakdowns_sum_to_totals():
    rows = rows_at("2026-11-28")
    village_sums, province, figures = {}, {}, {}
    for level, code, _, indicator, numerator, denominator, _ in rows:
        pair = (int(numerator), int(denominator or 0))
        figures[(level, code, indicator)] = pair[0]
        if level == "village":
            old = village_sums.get(indicator, (0, 0))
            village_sums[indicator] = (old[0] + pair[0], old[1] + pair[1])
        elif level == "province":
            province[indicator] = pair
    assert province == village_sums
    for (level, code, indicator), count in figures.items():
        if indicator == "monitored_households":
            assert count == sum(figures[(level, code, "monitored_by_type." + t)]
                                for t in ("unstable", "marginal", "sudden_hardship"))


@pytest.mark.parametrize("numerator,denominator,decimals,text", [
    (1, 8, 2, "0.13"), (3, 8, 2, "0.38"), (1, 32, 4, "0.0313"), (2, 3, 4, "0.6667"), (1, 3, 4, "0.3333"),
    (7, 7, 2, "1.00"), (0, 5, 4, "0.0000"), (5, 0, 4, None), (9, 2, 0, "5"), (123456789, 1000, 2, "123456.79"),
])
def test_ratio_text_rounds_half_up(numerator, denominator, decimals, text):
    with open(reference.SQL_PATH, encoding="utf-8") as f:
        script = f.read()
    macros = script[script.index("CREATE OR REPLACE MACRO ratio_scaled"):script.index("-- Age in full years")]
    connection = duckdb.connect()
    connection.execute(macros)
    assert connection.execute("SELECT ratio_text(?, ?, ?)", [numerator, denominator, decimals]).fetchone()[0] == text


def test_tiny_resident_ids_are_valid():
    with open(os.path.join(TINY, "persons.csv"), encoding="utf-8", newline="") as f:
        ids = [row["person_id"] for row in csv.DictReader(f)]
    assert len(ids) == len(set(ids)) == 30
    assert any(pid.endswith("x") for pid in ids)
    for pid in ids:
        assert re.fullmatch(r"\d{17}[\dXx]", pid)
        assert check_character(pid[:17]) == pid[17].upper()


def test_tiny_folder_is_what_make_tiny_writes(tmp_path):
    make_tiny.write_folder(str(tmp_path))
    for name in sorted(os.listdir(tmp_path)):
        with open(tmp_path / name, "rb") as a, open(os.path.join(TINY, name), "rb") as b:
            assert a.read() == b.read(), name


def test_command_line_writes_csv_and_time(tmp_path):
    out = tmp_path / "indicators.csv"
    result = subprocess.run([sys.executable, os.path.join(BENCH, "duckdb_reference.py"), TINY, "2026-11-28",
                             str(out), "--threads", "1"], capture_output=True, text=True, check=True)
    assert re.search(r"^duckdb_seconds=\d+\.\d+$", result.stdout, re.M)
    with open(out, encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[0] == ["level", "code", "name", "indicator", "numerator", "denominator", "value"]
    assert [tuple(line) for line in lines[1:]] == rows_at("2026-11-28")


@pytest.mark.parametrize("missing", ["water.csv", "social_assistance.csv"])
def test_missing_feed_is_named(tmp_path, missing):
    for name in os.listdir(TINY):
        if name.endswith(".csv") and name != missing:
            (tmp_path / name).write_bytes(open(os.path.join(TINY, name), "rb").read())
    result = subprocess.run([sys.executable, os.path.join(BENCH, "duckdb_reference.py"), str(tmp_path),
                             "2026-11-28", str(tmp_path / "out.csv")], capture_output=True, text=True)
    assert result.returncode != 0 and missing in result.stderr
