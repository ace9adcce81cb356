#!/usr/bin/env python3
"""Runs bench/duckdb_reference.sql on a data folder and writes the long
indicators CSV (level,code,name,indicator,numerator,denominator,value).

    python3 bench/duckdb_reference.py DATA_DIR DATE OUT_CSV [--threads N] [--monitoring-line 7500]

Prints the DuckDB wall time (query, including reading the CSVs, and fetching
the result) on stdout as `duckdb_seconds=<s>` after a readable line.
Clean feeds only: see the comment at the top of the SQL file.
"""
import argparse
import csv
import datetime
import os
import sys
import time

SQL_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "duckdb_reference.sql")
HEADER = ["level", "code", "name", "indicator", "numerator", "denominator", "value"]
FEEDS = ["regions", "villages", "households", "persons", "education", "medical_insurance",
         "housing", "water", "employment"]


def compute(data_dir, date, threads=None, monitoring_line=None):
    """Runs the catalogue; returns (rows as tuples of text, seconds)."""
    import duckdb

    missing = [f + ".csv" for f in FEEDS if not os.path.isfile(os.path.join(data_dir, f + ".csv"))]
    if missing:
        raise SystemExit(f"error: {data_dir} lacks {', '.join(missing)}: a data folder holds the nine feeds")
    reference = datetime.date.fromisoformat(date)
    with open(SQL_PATH, encoding="utf-8") as f:
        script = f.read()
    connection = duckdb.connect(":memory:")
    try:
        if threads:
            connection.execute(f"SET threads = {int(threads)}")
        connection.execute("SET VARIABLE data_dir = ?", [os.path.abspath(data_dir)])
        connection.execute("SET VARIABLE ref_date = ?", [reference])
        if monitoring_line is not None:
            connection.execute("SET VARIABLE monitoring_line = ?", [str(monitoring_line)])
        start = time.perf_counter()
        rows = connection.execute(script).fetchall()
        seconds = time.perf_counter() - start
    finally:
        connection.close()
    return rows, seconds


def write_csv(rows, path):
    """UTF-8 without BOM, LF line ends, quoting only where needed."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", help="folder with the nine CSV feeds (clean)")
    parser.add_argument("date", help="reference date R, YYYY-MM-DD")
    parser.add_argument("out_csv", help="where to write the long indicators CSV")
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: DuckDB's choice)")
    parser.add_argument("--monitoring-line", default=None, help="yuan (default 7500, as the sample pipeline)")
    args = parser.parse_args(argv)
    try:
        import duckdb
    except ImportError:
        print("error: the duckdb Python package is missing; install it with `pip install duckdb`", file=sys.stderr)
        return 2
    try:
        datetime.date.fromisoformat(args.date)
    except ValueError:
        print(f"error: date {args.date!r} is not YYYY-MM-DD", file=sys.stderr)
        return 2
    rows, seconds = compute(args.data_dir, args.date, args.threads, args.monitoring_line)
    write_csv(rows, args.out_csv)
    threads = args.threads if args.threads else "default"
    print(f"DuckDB {duckdb.__version__}: {len(rows)} rows in {seconds:.3f} s wall (threads {threads}) -> {args.out_csv}")
    print(f"duckdb_seconds={seconds:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
