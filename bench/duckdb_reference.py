#!/usr/bin/env python3
"""Runs bench/duckdb_reference.sql on a data folder and writes the long
indicators CSV (level,code,name,indicator,numerator,denominator,value).

    python3 bench/duckdb_reference.py DATA_DIR DATE OUT_CSV [--threads N] [--monitoring-line 7500]

DuckDB reads the feeds, computes and writes the CSV itself (COPY); the wall
time of that is printed, then again as `duckdb_seconds=<s>` for scripts.
Clean feeds only: see the comment at the top of the SQL file.
"""
import argparse
import datetime
import os
import sys
import time

SQL_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "duckdb_reference.sql")
FEEDS = ["regions", "villages", "households", "persons", "education", "medical_insurance",
         "housing", "water", "employment", "social_assistance"]


FINAL_STATEMENT = "SELECT * FROM indicators_long;"


def _connect(data_dir, date, threads, monitoring_line):
    import duckdb

    missing = [f + ".csv" for f in FEEDS if not os.path.isfile(os.path.join(data_dir, f + ".csv"))]
    if missing:
        raise SystemExit(f"error: {data_dir} lacks {', '.join(missing)}: a data folder holds the ten feeds of contract version 2")
    connection = duckdb.connect(":memory:")
    if threads:
        connection.execute(f"SET threads = {int(threads)}")
    connection.execute("SET VARIABLE data_dir = ?", [os.path.abspath(data_dir)])
    connection.execute("SET VARIABLE ref_date = ?", [datetime.date.fromisoformat(date)])
    if monitoring_line is not None:
        connection.execute("SET VARIABLE monitoring_line = ?", [str(monitoring_line)])
    return connection


def _script():
    with open(SQL_PATH, encoding="utf-8") as f:
        return f.read()


def compute(data_dir, date, threads=None, monitoring_line=None):
    """Runs the whole script; returns (rows as tuples of text, empty fields as '', seconds)."""
    connection = _connect(data_dir, date, threads, monitoring_line)
    try:
        start = time.perf_counter()
        rows = connection.execute(_script()).fetchall()
        seconds = time.perf_counter() - start
    finally:
        connection.close()
    return [tuple("" if v is None else v for v in row) for row in rows], seconds


def write_csv(data_dir, date, out_csv, threads=None, monitoring_line=None):
    """Runs the script with DuckDB writing the result (UTF-8, LF, header, quoting only where
    needed, empty fields for NULL); returns (rows written, seconds)."""
    script = _script().rstrip()
    if not script.endswith(FINAL_STATEMENT):
        raise SystemExit(f"error: {SQL_PATH} must end with `{FINAL_STATEMENT}`")
    os.makedirs(os.path.dirname(os.path.abspath(out_csv)), exist_ok=True)
    connection = _connect(data_dir, date, threads, monitoring_line)
    try:
        start = time.perf_counter()
        connection.execute(script[:-len(FINAL_STATEMENT)])
        written = connection.execute("COPY (SELECT * FROM indicators_long) TO ? (FORMAT csv, HEADER true)",
                                     [os.path.abspath(out_csv)]).fetchone()[0]
        seconds = time.perf_counter() - start
    finally:
        connection.close()
    return written, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", help="folder with the ten CSV feeds of contract version 2 (clean)")
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
    rows, seconds = write_csv(args.data_dir, args.date, args.out_csv, args.threads, args.monitoring_line)
    threads = args.threads if args.threads else "default"
    print(f"DuckDB {duckdb.__version__}: {rows} rows in {seconds:.3f} s wall, reading the feeds and writing "
          f"the CSV (threads {threads}) -> {args.out_csv}")
    print(f"duckdb_seconds={seconds:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
