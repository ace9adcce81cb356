#!/usr/bin/env python3
"""Random clean feeds, dense in edge cases, for differential tests of the reference SQL.

    python3 bench/testdata/random_feeds.py OUT_DIR PERSONS [SEED] [DATE]

Every row is valid and every reference resolves, but values cluster where the
indicator rules have edges: birthdays within days of R at ages 5/6/15/16/64/65
(and 29 February), inclusion 14-17 days after the clue or before it, incomes
at and around the monitoring line, households without members, villages
without households, a county without villages, missing sector rows, insurance
rows for other years, lower-case `x` check characters.
"""
import datetime
import os
import random
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
MEASURES = ["industry", "employment", "welfare_job", "bottom_line", "education", "medical", "housing", "water", "credit"]


def resident_id(address, birth, sequence):
    first17 = address + birth.strftime("%Y%m%d") + "%03d" % sequence
    return first17 + CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def birth_near(rng, reference):
    """A birth date whose age at `reference` sits on or near a rule's edge."""
    if rng.random() < 0.03:
        year = rng.choice([y for y in range(reference.year - 70, reference.year - 3) if y % 4 == 0])
        return datetime.date(year, 2, 29)
    age = rng.choice([5, 6, 15, 16, 64, 65]) if rng.random() < 0.6 else rng.randint(0, 90)
    try:
        anniversary = reference.replace(year=reference.year - age)
    except ValueError:  # R is 29 February
        anniversary = datetime.date(reference.year - age, 2, 28)
    birth = anniversary + datetime.timedelta(days=rng.randint(-2, 2))
    return min(birth, reference)


def write_random_folder(folder, persons, seed=1, reference=datetime.date(2026, 11, 28)):
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    counties = [("520100", "贵阳市", "520102", "南明区"), ("520100", "贵阳市", "520103", "云岩区"),
                ("520200", "六盘水市", "520201", "钟山区"), ("520200", "六盘水市", "520203", "六枝特区"),
                ("522300", "黔西南州", "522301", "兴义市"), ("522300", "黔西南州", "522328", "安龙县")]
    villages = []
    village_count = max(4, persons // 40)
    for i in range(village_count):
        county = counties[i % 5][2]  # the sixth county has no villages
        township = county + "%03d" % (1 + (i // 5) % 7)
        villages.append((township + "%03d" % (1 + i // 35), township, county))
    villages = sorted(set(villages))
    households, people, taken = [], [], set()
    sequences = {}  # (county, birth) -> last sequence number used
    while len(people) < persons:
        village, _, county = rng.choice(villages[1:])  # the first village stays empty
        household = village + "%04d" % rng.randint(0, 9999)
        if household in taken:
            continue
        taken.add(household)
        category = rng.choice(["poverty_alleviated", "monitored", "monitored", "ordinary", "ordinary"])
        clue = inclusion = elimination = ""
        monitoring_type = risk = ""
        if category == "monitored":
            monitoring_type = rng.choice(["unstable", "marginal", "sudden_hardship"])
            risk = rng.choice(["eliminated", "not_eliminated", "not_eliminated"])
            c = reference - datetime.timedelta(days=rng.randint(20, 300))
            clue = c.isoformat() if rng.random() < 0.9 else ""
            gap = rng.choice([0, 14, 15, 15, 16, 17, -1, -5, 40])
            inclusion = (c + datetime.timedelta(days=gap)).isoformat() if rng.random() < 0.9 else ""
            if risk == "eliminated":
                elimination = (c + datetime.timedelta(days=60)).isoformat()
        income = rng.choice(["7500.00", "7499.99", "7500.01", "0", "%d.%02d" % (rng.randint(2000, 30000), rng.randint(0, 99))])
        assistance = ";".join(m for m in MEASURES if rng.random() < 0.2)
        relocated = "1" if rng.random() < 0.3 else "0"
        households.append((household, village, category, monitoring_type, risk, clue, inclusion, elimination,
                           relocated, income, assistance))
        for _ in range(rng.choice([0, 1, 2, 3, 4, 5]) if rng.random() < 0.97 else 0):
            birth = birth_near(rng, reference)
            while sequences.get((county, birth), 0) >= 999:
                birth -= datetime.timedelta(days=rng.randint(3, 4000))
            sequence = sequences[(county, birth)] = sequences.get((county, birth), 0) + 1
            pid = resident_id(county, birth, sequence)
            people.append((pid, household, rng.choice(["head", "spouse", "child", "parent", "other"]),
                           rng.choice(["full", "weak", "none"])))

    def spelled(pid):
        return pid.lower() if pid.endswith("X") and rng.random() < 0.5 else pid

    def write(name, header, rows):
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
            f.write(header + "\n")
            for row in rows:
                f.write(",".join(row) + "\n")

    write("regions.csv", "prefecture_code,prefecture_name,county_code,county_name,key_county",
          [c + ("0",) for c in counties])
    write("villages.csv", "village_code,village_name,township_code,township_name,county_code",
          [(v, "村" + v[-3:], t, "乡" + t[-3:], c) for v, t, c in villages])
    write("households.csv", "household_id,village_code,category,monitoring_type,risk_status,clue_date,"
          "inclusion_date,elimination_date,relocated,income_per_capita,assistance", households)
    write("persons.csv", "person_id,household_id,relation,labor_capacity",
          [(spelled(p[0]),) + p[1:] for p in people])
    education, insurance, employment = [], [], []
    for pid, _, _, _ in people:
        if rng.random() < 0.4:
            education.append((spelled(pid), rng.choice(["primary", "junior", "senior"]),
                              rng.choice(["enrolled", "dropped_out", "suspended", "home_taught", "transferred"])))
        for year in (reference.year - 1, reference.year, reference.year + 1):
            if rng.random() < (0.85 if year == reference.year else 0.3):
                insurance.append((spelled(pid), str(year), rng.choice(["1", "1", "1", "0"])))
        if rng.random() < 0.6:
            status = rng.choice(["employed", "employed", "unemployed", "not_in_labor_force"])
            location = rng.choice(["in_county", "in_province", "out_of_province"]) if status == "employed" else ""
            employment.append((spelled(pid), status, location, rng.choice(["0", "1"]), str(rng.randint(0, 12)),
                               "%d.00" % rng.randint(0, 6000), str(rng.randint(0, 3))))
    write("education.csv", "person_id,stage,status", education)
    write("medical_insurance.csv", "person_id,year,insured", insurance)
    write("employment.csv", "person_id,status,location,welfare_job,months,monthly_income,trainings", employment)
    write("housing.csv", "household_id,grade,renovated",
          [(h[0], rng.choice("ABCD"), rng.choice("01")) for h in households if rng.random() < 0.7])
    write("water.csv", "household_id,tap_water,safe",
          [(h[0], rng.choice("01"), rng.choice("011")) for h in households if rng.random() < 0.8])
    return len(people)


if __name__ == "__main__":
    out, count = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    date = datetime.date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else datetime.date(2026, 11, 28)
    print(write_random_folder(out, count, seed, date), "persons written to", out)
