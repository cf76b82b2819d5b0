import Foundation
import DocketCore

/// `feeds/<person>.ics`: the person's open tasks that have a due, as
/// iCalendar events (RFC 5545) a calendar app can subscribe to.
struct CalendarFeed {
    let context: SiteContext
    let baseURL: String?

    func render(for person: Person) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//docket//task feed//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape("\(person.name) — \(context.workspace.settings.name) tasks"),
        ]
        let stamp = basic(context.day.now)
        for index in context.openDueByAssignee[person.id] ?? [] {
            let task = context.workspace.tasks[index]
            guard let due = task.due else { continue }
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(task.id)@docket")
            lines.append("DTSTAMP:\(stamp)")
            switch due {
            case .at(let instant):
                lines.append("DTSTART:\(basic(instant))")
                lines.append("DURATION:PT30M")
            case .allDay(let date):
                lines.append("DTSTART;VALUE=DATE:\(compact(date))")
                lines.append("DTEND;VALUE=DATE:\(compact(date.adding(days: 1)))")
            }
            lines.append("SUMMARY:" + escape(task.title))
            var description = "\(task.priority.label) priority · \(task.status.label) · \(task.type.replacingBytes("_", with: " "))"
                + " · docket id \(context.shortIDs.short(task.id))"
            let records = task.links.map { context.workspace.record($0)?.name ?? $0.id }
            if !records.isEmpty { description += "\nLinked: " + records.joined(separator: ", ") }
            lines.append("DESCRIPTION:" + escape(description))
            lines.append("PRIORITY:\(icalPriority(task.priority))")
            lines.append("STATUS:CONFIRMED")
            if !task.tags.isEmpty { lines.append("CATEGORIES:" + task.tags.map(escape).joined(separator: ",")) }
            if let baseURL { lines.append("URL:" + escape(baseURL + "tasks/\(task.id).html")) }
            if let reminderAt = task.reminderAt(in: context.day.zone) {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(task.title),
                          "TRIGGER;VALUE=DATE-TIME:\(basic(reminderAt))", "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
    func escape(_ text: String) -> String {
        // Every character escaped is ASCII, so the work is on bytes, and most texts need none.
        let special: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case 0x5C, 0x3B, 0x2C: out += [0x5C, byte]  // \\ ; ,
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: continue
            case 0x00..<0x20, 0x7F: out.append(0x20)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds lines longer than 75 octets, never inside a UTF-8 sequence.
    func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        if bytes.count <= 75 { return line }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 37)
        var count = 0
        for (offset, byte) in bytes.enumerated() {
            // A sequence starts at a byte that is not a continuation byte (10xxxxxx).
            if byte & 0xC0 != 0x80 {
                var size = 1
                while offset + size < bytes.count && bytes[offset + size] & 0xC0 == 0x80 { size += 1 }
                if count + size > 75 {
                    result += [13, 10, 32]
                    count = 1
                }
            }
            result.append(byte)
            count += 1
        }
        return String(decoding: result, as: UTF8.self)
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
