import DocketCore

/// The task list's data for the browser: every task in a compact, columnar
/// form, written as script files (`tasks/data/*.js`) that the list page loads
/// with `<script src>`, which works from file:// where fetch is refused.
/// Names, records and phrases are written once in a dictionary and referred
/// to by index, so 100,000 tasks fit in a few megabytes.
///
/// Tasks are in id order, so a task's place is its rank among ids: the page
/// sorts by packing (rank of the sort field, place) into one number and
/// sorting plain numbers, with ties by id as `docket list` breaks them. Each
/// task's rank among titles comes with it (`TitleOrder`), since comparing
/// 100,000 titles in the browser takes longer than an answer may. Times are
/// milliseconds, in base 36: dues and creation from `base` (the build's now),
/// updates from creation and completion from the update; dues' day numbers
/// count days from 1970-01-01. Ids are sent without their `task_` prefix,
/// side by side in one string (each is a 26-character ULID).
/// app.js reads these names; change both together.
struct ListData {
    /// Tasks per chunk file: several files parse while the next downloads.
    static let chunkSize = 20_000
    static let idPrefix = "task_"

    let context: SiteContext

    /// Relative paths → contents: `tasks/data/dict.js` and `tasks/data/tasks-N.js`.
    func files() -> [(path: String, bytes: [UInt8])] {
        var phrases = PhraseTable()
        let workspace = context.workspace
        let peopleIndex = Dictionary(uniqueKeysWithValues: workspace.people.enumerated().map { ($1.id, $0) })
        var extraPeople: [String] = []  // assignees and authors not in people.json
        func person(_ id: String) -> Int {
            if let index = peopleIndex[id] { return index }
            if let extra = extraPeople.firstIndex(of: id) { return workspace.people.count + extra }
            extraPeople.append(id)
            return workspace.people.count + extraPeople.count - 1
        }
        let tags = context.tags
        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        var types = workspace.settings.types
        for task in workspace.tasks where !types.contains(task.type) { types.append(task.type) }
        let typeIndex = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        let records = context.recordLinks.filter { !(context.tasksByRecord[$0.key]?.isEmpty ?? true) }
        let recordIndex = Dictionary(uniqueKeysWithValues: records.enumerated().map { ($1.key, $0) })
        let base = context.day.now.milliseconds

        var chunks: [(path: String, bytes: [UInt8])] = []
        let tasks = workspace.tasks
        var order = Array(tasks.indices)
        if !zip(order, order.dropFirst()).allSatisfy({ tasks[$0].id < tasks[$1].id }) {
            order.sort { tasks[$0].id < tasks[$1].id }
        }
        let titles = TitleOrder.ranks(tasks.map(\.title))
        let rankDigits = RankDigits(count: titles.count)
        var start = 0
        repeat {
            let slice = order[start..<min(start + Self.chunkSize, order.count)]
            var columns = Columns()
            for index in slice {
                let task = workspace.tasks[index]
                let timing = context.timings[index]
                columns.add(task: task, short: context.shortIDs.short(task.id))
                rankDigits.append(titles.ranks[index], to: &columns.titleRank)
                columns.status.append(String(TaskStatus.allCases.firstIndex(of: task.status) ?? 0))
                columns.priority.append(String(Priority.allCases.firstIndex(of: task.priority) ?? 0))
                columns.type.append(typeIndex[task.type] ?? 0)
                var modes = 0
                if task.isOpen && timing.isDueToday { modes |= 1 }
                if timing.isOverdue { modes |= 2 }
                if timing.isUpcoming { modes |= 4 }
                if task.status == .completed { modes |= 8 }
                if case .allDay? = task.due { modes |= 16 }
                columns.modes.append(String(modes, radix: 32))
                columns.assignees.append(task.assignees.map { String(person($0)) }.joined(separator: ","))
                columns.tags.append(task.tags.compactMap { tagIndex[$0].map(String.init) }.joined(separator: ","))
                columns.links.append(task.links.compactMap { recordIndex[$0.key].map(String.init) }.joined(separator: ","))
                if let due = task.due {
                    columns.due.append(context.dueKeys[index] - base)
                    columns.dueDay.append(timing.dueDay.map { Int64($0.dayNumber) } ?? -1)
                    columns.dueText.append(phrases.index(context.format.due(due)))
                    columns.dueRelative.append(phrases.index(context.format.relativeDue(due, timing: timing, isOpen: task.isOpen)))
                } else {
                    columns.due.append(nil)
                    columns.dueDay.append(-1)
                    columns.dueText.append(-1)
                    columns.dueRelative.append(-1)
                }
                // Updated from created, completed from updated: mostly 0, which is one character.
                columns.created.append(task.createdAt.milliseconds - base)
                columns.updated.append(task.updatedAt.milliseconds - task.createdAt.milliseconds)
                columns.updatedText.append(phrases.index(context.format.instant(task.updatedAt)))
                columns.updatedRelative.append(phrases.index(context.format.relative(task.updatedAt)))
                columns.createdBy.append(person(task.createdBy))
                columns.completed.append(task.completedAt.map { $0.milliseconds - task.updatedAt.milliseconds })
                if task.isOpen {
                    columns.endedText.append(-1)
                    columns.endedRelative.append(-1)
                } else {
                    // A closed task's row says when it ended, as the rows the server renders do.
                    let ended = task.completedAt ?? task.updatedAt
                    let verb = task.status == .completed ? "done" : "cancelled"
                    columns.endedText.append(phrases.index(context.format.instant(ended)))
                    columns.endedRelative.append(phrases.index(verb + " " + context.format.relative(ended)))
                }
            }
            chunks.append(("tasks/data/tasks-\(chunks.count + 1).js", columns.script()))
            start += Self.chunkSize
        } while start < order.count

        var dictionary = ScriptWriter("docketList.dictionary")
        dictionary.number("base", base)
        dictionary.number("total", Int64(order.count))
        dictionary.number("chunks", Int64(chunks.count))
        dictionary.text("zone", workspace.settings.zone.identifier)
        dictionary.text("idPrefix", Self.idPrefix)
        dictionary.number("rankWidth", Int64(rankDigits.width))
        dictionary.rows("people", workspace.people.map { [$0.id, $0.name] } + extraPeople.map { [$0, $0] })
        dictionary.texts("tags", tags)
        dictionary.rows("types", types.map { [$0, $0.replacingOccurrences(of: "_", with: " ")] })
        dictionary.rows("records", records.map { [$0.key, workspace.record($0)?.name ?? $0.id] })
        dictionary.texts("phrases", phrases.list)
        return [("tasks/data/dict.js", dictionary.finish())] + chunks
    }

    /// Ranks as fixed-width numbers in base 64 (`0-9A-Za-z-_`), side by side
    /// in one string: three characters each up to 262,144 tasks.
    struct RankDigits {
        static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
        let width: Int

        init(count: Int) {
            var width = 1
            var capacity = 64
            while capacity < count { width += 1; capacity *= 64 }
            self.width = width
        }

        func append(_ rank: Int, to text: inout [UInt8]) {
            for place in stride(from: width - 1, through: 0, by: -1) {
                text.append(Self.alphabet[(rank >> (6 * place)) & 63])
            }
        }
    }

    /// Phrases by first use: an index each.
    struct PhraseTable {
        var list: [String] = []
        var indices: [String: Int] = [:]
        mutating func index(_ phrase: String) -> Int {
            if let known = indices[phrase] { return known }
            indices[phrase] = list.count
            list.append(phrase)
            return list.count - 1
        }
    }
}
