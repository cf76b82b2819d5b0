import DocketCore

/// The overview's charts, drawn at build time as inline SVG so they need no
/// script and print well. Only numbers and docket's own labels go into them.
struct Charts {
    let context: SiteContext

    struct Bar {
        var label: String
        var value: Int
        var tone: String
    }

    /// Open tasks by due week: overdue first, then this week and the next five, later, no due.
    func openByDueWeek() -> String {
        let day = context.day
        var bars = [Bar(label: "Overdue", value: 0, tone: "alert")]
        let labels = ["This wk", "Next", "+2 wk", "+3 wk", "+4 wk", "+5 wk"]
        bars += labels.map { Bar(label: $0, value: 0, tone: "") }
        bars.append(Bar(label: "Later", value: 0, tone: "muted"))
        bars.append(Bar(label: "No due", value: 0, tone: "muted"))
        for (index, task) in context.workspace.tasks.enumerated() where task.isOpen {
            let timing = context.timings[index]
            if timing.isOverdue { bars[0].value += 1; continue }
            guard let dueDay = timing.dueDay else { bars[bars.count - 1].value += 1; continue }
            let week = Int((Double(dueDay.dayNumber - day.weekStart.dayNumber) / 7).rounded(.down))
            if week < 0 { bars[1].value += 1 } else if week < labels.count { bars[1 + week].value += 1 } else { bars[bars.count - 2].value += 1 }
        }
        return columns(bars, title: "Open tasks by due week", id: "chart-weeks")
    }

    /// Tasks completed on each of the last 30 days (local dates), as columns,
    /// and their numbers in words: the bars are too narrow to carry them.
    func completionsPerDay() -> (svg: String, summary: String) {
        let today = context.day.today
        var counts = [Int](repeating: 0, count: 30)  // oldest first
        for task in context.workspace.tasks where task.status == .completed {
            guard let completedAt = task.completedAt else { continue }
            let offset = today.dayNumber - context.day.zone.localDate(of: completedAt).dayNumber
            if offset >= 0 && offset < 30 { counts[29 - offset] += 1 }
        }
        func label(_ index: Int) -> String {
            let date = today.adding(days: index - 29)
            return index == 29 ? "Today" : "\(date.day) \(HumanTime.months[date.month - 1])"
        }
        let bars = counts.enumerated().map { index, count in Bar(label: label(index), value: count, tone: index == 29 ? "accent" : "") }
        let svg = columns(bars, title: "Completed per day, last 30 days", id: "chart-done", compactLabels: true)
        guard let most = counts.max(), most > 0, let busiest = counts.firstIndex(of: most) else {
            return (svg, "None completed in the last 30 days.")
        }
        let day = busiest == 29 ? "today" : label(busiest)
        return (svg, "\(counts.reduce(0, +)) completed in 30 days, \(counts[29]) today; the most in a day: \(most) (\(day)).")
    }

    /// Open tasks by priority, urgent first.
    func openByPriority() -> String {
        var counts: [Priority: Int] = [:]
        for task in context.workspace.tasks where task.isOpen { counts[task.priority, default: 0] += 1 }
        let bars = Priority.allCases.reversed().map { Bar(label: $0.label, value: counts[$0] ?? 0, tone: "priority-\($0.rawValue)") }
        return rows(bars, title: "Open tasks by priority", id: "chart-priority")
    }

    // MARK: - Drawing

    private func columns(_ bars: [Bar], title: String, id: String, compactLabels: Bool = false) -> String {
        // Wide enough that nine labels ("Overdue", "This wk", …) do not run into each other.
        let width = 470
        let height = 200
        let top = 20
        let bottom = 40
        let left = 8
        let slot = Double(width - left * 2) / Double(bars.count)
        let barWidth = max(4, slot * 0.7)
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let plot = Double(height - top - bottom)
        var svg = #"<svg class="chart" id="\#(id)" viewBox="0 0 \#(width) \#(height)" role="img" aria-labelledby="\#(id)-title \#(id)-desc" preserveAspectRatio="xMidYMid meet">"#
        svg += #"<title id="\#(id)-title">\#(title)</title><desc id="\#(id)-desc">\#(bars.map { "\($0.label): \($0.value)" }.joined(separator: "; "))</desc>"#
        svg += #"<line class="axis" x1="\#(left)" y1="\#(height - bottom)" x2="\#(width - left)" y2="\#(height - bottom)"/>"#
        for (index, bar) in bars.enumerated() {
            let h = Double(bar.value) / Double(maximum) * plot
            let x = Double(left) + slot * Double(index) + (slot - barWidth) / 2
            let y = Double(height - bottom) - h
            svg += #"<g class="bar \#(bar.tone)"><title>\#(bar.label): \#(bar.value)</title>"#
            svg += #"<rect x="\#(fmt(x))" y="\#(fmt(y))" width="\#(fmt(barWidth))" height="\#(fmt(max(h, bar.value > 0 ? 1 : 0)))" rx="2"/>"#
            if bar.value > 0 && (!compactLabels || bars.count <= 12) {
                svg += #"<text class="value" x="\#(fmt(x + barWidth / 2))" y="\#(fmt(y - 4))" text-anchor="middle">\#(bar.value)</text>"#
            }
            if !compactLabels || (index % 7 == 1 && index < bars.count - 3) || index == bars.count - 1 {
                svg += #"<text class="label" x="\#(fmt(x + barWidth / 2))" y="\#(height - bottom + 16)" text-anchor="middle">\#(bar.label)</text>"#
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    private func rows(_ bars: [Bar], title: String, id: String) -> String {
        let width = 380
        let rowHeight = 34
        let labelWidth = 64
        let height = rowHeight * bars.count + 8
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let plot = Double(width - labelWidth - 50)
        var svg = #"<svg class="chart" id="\#(id)" viewBox="0 0 \#(width) \#(height)" role="img" aria-labelledby="\#(id)-title \#(id)-desc">"#
        svg += #"<title id="\#(id)-title">\#(title)</title><desc id="\#(id)-desc">\#(bars.map { "\($0.label): \($0.value)" }.joined(separator: "; "))</desc>"#
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 6
            let w = Double(bar.value) / Double(maximum) * plot
            svg += #"<g class="bar \#(bar.tone)"><title>\#(bar.label): \#(bar.value)</title>"#
            svg += #"<text class="label" x="0" y="\#(y + 17)">\#(bar.label)</text>"#
            svg += #"<rect x="\#(labelWidth)" y="\#(y)" width="\#(fmt(max(w, bar.value > 0 ? 1 : 0)))" height="\#(rowHeight - 12)" rx="2"/>"#
            svg += #"<text class="value" x="\#(fmt(Double(labelWidth) + w + 6))" y="\#(y + 17)">\#(bar.value)</text></g>"#
        }
        return svg + "</svg>"
    }

    private func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
