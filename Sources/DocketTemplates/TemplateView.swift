/// A typed view: a plain struct that lists the names a template may use and
/// how to read each. Templates are bound to view types when they load, so a
/// name no view supplies is an error before anything renders, and rendering
/// a name is a call through its index, never a search by string.
///
///     struct PersonView: TemplateView {
///         var name: String
///         var email: String?
///         static let fields: [ViewField<PersonView>] = [
///             .text("name") { $0.name },
///             .optionalText("email") { $0.email },
///         ]
///     }
public protocol TemplateView: Sendable {
    static var fields: [ViewField<Self>] { get }
    /// What error messages call this view ("task page").
    static var viewName: String { get }
    /// The value of field `index` (a position in `fields`). Given by default;
    /// a requirement so that each view's witness is specialized for it.
    func field(_ index: Int) -> FieldValue
}

extension TemplateView {
    public static var viewName: String { String(describing: Self.self) }

    @inlinable
    public func field(_ index: Int) -> FieldValue { Self.fields[index].read(self) }

    static var fieldNames: [String] { fields.map(\.name) }

    static func fieldIndex(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// One name a view supplies: its kind (what a section over it pushes) and
/// how to read it.
public struct ViewField<View>: Sendable {
    public let name: String
    @usableFromInline let kind: FieldKind
    @usableFromInline let read: @Sendable (View) -> FieldValue

    // The factories are inlinable so that each view's closures are compiled
    // for its own type: compiled generic, every read asked the runtime for
    // type metadata (~400 instructions, 2% of a render).
    @usableFromInline init(name: String, kind: FieldKind, read: @escaping @Sendable (View) -> FieldValue) {
        self.name = name
        self.kind = kind
        self.read = read
    }

    /// Text; escaped by `{{name}}`, raw by `{{{name}}}`.
    @inlinable public static func text(_ name: String, _ read: @escaping @Sendable (View) -> String) -> Self {
        Self(name: name, kind: .scalar) { .text(read($0)) }
    }

    /// Text that may be absent: nil renders nothing and a section over it is skipped.
    @inlinable public static func optionalText(_ name: String, _ read: @escaping @Sendable (View) -> String?) -> Self {
        Self(name: name, kind: .scalar) { read($0).map(FieldValue.text) ?? .none }
    }

    @inlinable public static func number(_ name: String, _ read: @escaping @Sendable (View) -> Int) -> Self {
        Self(name: name, kind: .scalar) { .number(read($0)) }
    }

    @inlinable public static func flag(_ name: String, _ read: @escaping @Sendable (View) -> Bool) -> Self {
        Self(name: name, kind: .scalar) { .flag(read($0)) }
    }

    /// A nested view (nil: absent); a section over it reads the nested view's names first.
    @inlinable public static func view<Nested: TemplateView>(_ name: String, _ read: @escaping @Sendable (View) -> Nested?) -> Self {
        Self(name: name, kind: .view(Nested.self)) { read($0).map { FieldValue.view($0) } ?? .none }
    }

    /// A list of views; a section renders once per item.
    @inlinable public static func list<Item: TemplateView>(_ name: String, _ read: @escaping @Sendable (View) -> [Item]) -> Self {
        Self(name: name, kind: .list(Item.self)) { .list(read($0)) }
    }

    /// A list of texts; a section renders once per text, which `{{.}}` prints.
    @inlinable public static func texts(_ name: String, _ read: @escaping @Sendable (View) -> [String]) -> Self {
        Self(name: name, kind: .texts) { .texts(read($0)) }
    }
}

/// What a section over a field pushes, known when templates load.
@usableFromInline enum FieldKind: @unchecked Sendable {
    case scalar
    case view(any TemplateView.Type)
    case list(any TemplateView.Type)
    case texts
}

/// A field's value when a page renders.
public enum FieldValue {
    case none
    case text(String)
    case number(Int)
    case flag(Bool)
    case view(any TemplateView)
    case list(any ViewList)
    case texts([String])

    /// Null, false, an empty list are falsey; everything else opens a section
    /// (an empty string and zero too, as in the JSON path).
    var isTruthy: Bool {
        switch self {
        case .none: false
        case .flag(let value): value
        case .list(let items): items.count > 0
        case .texts(let items): !items.isEmpty
        case .text, .number, .view: true
        }
    }
}

/// A list of some view type, read one item at a time (no array of boxed items is made).
public protocol ViewList {
    var count: Int { get }
    func item(_ index: Int) -> any TemplateView
}

extension Array: ViewList where Element: TemplateView {
    public func item(_ index: Int) -> any TemplateView { self[index] }
}
