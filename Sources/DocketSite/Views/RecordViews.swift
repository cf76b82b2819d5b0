import DocketCore
import DocketTemplates
import Foundation

/// One field of a record: its label in sentence case, its value as text,
/// and a link when the value names another record, an e-mail address or a web address.
struct RecordField: TemplateView {
    var key: String
    var value: String
    var url: String?

    /// `first_name` → "First name".
    static func label(_ key: String) -> String {
        let words = key.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static let viewName = "a record field"
    static let fields: [ViewField<RecordField>] = [
        .text("key") { $0.key },
        .text("label") { label($0.key) },
        .text("value") { $0.value },
        .optionalText("url") { $0.url },
    ]
}

/// A record's page: its fields and every task linked to it.
struct RecordPage: TemplateView {
    struct Record: TemplateView {
        var link: Link
        var name: String
        var known: Bool
        var fields: [RecordField]
        var apiURL: String

        static let viewName = "a record"
        static let fields: [ViewField<Record>] = [
            .text("type") { $0.link.type },
            .text("id") { $0.link.id },
            .text("name") { $0.name },
            .flag("known") { $0.known },
            .list("fields") { $0.fields },
            .text("api_url") { $0.apiURL },
        ]
    }

    var record: Record
    var open: [RowHTML]
    var closed: [RowHTML]

    static let viewName = "a record page"
    static let fields: [ViewField<RecordPage>] = [
        .view("record") { $0.record },
        .list("open") { $0.open },
        .number("open_count") { $0.open.count },
        .list("closed") { $0.closed },
        .number("closed_count") { $0.closed.count },
    ]
}

/// Every record, grouped by type, with its open task count.
struct RecordsIndexPage: TemplateView {
    struct Entry: TemplateView {
        var link: Link
        var name: String
        var known: Bool
        var open: Int
        var total: Int

        static let viewName = "a record in the index"
        static let fields: [ViewField<Entry>] = [
            .text("name") { $0.name },
            .text("id") { $0.link.id },
            .flag("known") { $0.known },
            .text("url") { "\($0.link.type)/\($0.link.id).html" },
            .number("open") { $0.open },
            .number("total") { $0.total },
        ]
    }

    struct Group: TemplateView {
        var type: String
        var records: [Entry]

        static let viewName = "a record type"
        static let fields: [ViewField<Group>] = [
            .text("type") { $0.type },
            .text("heading") { SiteContext.pluralHeading($0.type) },
            .list("records") { $0.records },
            .number("count") { $0.records.count },
        ]
    }

    var groups: [Group]

    static let viewName = "the records index"
    static let fields: [ViewField<RecordsIndexPage>] = [.list("groups") { $0.groups }]
}

extension SiteContext {
    func recordPage(_ link: Link, rows: RowFragments) -> RecordPage {
        let root = "../../"
        let record = workspace.record(link)
        let indices = byDue(tasksByRecord[link.key] ?? [])
        let fields = (record?.fields ?? []).map { member -> RecordField in
            let value = Self.plainText(member.value.value)
            return RecordField(key: member.key, value: value, url: fieldURL(key: member.key, value: value, root: root))
        }
        return RecordPage(
            record: .init(link: link, name: record?.name ?? link.id, known: record != nil, fields: fields,
                          apiURL: root + "api/records/\(link.type)/\(link.id)/tasks.json"),
            open: rows.listRows(indices.filter { workspace.tasks[$0].isOpen }, root: root),
            closed: rows.listRows(indices.filter { !workspace.tasks[$0].isOpen }, root: root))
    }

    /// Where a record's field points: another record when the field is named
    /// after a record type and holds one's id or name (`"company": "Analytical
    /// Engines"`), `mailto:` for an e-mail address, the address itself for http(s).
    func fieldURL(key: String, value: String, root: String) -> String? {
        if let target = recordNamed(type: key, value) { return root + "records/\(target.type)/\(target.id).html" }
        let bytes = value.utf8
        if !bytes.contains(0x20), let at = value.firstIndex(of: "@"), at > value.startIndex,
           value[value.index(after: at)...].contains("."), !value.contains("/"), !value.contains(":") {
            return "mailto:" + value
        }
        if value.hasPrefix("https://") || value.hasPrefix("http://"), !bytes.contains(0x20) { return value }
        return nil
    }

    private func recordNamed(type: String, _ value: String) -> Link? {
        guard !value.isEmpty else { return nil }
        let link = Link(type: type, id: value)
        if workspace.record(link) != nil { return link }
        return recordsByName[type + "\u{0}" + value.lowercased()]
    }

    /// A record type as a heading: `company` → "Companies", `linkedin_profile` → "Linkedin profiles".
    static func pluralHeading(_ type: String) -> String {
        let words = type.replacingOccurrences(of: "_", with: " ")
        let plural: String
        if words.hasSuffix("y") && !["ay", "ey", "oy", "uy"].contains(where: words.hasSuffix) {
            plural = words.dropLast() + "ies"
        } else if ["s", "x", "ch", "sh"].contains(where: words.hasSuffix) {
            plural = words + "es"
        } else {
            plural = words + "s"
        }
        return plural.prefix(1).uppercased() + plural.dropFirst()
    }

    /// Records by name ignoring case and accents (then by id, so equal names keep one order).
    func recordsIndexPage() -> RecordsIndexPage {
        // Sorted as positions into flat lists: sorting the entries themselves moved and
        // retained their strings at every step (20,000 records at 100,000 tasks).
        var entries: [RecordsIndexPage.Entry] = []
        var keys: [[UInt8]] = []
        var byType: [String: [Int]] = [:]
        entries.reserveCapacity(recordLinks.count)
        keys.reserveCapacity(recordLinks.count)
        for link in recordLinks {
            let indices = tasksByRecord[link.key] ?? []
            let record = workspace.record(link)
            let name = record?.name ?? link.id
            byType[link.type, default: []].append(entries.count)
            entries.append(RecordsIndexPage.Entry(link: link, name: name, known: record != nil,
                                                  open: indices.count { workspace.tasks[$0].isOpen }, total: indices.count))
            // Folded as task titles are (case and accents), compared as bytes.
            keys.append(TitleOrder.key(name))
        }
        return RecordsIndexPage(groups: byType.keys.sorted().map { type in
            let order = (byType[type] ?? []).sorted { a, b in
                keys[a] != keys[b] ? TitleOrder.precedes(keys[a], keys[b]) : entries[a].link.id.precedesInByteOrder(entries[b].link.id)
            }
            return .init(type: type, records: order.map { entries[$0] })
        })
    }
}
