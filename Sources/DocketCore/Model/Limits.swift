/// The bounds every stored and edited value is held to, so that arithmetic
/// on input never overflows and no value can make a page enormous.
public enum Limits {
    /// Ten years of minutes: the most a count or offset added to a date may be.
    public static let offsetMinutes = 10 * 366 * 24 * 60
    /// Integers JSON tools agree on (±2^53).
    public static let integer = 1 << 53
    /// The workspace's, a person's or a record's name.
    public static let nameCharacters = 200
}
