/// Decodes `records/<type>/<id>.json`. Fields beyond id, type and name are free.
public enum RecordDecoder {
    public static func decode(_ root: JSONNode, expectedType: String, expectedID: String,
                              sink: inout DiagnosticSink) -> Record? {
        guard var reader = ObjectReader(root, what: "a record", sink: &sink) else { return nil }
        let before = sink.diagnostics.count
        let id = reader.string("id", required: true, sink: &sink)
        if let id, id != expectedID {
            sink.error("field 'id' is '\(id)' but the file is named '\(expectedID).json'", at: reader.member("id")?.value.offset)
        }
        let type = reader.string("type", required: true, sink: &sink)
        if let type, type != expectedType {
            sink.error("field 'type' is '\(type)' but the record is in the folder records/\(expectedType)/",
                       at: reader.member("type")?.value.offset)
        }
        let name = reader.string("name", required: true, sink: &sink, nonEmpty: true)
        if let name, name.count > Limits.nameCharacters {
            sink.error("field 'name' has \(name.count) characters; the most is \(Limits.nameCharacters)", at: reader.member("name")?.value.offset)
        }
        guard sink.diagnostics.count == before, let id, let type, let name else { return nil }
        return Record(id: id, type: type, name: name, fields: reader.remaining())
    }
}
