#!/usr/bin/env python3
"""Writes the hand-made feeds of bench/testdata/tiny/ (see EXPECTED.md there).

The folder is committed; this script documents how its resident IDs were made
(ISO 7064 MOD 11-2 check character) and rewrites it byte for byte:

    python3 bench/testdata/make_tiny.py [OUT_DIR]
"""
import os
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def check_character(first17):
    """The GB 11643-1999 check character of 17 digits."""
    return CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def resident_id(address, birth, sequence):
    """A valid 18-character ID: address (6 digits), birth YYYY-MM-DD, sequence (int)."""
    first17 = address + birth.replace("-", "") + "%03d" % sequence
    return first17 + check_character(first17)


def resident_id_with_x(address, birth):
    """A valid ID whose check character is X (the first sequence giving one)."""
    for sequence in range(1, 1000):
        candidate = resident_id(address, birth, sequence)
        if candidate.endswith("X"):
            return candidate
    raise ValueError("no sequence gives X")


V1, V2, V3, V4 = "520102001001", "520102001002", "520102002001", "520201001001"


def hh(village, seq):
    return village + "%04d" % seq


# label -> (household, relation, labor_capacity, birth date)
PERSONS = [
    ("P1", hh(V1, 1), "head", "full", "1962-11-28"),    # 64 on R: relocated labour
    ("P2", hh(V1, 1), "spouse", "weak", "1961-11-28"),  # 65 on R: not relocated labour
    ("P3", hh(V1, 1), "child", "full", "2010-11-28"),   # 16 on R: relocated labour
    ("P4", hh(V1, 1), "child", "none", "2020-02-29"),   # 6 on R; 29 Feb birthday
    ("P5", hh(V1, 2), "head", "weak", "1961-11-29"),    # 64 on R (65 tomorrow)
    ("P6", hh(V1, 2), "child", "full", "2010-11-29"),   # 15 on R (16 tomorrow)
    ("P7", hh(V1, 3), "head", "none", "1950-01-15"),
    ("P8", hh(V1, 3), "spouse", "none", "1952-05-05"),
    ("P9", hh(V1, 4), "head", "full", "1980-07-07"),    # check character X, written x in persons.csv
    ("P10", hh(V1, 4), "spouse", "full", "1982-03-03"),
    ("P11", hh(V1, 4), "child", "none", "2020-11-29"),  # 5 on R (6 tomorrow)
    ("P12", hh(V1, 5), "head", "full", "1975-12-01"),
    ("P13", hh(V1, 6), "head", "full", "1970-01-01"),
    ("P14", hh(V1, 6), "child", "none", "2011-11-28"),  # 15 on R
    ("P15", hh(V1, 7), "head", "weak", "1990-05-05"),
    ("P16", hh(V1, 8), "head", "full", "1985-08-08"),
    ("P17", hh(V1, 8), "spouse", "full", "1986-09-09"),
    ("P18", hh(V1, 9), "head", "full", "1988-01-01"),
    ("P19", hh(V1, 10), "head", "none", "1940-02-02"),
    ("P20", hh(V1, 11), "head", "weak", "1970-10-10"),
    ("P21", hh(V1, 11), "parent", "none", "1945-03-03"),
    ("P22", hh(V3, 1), "head", "full", "2000-01-01"),
    ("P23", hh(V3, 1), "spouse", "full", "2001-02-02"),
    ("P24", hh(V3, 3), "head", "weak", "1958-04-04"),
    ("P25", hh(V3, 3), "spouse", "none", "1956-12-12"),
    ("P26", hh(V3, 4), "head", "full", "1990-09-09"),
    ("P27", hh(V4, 1), "head", "full", "1979-06-06"),
    ("P28", hh(V4, 2), "head", "full", "1996-06-16"),
    ("P29", hh(V3, 5), "head", "full", "1985-05-20"),
    ("P30", hh(V4, 2), "parent", "none", "1946-03-03"),  # deceased: in no indicator
]

STATUS = {"P30": "deceased", "P7": "resident", "P27": "resident"}  # empty means resident


def person_ids():
    """label -> resident ID (upper-case X)."""
    ids = {}
    for number, (label, household, _, _, birth) in enumerate(PERSONS, start=1):
        address = household[:6]
        ids[label] = resident_id_with_x(address, birth) if label == "P9" else resident_id(address, birth, number)
    return ids


