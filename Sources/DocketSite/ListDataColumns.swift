import DocketCore

extension ListData {
    /// One chunk's tasks, a column per field (a field's values side by side
    /// compress better and parse faster than an object per task).
    struct Columns {
        /// Ids without `task_`, side by side (26 characters each).
        var ids: [UInt8] = []
        var title: [String] = []
        /// Each title's rank (see `RankDigits`).
        var titleRank: [UInt8] = []
        /// Short ids are each id's last `n` characters: only `n` is sent.
        var shortLength: [Int] = []
        var status: [String] = []
        var priority: [String] = []
        var type: [Int] = []
        /// Bits, one base-32 digit: 1 due today (open), 2 overdue, 4 upcoming, 8 completed, 16 an all-day due.
        var modes: [String] = []
        var assignees: [String] = []
        var tags: [String] = []
        var links: [String] = []
        var due: [Int64?] = []
        var dueDay: [Int64] = []
        var dueText: [Int] = []
        var dueRelative: [Int] = []
        var updated: [Int64] = []
        var updatedText: [Int] = []
        var updatedRelative: [Int] = []
        var created: [Int64] = []
        var createdBy: [Int] = []
        var completed: [Int64?] = []
        var endedText: [Int] = []
        var endedRelative: [Int] = []
        /// Metadata as compact JSON (0 when the task has none).
        var metadata: [String] = []

        mutating func add(task: DocketCore.Task, short: String) {
            // Every id starts with "task_" (checked when the workspace loads): the prefix is not sent.
            ids.append(contentsOf: task.id.utf8.dropFirst(ListData.idPrefix.count))
            title.append(task.title)
            shortLength.append(short.utf8.count)
            metadata.append(task.metadata.isEmpty ? "0" : JSONWriter.compactForHTML(.object(task.metadata)))
        }

        func script() -> [UInt8] {
            var writer = ScriptWriter("docketList.chunk")
            writer.text("ids", String(decoding: ids, as: UTF8.self))
            writer.texts("title", title)
            writer.text("titleRank", String(decoding: titleRank, as: UTF8.self))
            writer.digits("short", shortLength.map { String($0, radix: 36) })
            writer.digits("status", status)
            writer.digits("priority", priority)
            writer.numbers("type", type.map(Int64.init))
            writer.digits("modes", modes)
            writer.texts("assignees", assignees)
            writer.texts("tags", tags)
            writer.texts("links", links)
            writer.base36("due", due)
            writer.base36("dueDay", dueDay.map { $0 < 0 ? nil : $0 })
            writer.numbers("dueText", dueText.map(Int64.init))
            writer.numbers("dueRelative", dueRelative.map(Int64.init))
            writer.base36("updated", updated)
            writer.numbers("updatedText", updatedText.map(Int64.init))
            writer.numbers("updatedRelative", updatedRelative.map(Int64.init))
            writer.base36("created", created)
            writer.numbers("createdBy", createdBy.map(Int64.init))
            writer.base36("completed", completed)
            writer.numbers("endedText", endedText.map(Int64.init))
            writer.numbers("endedRelative", endedRelative.map(Int64.init))
            writer.raw("metadata", "[" + metadata.joined(separator: ",") + "]")
            return writer.finish()
        }
    }

    /// Writes `name({"key": value, …});`: one call with one object literal.
    struct ScriptWriter {
        private var bytes: [UInt8] = []
        private var first = true

        init(_ function: String) {
            bytes.append(contentsOf: "\(function)({".utf8)
        }

        private mutating func key(_ name: String) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(contentsOf: "\n\"\(name)\":".utf8)
        }

        mutating func raw(_ name: String, _ json: String) {
            key(name)
            bytes.append(contentsOf: json.utf8)
        }

        mutating func number(_ name: String, _ value: Int64) { raw(name, String(value)) }

        mutating func text(_ name: String, _ value: String) {
            key(name)
            JSONWriter.appendString(value, htmlSafe: true, into: &bytes)
        }

        mutating func texts(_ name: String, _ values: [String]) {
            key(name)
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(value, htmlSafe: true, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        /// One character per task, as one string.
        mutating func digits(_ name: String, _ values: [String]) { text(name, values.joined()) }

        mutating func numbers(_ name: String, _ values: [Int64]) {
            raw(name, "[" + values.map(String.init).joined(separator: ",") + "]")
        }

        /// Numbers in base 36 (a third shorter than decimal), comma-separated in one string; nil is empty.
        mutating func base36(_ name: String, _ values: [Int64?]) {
            text(name, values.map { $0.map { String($0, radix: 36) } ?? "" }.joined(separator: ","))
        }

        /// Rows of texts: `[["jane", "Jane Smith"], …]`.
        mutating func rows(_ name: String, _ values: [[String]]) {
            key(name)
            bytes.append(UInt8(ascii: "["))
            for (index, row) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "["))
                for (column, text) in row.enumerated() {
                    if column > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONWriter.appendString(text, htmlSafe: true, into: &bytes)
                }
                bytes.append(UInt8(ascii: "]"))
            }
            bytes.append(UInt8(ascii: "]"))
        }

        mutating func finish() -> [UInt8] {
            bytes.append(contentsOf: "});\n".utf8)
            return bytes
        }
    }
}
