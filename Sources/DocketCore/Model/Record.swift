/// A CRM record a task links to (`records/<type>/<id>.json`). Only `id`,
/// `type` and `name` have meaning to docket; every other field is kept as is.
public struct Record: Sendable, Equatable {
    public var id: String
    public var type: String
    public var name: String
    public var fields: [JSONMember]

    public init(id: String, type: String, name: String, fields: [JSONMember] = []) {
        self.id = id
        self.type = type
        self.name = name
        self.fields = fields
    }

    public var link: Link { Link(type: type, id: id) }
}
