#!/usr/bin/env python3
"""Random clean feeds of contract version 2, dense in edge cases, for differential tests of the reference SQL.

    python3 bench/testdata/random_feeds.py OUT_DIR PERSONS [SEED] [DATE]

Every row is valid and every reference resolves, but values cluster where the
indicator rules have edges: birthdays within days of R at ages 5/6/7/15/16/17/
64/65 (and 29 February), babies 88-91 days old, clues 14-17 and 40 days before
R (pending) or before the inclusion, clues of last year, rejected clues,
eliminations 181-184 days after inclusion, incomes at and around L and 1.5 × L,
last year's incomes around a 30 % drop (and 0), persons deceased, military or
in prison, migrants around 6 months in each location, dibao/tekun/temporary
assistance starting or ending around R, households without members, villages
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
RISKS = ["illness", "disability", "education", "disaster", "accident", "industry", "employment", "labour_shortage",
         "other"]
HEADERS = {
    "regions": "prefecture_code,prefecture_name,county_code,county_name,key_county",
    "villages": "village_code,village_name,township_code,township_name,county_code",
    "households": "household_id,village_code,category,monitoring_type,risk_status,risk_types,clue_date,clue_outcome,"
                  "inclusion_date,elimination_date,relocated,site_code,income_per_capita,income_prev_year,assistance",
    "persons": "person_id,household_id,relation,labor_capacity,status",
    "education": "person_id,stage,status",
    "medical_insurance": "person_id,year,insured",
    "employment": "person_id,status,location,welfare_job,months,monthly_income,trainings",
    "housing": "household_id,grade,renovated",
    "water": "household_id,tap_water,safe",
    "social_assistance": "person_id,kind,start_date,end_date",
}


def resident_id(address, birth, sequence):
    first17 = address + birth.strftime("%Y%m%d") + "%03d" % sequence
    return first17 + CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def birth_near(rng, reference):
    """A birth date whose age at `reference` sits on or near a rule's edge."""
    roll = rng.random()
    if roll < 0.03:
        year = rng.choice([y for y in range(reference.year - 70, reference.year - 3) if y % 4 == 0])
        return datetime.date(year, 2, 29)
    if roll < 0.08:  # babies around 90 days
        return reference - datetime.timedelta(days=rng.choice([0, 30, 88, 89, 90, 91, 200]))
    age = rng.choice([5, 6, 7, 15, 16, 17, 64, 65]) if roll < 0.6 else rng.randint(0, 90)
    try:
        anniversary = reference.replace(year=reference.year - age)
    except ValueError:  # R is 29 February
        anniversary = datetime.date(reference.year - age, 2, 28)
    birth = anniversary + datetime.timedelta(days=rng.randint(-2, 2))
    return min(birth, reference)


def days_before(reference, days):
    return (reference - datetime.timedelta(days=days)).isoformat()


def money(rng):
    return rng.choice(["7500.00", "7499.99", "7500.01", "11250.00", "11249.99", "11250.01", "7700.00", "7700.01", "0",
                       "%d.%02d" % (rng.randint(2000, 30000), rng.randint(0, 99))])


def household_row(rng, reference, household, village, county, sites):
    category = rng.choice(["poverty_alleviated", "monitored", "monitored", "ordinary", "ordinary"])
    monitoring_type = risk = risk_types = clue = outcome = inclusion = elimination = ""
    if category == "monitored":
        monitoring_type = rng.choice(["unstable", "marginal", "sudden_hardship"])
        risk = rng.choice(["eliminated", "not_eliminated", "not_eliminated"])
        risk_types = ";".join(r for r in RISKS if rng.random() < 0.25) or rng.choice(RISKS)
        included = reference - datetime.timedelta(days=rng.choice([0, 5, 100, 200, 330, 400, 700]))
        inclusion = included.isoformat()
        if rng.random() < 0.85:
            gap = rng.choice([0, 14, 15, 15, 16, 17, -1, -5, 40])
            clue = min(included - datetime.timedelta(days=gap), reference).isoformat()
            outcome = "included"
        if risk == "eliminated":
            span = rng.choice([0, 100, 181, 182, 183, 184, 365])
            elimination = min(included + datetime.timedelta(days=span), reference).isoformat()
    elif rng.random() < 0.4:
        clue = days_before(reference, rng.choice([0, 14, 15, 16, 17, 40, 200, 400]))
        outcome = rng.choice(["pending", "pending", "rejected"])
    relocated = "1" if rng.random() < 0.3 else "0"
    site = rng.choice(sites[county]) if relocated == "1" else ""
    income = money(rng)
    prev = rng.choice(["", "0", "0.00", income, "%.2f" % (float(income) / 0.7) if float(income) > 0 else "",
                       "11000.00", "20000.00", "%d.00" % rng.randint(5000, 30000)])
    if income.startswith("7700") and rng.random() < 0.7:
        prev = "11000.00"  # a drop of exactly 30 % (7700.00) or just under (7700.01)
    assistance = ";".join(m for m in MEASURES if rng.random() < 0.2)
    return (household, village, category, monitoring_type, risk, risk_types, clue, outcome, inclusion, elimination,
            relocated, site, income, prev, assistance)


