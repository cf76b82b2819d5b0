/// What earlier applies left: the ids of applied edits (`journal/`) and of
/// refused ones (`rejected/`), so no edit is ever applied or kept twice.
public enum Journal {
    /// The file names under `journal/<yyyy>/<mm>/`.
    public static func appliedIDs(_ root: String) -> Set<String> {
        var ids: Set<String> = []
        for year in FileSystem.list(root + "/journal") {
            for month in FileSystem.list(root + "/journal/" + year) {
                for name in FileSystem.list(root + "/journal/\(year)/\(month)") where name.hasSuffix(".json") {
                    ids.insert(String(name.dropLast(5)))
                }
            }
        }
        return ids
    }

    public static func rejectedIDs(_ root: String) -> Set<String> {
        Set(FileSystem.list(root + "/rejected").filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
    }
}
