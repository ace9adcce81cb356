#!/usr/bin/env python3
"""Compares two long indicators CSVs (level,code,name,indicator,numerator,denominator,value).

    python3 bench/compare_indicators.py OURS.csv THEIRS.csv [--ignore-names] [--ignore-order] [--show N]
                                       [--regions DATA_DIR/regions.csv] [--skip-prefix PREFIX ...]

For every (level, code, indicator) it compares numerator, denominator and
value as exact text, and the area name; a key present in only one file, a
key present twice, and a different row order are differences too. With
--regions it also checks OURS against the catalogue's sums: in every area the
monitoring-type breakdown (an enumerated field) adds up to
`monitored_households`, and the `key_counties` group's numerators and
denominators are the sums over the counties with `key_county = 1`. Prints the
first differences (20 by default) and a summary; --skip-prefix leaves out of OURS
the indicators whose id starts with PREFIX (the early warning's flows, which
depend on the warehouse's history and are not in the catalogue the reference
computes), and says how many rows it left out; exits 0 when the files agree,
1 on any difference, 2 when a file cannot be read.
"""
import argparse
import collections
import csv
import sys

COLUMNS = ["level", "code", "name", "indicator", "numerator", "denominator", "value"]
FIGURES = ["numerator", "denominator", "value"]


class Unreadable(Exception):
    pass


