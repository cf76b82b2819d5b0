import DocketTemplates

// Small views many pages share. Every text is plain: the engine escapes it,
// except `*_html` and `svg` values, which docket made (cmark in safe mode, charts).

/// What every page's layout reads: the workspace name, the day, the path
/// back to the site root (pages work from file:// and any base path), and
/// which section of the site the page is in.
struct PageChrome: TemplateView {
    var title: String
    var workspaceName: String
    var root: String
    var section: String
    /// Only on pages rebuilt every time (overview, lists): task and record
    /// pages show the day alone, so an unchanged task's page stays byte-identical.
    var now: Moment?
    var today: String
    var rejectedCount: Int

    static let viewName = "the layout"
    static let fields: [ViewField<PageChrome>] = [
        .text("page_title") { $0.title },
        .text("workspace_name") { $0.workspaceName },
        .text("root") { $0.root },
        .view("now") { $0.now },
        .text("today") { $0.today },
        .number("rejected_count") { $0.rejectedCount },
        .flag("has_rejected") { $0.rejectedCount > 0 },
    ] + ["overview", "tasks", "board", "records", "rejected", "people"].map { name in
        .flag("section_" + name) { $0.section == name }
    }
}

/// An instant as a page shows it: readable, machine-readable, relative, and who.
struct Moment: TemplateView {
    var text: String
    var iso: String
    var relative: String?
    var by: PersonLink?

    static let viewName = "a time"
    static let fields: [ViewField<Moment>] = [
        .text("text") { $0.text },
        .text("iso") { $0.iso },
        .optionalText("relative") { $0.relative },
        .view("by") { $0.by },
    ]
}

/// A person named on a page, linked to their page; `comma` on all but the last of a list.
struct PersonLink: TemplateView {
    var id: String
    var name: String
    var url: String
    var known: Bool
    var comma = false

    static let viewName = "a person"
    static let fields: [ViewField<PersonLink>] = [
        .text("id") { $0.id },
        .text("name") { $0.name },
        .text("url") { $0.url },
        .flag("known") { $0.known },
        .flag("comma") { $0.comma },
    ]
}

/// A record a task links to (existing in records/ or only named).
struct RecordLink: TemplateView {
    var type: String
    var id: String
    var name: String
    var known: Bool
    var url: String
    var comma = false

    static let viewName = "a linked record"
    static let fields: [ViewField<RecordLink>] = [
        .text("type") { $0.type },
        .text("id") { $0.id },
        .text("name") { $0.name },
        .flag("known") { $0.known },
        .text("url") { $0.url },
        .flag("comma") { $0.comma },
    ]
}

/// A key and its value as text: task metadata and record fields.
struct KeyValue: TemplateView {
    var key: String
    var value: String

    static let viewName = "a field"
    static let fields: [ViewField<KeyValue>] = [.text("key") { $0.key }, .text("value") { $0.value }]
}

/// A task's list row, already rendered (see `RowFragments`).
struct RowHTML: TemplateView {
    var html: String

    static let viewName = "a task row"
    static let fields: [ViewField<RowHTML>] = [.text("row_html") { $0.html }]
}

/// An option of a filter on the task list.
struct FilterOption: TemplateView {
    var value: String
    var label: String
    var checked = false

    static let viewName = "a filter option"
    static let fields: [ViewField<FilterOption>] = [
        .text("value") { $0.value }, .text("label") { $0.label }, .flag("checked") { $0.checked },
    ]
}

/// One number on the overview or a person's page.
struct StatCard: TemplateView {
    var key: String
    var label: String
    var value: String
    var alert = false
    /// The task list showing the tasks the number counts.
    var url = ""

    static let viewName = "a stat card"
    static let fields: [ViewField<StatCard>] = [
        .text("key") { $0.key }, .text("label") { $0.label }, .text("value") { $0.value }, .flag("alert") { $0.alert },
        .text("url") { $0.url },
    ]
}

/// Items of a list a template joins with commas: every one but the last has `comma`.
func separated<Item>(_ items: [Item], _ comma: WritableKeyPath<Item, Bool>) -> [Item] {
    var items = items
    for index in items.indices.dropLast() { items[index][keyPath: comma] = true }
    return items
}
