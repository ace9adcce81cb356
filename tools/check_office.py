#!/usr/bin/env python3
"""The checks of tools/check_office.sh on what LibreOffice and Chromium produced.

Prints one line per check and 'N passed, N failed'; exits 1 when any failed.
"""
import argparse
import re
import sys

import openpyxl

SHEETS = ["县级汇总", "重点帮扶县", "三维评估", "趋势", "数据质量"]
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else ": " + detail))


def chart_titles(book):
    titles = []
    for chart in book[SHEETS[0]]._charts:
        rich = chart.title.tx.rich if chart.title is not None and chart.title.tx is not None else None
        titles.append("".join(r.t for p in rich.p for r in (p.r or [])) if rich is not None else "")
    return titles


def main():
    parser = argparse.ArgumentParser()
    for name in ["original", "resaved", "workbook-pdf-text", "csv-as-read", "report-pdf-text", "report"]:
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()

    original = openpyxl.load_workbook(args.original)
    titles = chart_titles(original)
    resaved = openpyxl.load_workbook(args.resaved)
    check("LibreOffice opens the workbook with the five sheets", resaved.sheetnames == SHEETS, str(resaved.sheetnames))
    check("LibreOffice keeps a chart per headline indicator on 县级汇总",
          len(resaved[SHEETS[0]]._charts) == len(titles) > 0,
          f"{len(resaved[SHEETS[0]]._charts)} charts after LibreOffice, {len(titles)} written")
    check("LibreOffice keeps the trend charts", len(resaved[SHEETS[3]]._charts) == len(original[SHEETS[3]]._charts) > 0)
    pdf_text = re.sub(r"\s+", "", open(args.workbook_pdf_text, encoding="utf-8").read())
    missing = [t for t in titles if re.sub(r"\s+", "", t) not in pdf_text]
    check("the workbook's PDF export (LibreOffice) shows every chart title", not missing, f"missing {missing}")

    sheet = openpyxl.load_workbook(args.csv_as_read).active
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    bad = []
    figures = 0
    for row in rows[1:]:
        for cell in row[3:len(header) - 1]:
            if cell.value is None:
                continue
            figures += 1
            if cell.data_type != "n":
                bad.append(f"{cell.coordinate}={cell.value!r}")
    check(f"LibreOffice reads county_summary.csv's {figures} figures as numbers", figures > 0 and not bad, ", ".join(bad[:10]))
    check("the last CSV column names missed targets", header[-1] in ("未达标指标", "missed targets"), str(header[-1]))

    report = open(args.report, encoding="utf-8").read()
    maps = len(re.findall(r'<figure id="map-', report))
    check("report.html has a county map per headline indicator", maps == len(titles), f"{maps} maps, {len(titles)} key indicators")
    report_pdf = re.sub(r"\s+", "", open(args.report_pdf_text, encoding="utf-8").read())
    check("report.pdf (Chromium) holds the maps section", "主要指标分县地图" in report_pdf or "Headlinefiguresbycounty" in report_pdf)
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
