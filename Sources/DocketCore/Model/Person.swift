/// A member of the workspace: a person or an integration (`people.json`).
public struct Person: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case human, integration }

    public var id: String
    public var name: String
    public var email: String?
    public var role: Role
    public var kind: Kind = .human
    /// Further addresses the person commits with (`verify_actors`).
    public var gitEmails: [String] = []

    /// Whether a commit's author email is this person's.
    public func commits(as address: String) -> Bool {
        let wanted = address.lowercased()
        return email?.lowercased() == wanted || gitEmails.contains { $0.lowercased() == wanted }
    }

    public init(id: String, name: String, email: String? = nil, role: Role, kind: Kind = .human) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.kind = kind
    }
}
