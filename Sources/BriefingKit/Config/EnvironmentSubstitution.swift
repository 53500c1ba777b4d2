import Foundation
import Yams

/// `${NAME}` and `${NAME:-default}` references in the values of a pipeline file, filled in from
/// an environment, so one pipeline serves a laptop and a server.
///
/// The rules, applied to each scalar value after parsing and before decoding (keys and comments
/// are never touched):
/// - `${NAME}` is the variable's value; an unset variable is a configuration error.
/// - `${NAME:-default}` is the variable's value, or `default` when it is unset or empty (as in the
///   shell). The default is literal text up to the first `}`; it may be empty (`${NAME:-}`).
/// - `$$` is a literal `$` (write `$${NAME}` for the text `${NAME}`); any other `$` stays as is,
///   and `$NAME` without braces is not a reference.
/// - A name is `[A-Za-z_][A-Za-z0-9_]*`; a bad name, a `${` without its `}` or a nested `${` in a
///   default is an error positioned at the `${`.
/// - The inserted text is not scanned again. A plain value is then typed as if its new text had
///   been written in the file: `0.8` is a number, `true` a bool, a wholly empty value is null.
/// - Inside a flow list or mapping (`[…]`, `{…}`) YAML needs the reference quoted
///   (`{threshold: "${T:-0.8}"}`); a quoted value with a reference is never null and is read as
///   the setting expects, a number for `threshold`, text for `description`.
///
/// Only pipeline files are substituted (`PipelineLoader`); the data files (lexicons, events) are
/// read as written.
public enum EnvironmentSubstitution {
    /// A problem in one value: what to say, and which `${` of the value it is about (0-based).
    struct Failure: Error, Equatable {
        var message: String
        var reference: Int
    }

    /// `value` with its references replaced from `environment` and its `$$` made `$`, and how many
    /// references it had; `nil` when it has neither (the value stays as is).
    static func substitute(_ value: String,
                           environment: [String: String]) throws(Failure) -> (text: String, references: Int)? {
        guard value.unicodeScalars.contains("$") else { return nil }
        let scalars = Array(value.unicodeScalars)
        var result = String.UnicodeScalarView()
        var reference = 0
        var escaped = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            guard scalar == "$", next == "$" || next == "{" else {
                result.append(scalar)
                index += 1
                continue
            }
            if next == "$" {
                result.append("$")
                escaped = true
                index += 2
                continue
            }
            guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                throw Failure(message: "'${' without a closing '}' (write $$ for a literal '$')", reference: reference)
            }
            let body = String(String.UnicodeScalarView(scalars[(index + 2) ..< close]))
            result.append(contentsOf: try resolve(body, environment: environment, reference: reference).unicodeScalars)
            reference += 1
            index = close + 1
        }
        return reference > 0 || escaped ? (String(result), reference) : nil
    }

    /// The text of the reference `${body}`.
    private static func resolve(_ body: String, environment: [String: String],
                                reference: Int) throws(Failure) -> String {
        let name: String
        let fallback: String?
        if let separator = body.range(of: ":-") {
            name = String(body[..<separator.lowerBound])
            fallback = String(body[separator.upperBound...])
        } else {
            name = body
            fallback = nil
        }
        guard isValidName(name) else {
            let what = name.isEmpty ? "a missing variable name" : "an invalid variable name '\(name)'"
            throw Failure(message: "'${\(body)}' has \(what) (expected ${NAME} or ${NAME:-default}, "
                + "NAME made of letters, digits and '_', not starting with a digit)", reference: reference)
        }
        if let fallback, fallback.contains("${") {
            throw Failure(message: "the default of '${\(name):-…}' contains '${' (references cannot be nested)",
                          reference: reference)
        }
        if let value = environment[name], !(value.isEmpty && fallback != nil) { return value }
        if let fallback { return fallback }
        throw Failure(message: "environment variable '\(name)' is not set (use ${\(name):-default} to give a default)",
                      reference: reference)
    }

    /// Whether `name` matches `[A-Za-z_][A-Za-z0-9_]*`.
    static func isValidName(_ name: String) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        guard let first = name.unicodeScalars.first, isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
    }

    /// Where the `reference`-th `${` of the scalar starting at `mark` is in `text`.
    ///
    /// The source is scanned from the scalar's start with the same rule as the value (`$$` pairs
    /// first), which finds it in plain, quoted and block values alike. A quoted scalar is scanned
    /// only up to its closing quote, escapes skipped; `nil` when an escape made the `${` (the
    /// caller then points at the scalar's start).
    static func sourcePosition(ofReference reference: Int, from mark: Mark, style: Node.Scalar.Style,
                               in text: String) -> (line: Int, column: Int)? {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        var seen = 0
        var line = mark.line - 1
        var column = mark.column - 1
        if let quote: Unicode.Scalar = style == .doubleQuoted ? "\"" : style == .singleQuoted ? "'" : nil {
            // The mark may be at a tag or an anchor before the opening quote.
            while line >= 0, line < lines.count, !(column < lines[line].count && lines[line][column] == quote) {
                if column < lines[line].count { column += 1 } else { line += 1; column = 0 }
            }
            column += 1
        }
        while line >= 0, line < lines.count {
            let scalars = lines[line]
            while column < scalars.count {
                let scalar = scalars[column]
                let next = column + 1 < scalars.count ? scalars[column + 1] : nil
                switch (style, scalar) {
                case (.doubleQuoted, "\\"):
                    column += 2
                    continue
                case (.doubleQuoted, "\""):
                    return nil
                case (.singleQuoted, "'"):
                    guard next == "'" else { return nil }
                    column += 2
                    continue
                default:
                    break
                }
                if scalar == "$", next == "$" {
                    column += 2
                } else if scalar == "$", next == "{" {
                    if seen == reference { return (line + 1, column + 1) }
                    seen += 1
                    column += 2
                } else {
                    column += 1
                }
            }
            line += 1
            column = 0
        }
        return nil
    }
}

