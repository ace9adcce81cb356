extension ReportStyle {
    /// Styles of the small tables and the evaluation panels (groups, breakdowns, evaluation).
    static let panelsCSS = """
        table.compact { margin: 8px 0 16px; }
        table.compact td, table.compact th { padding: 3px 8px; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
        .panel { background: #fff; border: 1px solid #cbd5e0; border-left: 8px solid #2f855a; border-radius: 6px; padding: 8px; }
        .panel.missed { border-left-color: #c53030; }
        .panel h3 { margin: 0 0 4px; font-size: 17px; }
        .panel .code { color: #718096; font-weight: 400; font-size: 14px; }
        tr.dimension th { text-align: left; background: #edf2f7; }
        @media print { .panel { break-inside: avoid; } }
        """
}
