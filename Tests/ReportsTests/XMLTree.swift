import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parsed XML for checking outputs: elements found by local name, namespaces ignored.
struct XMLTree {
    let document: XMLDocument

    init(_ data: Data) throws {
        document = try XMLDocument(data: data, options: [])
    }

    var root: XMLElement? { document.rootElement() }

    /// Every element named `name` (local name) under `element`, in document order.
    static func elements(_ name: String, in element: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in element.children ?? [] {
            guard let child = child as? XMLElement else { continue }
            if child.localName == name { found.append(child) }
            found += elements(name, in: child)
        }
        return found
    }

    func elements(_ name: String) -> [XMLElement] {
        guard let root else { return [] }
        return (root.localName == name ? [root] : []) + Self.elements(name, in: root)
    }

    /// The element whose `id` attribute is `id`.
    func element(id: String) -> XMLElement? {
        guard let root else { return nil }
        return Self.first(in: root) { $0.attribute("id") == id }
    }

    static func first(in element: XMLElement, where matches: (XMLElement) -> Bool) -> XMLElement? {
        if matches(element) { return element }
        for child in element.children ?? [] {
            if let child = child as? XMLElement, let found = first(in: child, where: matches) { return found }
        }
        return nil
    }
}

extension XMLElement {
    /// The value of the attribute named `name` (FoundationXML's `attribute(forName:)` misses them in a default namespace).
    func attribute(_ name: String) -> String? {
        attributes?.first { $0.localName == name || $0.name == name }?.stringValue
    }
}
