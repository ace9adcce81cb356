#!/usr/bin/env bash
# report.html → report.pdf (A4, the page's print CSS) through headless Chromium.
#   tools/report_pdf.sh out/sample/report.html out/sample/report.pdf
# Installs Debian's chromium when it is missing.
set -euo pipefail
html=${1:?usage: report_pdf.sh REPORT.html OUT.pdf}
pdf=${2:?usage: report_pdf.sh REPORT.html OUT.pdf}
[[ -f $html ]] || { echo "error: $html does not exist; run \`make report\` first" >&2; exit 1; }
if ! command -v chromium >/dev/null; then
    echo "installing chromium" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$pdf" "file://$(realpath "$html")" 2>/dev/null
[[ -s $pdf ]] || { echo "error: chromium wrote no $pdf" >&2; exit 1; }
echo "wrote $pdf"
