import Foundation

/// A fresh empty folder under the system temp directory; the caller removes it when done.
func makeTemporaryFolder(_ label: String = "test") throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("briefing-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Parses RFC 4180 CSV (comma, quotes doubled inside quoted fields, CRLF or LF records) into records.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var chars = Array(text.unicodeScalars)[...]
    while let ch = chars.popFirst() {
        if inQuotes {
            if ch == "\"" {
                if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { inQuotes = false }
            } else {
                field.unicodeScalars.append(ch)
            }
        } else if ch == "\"" {
            inQuotes = true
        } else if ch == "," {
            record.append(field)
            field = ""
        } else if ch == "\r" || ch == "\n" {
            if ch == "\r", chars.first == "\n" { chars.removeFirst() }
            record.append(field)
            records.append(record)
            record = []
            field = ""
        } else {
            field.unicodeScalars.append(ch)
        }
    }
    if !field.isEmpty || !record.isEmpty {
        record.append(field)
        records.append(record)
    }
    return records
}
