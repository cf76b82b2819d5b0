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
/// 100,000 titles in the browser takes longer than an answer may. Names,
/// types and phrases are indices in fixed-width base 64 (`FixedDigits`, the
/// widths in the dictionary); a task's assignees, tags and links are
/// comma-separated indices, tasks separated by `;`. Times are
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
    /// Phrases are formatted and chunks written on every core; only numbering
    /// the phrases (in task order, so the output never depends on timing) is serial.
    func files() -> [(path: String, bytes: [UInt8])] {
        let workspace = context.workspace
        let tasks = workspace.tasks
        var byID = Array(tasks.indices)
        if !zip(byID, byID.dropFirst()).allSatisfy({ tasks[$0].id < tasks[$1].id }) {
            byID.sort { tasks[$0].id < tasks[$1].id }
        }
        let order = byID
        // Assignees and authors not in people.json come after the people, by first appearance.
        var peopleIndex = Dictionary(workspace.people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var extraPeople: [String] = []
        func note(_ id: String) {
            guard peopleIndex[id] == nil else { return }
            peopleIndex[id] = workspace.people.count + extraPeople.count
            extraPeople.append(id)
        }
        for index in order {
            let task = tasks[index]
            for id in task.assignees { note(id) }
            note(task.createdBy)
        }
        let tags = context.tags
        var types = workspace.settings.types
        for task in tasks where !types.contains(task.type) { types.append(task.type) }
        let records = context.recordLinks.filter { !(context.tasksByRecord[$0.key]?.isEmpty ?? true) }
        let titles = TitleOrder.ranks(tasks.map(\.title))

        let texts = parallelMap(order) { phraseTexts(tasks[$0], timing: context.timings[$0]) }
        var phrases = PhraseTable()
        let numbered = texts.map { $0.map { $0.map { phrases.index($0) } ?? -1 } }

        let indices = Indices(people: peopleIndex, tags: Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) }),
                              types: Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) }),
                              records: Dictionary(uniqueKeysWithValues: records.enumerated().map { ($1.key, $0) }),
                              titles: titles.ranks, rankDigits: FixedDigits(count: titles.count))
        // An index column holds index + 1, so it needs room for count + 1 values.
        let widths = Widths(types: FixedDigits(count: types.count + 1),
                            people: FixedDigits(count: workspace.people.count + extraPeople.count + 1),
                            phrases: FixedDigits(count: phrases.list.count + 1))
        let starts = Self.chunkStarts(taskCount: order.count)
        let chunks = parallelMap(starts, serialBelow: 2) { start -> [UInt8] in
            let end = min(start + Self.chunkSize, order.count)
            return chunk(order[start..<end], phrases: numbered[start..<end], indices: indices).script(widths: widths)
        }

        let base = context.day.now.milliseconds
        var dictionary = ScriptWriter("docketList.dictionary")
        dictionary.number("base", base)
        dictionary.number("total", Int64(order.count))
        dictionary.number("chunks", Int64(chunks.count))
        dictionary.text("zone", workspace.settings.zone.identifier)
        dictionary.text("idPrefix", Self.idPrefix)
        dictionary.number("rankWidth", Int64(indices.rankDigits.width))
        dictionary.number("typeWidth", Int64(widths.types.width))
        dictionary.number("peopleWidth", Int64(widths.people.width))
        dictionary.number("phraseWidth", Int64(widths.phrases.width))
        dictionary.rows("people", workspace.people.map { [$0.id, $0.name] } + extraPeople.map { [$0, $0] })
        dictionary.texts("tags", tags)
        dictionary.rows("types", types.map { [$0, $0.replacingOccurrences(of: "_", with: " ")] })
        dictionary.rows("records", records.map { [$0.key, workspace.record($0)?.name ?? $0.id] })
        dictionary.texts("phrases", phrases.list)
        return [("tasks/data/dict.js", dictionary.finish())]
            + chunks.enumerated().map { ("tasks/data/tasks-\($0.offset + 1).js", $0.element) }
    }

    /// Where each chunk starts: one chunk even with no task.
    static func chunkStarts(taskCount: Int) -> [Int] { Array(stride(from: 0, to: max(taskCount, 1), by: chunkSize)) }

    /// The paths `files` gives for this many tasks, without making them: the
    /// list's pages name the scripts while the data is still being made.
    static func paths(taskCount: Int) -> [String] {
        ["tasks/data/dict.js"] + chunkStarts(taskCount: taskCount).indices.map { "tasks/data/tasks-\($0 + 1).js" }
    }

    /// Where each name, tag, type and record sits in the dictionary, and each task's title rank.
    struct Indices: Sendable {
        var people: [String: Int]
        var tags: [String: Int]
        var types: [String: Int]
        var records: [String: Int]
        var titles: [Int]
        var rankDigits: FixedDigits
    }

    /// The digits of each index column.
    struct Widths: Sendable {
        var types: FixedDigits
        var people: FixedDigits
        var phrases: FixedDigits
    }

    /// A task's phrases, in the order `chunk` reads them: due, due relative,
    /// updated, updated relative, ended, ended relative (nil: none).
    func phraseTexts(_ task: DocketCore.Task, timing: Timing) -> [String?] {
        let format = context.format
        var texts: [String?] = [nil, nil]
        if let due = task.due {
            texts = [format.due(due), format.relativeDue(due, timing: timing, isOpen: task.isOpen)]
        }
        texts += [format.instant(task.updatedAt), format.relative(task.updatedAt)]
        if task.isOpen {
            texts += [nil, nil]
        } else {
            // A closed task's row says when it ended, as the rows the server renders do.
            let ended = task.completedAt ?? task.updatedAt
            let verb = task.status == .completed ? "done" : "cancelled"
            texts += [format.instant(ended), verb + " " + format.relative(ended)]
        }
        return texts
    }

    /// One chunk's columns: `tasks` (indices into the workspace's tasks) and their numbered phrases.
    func chunk(_ tasks: ArraySlice<Int>, phrases: ArraySlice<[Int]>, indices: Indices) -> Columns {
        let workspace = context.workspace
        let base = context.day.now.milliseconds
        var columns = Columns()
        // `allCases` makes its array anew at every use.
        let statuses = TaskStatus.allCases
        let priorities = Priority.allCases
        for (index, numbers) in zip(tasks, phrases) {
            let task = workspace.tasks[index]
            let timing = context.timings[index]
            columns.add(task: task, short: context.shortIDs.length(at: index))
            indices.rankDigits.append(indices.titles[index], to: &columns.titleRank)
            Columns.appendDigits(Int64(statuses.firstIndex(of: task.status) ?? 0), radix: 10, to: &columns.status)
            Columns.appendDigits(Int64(priorities.firstIndex(of: task.priority) ?? 0), radix: 10, to: &columns.priority)
            columns.type.append(indices.types[task.type] ?? 0)
            var modes = 0
            if task.isOpen && timing.isDueToday { modes |= 1 }
            if timing.isOverdue { modes |= 2 }
            if timing.isUpcoming { modes |= 4 }
            if task.status == .completed { modes |= 8 }
            if case .allDay? = task.due { modes |= 16 }
            Columns.appendDigits(Int64(modes), radix: 32, to: &columns.modes)
            Columns.appendList(task.assignees.lazy.compactMap { indices.people[$0] }, to: &columns.assignees)
            Columns.appendList(task.tags.lazy.compactMap { indices.tags[$0] }, to: &columns.tags)
            Columns.appendList(task.links.lazy.compactMap { indices.records[$0.key] }, to: &columns.links)
            Columns.appendBase36(task.due == nil ? nil : context.dueKeys[index] - base, to: &columns.due)
            let dueDay = task.due == nil ? nil : timing.dueDay.map { Int64($0.dayNumber) }
            Columns.appendBase36(dueDay.flatMap { $0 < 0 ? nil : $0 }, to: &columns.dueDay)
            columns.dueText.append(numbers[0])
            columns.dueRelative.append(numbers[1])
            // Updated from created, completed from updated: mostly 0, which is one character.
            Columns.appendBase36(task.createdAt.milliseconds - base, to: &columns.created)
            Columns.appendBase36(task.updatedAt.milliseconds - task.createdAt.milliseconds, to: &columns.updated)
            columns.updatedText.append(numbers[2])
            columns.updatedRelative.append(numbers[3])
            columns.createdBy.append(indices.people[task.createdBy] ?? 0)
            Columns.appendBase36(task.completedAt.map { $0.milliseconds - task.updatedAt.milliseconds }, to: &columns.completed)
            columns.endedText.append(numbers[4])
            columns.endedRelative.append(numbers[5])
        }
        return columns
    }

    /// Numbers below `count` as fixed-width base 64 (`0-9A-Za-z-_`), side by
    /// side in one string: a title rank takes three characters up to 262,144 tasks.
    struct FixedDigits: Sendable {
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
