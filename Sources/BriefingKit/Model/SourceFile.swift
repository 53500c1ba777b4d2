/// A file of the corpus, read but not yet decoded.
public struct SourceFile: Sendable {
    /// The file name, `000_4f9839d5057eabca.txt`.
    public var name: String
    public var path: String
    public var bytes: [UInt8]

    public init(name: String, path: String, bytes: [UInt8]) {
        self.name = name
        self.path = path
        self.bytes = bytes
    }
}
