#!/usr/bin/env python3
"""Measurements of bench/bench.sh: records one timed run, renders a markdown section.

    python3 bench/bench_report.py record --results FILE.jsonl --tool bottomline|duckdb --data DIR
        --threads T --time-file F [--run-json OUT/run.json] [--log RUN.log] [--duckdb-log LOG] [--comparison identical|different]
    python3 bench/bench_report.py render --results FILE.jsonl --title TEXT [--note TEXT]

`record` appends one JSON line: wall seconds and peak RSS from the output of
`/usr/bin/time -v -o F`, input bytes (the ten feeds), persons (rows of
persons.csv) and, for Bottomline, the per-stage seconds of run.json
(`stages`: stage name -> seconds) and the CPU seconds (user + system, all
threads) each stage used (`stage_cpu_seconds`); anything else there is ignored.
`render` prints the markdown section that bench.sh appends to bench/RESULTS.md.
bench.sh runs every measurement several times, interleaving the tools; `render`
reports the fastest run of each (tool, data, threads) and how many there were.
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

FEEDS = ["regions", "villages", "households", "persons", "education", "medical_insurance",
         "housing", "water", "employment", "social_assistance"]
MB = 1e6


def time_v(path):
    """(wall seconds, peak RSS kB) from `/usr/bin/time -v` output."""
    wall, rss = None, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                clock = line.rsplit(": ", 1)[1].strip()
                seconds = 0.0
                for part in clock.split(":"):
                    seconds = seconds * 60 + float(part)
                wall = seconds
            elif line.startswith("Maximum resident set size (kbytes)"):
                rss = int(line.rsplit(":", 1)[1])
    if wall is None:
        raise SystemExit(f"error: {path} holds no 'Elapsed (wall clock) time' line: is it /usr/bin/time -v output?")
    return wall, rss


def input_bytes(folder):
    return sum(os.path.getsize(os.path.join(folder, f + ".csv")) for f in FEEDS
               if os.path.isfile(os.path.join(folder, f + ".csv")))


def persons(folder):
    """Data rows of persons.csv (line ends counted; no quoted line breaks in that feed)."""
    path = os.path.join(folder, "persons.csv")
    count, last = 0, b"\n"
    with open(path, "rb") as f:
        while True:
            block = f.read(1 << 24)
            if not block:
                break
            count += block.count(b"\n")
            last = block[-1:]
    if last != b"\n":
        count += 1
    return max(count - 1, 0)


def stages(run_json, key="stages"):
    """Stage name -> seconds from run.json's `key` object, in its order; {} when absent or unreadable."""
    try:
        with open(run_json, encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError):
        return {}
    found = document.get(key) if isinstance(document, dict) else None
    result = {}
    if isinstance(found, dict):
        for name, value in found.items():
            if isinstance(value, dict):
                value = value.get("seconds")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                result[str(name)] = float(value)
    return result


def logged_stages(log):
    """(stage -> seconds, stage -> CPU seconds) from the run's `stage NAME: S s, C s CPU` log lines:
    the stages after run.json is written (reports, warehouse) are only there."""
    wall, cpu = {}, {}
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            for match in re.finditer(r"^stage (\w+): ([0-9.]+) s(?:, ([0-9.]+) s CPU)?", f.read(), re.M):
                wall[match.group(1)] = float(match.group(2))
                if match.group(3) is not None:
                    cpu[match.group(1)] = float(match.group(3))
    except OSError:
        pass
    return wall, cpu


def duckdb_seconds(log):
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            match = re.search(r"^duckdb_seconds=([0-9.]+)$", f.read(), re.M)
    except OSError:
        return None
    return float(match.group(1)) if match else None


