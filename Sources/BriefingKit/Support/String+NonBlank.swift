extension String {
    /// The text, or `nil` when it is empty or only white space: a cell the note and the Summary
    /// treat as missing.
    var nonBlank: String? { allSatisfy(\.isWhitespace) ? nil : self }
}

extension Optional where Wrapped == String {
    /// The text, or `nil` when there is none or it is only white space.
    var nonBlank: String? { flatMap(\.nonBlank) }
}
