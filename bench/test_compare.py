"""Checks bench/compare_indicators.py on real CSV files.

    python3 -m pytest bench/test_compare.py
"""
import csv
import os
import subprocess
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
HEADER = ["level", "code", "name", "indicator", "numerator", "denominator", "value"]
ROWS = [
    ["province", "52", "贵州省", "persons", "30", "", "30"],
    ["province", "52", "贵州省", "insurance_rate", "18", "21", "0.8571"],
    ["village", "520102001002", "石板村,二组", "persons", "0", "", "0"],
    ["village", "520102001002", "石板村,二组", "insurance_rate", "0", "0", ""],
]


def write(path, rows, bom=False, line_end="\n", header=HEADER):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator=line_end)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def compare(ours, theirs, *options):
    return subprocess.run([sys.executable, os.path.join(BENCH, "compare_indicators.py"), ours, theirs, *options],
                          capture_output=True, text=True)


def test_same_figures_in_another_encoding_style_agree(tmp_path):
    result = compare(write(tmp_path / "a.csv", ROWS, bom=True, line_end="\r\n"), write(tmp_path / "b.csv", ROWS))
    assert result.returncode == 0, result.stdout
    assert "identical" in result.stdout


def test_numerator_denominator_and_value_differences_are_named(tmp_path):
    changed = [row[:] for row in ROWS]
    changed[1][4:7] = ["17", "20", "0.8500"]
    result = compare(write(tmp_path / "a.csv", changed), write(tmp_path / "b.csv", ROWS))
    assert result.returncode == 1
    assert "province/52/insurance_rate: numerator OURS '17' (line 3) vs THEIRS '18' (line 3)" in result.stdout
    assert "denominator 1" in result.stdout and "value 1" in result.stdout and "numerator 1" in result.stdout


def test_missing_and_duplicate_rows_are_differences(tmp_path):
    result = compare(write(tmp_path / "a.csv", ROWS[:3] + [ROWS[0]]), write(tmp_path / "b.csv", ROWS))
    assert result.returncode == 1
    assert "village/520102001002/insurance_rate: only in THEIRS" in result.stdout
    assert "appears twice" in result.stdout


def test_names_and_order_can_be_ignored(tmp_path):
    renamed = [row[:] for row in ROWS]
    renamed[2][2] = "石板村"
    swapped = [renamed[1], renamed[0]] + renamed[2:]
    ours, theirs = write(tmp_path / "a.csv", swapped), write(tmp_path / "b.csv", ROWS)
    result = compare(ours, theirs)
    assert result.returncode == 1
    assert "row order differs at common row 1" in result.stdout and "name OURS '石板村'" in result.stdout
    assert compare(ours, theirs, "--ignore-names", "--ignore-order").returncode == 0


def test_only_the_first_differences_are_printed(tmp_path):
    theirs = [["village", "5201020010%02d" % i, "村", "persons", str(i), "", str(i)] for i in range(30)]
    ours = [row[:4] + [str(int(row[4]) + 1), "", str(int(row[4]) + 1)] for row in theirs]
    result = compare(write(tmp_path / "a.csv", ours), write(tmp_path / "b.csv", theirs))
    assert result.returncode == 1
    assert result.stdout.count(" OURS '") == 20
    assert "... and 40 more" in result.stdout and "DIFFERENT: 60 difference(s)" in result.stdout


def test_missing_column_is_an_error(tmp_path):
    result = compare(write(tmp_path / "a.csv", [row[:6] for row in ROWS], header=HEADER[:6]),
                     write(tmp_path / "b.csv", ROWS))
    assert result.returncode == 2
    assert "lacks column(s) value" in result.stderr


def test_breakdown_and_group_sums_are_checked(tmp_path):
    regions = tmp_path / "regions.csv"
    regions.write_text("prefecture_code,prefecture_name,county_code,county_name,key_county\n"
                       "520100,贵阳市,520102,南明区,1\n520100,贵阳市,520103,云岩区,0\n", encoding="utf-8")
    rows = []
    for level, code, households, by_type in [("province", "52", 5, (2, 2, 1)), ("group", "key_counties", 3, (1, 1, 1)),
                                             ("county", "520102", 3, (1, 1, 1)), ("county", "520103", 2, (1, 1, 0))]:
        rows.append([level, code, "区", "monitored_households", str(households), "", str(households)])
        for value, count in zip(["unstable", "marginal", "sudden_hardship"], by_type):
            rows.append([level, code, "区", "monitored_by_type." + value, str(count), "", str(count)])
    good = write(tmp_path / "good.csv", rows)
    assert compare(good, good, "--regions", str(regions)).returncode == 0
    rows[1][4] = "3"  # province unstable 3: values add up to 6, not 5
    rows[4][4] = "2"  # the group's households 2, its county 3
    bad = write(tmp_path / "bad.csv", rows)
    result = compare(bad, bad, "--regions", str(regions))
    assert result.returncode == 1
    assert "province/52: monitored_by_type values add up to 6, monitored_households is 5" in result.stdout
    assert "group/key_counties/monitored_households: (2, 0) but its counties sum to (3, 0)" in result.stdout
    assert compare(bad, bad).returncode == 0  # without --regions only the two files are compared


def test_skipped_prefixes_leave_only_our_flows_out(tmp_path):
    flows = [["province", "52", "贵州省", "night_returns", "", "", ""],
             ["province", "52", "贵州省", "pending_clues_by_age.0_15", "3", "", "3"]]
    ours = write(tmp_path / "a.csv", ROWS[:2] + flows + ROWS[2:])
    theirs = write(tmp_path / "b.csv", ROWS)
    assert compare(ours, theirs).returncode == 1
    result = compare(ours, theirs, "--skip-prefix", "night_", "--skip-prefix", "pending_clues_by_age")
    assert result.returncode == 0, result.stdout
    assert "left out 2 rows" in result.stdout
    changed = [row[:] for row in ROWS]
    changed[1][4] = "17"
    result = compare(write(tmp_path / "c.csv", changed + flows), theirs, "--skip-prefix", "night_",
                     "--skip-prefix", "pending_clues_by_age")
    assert result.returncode == 1, result.stdout