def write_random_folder(folder, persons, seed=1, reference=datetime.date(2026, 11, 28)):
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    counties = [("520100", "贵阳市", "520102", "南明区", "0"), ("520100", "贵阳市", "520103", "云岩区", "1"),
                ("520200", "六盘水市", "520201", "钟山区", "1"), ("520200", "六盘水市", "520203", "六枝特区", "1"),
                ("522300", "黔西南州", "522301", "兴义市", "0"), ("522300", "黔西南州", "522328", "安龙县", "1")]
    sites = {c[2]: [c[2] + "%03d" % i for i in (1, 2, 3)] for c in counties}
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
        households.append(household_row(rng, reference, household, village, county, sites))
        for _ in range(rng.choice([0, 1, 2, 3, 4, 5]) if rng.random() < 0.97 else 0):
            birth = birth_near(rng, reference)
            while sequences.get((county, birth), 0) >= 999:
                birth -= datetime.timedelta(days=rng.randint(3, 4000))
            sequence = sequences[(county, birth)] = sequences.get((county, birth), 0) + 1
            status = rng.choice(["", "", "", "", "resident", "deceased", "military", "prison"])
            people.append((resident_id(county, birth, sequence), household,
                           rng.choice(["head", "spouse", "child", "parent", "other"]),
                           rng.choice(["full", "weak", "none"]), status))

    def spelled(pid):
        return pid.lower() if pid.endswith("X") and rng.random() < 0.5 else pid

    def write(name, rows):
        with open(os.path.join(folder, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            f.write(HEADERS[name] + "\n")
            for row in rows:
                f.write(",".join(row) + "\n")

    write("regions", counties)
    write("villages", [(v, "村" + v[-3:], t, "乡" + t[-3:], c) for v, t, c in villages])
    write("households", households)
    write("persons", [(spelled(p[0]),) + p[1:] for p in people])
    education, insurance, employment, assistance = [], [], [], []
    for pid, _, _, _, _ in people:
        if rng.random() < 0.5:
            education.append((spelled(pid), rng.choice(["preschool", "primary", "junior", "senior", "vocational"]),
                              rng.choice(["enrolled", "dropped_out", "dropped_out", "suspended", "home_taught",
                                          "transferred", "exempt"])))
        for year in (reference.year - 1, reference.year, reference.year + 1):
            if rng.random() < (0.85 if year == reference.year else 0.3):
                insurance.append((spelled(pid), str(year), rng.choice(["1", "1", "1", "0"])))
        if rng.random() < 0.6:
            status = rng.choice(["employed", "employed", "unemployed", "not_in_labor_force"])
            location = rng.choice(["township", "county", "province", "outside_province"]) if status == "employed" else ""
            employment.append((spelled(pid), status, location, rng.choice(["0", "1"]),
                               str(rng.choice([0, 5, 6, 6, 7, 12])), "%d.00" % rng.randint(0, 6000),
                               str(rng.randint(0, 3))))
        if rng.random() < 0.15:
            for kind in rng.sample(["dibao", "tekun", "temporary"], rng.choice([1, 1, 2])):
                start = reference - datetime.timedelta(days=rng.choice([0, 1, 30, 400]))
                end = rng.choice(["", "", (reference - datetime.timedelta(days=1)),
                                  reference, reference + datetime.timedelta(days=rng.choice([1, 60]))])
                if end != "" and end < start:
                    end = start
                assistance.append((spelled(pid), kind, start.isoformat(), end.isoformat() if end != "" else ""))
    write("education", education)
    write("medical_insurance", insurance)
    write("employment", employment)
    write("social_assistance", assistance)
    write("housing", [(h[0], rng.choice("ABCD"), rng.choice("01")) for h in households if rng.random() < 0.7])
    write("water", [(h[0], rng.choice("01"), rng.choice("011")) for h in households if rng.random() < 0.8])
    return len(people)


if __name__ == "__main__":
    out, count = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    date = datetime.date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else datetime.date(2026, 11, 28)
    print(write_random_folder(out, count, seed, date), "persons written to", out)
