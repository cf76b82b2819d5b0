import DocketCore

extension ListData {
    /// One chunk's tasks, a column per field (a field's values side by side
    /// compress better and parse faster than an object per task).
    struct Columns {
        /// Ids without `task_`, side by side (26 characters each).
        var ids: [UInt8] = []
        var title: [String] = []
        /// Each title's rank (see `FixedDigits`).
        var titleRank: [UInt8] = []
        /// Short ids are each id's last `n` characters: only `n` is sent.
        var shortLength: [Int] = []
        var status: [String] = []
        var priority: [String] = []
        /// Indices into the dictionary's lists (types, people, phrases), -1 for none.
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
        /// Metadata as compact JSON, by place in the chunk, for the tasks that have any.
        var metadata: [(place: Int, json: String)] = []

        mutating func add(task: DocketCore.Task, short: String) {
            // Every id starts with "task_" (checked when the workspace loads): the prefix is not sent.
            ids.append(contentsOf: task.id.utf8.dropFirst(ListData.idPrefix.count))
            title.append(task.title)
            shortLength.append(short.utf8.count)
            if !task.metadata.isEmpty {
                metadata.append((title.count - 1, JSONWriter.compactForHTML(.object(task.metadata))))
            }
        }

        /// Everything but titles and metadata is a string: a browser parses a
        /// long string far faster than an array of 20,000 small values.
        func script(widths: Widths) -> [UInt8] {
            var writer = ScriptWriter("docketList.chunk")
            writer.text("ids", String(decoding: ids, as: UTF8.self))
            writer.texts("title", title)
            writer.text("titleRank", String(decoding: titleRank, as: UTF8.self))
            writer.digits("short", shortLength.map { String($0, radix: 36) })
            writer.digits("status", status)
            writer.digits("priority", priority)
            writer.indices("type", type, widths.types)
            writer.digits("modes", modes)
            writer.lists("assignees", assignees)
            writer.lists("tags", tags)
            writer.lists("links", links)
            writer.base36("due", due)
            writer.base36("dueDay", dueDay.map { $0 < 0 ? nil : $0 })
            writer.indices("dueText", dueText, widths.phrases)
            writer.indices("dueRelative", dueRelative, widths.phrases)
            writer.base36("updated", updated)
            writer.indices("updatedText", updatedText, widths.phrases)
            writer.indices("updatedRelative", updatedRelative, widths.phrases)
            writer.base36("created", created)
            writer.indices("createdBy", createdBy, widths.people)
            writer.base36("completed", completed)
            writer.indices("endedText", endedText, widths.phrases)
            writer.indices("endedRelative", endedRelative, widths.phrases)
            writer.raw("metadata", "{" + metadata.map { "\"\($0.place)\":\($0.json)" }.joined(separator: ",") + "}")
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

        /// Index + 1 (0: none) in fixed-width base 64, side by side: the page reads a task's without splitting.
        mutating func indices(_ name: String, _ values: [Int], _ digits: FixedDigits) {
            var text: [UInt8] = []
            text.reserveCapacity(values.count * digits.width)
            for value in values { digits.append(value + 1, to: &text) }
            self.text(name, String(decoding: text, as: UTF8.self))
        }

        /// Comma-separated indices per task, tasks separated by `;`.
        mutating func lists(_ name: String, _ values: [String]) { text(name, values.joined(separator: ";")) }

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