HOUSEHOLDS = [
    # id, village, category, monitoring_type, risk_status, risk_types, clue, clue_outcome, inclusion, elimination,
    # relocated, site, income, income_prev_year, assistance
    (hh(V1, 1), V1, "monitored", "unstable", "not_eliminated", "illness", "2026-03-01", "included", "2026-03-16", "", "1", "520102001", "8000.00", "", "industry;medical"),
    (hh(V1, 2), V1, "monitored", "marginal", "not_eliminated", "disability;education", "2026-04-01", "included", "2026-04-17", "", "1", "520102001", "5000.00", "", ""),
    (hh(V1, 3), V1, "monitored", "sudden_hardship", "eliminated", "accident", "2026-06-10", "included", "2026-06-01", "2026-09-01", "0", "", "9000.00", "", "bottom_line"),
    (hh(V1, 4), V1, "poverty_alleviated", "", "", "", "", "", "", "", "1", "520102002", "12000.00", "12000.00", "employment"),
    (hh(V1, 5), V1, "ordinary", "", "", "", "", "", "", "", "0", "", "7499.99", "", ""),
    (hh(V1, 6), V1, "ordinary", "", "", "", "", "", "", "", "0", "", "7500.00", "", ""),
    (hh(V1, 7), V1, "ordinary", "", "", "", "", "", "", "", "1", "520102002", "20000.00", "", ""),
    (hh(V1, 8), V1, "ordinary", "", "", "", "", "", "", "", "0", "", "30000.00", "", ""),
    (hh(V1, 9), V1, "ordinary", "", "", "", "", "", "", "", "0", "", "30000.00", "", ""),
    (hh(V1, 10), V1, "monitored", "unstable", "not_eliminated", "other", "2026-02-01", "included", "2026-02-20", "", "0", "", "6000.00", "", "bottom_line;medical"),
    (hh(V1, 11), V1, "monitored", "marginal", "not_eliminated", "illness", "2026-01-01", "included", "2026-01-01", "", "0", "", "7000.00", "", "industry"),
    (hh(V3, 1), V3, "poverty_alleviated", "", "", "", "", "", "", "", "1", "520102001", "10000.00", "", ""),
    (hh(V3, 2), V3, "monitored", "unstable", "not_eliminated", "disaster", "2026-05-01", "included", "2026-05-31", "", "0", "", "3000.00", "", "medical"),
    (hh(V3, 3), V3, "monitored", "marginal", "not_eliminated", "labour_shortage", "2026-07-01", "included", "2026-07-10", "", "0", "", "5500.00", "", "welfare_job"),
    (hh(V3, 4), V3, "monitored", "unstable", "not_eliminated", "industry", "", "", "2026-08-05", "", "0", "", "4000.00", "", "bottom_line;welfare_job"),
    (hh(V3, 5), V3, "monitored", "unstable", "not_eliminated", "employment", "", "", "2025-06-01", "", "0", "", "6500.00", "", "credit;employment"),
    (hh(V4, 1), V4, "poverty_alleviated", "", "", "", "", "", "", "", "0", "", "9000.00", "", "industry"),
    (hh(V4, 2), V4, "ordinary", "", "", "", "", "", "", "", "1", "520201001", "7500.00", "", ""),
]

# label -> [(year, insured)]
INSURANCE = {
    "P1": [("2025", "0"), ("2026", "1")], "P2": [("2026", "1")], "P3": [("2026", "0")], "P4": [("2025", "1")],
    "P5": [("2026", "1")], "P7": [("2026", "1")], "P8": [("2026", "1")], "P9": [("2026", "1")],
    "P10": [("2026", "1")], "P11": [("2026", "1")], "P12": [("2026", "1")], "P13": [("2026", "1")],
    "P14": [("2026", "1")], "P15": [("2026", "1")], "P16": [("2026", "1")], "P17": [("2026", "0")],
    "P18": [("2026", "1")], "P19": [("2026", "1")], "P20": [("2026", "1")], "P21": [("2026", "1")],
    "P22": [("2026", "1")], "P23": [("2026", "1")], "P24": [("2026", "1")], "P25": [("2026", "1")],
    "P26": [("2026", "1")], "P27": [("2026", "1")], "P28": [("2026", "1")], "P29": [("2026", "1")],
}

EDUCATION = [("P3", "senior", "enrolled"), ("P4", "primary", "dropped_out"), ("P6", "junior", "dropped_out"),
             ("P11", "preschool", "dropped_out"), ("P14", "junior", "dropped_out"), ("P18", "higher", "dropped_out"),
             ("P22", "higher", "dropped_out")]

# label, status, location, welfare_job, months, monthly_income, trainings
EMPLOYMENT = [
    ("P1", "employed", "province", "0", "10", "3000.00", "1"),
    ("P3", "unemployed", "", "0", "0", "0", "0"),
    ("P5", "employed", "township", "1", "12", "1500.50", "0"),
    ("P7", "not_in_labor_force", "", "0", "0", "0", "0"),
    ("P9", "employed", "outside_province", "0", "11", "5200.00", "2"),
    ("P10", "employed", "province", "0", "9", "4100.00", "0"),
    ("P12", "employed", "province", "0", "12", "3500.00", "0"),
    ("P16", "employed", "outside_province", "0", "12", "6000.00", "0"),
    ("P22", "unemployed", "", "0", "0", "0", "1"),
    ("P26", "employed", "province", "0", "8", "2800.00", "0"),
    ("P27", "employed", "township", "0", "12", "2500.00", "0"),
    ("P28", "employed", "township", "0", "12", "2600.00", "0"),
]

