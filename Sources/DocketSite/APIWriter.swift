import DocketCore

/// The JSON files of the site: stats, per-person stats, badges and shields
/// endpoints (SPEC §3, JSON).
struct APIWriter {
    let context: SiteContext
    let output: SiteOutput

    func writeAll() throws {
        let report = context.stats
        try output.write("api/stats.json", JSONWriter.canonical(report.overall.json))
        for person in context.workspace.people {
            let stats = report.byPerson[person.id] ?? Stats()
            let badge = report.badges[person.id] ?? Badge()
            try output.write("api/people/\(person.id)/stats.json", JSONWriter.canonical(stats.json))
            try output.write("api/people/\(person.id)/badge.json", JSONWriter.canonical(badge.json))
            try output.write("api/people/\(person.id)/shields.json",
                             JSONWriter.canonical(shields(person, badge, overdue: stats.overdue > 0)))
        }
    }

    /// A shields.io endpoint badge: green at zero, orange with work due, red when overdue.
    func shields(_ person: Person, _ badge: Badge, overdue: Bool) -> JSONValue {
        let color = badge.count == 0 ? "brightgreen" : (overdue ? "red" : "orange")
        return .object([
            "color": .string(color),
            "label": .string("\(person.name): tasks due"),
            "message": .string(String(badge.count)),
            "schemaVersion": .int(1),
        ])
    }
}
