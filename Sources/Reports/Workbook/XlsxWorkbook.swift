import CXlsxWriter
import Foundation

/// A workbook written by libxlsxwriter (Debian's `libxlsxwriter-dev`): sheets,
/// cell formats made once per style, charts. Every C string handed to the
/// library stays alive until `close()`, which writes the file.
final class XlsxWorkbook {
    private let handle: UnsafeMutablePointer<lxw_workbook>
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var retained: [UnsafeMutablePointer<CChar>] = []
    private var closed = false
    let path: String

    /// Starts a workbook at `path`; `created` (seconds since 1970) is stored as
    /// its creation time, so the same figures always give the same bytes.
    init(path: String, title: String, created: Int) throws {
        self.path = path
        guard let handle = workbook_new(path) else {
            throw ReportError.cannotWrite(path: path, reason: "libxlsxwriter could not start the workbook")
        }
        self.handle = handle
        var properties = lxw_doc_properties()
        properties.title = retain(title)
        properties.author = retain("Bottomline")
        properties.created = time_t(created)
        try check(workbook_set_properties(handle, &properties))
    }

    deinit {
        if !closed { workbook_close(handle) }
        for copy in retained { free(copy) }
    }

    /// A copy of `text` as a C string that lives as long as the workbook.
    func retain(_ text: String) -> UnsafeMutablePointer<CChar> {
        let copy = strdup(text) ?? strdup("")!
        retained.append(copy)
        return copy
    }

    func addSheet(_ name: String) throws -> XlsxSheet {
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw ReportError.cannotWrite(path: path, reason: "libxlsxwriter refused the sheet name \(name)")
        }
        return XlsxSheet(handle: sheet, name: name, workbook: self)
    }

    /// The library's format for a style, made on first use.
    func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let known = formats[style] { return known }
        guard let format = workbook_add_format(handle) else { return nil }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if style.bold || style.header { format_set_bold(format) }
        if style.header {
            format_set_bg_color(format, 0xEDF2F7)
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        }
        if let fill = style.fill { format_set_bg_color(format, fill) }
        if let color = style.fontColor { format_set_font_color(format, color) }
        if style.header || style.bordered { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        formats[style] = format
        return format
    }

    /// A new chart, to be filled and then placed on a sheet.
    func addChart(_ type: lxw_chart_type) throws -> XlsxChart {
        guard let chart = workbook_add_chart(handle, UInt8(type.rawValue)) else {
            throw ReportError.cannotWrite(path: path, reason: "libxlsxwriter could not add a chart")
        }
        return XlsxChart(handle: chart, workbook: self)
    }

    /// Writes the file.
    func close() throws {
        closed = true
        try check(workbook_close(handle))
    }

    func check(_ error: lxw_error) throws {
        guard error != LXW_NO_ERROR else { return }
        throw ReportError.cannotWrite(path: path, reason: String(cString: lxw_strerror(error)))
    }
}

/// How a cell looks: its number format, weight, fill.
struct CellStyle: Hashable {
    var numberFormat: String?
    var bold = false
    var header = false
    var bordered = false
    var fill: lxw_color_t?
    var fontColor: lxw_color_t?

    static let header = CellStyle(header: true)
    static let plain = CellStyle()
    static let bold = CellStyle(bold: true)
    /// The fill of a missed target (light red) and its text colour.
    static let missedFill: lxw_color_t = 0xFED7D7
    static let missedFont: lxw_color_t = 0x9B2C2C
}

/// A rectangle of cells on a named sheet, zero-based and inclusive.
struct CellRange {
    let sheet: String
    let firstRow: Int
    let firstColumn: Int
    let lastRow: Int
    let lastColumn: Int
}
