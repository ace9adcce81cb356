/// The report's inline style sheet: large type for a projector, A4 landscape for print.
enum ReportStyle {
    static let missedColor = "#c53030"
    static let metColor = "#2b6cb0"
    static let neutralColor = "#4a5568"
    static let targetColor = "#dd6b20"
    static let gridColor = "#e2e8f0"

    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f7fafc; color: #1a202c;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Helvetica Neue", Arial, sans-serif;
          font-size: 18px; line-height: 1.45; }
        main { max-width: 1400px; margin: 0 auto; padding: 24px 32px 48px; }
        h1 { font-size: 34px; margin: 8px 0 4px; }
        h2 { font-size: 26px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 3px solid #2d3748; }
        h3 { font-size: 20px; margin: 24px 0 8px; }
        p.meta, p.note { color: #4a5568; margin: 4px 0 12px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; }
        .card { background: #fff; border: 1px solid #cbd5e0; border-left: 10px solid #2b6cb0; border-radius: 6px;
          padding: 14px 18px; break-inside: avoid; }
        .card.missed { border-left-color: #c53030; }
        .card.untargeted { border-left-color: #718096; }
        .card .label { font-size: 19px; font-weight: 600; }
        .card .value { font-size: 44px; font-weight: 700; line-height: 1.1; margin: 6px 0; }
        .card.missed .value { color: #c53030; }
        .card .target, .card .counties { color: #4a5568; font-size: 16px; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 4px; font-weight: 700; font-size: 15px; }
        .badge.missed { background: #fed7d7; color: #9b2c2c; }
        .badge.met { background: #c6f6d5; color: #22543d; }
        table { border-collapse: collapse; background: #fff; font-size: 16px; margin: 8px 0 16px; }
        th, td { border: 1px solid #cbd5e0; padding: 4px 8px; }
        th { background: #edf2f7; text-align: center; font-weight: 600; }
        td { white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.missed { background: #fed7d7; color: #9b2c2c; font-weight: 700; }
        tr.subtotal td { background: #ebf4ff; font-weight: 700; }
        tr.province td { background: #e2e8f0; font-weight: 700; }
        .wide { overflow-x: auto; }
        figure { margin: 16px 0 28px; background: #fff; border: 1px solid #cbd5e0; border-radius: 6px; padding: 12px;
          break-inside: avoid; }
        svg { display: block; max-width: 100%; height: auto; }
        svg.bars { width: 100%; }
        .map-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 12px; align-items: start; }
        svg.map { width: 100%; }
        svg.outlines { position: absolute; width: 0; height: 0; }
        svg.map path:hover { stroke: #1a202c; stroke-width: 2; }
        .rank-cell svg.bars { margin-bottom: 8px; }
        svg text { font-family: inherit; }
        ul.tally { list-style: none; padding: 0; margin: 8px 0 16px; display: grid; gap: 6px 12px;
          grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); }
        ul.tally li { background: #fff; border: 1px solid #cbd5e0; border-radius: 4px; padding: 3px 10px;
          display: flex; gap: 8px; align-items: baseline; }
        ul.tally .code { color: #718096; font-size: 14px; }
        ul.tally b { margin-left: auto; font-variant-numeric: tabular-nums; }
        .restricted { border: 2px solid #c53030; background: #fff5f5; padding: 8px 12px; border-radius: 6px; }
        footer { margin-top: 40px; color: #718096; font-size: 14px; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { background: #fff; font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 18pt; }
          h2 { font-size: 14pt; margin-top: 18pt; break-after: avoid; }
          .cards { grid-template-columns: repeat(4, 1fr); gap: 8pt; }
          .card .value { font-size: 22pt; }
          table { font-size: 8pt; }
          ul.tally { grid-template-columns: repeat(5, 1fr); font-size: 8pt; }
          th, td { padding: 1pt 4pt; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          .wide { overflow: visible; }
          /* each section starts on a new page; a chart or map never breaks across pages */
          main > section { break-before: page; }
          main > section#headline { break-before: auto; }
          figure { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          section.maps figure.map { break-before: page; border: none; padding: 0; margin: 0; }
          section.maps figure.map:first-of-type { break-before: auto; }
          .map-grid { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 6pt; }
          svg.map { max-height: 168mm; }
          .rank-cell svg.bars { max-height: 82mm; width: auto; max-width: 100%; }
          section.charts figure { break-before: page; break-inside: auto; border: none; padding: 0; margin: 0; }
          /* inline: a block SVG taller than the page would be pushed to the next page, leaving a blank one */
          svg.bars { display: inline; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
