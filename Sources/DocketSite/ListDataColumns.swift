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
        /// Short ids are each id's last `n` characters: only `n` is sent, one base-36 digit.
        var short: [UInt8] = []
        /// One digit per task: the index of its status and of its priority.
        var status: [UInt8] = []
        var priority: [UInt8] = []
        /// Indices into the dictionary's lists (types, people, phrases), -1 for none.
        var type: [Int] = []
        /// Bits, one base-32 digit: 1 due today (open), 2 overdue, 4 upcoming, 8 completed, 16 an all-day due.
        var modes: [UInt8] = []
        /// Comma-separated indices per task, tasks separated by `;`.
        var assignees: [UInt8] = []
        var tags: [UInt8] = []
        var links: [UInt8] = []
        /// Numbers in base 36, comma-separated; empty for none.
        var due: [UInt8] = []
        var dueDay: [UInt8] = []
        var dueText: [Int] = []
        var dueRelative: [Int] = []
        var updated: [UInt8] = []
        var updatedText: [Int] = []
        var updatedRelative: [Int] = []
        var created: [UInt8] = []
        var createdBy: [Int] = []
        var completed: [UInt8] = []
        var endedText: [Int] = []
        var endedRelative: [Int] = []
        /// Metadata as compact JSON, by place in the chunk, for the tasks that have any.
        var metadata: [(place: Int, json: String)] = []

        // The columns are written as bytes, a task at a time: a string per
        // value, joined at the end, allocated several strings per task.

        /// Starts a task's row, before its other columns: its id, title and short id.
        mutating func add(task: DocketCore.Task, short length: Int) {
            if !title.isEmpty {
                // What the last task wrote ends here: its list at a `;`, its number at a `,`.
                let (semicolon, comma) = (UInt8(ascii: ";"), UInt8(ascii: ","))
                assignees.append(semicolon)
                tags.append(semicolon)
                links.append(semicolon)
                due.append(comma)
                dueDay.append(comma)
                updated.append(comma)
                created.append(comma)
                completed.append(comma)
            }
            // Every id starts with "task_" (checked when the workspace loads): the prefix is not sent.
            ids.append(contentsOf: task.id.utf8.dropFirst(ListData.idPrefix.count))
            title.append(task.title)
            Self.appendDigits(Int64(length), radix: 36, to: &short)
            if !task.metadata.isEmpty {
                metadata.append((title.count - 1, JSONWriter.compactForHTML(.object(task.metadata))))
            }
        }

        /// This task's indices in a list column, comma-separated.
        static func appendList(_ indices: some Sequence<Int>, to column: inout [UInt8]) {
            var first = true
            for index in indices {
                if !first { column.append(UInt8(ascii: ",")) }
                first = false
                appendDigits(Int64(index), radix: 10, to: &column)
            }
        }

        /// This task's number in a base-36 column (nothing for nil).
        static func appendBase36(_ value: Int64?, to column: inout [UInt8]) {
            if let value { appendDigits(value, radix: 36, to: &column) }
        }

        /// `value` as `String(value, radix:)` writes it, written straight into
        /// the column: a string per number was a fifth of making the chunks.
        static func appendDigits(_ value: Int64, radix: Int, to column: inout [UInt8]) {
            if value < 0 { column.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            let base = UInt64(radix)
            var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            // 64 bits are at most 64 digits (radix 2); eight words of eight digits hold them.
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    let digit = UInt8(magnitude % base)
                    buffer[count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                    magnitude /= base
                    count += 1
                } while magnitude > 0
                for place in stride(from: count - 1, through: 0, by: -1) { column.append(buffer[place]) }
            }
        }

        /// Everything but titles and metadata is a string: a browser parses a
        /// long string far faster than an array of 20,000 small values.
        func script(widths: Widths) -> [UInt8] {
            var writer = ScriptWriter("docketList.chunk")
            writer.text("ids", ids)
            writer.texts("title", title)
            writer.text("titleRank", titleRank)
            writer.text("short", short)
            writer.text("status", status)
            writer.text("priority", priority)
            writer.indices("type", type, widths.types)
            writer.text("modes", modes)
            writer.text("assignees", assignees)
            writer.text("tags", tags)
            writer.text("links", links)
            writer.text("due", due)
            writer.text("dueDay", dueDay)
            writer.indices("dueText", dueText, widths.phrases)
            writer.indices("dueRelative", dueRelative, widths.phrases)
            writer.text("updated", updated)
            writer.indices("updatedText", updatedText, widths.phrases)
            writer.indices("updatedRelative", updatedRelative, widths.phrases)
            writer.text("created", created)
            writer.indices("createdBy", createdBy, widths.people)
            writer.text("completed", completed)
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

        /// A column already made as bytes (digits, indices and separators: nothing to escape, but escaped all the same).
        mutating func text(_ name: String, _ value: [UInt8]) { text(name, String(decoding: value, as: UTF8.self)) }

        mutating func texts(_ name: String, _ values: [String]) {
            key(name)
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(value, htmlSafe: true, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        /// Index + 1 (0: none) in fixed-width base 64, side by side: the page reads a task's without splitting.
        mutating func indices(_ name: String, _ values: [Int], _ digits: FixedDigits) {
            var text: [UInt8] = []
            text.reserveCapacity(values.count * digits.width)
            for value in values { digits.append(value + 1, to: &text) }
            self.text(name, String(decoding: text, as: UTF8.self))
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
