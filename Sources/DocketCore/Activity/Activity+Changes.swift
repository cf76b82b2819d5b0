extension Activity {
    /// Adds what an apply held in memory would write: journal entries,
    /// rejections and notifications. `docket preview` shows the queue's
    /// history and feeds this way without a file being written.
    public mutating func merge(_ changes: Changeset) {
        for (path, change) in changes.ordered {
            guard case .write(let bytes) = change, let node = try? JSONParser.parse(bytes) else { continue }
            if path.hasPrefix("journal/"), let entry = Self.entry(node) {
                history[entry.task, default: []].append(entry)
                history[entry.task]!.sort { $0.at != $1.at ? $0.at < $1.at : $0.editID < $1.editID }
            } else if path.hasPrefix("rejected/"), let rejection = Self.rejection(node, path: path) {
                rejections.append(rejection)
                rejections.sort { ($0.at ?? Instant(milliseconds: 0), $0.id) > ($1.at ?? Instant(milliseconds: 0), $1.id) }
            } else if path.hasPrefix("notifications/"), let note = Self.notification(node) {
                notifications[note.person, default: []].append(note)
                notifications[note.person]!.sort { $0.at != $1.at ? $0.at > $1.at : $0.id > $1.id }
            }
        }
    }
}