def record(args):
    wall, rss = time_v(args.time_file)
    entry = {
        "tool": args.tool,
        "data": args.data,
        "threads": args.threads,
        "wall": wall,
        "rss_kb": rss,
        "input_bytes": input_bytes(args.data),
        "persons": persons(args.data),
    }
    if args.run_json:
        entry["stages"] = stages(args.run_json)
        entry["stage_cpu"] = stages(args.run_json, "stage_cpu_seconds")
    if args.log:
        wall, cpu = logged_stages(args.log)
        for name, seconds in wall.items():
            entry.setdefault("stages", {}).setdefault(name, seconds)
        for name, seconds in cpu.items():
            entry.setdefault("stage_cpu", {}).setdefault(name, seconds)
    if args.duckdb_log:
        entry["duckdb_seconds"] = duckdb_seconds(args.duckdb_log)
    if args.comparison:
        entry["comparison"] = args.comparison
    with open(args.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def command_text(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def number(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def fastest(runs):
    """The fastest run of each (tool, data, threads), in first-run order, with `runs` = how many there were."""
    best, order = {}, []
    for e in runs:
        key = (e["tool"], e["data"], e["threads"])
        if key not in best:
            order.append(key)
            best[key] = dict(e, runs=0)
        count = best[key]["runs"] + 1
        if e["wall"] < best[key]["wall"]:
            best[key] = dict(e)
        best[key]["runs"] = count
    return [best[key] for key in order]


def render(args):
    runs = []
    with open(args.results, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                runs.append(json.loads(line))
    entries = fastest(runs)
    now = datetime.datetime.now().astimezone()
    commit = command_text(["git", "rev-parse", "--short", "HEAD"]) or "unknown"
    if command_text(["git", "status", "--porcelain", "--untracked-files=no"]):
        commit += " (with uncommitted changes)"
    duckdb_version = ""
    try:
        import duckdb
        duckdb_version = duckdb.__version__
    except ImportError:
        pass
    out = [f"## {now:%Y-%m-%d %H:%M %Z} — {args.title}", ""]
    out.append(f"Machine: {command_text(['nproc']) or os.cpu_count()} cores (nproc), {cpu_model()}, "
               f"{platform.system()} {platform.release()}; commit {commit}"
               + (f"; DuckDB {duckdb_version}" if duckdb_version else "") + ".")
    if args.note:
        out.append("")
        out.append(args.note)
    repeats = sorted({e["runs"] for e in entries})
    out += ["", "Each figure is the fastest of " + "/".join(map(str, repeats)) + " runs, the tools taking turns "
            "(Bottomline, DuckDB, Bottomline, …) so that both see the same load."]
    out += ["", "| persons | input MB | tool | threads | wall s | MB/s | persons/s | peak RSS MB | RSS bytes/person "
                "| ingest MB/s | same figures |",
            "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for e in entries:
        size_mb = e["input_bytes"] / MB
        rss_bytes = e["rss_kb"] * 1024 if e.get("rss_kb") is not None else None
        ingest = (e.get("stages") or {}).get("ingest")
        tool = e["tool"]
        if tool == "duckdb" and e.get("duckdb_seconds") is not None:
            tool += f" (query {e['duckdb_seconds']:.2f} s)"
        out.append("| " + " | ".join([
            number(e["persons"]), number(size_mb, 1), tool, str(e["threads"]), number(e["wall"], 2),
            number(size_mb / e["wall"], 1) if e["wall"] else "–",
            number(e["persons"] / e["wall"]) if e["wall"] else "–",
            number(rss_bytes / MB, 1) if rss_bytes is not None else "–",
            number(rss_bytes / e["persons"], 0) if rss_bytes is not None and e["persons"] else "–",
            number(size_mb / ingest, 1) if ingest else "–",
            e.get("comparison", ""),
        ]) + " |")
    staged = [e for e in entries if e["tool"] == "bottomline" and e.get("stages")]
    if staged:
        names = []
        for e in staged:
            names += [name for name in e["stages"] if name not in names]
        out += ["", "Bottomline stages (seconds, from run.json; stages after it, such as reports, from the run's log):", "",
                "| persons | threads | " + " | ".join(names) + " |",
                "|---:|---:|" + "---:|" * len(names)]
        for e in staged:
            out.append(f"| {number(e['persons'])} | {e['threads']} | "
                       + " | ".join(number(e["stages"].get(name), 2) for name in names) + " |")
        busy = [e for e in staged if e.get("stage_cpu")]
        if busy:
            out += ["", "Cores busy per stage (CPU seconds of all threads, user + system, divided by the stage's "
                    "wall seconds; from run.json `stage_cpu_seconds`), and MB of feeds per second of the stage:", "",
                    "| persons | threads | " + " | ".join(names) + " | " + " | ".join(n + " MB/s" for n in names) + " |",
                    "|---:|---:|" + "---:|" * (2 * len(names))]
            for e in busy:
                cores = [e["stage_cpu"].get(n) / e["stages"][n] if e["stage_cpu"].get(n) is not None
                         and e["stages"].get(n) else None for n in names]
                rates = [e["input_bytes"] / MB / e["stages"][n] if e["stages"].get(n) else None for n in names]
                out.append(f"| {number(e['persons'])} | {e['threads']} | "
                           + " | ".join(number(c, 2) for c in cores) + " | "
                           + " | ".join(number(r, 0) for r in rates) + " |")
    elif any(e["tool"] == "bottomline" for e in entries):
        out += ["", "run.json had no `stages` object: no per-stage times."]
    pairs = []
    for e in entries:
        if e["tool"] != "bottomline":
            continue
        for d in entries:
            if d["tool"] == "duckdb" and d["data"] == e["data"] and d["threads"] == e["threads"]:
                pairs.append((e, d))
    if pairs:
        out += ["", "Bottomline / DuckDB (process wall times; below 1 means Bottomline is faster):", "",
                "| persons | threads | Bottomline s | DuckDB s | ratio |", "|---:|---:|---:|---:|---:|"]
        for e, d in pairs:
            ratio = e["wall"] / d["wall"] if d["wall"] else None
            out.append(f"| {number(e['persons'])} | {e['threads']} | {number(e['wall'], 2)} | "
                       f"{number(d['wall'], 2)} | {number(ratio, 2)} |")
    print("\n".join(out) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    r = commands.add_parser("record")
    r.add_argument("--results", required=True)
    r.add_argument("--tool", required=True, choices=["bottomline", "duckdb"])
    r.add_argument("--data", required=True)
    r.add_argument("--threads", type=int, required=True)
    r.add_argument("--time-file", required=True)
    r.add_argument("--run-json")
    r.add_argument("--log", help="the run's log (standard error), for the stages run.json cannot hold")
    r.add_argument("--duckdb-log")
    r.add_argument("--comparison", choices=["identical", "different"])
    p = commands.add_parser("render")
    p.add_argument("--results", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--note")
    args = parser.parse_args(argv)
    record(args) if args.command == "record" else render(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
