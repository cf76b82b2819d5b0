import Foundation
import DocketCore

/// `feeds/<person>.ics`: the person's open tasks that have a due, as
/// iCalendar events (RFC 5545) a calendar app can subscribe to.
///
/// A feed is a file served as plain `text/calendar`, so it carries no
/// `METHOD` (RFC 5545 §3.7.2 pairs it with a MIME method), and each event's
/// `DTSTAMP` is when its task was last revised, not when the site was built:
/// a feed changes only when its tasks do, so a subscriber's client (and a
/// rebuild, through `Fingerprints.calendars`) can tell nothing changed.
struct CalendarFeed {
    let context: SiteContext
    let baseURL: String?

    func render(for person: Person) -> [UInt8] {
        var ics = ContentLines()
        ics.add("BEGIN:VCALENDAR")
        ics.add("VERSION:2.0")
        ics.add("PRODID:-//docket//task feed//EN")
        ics.add("CALSCALE:GREGORIAN")
        ics.add("X-WR-CALNAME:", escaping: "\(person.name) — \(context.workspace.settings.name) tasks")
        for index in context.openDueByAssignee[person.id] ?? [] {
            let task = context.workspace.tasks[index]
            guard let due = task.due else { continue }
            ics.add("BEGIN:VEVENT")
            ics.add("UID:", task.id, "@docket")
            ics.add("DTSTAMP:", basic(task.updatedAt))
            switch due {
            case .at(let instant):
                ics.add("DTSTART:", basic(instant))
                ics.add("DURATION:PT30M")
            case .allDay(let date):
                ics.add("DTSTART;VALUE=DATE:", compact(date))
                ics.add("DTEND;VALUE=DATE:", compact(date.adding(days: 1)))
            }
            ics.add("SUMMARY:", escaping: task.title)
            var description = "\(task.priority.label) priority · \(task.status.label) · \(task.type.replacingBytes("_", with: " "))"
                + " · docket id \(context.shortIDs.short(at: index, of: task.id))"
            let records = task.links.map { context.workspace.record($0)?.name ?? $0.id }
            if !records.isEmpty { description += "\nLinked: " + records.joined(separator: ", ") }
            ics.add("DESCRIPTION:", escaping: description)
            ics.add("PRIORITY:", String(icalPriority(task.priority)))
            ics.add("STATUS:CONFIRMED")
            if !task.tags.isEmpty { ics.add("CATEGORIES:", escaping: task.tags, separator: UInt8(ascii: ",")) }
            if let baseURL { ics.add("URL:", escaping: baseURL + "tasks/\(task.id).html") }
            if let reminderAt = task.reminderAt(in: context.day.zone) {
                ics.add("BEGIN:VALARM")
                ics.add("ACTION:DISPLAY")
                ics.add("DESCRIPTION:", escaping: task.title)
                ics.add("TRIGGER;VALUE=DATE-TIME:", basic(reminderAt))
                ics.add("END:VALARM")
            }
            ics.add("END:VEVENT")
        }
        ics.add("END:VCALENDAR")
        return ics.bytes
    }

    /// "20260318T130000Z": RFC 3339 without separators or fraction, in UTC.
    func basic(_ instant: Instant) -> String {
        var bytes: [UInt8] = []
        for byte in instant.rfc3339.utf8 {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "Z") { break }
            if byte != UInt8(ascii: "-") && byte != UInt8(ascii: ":") { bytes.append(byte) }
        }
        return String(decoding: bytes + [UInt8(ascii: "Z")], as: UTF8.self)
    }

    func compact(_ date: LocalDate) -> String { date.iso8601.replacingBytes("-", with: "") }

    func icalPriority(_ priority: Priority) -> Int {
        switch priority {
        case .urgent: 1
        case .high: 3
        case .normal: 5
        case .low: 9
        }
    }
}