extension YAMLDocument {
    /// This document with the `${…}` references of its scalar values replaced from `environment`
    /// (see `EnvironmentSubstitution`); every node keeps its mark, so later errors point at the
    /// source. Throws a `ConfigError` positioned at the offending `${`.
    public func substitutingEnvironment(_ environment: [String: String]) throws -> YAMLDocument {
        YAMLDocument(file: file, text: text, root: try substitute(root, path: [], environment: environment))
    }

    /// A document over an already built node tree.
    private init(file: String, text: String, root: Node) {
        self.file = file
        self.text = text
        self.root = root
    }

    private func substitute(_ node: Node, path: [AnyKey], environment: [String: String]) throws -> Node {
        switch node {
        case .scalar(let scalar):
            return .scalar(try substitute(scalar, path: path, environment: environment))
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = []
            for (key, value) in mapping {
                let component = AnyKey(key.string ?? "?")
                pairs.append((key, try substitute(value, path: path + [component], environment: environment)))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark, mapping.anchor))
        case .sequence(let sequence):
            var nodes: [Node] = []
            for (index, item) in sequence.enumerated() {
                nodes.append(try substitute(item, path: path + [AnyKey(index: index)], environment: environment))
            }
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark, sequence.anchor))
        case .alias:
            return node
        }
    }

    /// The scalar with its value substituted and its mark kept. A plain untagged value is typed
    /// again from its new text; a quoted or block one with a reference loses its string tag and
    /// takes the style `.any`, which Yams reads as a number or bool on demand but never as null.
    private func substitute(_ scalar: Node.Scalar, path: [AnyKey], environment: [String: String]) throws -> Node.Scalar {
        let replaced: (text: String, references: Int)?
        do {
            replaced = try EnvironmentSubstitution.substitute(scalar.string, environment: environment)
        } catch {
            throw substitutionError(error, scalar: scalar, path: path)
        }
        guard let replaced else { return scalar }
        if scalar.style == .plain {
            let tag = scalar.tag == Tag.implicit ? scalar.tag.copy(with: .implicit) : scalar.tag.copy()
            return Node.Scalar(replaced.text, tag, .plain, scalar.mark, scalar.anchor)
        }
        guard replaced.references > 0 else {
            return Node.Scalar(replaced.text, scalar.tag.copy(), scalar.style, scalar.mark, scalar.anchor)
        }
        return Node.Scalar(replaced.text, scalar.tag.copy(with: .implicit), .any, scalar.mark, scalar.anchor)
    }

    private func substitutionError(_ failure: EnvironmentSubstitution.Failure, scalar: Node.Scalar,
                                   path: [AnyKey]) -> ConfigError {
        let keyPath = Self.keyPath(path)
        guard let mark = scalar.mark else {
            return ConfigError(location: SourceLocation(file: file), keyPath: keyPath, message: failure.message)
        }
        let position = EnvironmentSubstitution.sourcePosition(ofReference: failure.reference, from: mark,
                                                              style: scalar.style, in: text)
            ?? (mark.line, mark.column)
        return ConfigError(location: SourceLocation(file: file, line: position.line, column: position.column),
                           keyPath: keyPath, message: failure.message,
                           snippet: Self.snippet(text: text, line: position.line, column: position.column))
    }
}
