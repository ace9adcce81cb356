#!/usr/bin/env bash
# Opens a night's outputs the way the office does and checks what it sees:
#   tools/check_office.sh out/sample
# - LibreOffice (headless) opens county_summary.xlsx: it must see the five sheets
#   and a chart per headline indicator (re-saved and read back with openpyxl), and
#   its PDF export must carry the charts' titles;
# - LibreOffice reads county_summary.csv: every figure cell must come out a number;
# - Chromium renders report.html: a screenshot (report.png) and report.pdf, whose
#   text must hold the maps' section.
# Installs LibreOffice Calc, Chromium, poppler-utils and CJK fonts from Debian when missing.
set -euo pipefail
folder=${1:?usage: check_office.sh OUTPUT_FOLDER}
here=$(cd "$(dirname "$0")" && pwd)
packages=""
command -v soffice >/dev/null || packages+=" libreoffice-calc-nogui"
command -v chromium >/dev/null || packages+=" chromium"
command -v pdftotext >/dev/null || packages+=" poppler-utils"
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || packages+=" fonts-noto-cjk"
if [[ -n $packages ]]; then
    echo "installing$packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work   # LibreOffice keeps its profile here
office() { soffice --headless --norestore "$@" >/dev/null 2>&1; }

office --convert-to pdf --outdir "$work/pdf" "$folder/county_summary.xlsx"
pdftotext "$work/pdf/county_summary.pdf" "$work/workbook.txt"
office --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/resaved" "$folder/county_summary.xlsx"
office --infilter="CSV:44,34,76,1" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/csv" "$folder/county_summary.csv"
bash "$here/report_pdf.sh" "$folder/report.html" "$folder/report.pdf" >/dev/null
pdftotext "$folder/report.pdf" "$work/report.txt"
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/chromium" --hide-scrollbars \
    --window-size=1400,2400 --screenshot="$folder/report.png" "file://$(realpath "$folder/report.html")" 2>/dev/null
PYTHONPATH="$here/../.build/python-packages" python3 "$here/check_office.py" \
    --original "$folder/county_summary.xlsx" --resaved "$work/resaved/county_summary.xlsx" \
    --workbook-pdf-text "$work/workbook.txt" --csv-as-read "$work/csv/county_summary.xlsx" \
    --report-pdf-text "$work/report.txt" --report "$folder/report.html"
echo "screenshot: $folder/report.png, PDF: $folder/report.pdf"
