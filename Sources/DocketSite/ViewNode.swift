import Mustache

/// A view model object as the template engine sees it. swift-mustache finds
/// values through dynamic casts of `Any`; a `[String: Any]` conforms to its
/// lookup protocol only conditionally, which the runtime checks slowly on
/// every lookup. A final class conforms outright (measured: list rows of
/// 10,000 tasks in 0.63 s instead of 0.74 s).
final class ViewNode: MustacheParent {
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? { values[name] }

    /// Wraps every dictionary of a view tree (arrays are walked, other values kept).
    static func wrap(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            return ViewNode(dictionary.mapValues(wrap))
        case let array as [[String: Any]]:
            return array.map { ViewNode($0.mapValues(wrap)) }
        case let array as [Any]:
            return array.map(wrap)
        default:
            return value
        }
    }
}
