import CXlsxWriter

/// A native Excel chart made by libxlsxwriter: series read from sheet ranges.
struct XlsxChart {
    let handle: UnsafeMutablePointer<lxw_chart>
    let workbook: XlsxWorkbook

    /// Adds a series named `name`: `values` over `categories`, drawn in `color`
    /// (filled for columns, a line otherwise), dashed when `dashed`.
    func series(
        _ name: String, categories: CellRange, values: CellRange, color: lxw_color_t,
        dashed: Bool = false, lineWidth: Float = 2.25
    ) {
        guard let series = addSeries(name, categories: categories, values: values) else { return }
        if handle.pointee.type == UInt8(LXW_CHART_COLUMN.rawValue) {
            var fill = lxw_chart_fill()
            fill.color = color
            chart_series_set_fill(series, &fill)
        } else {
            var line = lxw_chart_line()
            line.color = color
            line.width = lineWidth
            if dashed { line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) }
            chart_series_set_line(series, &line)
            chart_series_set_marker_type(
                series, UInt8(dashed ? LXW_CHART_MARKER_NONE.rawValue : LXW_CHART_MARKER_CIRCLE.rawValue))
        }
    }

    /// A new series named `name` of `values` over `categories`, not yet styled.
    private func addSeries(
        _ name: String, categories: CellRange, values: CellRange
    ) -> UnsafeMutablePointer<lxw_chart_series>? {
        guard let series = chart_add_series(handle, nil, nil) else { return nil }
        chart_series_set_categories(
            series, categories.sheet, lxw_row_t(categories.firstRow),
            lxw_col_t(categories.firstColumn), lxw_row_t(categories.lastRow),
            lxw_col_t(categories.lastColumn))
        chart_series_set_values(
            series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
            lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        chart_series_set_name(series, name)
        return series
    }

    func title(_ text: String) { chart_title_set_name(handle, text) }

    /// Names the axes and gives the value axis its number format.
    func axes(category: String, value: String, numberFormat: String) {
        chart_axis_set_name(handle.pointee.x_axis, category)
        chart_axis_set_name(handle.pointee.y_axis, value)
        chart_axis_set_num_format(handle.pointee.y_axis, numberFormat)
    }

    /// Shows every category label (county names), turned to be readable.
    func everyCategoryLabel() {
        chart_axis_set_interval_unit(handle.pointee.x_axis, 1)
        var font = lxw_chart_font()
        font.rotation = -90
        font.size = 8
        chart_axis_set_num_font(handle.pointee.x_axis, &font)
    }

    func legendAtBottom() { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }

    /// The value axis from `minimum`, up to `maximum` when given.
    func valueAxis(from minimum: Double, to maximum: Double?) {
        chart_axis_set_min(handle.pointee.y_axis, minimum)
        if let maximum { chart_axis_set_max(handle.pointee.y_axis, maximum) }
    }

    /// A target drawn as a dashed line across the chart: an invisible series of
    /// the target value (read from `values`) whose linear trend line — the
    /// constant itself — is what shows, named `name` in the legend. (This
    /// libxlsxwriter has no combined charts.)
    func targetLine(_ name: String, categories: CellRange, values: CellRange, color: lxw_color_t) {
        guard let series = addSeries(name, categories: categories, values: values) else { return }
        var fill = lxw_chart_fill()
        fill.none = 1
        chart_series_set_fill(series, &fill)
        var border = lxw_chart_line()
        border.none = 1
        chart_series_set_line(series, &border)
        chart_series_set_trendline(series, UInt8(LXW_CHART_TRENDLINE_TYPE_LINEAR.rawValue), 0)
        chart_series_set_trendline_name(series, name)
        var line = lxw_chart_line()
        line.color = color
        line.width = 2.25
        line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue)
        chart_series_set_trendline_line(series, &line)
    }
}

extension XlsxChart {
    /// Columns of different series drawn over each other (so an invisible
    /// target series takes no room beside the figures).
    func overlapSeries() {
        chart_set_series_overlap(handle, 100)
        chart_set_series_gap(handle, 40)
    }
}
