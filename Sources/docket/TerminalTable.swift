import DocketCore
import Foundation

/// Aligned columns for the terminal: coloured on a terminal, plain when piped
/// or when NO_COLOR is set (https://no-color.org).
struct TerminalTable {
    enum Color: String {
        case red = "31", yellow = "33", green = "32", dim = "2", bold = "1", cyan = "36"
    }

    struct Cell {
        var text: String
        var color: Color?
        init(_ text: String, _ color: Color? = nil) {
            self.text = Quoted.text(text, limit: 120)
            self.color = color
        }
    }

    static var useColor: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    var headers: [String]
    var rows: [[Cell]] = []

    func render(color: Bool = TerminalTable.useColor) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.text.count) }
        }
        func line(_ cells: [Cell], header: Bool) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let last = index == cells.count - 1
                let padded = last ? cell.text : cell.text.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                let code = header ? Color.bold : cell.color
                parts.append(color && code != nil ? "\u{1B}[\(code!.rawValue)m\(padded)\u{1B}[0m" : padded)
            }
            return parts.joined(separator: "  ")
        }
        var out = line(headers.map { Cell($0) }, header: true) + "\n"
        for row in rows { out += line(row, header: false) + "\n" }
        return out
    }
}
