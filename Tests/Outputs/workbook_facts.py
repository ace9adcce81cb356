#!/usr/bin/env python3
"""Print what an independent reader (openpyxl) finds in an .xlsx, as JSON.

    PYTHONPATH=.build/python-packages python3 Tests/Outputs/workbook_facts.py FILE.xlsx

Used by the Swift tests (Tests/ReportsTests/CountySummaryWorkbookTests.swift):
per sheet, every non-empty cell (its type, value and number format), the
frozen pane, the autofilter, the conditional formats with their formulas,
the print setup and the charts with their titles, series and trend lines.
"""
import json
import sys

import openpyxl


def text_of(rich):
    """The plain text of an openpyxl chart title."""
    if rich is None or rich.tx is None or rich.tx.rich is None:
        return None
    return "".join(run.t for paragraph in rich.tx.rich.p for run in (paragraph.r or []))


def chart_facts(chart):
    series = []
    for s in chart.series:
        name = None
        if s.tx is not None:
            name = s.tx.v if s.tx.v is not None else (s.tx.strRef.f if s.tx.strRef is not None else None)
        series.append({
            "name": name,
            "values": s.val.numRef.f if s.val is not None and s.val.numRef is not None else None,
            "categories": (s.cat.strRef.f if s.cat is not None and s.cat.strRef is not None else
                           s.cat.numRef.f if s.cat is not None and s.cat.numRef is not None else None),
            "trendline": s.trendline.trendlineType if s.trendline is not None else None,
        })
    return {"type": chart.tagname, "title": text_of(chart.title), "series": series,
            "anchor": chart.anchor._from.row if hasattr(chart.anchor, "_from") else None}


def main(path):
    book = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for sheet in book.worksheets:
        cells = {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                cells[cell.coordinate] = {"type": cell.data_type, "value": cell.value,
                                          "format": cell.number_format, "bold": bool(cell.font and cell.font.b)}
        rules = []
        for area in sheet.conditional_formatting:
            for rule in area.rules:
                rules.append({"range": str(area.sqref), "type": rule.type, "formula": list(rule.formula or [])})
        setup = sheet.page_setup
        out["sheets"].append({
            "name": sheet.title,
            "cells": cells,
            "freeze": sheet.freeze_panes,
            "autofilter": sheet.auto_filter.ref,
            "conditional": rules,
            "orientation": setup.orientation,
            "paper": setup.paperSize,
            "titleRows": str(sheet.print_title_rows) if sheet.print_title_rows else None,
            "charts": [chart_facts(c) for c in sheet._charts],
        })
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