def read_rows(path):
    """Rows as dicts, in file order (UTF-8 with or without BOM)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise Unreadable(f"{path}: header lacks column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}")
            return [dict(row, line=reader.line_num) for row in reader]
    except OSError as error:
        raise Unreadable(f"{path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise Unreadable(f"{path}: not UTF-8 ({error})") from error


def key_of(row):
    return (row["level"], row["code"], row["indicator"])


def compare(ours, theirs, ignore_names=False, ignore_order=False):
    """Returns (differences as (kind, indicator, text), counts by kind, number of common keys)."""
    differences = []

    def differ(kind, indicator, text):
        differences.append((kind, indicator, text))

    def index(rows, label):
        by_key = {}
        for row in rows:
            key = key_of(row)
            if key in by_key:
                differ("duplicate", key[2], f"{label} line {row['line']}: {'/'.join(key)} appears twice "
                                            f"(first at line {by_key[key]['line']})")
            else:
                by_key[key] = row
        return by_key

    ours_by_key, theirs_by_key = index(ours, "OURS"), index(theirs, "THEIRS")
    for key, row in ours_by_key.items():
        if key not in theirs_by_key:
            differ("only_in_ours", key[2], f"{'/'.join(key)}: only in OURS (line {row['line']})")
    for key, row in theirs_by_key.items():
        if key not in ours_by_key:
            differ("only_in_theirs", key[2], f"{'/'.join(key)}: only in THEIRS (line {row['line']})")
    common = [key for key in ours_by_key if key in theirs_by_key]
    for key in common:
        a, b = ours_by_key[key], theirs_by_key[key]
        for column in FIGURES:
            if a[column] != b[column]:
                differ(column, key[2], f"{'/'.join(key)}: {column} OURS {a[column]!r} (line {a['line']}) "
                                       f"vs THEIRS {b[column]!r} (line {b['line']})")
        if not ignore_names and a["name"] != b["name"]:
            differ("name", key[2], f"{'/'.join(key)}: name OURS {a['name']!r} vs THEIRS {b['name']!r}")
    if not ignore_order:
        common_set = set(common)
        ours_order = [key_of(r) for r in ours if key_of(r) in common_set]
        theirs_order = [key_of(r) for r in theirs if key_of(r) in common_set]
        for position, (a, b) in enumerate(zip(ours_order, theirs_order), start=1):
            if a != b:
                differ("order", a[2], f"row order differs at common row {position}: OURS has {'/'.join(a)}, "
                                      f"THEIRS has {'/'.join(b)}")
                break
    counts = collections.Counter(kind for kind, _, _ in differences)
    return differences, counts, len(common)


# Enumerated breakdowns: their values add up to the total in every area.
ENUMERATED = {"monitored_by_type": ("monitored_households", ["unstable", "marginal", "sudden_hardship"])}


def check_sums(rows, regions_path):
    """Differences from the catalogue's sums in one file: (kind, indicator, text)."""
    with open(regions_path, encoding="utf-8-sig", newline="") as f:
        key_counties = {r["county_code"] for r in csv.DictReader(f) if r["key_county"] == "1"}
    figures = {key_of(row): (int(row["numerator"] or 0), int(row["denominator"] or 0)) for row in rows}
    found = []
    for (level, code, indicator), (numerator, _) in figures.items():
        for breakdown, (total, values) in ENUMERATED.items():
            if indicator != total:
                continue
            parts = [figures.get((level, code, f"{breakdown}.{value}")) for value in values]
            if None in parts:
                found.append(("breakdown", breakdown, f"{level}/{code}: {breakdown} lacks a value row"))
            elif sum(p[0] for p in parts) != numerator:
                found.append(("breakdown", breakdown, f"{level}/{code}: {breakdown} values add up to "
                                                      f"{sum(p[0] for p in parts)}, {total} is {numerator}"))
    indicators = {key[2] for key in figures}
    for indicator in sorted(indicators):
        group = figures.get(("group", "key_counties", indicator))
        counties = [pair for (level, code, name), pair in figures.items()
                    if level == "county" and name == indicator and code in key_counties]
        expected = (sum(p[0] for p in counties), sum(p[1] for p in counties))
        if group != expected:
            found.append(("group", indicator, f"group/key_counties/{indicator}: {group} but its counties sum to "
                                              f"{expected}"))
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ours", help="indicators.csv from Bottomline")
    parser.add_argument("theirs", help="indicators CSV from the reference (bench/duckdb_reference.py)")
    parser.add_argument("--ignore-names", action="store_true", help="do not compare area names")
    parser.add_argument("--ignore-order", action="store_true", help="do not compare row order")
    parser.add_argument("--show", type=int, default=20, help="how many differences to print (default 20)")
    parser.add_argument("--regions", help="regions.csv of the data folder: also check OURS' breakdown and group sums")
    parser.add_argument("--skip-prefix", action="append", default=[], metavar="PREFIX",
                        help="leave out OURS' indicators whose id starts with PREFIX (repeatable)")
    args = parser.parse_args(argv)
    try:
        ours, theirs = read_rows(args.ours), read_rows(args.theirs)
    except Unreadable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.skip_prefix:
        prefixes = tuple(args.skip_prefix)
        kept = [row for row in ours if not row["indicator"].startswith(prefixes)]
        print(f"left out {len(ours) - len(kept)} rows of OURS whose indicator starts with {', '.join(prefixes)}")
        ours = kept
    differences, counts, common = compare(ours, theirs, args.ignore_names, args.ignore_order)
    if args.regions:
        try:
            sums = check_sums(ours, args.regions)
        except (OSError, KeyError) as error:
            print(f"error: {args.regions}: cannot read the key counties ({error})", file=sys.stderr)
            return 2
        differences += sums
        counts.update(kind for kind, _, _ in sums)
    for _, _, text in differences[:args.show]:
        print(text)
    if len(differences) > args.show:
        print(f"... and {len(differences) - args.show} more")
    print(f"OURS {args.ours}: {len(ours)} rows; THEIRS {args.theirs}: {len(theirs)} rows; "
          f"{common} (level, code, indicator) keys in both")
    if not differences:
        print("identical: every numerator, denominator and value agrees")
        return 0
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items()))
    by_indicator = collections.Counter(indicator for _, indicator, _ in differences)
    worst = ", ".join(f"{indicator} {count}" for indicator, count in by_indicator.most_common(8))
    print(f"DIFFERENT: {len(differences)} difference(s) ({kinds}); by indicator: {worst}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