# label, kind, start, end (dibao on R confirms 0010's bottom_line; temporary and an ended tekun do not count)
SOCIAL_ASSISTANCE = [("P19", "dibao", "2020-01-01", ""), ("P21", "temporary", "2026-11-01", ""),
                     ("P23", "tekun", "2019-05-05", "2026-11-27")]

HOUSING = [(hh(V1, 1), "C", "0"), (hh(V1, 3), "D", "1"), (hh(V1, 4), "A", "0"), (hh(V1, 7), "C", "0"),
           (hh(V1, 8), "B", "0"), (hh(V3, 1), "B", "0"), (hh(V4, 1), "A", "0"),
           (hh(V4, 2), "A", "0")]

WATER = [(hh(V1, 1), "1", "1"), (hh(V1, 2), "0", "0"), (hh(V1, 3), "1", "1"), (hh(V1, 4), "1", "0"),
         (hh(V1, 5), "1", "1"), (hh(V1, 6), "1", "1"), (hh(V1, 8), "1", "1"), (hh(V1, 10), "0", "1"),
         (hh(V1, 11), "1", "1"), (hh(V3, 1), "1", "1"), (hh(V3, 3), "1", "1"), (hh(V3, 4), "0", "1"),
         (hh(V3, 5), "1", "1"), (hh(V4, 1), "1", "1"), (hh(V4, 2), "1", "1")]


def write(folder, name, lines, bom=False, crlf=False):
    end = "\r\n" if crlf else "\n"
    data = (end.join(lines) + end).encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


def write_folder(folder):
    """Writes the ten feeds (contract version 2) into `folder`."""
    os.makedirs(folder, exist_ok=True)
    ids = person_ids()
    write(folder, "regions.csv", [
        "prefecture_code,prefecture_name,county_code,county_name,key_county",
        "520100,贵阳市,520102,南明区,0",
        "520100,贵阳市,520103,云岩区,0",          # a county without villages
        "520200,六盘水市,520201,钟山区,1",
    ], bom=True)
    write(folder, "villages.csv", [
        "village_code,village_name,township_code,township_name,county_code",
        f'{V2},"石板村,二组",520102001,花果园乡,520102',  # listed first; one name per township code
        f"{V1},石板村,520102001,花果园乡,520102",
        f"{V3},新寨村,520102002,青山镇,520102",
        f"{V4},大湾村,520201001,大湾镇,520201",
    ])
    rows = ["household_id,village_code,category,monitoring_type,risk_status,risk_types,clue_date,clue_outcome,"
            "inclusion_date,elimination_date,relocated,site_code,income_per_capita,income_prev_year,assistance"]
    for h in HOUSEHOLDS:
        fields = ['"%s"' % f if ";" in f else f for f in h]
        rows.append(",".join(fields))
    write(folder, "households.csv", rows)
    # Columns in another order than the contract's (they are matched by name).
    rows = ["household_id,status,person_id,labor_capacity,relation"]
    for label, household, relation, labor, _ in PERSONS:
        pid = ids[label].lower() if label == "P9" else ids[label]
        rows.append(f"{household},{STATUS.get(label, '')},{pid},{labor},{relation}")
    write(folder, "persons.csv", rows)
    write(folder, "education.csv", ["person_id,stage,status"] + [f"{ids[p]},{s},{st}" for p, s, st in EDUCATION])
    rows = ["person_id,year,insured"]
    for label, _, _, _, _ in PERSONS:
        for year, insured in INSURANCE.get(label, []):
            pid = ids[label].lower() if label == "P9" else ids[label]  # x again, as in persons.csv
            rows.append(f"{pid},{year},{insured}")
    write(folder, "medical_insurance.csv", rows)
    write(folder, "employment.csv",
          ["person_id,status,location,welfare_job,months,monthly_income,trainings"]
          + [",".join([ids[e[0]].lower() if e[0] == "P9" else ids[e[0]]] + list(e[1:])) for e in EMPLOYMENT],
          crlf=True)
    # The kind quoted (allowed anywhere), CRLF line ends.
    write(folder, "social_assistance.csv", ["person_id,kind,start_date,end_date"]
          + [f'{ids[p]},"{k}",{s},{e}' for p, k, s, e in SOCIAL_ASSISTANCE], crlf=True)
    write(folder, "housing.csv", ["household_id,grade,renovated"] + [",".join(h) for h in HOUSING])
    # An extra column the contract does not name (ignored).
    write(folder, "water.csv", ["household_id,tap_water,safe,remark"] + [",".join(w) + "," for w in WATER])


if __name__ == "__main__":
    write_folder(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny"))
