import Foundation

/// `docket generate`: a realistic, deterministic workspace of any size, for
/// benchmarks and browser tests. The same seed, size and instant always
/// write the same bytes.
public struct WorkspaceGenerator {
    public var tasks: Int
    public var seed: UInt64
    public var now: Instant
    /// Queued edits to leave in `queue/` (a build then has work to apply).
    public var queued: Int

    public init(tasks: Int, seed: UInt64 = 1, now: Instant, queued: Int? = nil) {
        self.tasks = tasks
        self.seed = seed
        self.now = now
        self.queued = queued ?? min(100, max(1, tasks / 100))
    }

    /// SplitMix64: tiny, fast, and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
        mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
    }

    static let firstNames = ["Maria", "Jonas", "Priya", "Tom", "Lena", "Omar", "Sofia", "Ken", "Aisha", "Luca", "Mei", "Diego"]
    static let lastNames = ["Keller", "Berg", "Natarajan", "O'Neill", "Vogt", "Haddad", "Rossi", "Tanaka", "Okafor", "Bianchi", "Chen", "Alvarez"]
    static let companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne",
                            "Soylent", "Aperture", "Vandelay", "Massive Dynamic", "Oscorp", "Pied Piper"]
    static let verbs = [("call", "Call"), ("email", "Email"), ("meeting", "Meet"), ("todo", "Prepare quote for"),
                        ("email", "Send contract to"), ("call", "Follow up with"), ("linkedin_message", "Message"),
                        ("whatsapp_message", "Confirm lunch with"), ("todo", "Update forecast for"), ("other", "Ship samples to")]
    static let paragraphs = [
        "Walk them through the **Enterprise** plan before their board meeting; they asked about annual billing and SSO.",
        "Points raised on the last call:\n\n1. CSV export for finance\n2. API rate limits\n3. A named contact for onboarding",
        "Pricing they saw:\n\n| Item | Price |\n|---|---|\n| Seat | €33 / month |\n| SSO | included |",
        "Check the [call notes](https://crm.example/notes) first, then send the revised quote with `v3` of the template.",
        "> \"We need this live before Q2.\" — procurement\n\nConfirm the timeline with legal and the rollout owner.",
    ]

    /// Writes the workspace into `root` (which must not exist or be empty).
    public func write(to root: String) throws(FileError) {
        var random = Random(state: seed)
        let peopleCount = max(4, min(40, tasks / 2500 + 8))
        var people: [JSONNode] = []
        var ids: [String] = []
        for n in 0..<peopleCount {
            let first = Self.firstNames[n % Self.firstNames.count]
            let last = Self.lastNames[(n / Self.firstNames.count + n) % Self.lastNames.count]
            let id = "\(first.lowercased())\(n >= Self.firstNames.count ? String(n) : "")"
            ids.append(id)
            people.append(JSONNode(.object([
                "email": .string("\(id)@example.com"), "id": .string(id), "name": .string("\(first) \(last)"),
                "role": .string(n == 0 ? "admin" : "member"),
            ])))
        }
        people.append(JSONNode(.object(["id": .string("viewer"), "name": .string("Read Only"), "role": .string("readonly")])))
        people.append(JSONNode(.object(["id": .string("zapier"), "kind": .string("integration"), "name": .string("Zapier"), "role": .string("member")])))

        try FileSystem.createDirectory(root)
        try FileSystem.writeAtomically(root + "/workspace.json", JSONWriter.canonical(.object([
            "name": .string("Generated (\(tasks) tasks)"), "timezone": .string("Europe/Berlin"), "week_starts_on": .string("monday"),
            "types": .strings(Settings.defaultTypes),
        ])))
        try FileSystem.writeAtomically(root + "/people.json", JSONWriter.canonical(.array(people)))

        let recordCount = max(6, min(20_000, tasks / 5))
        var links: [Link] = []
        var recordFiles: [(String, String)] = []
        for n in 0..<recordCount {
            let company = Self.companies[n % Self.companies.count]
            let (type, id, name): (String, String, String) = switch n % 3 {
            case 0: ("contact", "cont_\(n)", "\(Self.firstNames[n % 12]) \(Self.lastNames[(n / 12) % 12]) (\(company))")
            case 1: ("company", "comp_\(n)", "\(company) \(n / Self.companies.count + 1)")
            default: ("deal", "deal_\(n)", "\(company) renewal \(2026 + n % 3)")
            }
            links.append(Link(type: type, id: id))
            recordFiles.append(("records/\(type)/\(id).json", JSONWriter.canonical(.object([
                "id": .string(id), "name": .string(name), "type": .string(type),
            ]))))
        }
        for type in ["contact", "company", "deal"] { try FileSystem.createDirectory(root + "/records/" + type) }
        try FileSystem.createDirectory(root + "/tasks")
        try FileSystem.createDirectory(root + "/comments")

        // Draw every task's randomness in order first, so output does not depend on threads.
        struct Plan: Sendable { var path: String; var text: String }
        var plans: [Plan] = recordFiles.map { Plan(path: $0.0, text: $0.1) }
        var commentDirectories: [String] = []
        let day = 86_400_000 as Int64
        let nowMs = now.milliseconds
        for n in 0..<tasks {
            let created = Instant(milliseconds: nowMs - Int64(random.int(1..<400)) * day / 4 - Int64(n))
            let ulid = ULID.make(milliseconds: UInt64(max(0, created.milliseconds)), entropy: (random.next(), random.next()))
            let id = "task_" + ulid
            let (type, verb) = random.pick(Self.verbs)
            let link = links[random.int(0..<links.count)]
            let status = random.pick(["pending", "pending", "pending", "in_progress", "completed", "completed", "cancelled"])
            let creator = random.pick(ids)
            var assignees = [random.pick(ids)]
            if random.chance(15) { assignees.append(random.pick(ids)) }
            assignees = Array(Set(assignees)).sorted()
            var members: [String: JSONValue] = [
                "assignees": .strings(assignees), "created_at": .string(created.rfc3339), "created_by": .string(creator),
                "id": .string(id), "links": .array([JSONNode(.object(["id": .string(link.id), "type": .string(link.type)]))]),
                "priority": .string(random.pick(["low", "normal", "normal", "normal", "high", "urgent"])),
                "status": .string(status), "subscribers": .strings(Array(Set(assignees + [creator])).sorted()),
                "title": .string("\(verb) \(Self.firstNames[n % 12]) at \(Self.companies[(n / 12) % Self.companies.count])"),
                "type": .string(type), "updated_at": .string(created.rfc3339), "version": .int(1),
            ]
            let offsetDays = random.int(-30..<45)
            if random.chance(90) {
                if random.chance(40) {
                    let date = Zone.utc.localDate(of: Instant(milliseconds: nowMs + Int64(offsetDays) * day))
                    members["due"] = .string(date.iso8601)
                } else {
                    let hour = Int64(random.int(7..<18))
                    let dueMs = (nowMs / day + Int64(offsetDays)) * day + hour * 3_600_000
                    members["due"] = .string(Instant(milliseconds: dueMs).rfc3339)
                    if random.chance(20) { members["reminder"] = .object(["offset_minutes": .int(30)]) }
                }
            }
            if random.chance(25) { members["tags"] = .strings([random.pick(["renewal", "upsell", "contract", "onboarding", "q2"])]) }
            if status == "completed" {
                let done = Instant(milliseconds: min(nowMs, created.milliseconds + Int64(random.int(1..<20)) * day / 2))
                members["completed_at"] = .string(done.rfc3339)
                members["completed_by"] = .string(assignees[0])
                members["updated_at"] = .string(done.rfc3339)
                members["version"] = .int(2)
            }
            plans.append(Plan(path: "tasks/\(id).json", text: JSONWriter.canonical(.object(members.map {
                JSONMember(key: $0.key, value: JSONNode($0.value))
            }))))
            var details = "## \(verb) \(Self.companies[(n / 12) % Self.companies.count])\n\n"
            while details.utf8.count < 450 { details += random.pick(Self.paragraphs) + "\n\n" }
            plans.append(Plan(path: "tasks/\(id).md", text: details))
            if n % 3 == 0 {
                commentDirectories.append("comments/\(id)")
                for c in 0..<random.int(1..<4) {
                    let at = Instant(milliseconds: created.milliseconds + Int64(c + 1) * 3_600_000)
                    let commentID = "cmt_" + ULID.make(milliseconds: UInt64(max(0, at.milliseconds)), entropy: (random.next(), random.next()))
                    let mentioned = random.pick(ids)
                    let author = random.pick(ids)
                    plans.append(Plan(path: "comments/\(id)/\(commentID).json", text: JSONWriter.canonical(.object([
                        "author": .string(author), "content": .string("Spoke to them today. @{\(mentioned):\(mentioned.capitalized)} can you take the next step?"),
                        "created_at": .string(at.rfc3339), "id": .string(commentID), "task": .string(id), "updated_at": .string(at.rfc3339),
                    ]))))
                }
            }
        }
        for directory in commentDirectories { try FileSystem.createDirectory(root + "/" + directory) }

        // Some queued edits, so a build has work to apply.
        try FileSystem.createDirectory(root + "/queue")
        let taskPaths = plans.filter { $0.path.hasPrefix("tasks/") && $0.path.hasSuffix(".json") }.map(\.path)
        for n in 0..<queued where !taskPaths.isEmpty {
            let at = Instant(milliseconds: nowMs - Int64(queued - n) * 60_000)
            let taskID = String(taskPaths[random.int(0..<taskPaths.count)].dropFirst(6).dropLast(5))
            let editID = "edit_" + ULID.make(milliseconds: UInt64(max(0, at.milliseconds)), entropy: (random.next(), random.next()))
            let edit: JSONValue = n % 2 == 0
                ? .object(["actor": .string(ids[0]), "at": .string(at.rfc3339), "data": .object(["content": .string("Checked in on this (\(n)).")]),
                           "id": .string(editID), "op": .string("comment.create"), "task": .string(taskID)])
                : .object(["actor": .string("zapier"), "at": .string(at.rfc3339), "data": .object([
                    "title": .string("Inbound lead \(n)"), "owner_id": .string(random.pick(ids)), "due_date": .string(Zone.utc.localDate(of: now).iso8601),
                  ]), "id": .string(editID), "op": .string("task.create")])
            plans.append(Plan(path: "queue/generated-\(String(format: "%05d", n)).json", text: JSONWriter.canonical(edit)))
        }

        let frozen = plans
        let failures = parallelMap(Array(frozen.indices)) { index -> FileError? in
            do throws(FileError) {
                try FileSystem.writeIfChanged(root + "/" + frozen[index].path, Array(frozen[index].text.utf8))
                return nil
            } catch { return error }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }
}
