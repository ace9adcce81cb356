#!/usr/bin/env python3
"""Partials of a very large night, for timing `bottomline merge` (bench/scale.sh, docs/scale.md).

    synthetic_partials.py --template SHARD_DIR --villages 500000 --shards 24 --out DIR

A night of 500,000 villages (the nation) cannot be generated and run on the build machine, but
its partials can be written: every county of the template partial's register gets an equal
share of the villages (codes county + township + village, 12 digits), each village's figures are
those of one of the template's real villages (cycled), and the counties are dealt to the shards
by the documented rule (county code mod shards). Feed fingerprints, accounting, register and
indicator columns are copied from the template, so `merge` accepts the set. The restricted
household lists and the quarantine are empty: this times the figures, which grow with villages.
Formats: docs/partials.md (format version 1).
"""
import argparse
import copy
import json
import os


def varint(number: int) -> bytes:
    out = bytearray()
    while True:
        byte = number & 0x7F
        number >>= 7
        if number:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def signed(number: int) -> bytes:
    return varint((number << 1) ^ (number >> 63))


def text(value: str) -> bytes:
    raw = value.encode("utf-8")
    return varint(len(raw)) + raw


def read_varint(data: bytes, at: int):
    number = shift = 0
    while True:
        byte = data[at]
        at += 1
        number |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return number, at


def template_village_rows(folder: str):
    """The encoded figure rows (numerator, denominator per column) of the template's villages."""
    data = open(os.path.join(folder, "figures.bin"), "rb").read()
    assert data[:4] == b"BLFG", "not a figures.bin"
    at = 4
    _, at = read_varint(data, at)
    columns, at = read_varint(data, at)
    villages, at = read_varint(data, at)
    _, at = read_varint(data, at)
    rows = []
    for _ in range(villages):
        start = at
        for _ in range(columns * 2):
            _, at = read_varint(data, at)
        rows.append(data[start:at])
    return columns, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", required=True, help="a real shard's partial folder")
    parser.add_argument("--villages", type=int, required=True)
    parser.add_argument("--shards", type=int, required=True)
    parser.add_argument("--out", required=True)
    options = parser.parse_args()

    manifest = json.load(open(os.path.join(options.template, "partial.json"), encoding="utf-8"))
    columns, rows = template_village_rows(options.template)
    counties = sorted(int(county["code"]) for county in manifest["register"])
    per_county, extra = divmod(options.villages, len(counties))
    coverage = next(iter(manifest["coverage"].values()))
    lowest = counties[0]

    for shard in range(options.shards):
        owned = [code for code in counties if code % options.shards == shard]
        folder = os.path.join(options.out, str(shard))
        os.makedirs(os.path.join(folder, "restricted"), exist_ok=True)
        village_bytes = bytearray(b"BLVL" + varint(1))
        figure_bytes = bytearray()
        count = 0
        listing = bytearray()
        for county in owned:
            villages = per_county + (1 if counties.index(county) < extra else 0)
            for number in range(villages):
                township = county * 1000 + 1 + number // 900
                code = township * 1000 + 1 + number % 900
                listing += signed(code) + text(f"村{number + 1}") + signed(township)
                listing += text(f"镇{township % 1000}") + signed(county)
                figure_bytes += rows[count % len(rows)]
                count += 1
        village_bytes += varint(count) + listing + varint(0)
        with open(os.path.join(folder, "villages.bin"), "wb") as file:
            file.write(village_bytes)
        with open(os.path.join(folder, "figures.bin"), "wb") as file:
            file.write(b"BLFG" + varint(1) + varint(columns) + varint(count) + varint(0))
            file.write(figure_bytes)
        with open(os.path.join(folder, "quarantine.csv"), "w") as file:
            file.write("feed,line,reason,column,value,message\n")
        os.makedirs(os.path.join(folder, "restricted"), exist_ok=True)
        with open(os.path.join(folder, "restricted", "quarantine.log"), "wb"):
            pass
        os.chmod(os.path.join(folder, "restricted", "quarantine.log"), 0o600)
        restricted = os.path.join(folder, "restricted", "households.json")
        households = json.load(open(os.path.join(options.template, "restricted", "households.json")))
        with open(restricted, "w", encoding="utf-8") as file:
            json.dump({"clue_signals": households["clue_signals"], "clues": [],
                       "lists": [dict(entry, households=[]) for entry in households["lists"]]},
                      file, ensure_ascii=False)
        os.chmod(restricted, 0o600)
        os.chmod(os.path.dirname(restricted), 0o700)
        shard_manifest = copy.deepcopy(manifest)
        shard_manifest.update(
            shard={"count": options.shards, "index": shard},
            counties=[f"{code:06d}" for code in owned],
            takes_unplaced_rows=lowest in owned,
            coverage={f"{code:06d}": coverage for code in owned},
            villages=count, sites=0, quarantined_rows=0)
        for feed in shard_manifest["inputs"]:
            feed["quarantined_by_reason"] = {}
        with open(os.path.join(folder, "partial.json"), "w", encoding="utf-8") as file:
            json.dump(shard_manifest, file, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
