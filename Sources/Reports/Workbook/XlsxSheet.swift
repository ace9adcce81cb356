import CXlsxWriter

/// One worksheet of an `XlsxWorkbook`: cells, widths, frozen panes, filters,
/// conditional formats, charts and print setup. Rows and columns are zero-based.
struct XlsxSheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String
    let workbook: XlsxWorkbook

    /// A text cell; it is stored as a string, never as a formula.
    func text(_ row: Int, _ column: Int, _ value: String, _ style: CellStyle = .plain) {
        if value.isEmpty {
            worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), workbook.format(style))
        } else {
            worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), value, workbook.format(style))
        }
    }

    /// A number cell, or a blank one when there is no value.
    func number(_ row: Int, _ column: Int, _ value: Double?, _ style: CellStyle = .plain) {
        guard let value, value.isFinite else {
            worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), workbook.format(style))
            return
        }
        worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), value, workbook.format(style))
    }

    func width(_ column: Int, _ characters: Double) {
        worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), characters, nil)
    }

    func rowHeight(_ row: Int, _ points: Double) {
        worksheet_set_row(handle, lxw_row_t(row), points, nil)
    }

    /// Keeps the first `rows` rows and `columns` columns in view while scrolling.
    func freeze(rows: Int, columns: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
    }

    func autofilter(_ range: CellRange) {
        worksheet_autofilter(
            handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
            lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn))
    }

    /// Fills the cells of `range` for which `formula` (written for its top-left
    /// cell, e.g. `AND(ISNUMBER(D2),D2<0.99)`) is true, in the missed-target colours.
    func highlight(_ range: CellRange, when formula: String) throws {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        rule.value_string = workbook.retain("=" + formula)
        rule.format = workbook.format(CellStyle(fill: CellStyle.missedFill, fontColor: CellStyle.missedFont))
        try workbook.check(
            worksheet_conditional_format_range(
                handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn), lxw_row_t(range.lastRow),
                lxw_col_t(range.lastColumn), &rule))
    }

    /// A4 landscape, the first `titleRows` rows repeated on every page, fitted
    /// to the page width, with `header` centred at the top.
    func printSetup(titleRows: Int, header: String) {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)
        worksheet_set_margins(handle, 0.4, 0.4, 0.6, 0.5)
        if titleRows > 0 { worksheet_repeat_rows(handle, 0, lxw_row_t(titleRows - 1)) }
        worksheet_fit_to_pages(handle, 1, 0)
        worksheet_set_header(handle, "&C" + header.replacingOccurrences(of: "&", with: "&&"))
        worksheet_set_footer(handle, "&C&P / &N")
    }

    /// Places `chart` with its top-left corner in the cell (`row`, `column`),
    /// `width` × `height` pixels.
    func insert(_ chart: XlsxChart, row: Int, column: Int, width: Double, height: Double) throws {
        var options = lxw_chart_options()
        options.x_scale = width / 480
        options.y_scale = height / 288
        try workbook.check(
            worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options))
    }

    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column.
    static func columnName(_ column: Int) -> String {
        var name = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// `D2` for zero-based (1, 3).
    static func reference(_ row: Int, _ column: Int) -> String { columnName(column) + String(row + 1) }
}
