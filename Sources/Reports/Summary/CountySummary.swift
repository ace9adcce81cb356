import Engine

/// The county summary as rows and cells, shared by the CSV, the workbook and
/// the report: counties in code order, each prefecture's subtotal after its
/// counties, then a subtotal per county group (the key counties), the province
/// last; the catalogue's `inSummary` indicators as columns (a breakdown as one
/// column per value).
struct CountySummary {
    enum RowKind {
        case county
        case prefectureSubtotal
        /// A group of counties declared in the pipeline (国家乡村振兴重点帮扶县).
        case groupSubtotal
        case province
    }

    struct Row {
        let kind: RowKind
        /// Position in `IndicatorTable.areas`.
        let area: Int
    }

    /// One figure: its value, its text and whether it misses its target.
    struct Cell {
        /// The count, or the fraction for a rate or ratio; nil when undefined.
        let value: Double?
        /// As shown in the CSV, without the mark.
        let text: String
        let missed: Bool
    }

    /// Appended to the text of a figure that misses its target.
    static let missedMark = "▼"

    let table: IndicatorTable
    /// Indicator positions shown, in catalogue order.
    let columns: [Int]
    let rows: [Row]

    init(table: IndicatorTable) {
        self.table = table
        columns = table.indicators.indices.filter { table.indicators[$0].inSummary }
        let counties = table.areaIndices(at: .county)
        var rows: [Row] = []
        var placed = Set<Int>()
        for prefecture in table.areaIndices(at: .prefecture) {
            let own = counties.filter { table.areas[$0].parent == prefecture }
            rows += own.map { Row(kind: .county, area: $0) }
            placed.formUnion(own)
            rows.append(Row(kind: .prefectureSubtotal, area: prefecture))
        }
        rows += counties.filter { !placed.contains($0) }.map { Row(kind: .county, area: $0) }
        rows += table.areaIndices(at: .group).map { Row(kind: .groupSubtotal, area: $0) }
        rows += table.areaIndices(at: .province).map { Row(kind: .province, area: $0) }
        self.rows = rows
    }

    /// The first three headers, then the indicators' labels.
    func header(_ language: ReportLanguage) -> [String] {
        [language.pick("层级", "level"), language.pick("代码", "code"), language.pick("名称", "name")]
            + columns.map { Self.label(table.indicators[$0], language) }
    }

    static func label(_ definition: IndicatorDefinition, _ language: ReportLanguage) -> String {
        language.pick(definition.labelZH, definition.labelEN)
    }

    /// The words in the first column of a row.
    static func levelLabel(_ kind: RowKind, _ language: ReportLanguage) -> String {
        switch kind {
        case .county: return language.pick("县（市、区）", "county")
        case .prefectureSubtotal: return language.pick("市（州）小计", "prefecture subtotal")
        case .groupSubtotal: return language.pick("县组小计", "group subtotal")
        case .province: return language.pick("全省合计", "province total")
        }
    }

    func area(_ row: Row) -> Area { table.areas[row.area] }

    func cell(_ row: Row, column indicator: Int) -> Cell {
        Self.cell(table, area: row.area, indicator: indicator)
    }

    /// The figure of one area and indicator.
    static func cell(_ table: IndicatorTable, area: Int, indicator: Int) -> Cell {
        let definition = table.indicators[indicator]
        let value = table.value(area: area, indicator: indicator)
        let missed = value.map { definition.target?.isMet(by: $0) == false } ?? false
        return Cell(value: value, text: FigureText.text(numerator: table.numerator(area: area, indicator: indicator),
                                                       denominator: table.denominator(area: area, indicator: indicator),
                                                       definition),
                    missed: missed)
    }
}
