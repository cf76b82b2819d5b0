/// iCalendar content lines (RFC 5545 §3.1) written as bytes: each line ends
/// in CRLF and is folded before 75 octets, never inside a UTF-8 sequence;
/// values are TEXT-escaped on the way in. A line is made in one reused
/// buffer and copied out in runs, so a feed of thousands of events makes no
/// string per line and appends no byte at a time.
struct ContentLines {
    private(set) var bytes: [UInt8] = []
    private var line: [UInt8] = []

    /// A line of parts taken as they are.
    mutating func add(_ parts: String...) {
        for part in parts { line.append(contentsOf: part.utf8) }
        finishLine()
    }

    /// `name` as it is, then `value` escaped.
    mutating func add(_ name: String, escaping value: String) {
        line.append(contentsOf: name.utf8)
        appendEscaped(value)
        finishLine()
    }

    /// `name`, then each value escaped, between separators.
    mutating func add(_ name: String, escaping values: [String], separator: UInt8) {
        line.append(contentsOf: name.utf8)
        for (position, value) in values.enumerated() {
            if position > 0 { line.append(separator) }
            appendEscaped(value)
        }
        finishLine()
    }

    /// TEXT escaping (§3.3.11): backslash, semicolon and comma escaped, a
    /// newline as `\n`; a carriage return dropped, other controls as spaces.
    /// Every byte it changes is ASCII, so other characters pass through whole.
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var run = 0
            for index in source.indices {
                let byte = source[index]
                guard byte < 0x20 || byte == 0x7F || byte == 0x5C || byte == 0x3B || byte == 0x2C else { continue }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<index]))
                switch byte {
                case 0x5C, 0x3B, 0x2C: line.append(0x5C); line.append(byte)  // \ ; ,
                case 0x0A: line.append(0x5C); line.append(UInt8(ascii: "n"))
                case 0x0D: break
                default: line.append(0x20)
                }
                run = index + 1
            }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: source[run...]))
        }
    }

    /// Copies the line out, folded: the first physical line holds 75
    /// octets, each later one a space and 74, cut at a character's start
    /// (a byte that is not 10xxxxxx).
    private mutating func finishLine() {
        line.withUnsafeBufferPointer { source in
            var start = 0
            var room = 75
            while source.count - start > room {
                var end = start + room
                while source[end] & 0xC0 == 0x80 { end -= 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
                bytes.append(contentsOf: [13, 10, 32])
                start = end
                room = 74
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
        }
        bytes.append(13)
        bytes.append(10)
        line.removeAll(keepingCapacity: true)
    }
}
