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

extension Link {
    /// Record types are singular (the folder name): `contacts` → `contact`,
    /// `companies` → `company`, as the CRMs' APIs write them in the plural.
    public static func singular(_ type: String) -> String {
        if type.hasSuffix("ies") { return String(type.dropLast(3)) + "y" }
        if type.hasSuffix("s") && !type.hasSuffix("ss") { return String(type.dropLast()) }
        return type
    }
}
