import Foundation
import ZIPFoundation

/// An `.xlsx` file: the Office Open XML parts of a one-sheet workbook, zipped.
enum WorkbookPackage {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The workbook's bytes. Entries carry `date` (the run's date) as their
    /// modification time, so the same sheet always gives the same bytes.
    static func data(sheet: WorkbookSheet, title: String, date: Date) throws -> Data {
        var strings = SharedStrings()
        var styles = WorkbookStyles()
        let sheetXML = sheet.xml(strings: &strings, styles: &styles)
        let created = ISO8601DateFormatter().string(from: date)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("docProps/core.xml", coreProperties(title: title, created: created)),
            ("docProps/app.xml", appProperties),
            ("xl/workbook.xml", workbook(sheetName: sheet.name, frozenRows: sheet.frozenRows)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles.xml),
            ("xl/sharedStrings.xml", strings.xml),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ReportError.cannotWrite(path: "xlsx", reason: "the archive is empty") }
        return data
    }

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let rootRelationships = declaration + """
        <Relationships xmlns="\(packageRelationships)">\
        <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="\(packageRelationships)/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="\(relationshipNamespace)/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static let workbookRelationships = declaration + """
        <Relationships xmlns="\(packageRelationships)">\
        <Relationship Id="rId1" Type="\(relationshipNamespace)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationshipNamespace)/styles" Target="styles.xml"/>\
        <Relationship Id="rId3" Type="\(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>\
        </Relationships>
        """

    static let appProperties = declaration + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>Bottomline</Application></Properties>
        """

    static func coreProperties(title: String, created: String) -> String {
        declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(MarkupText.escape(title))</dc:title><dc:creator>Bottomline</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(created)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(created)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    /// `xl/workbook.xml`, with the header rows repeated on every printed page.
    static func workbook(sheetName: String, frozenRows: Int) -> String {
        var out = declaration
        out += "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        out += "<bookViews><workbookView/></bookViews>"
        out += "<sheets><sheet name=\"\(MarkupText.escape(sheetName))\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
        if frozenRows > 0 {
            let quoted = "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
            out += "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">"
            out += MarkupText.escape("\(quoted)!$1:$\(frozenRows)") + "</definedName></definedNames>"
        }
        out += "</workbook>"
        return out
    }
}
