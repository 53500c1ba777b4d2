import Testing
@testable import BriefingKit

@Test func dumpSeeds() throws {
    for d in try Repo.parsedSeeds() {
        print("=== \(d.id) | \(d.title ?? "-") [\(d.titleOrigin ?? "")] | \(d.date?.iso ?? "-") \(d.dateOrigin?.rawValue ?? "") | \(d.sourceURL ?? "-") | \(d.publisher ?? "-") | \(d.language) | \(d.warnings)")
        for p in d.paragraphs { print("  P\(p.position) L\(p.line): \(p.text.prefix(90))") }
        for r in d.removed { print("  - \(r.reason.rawValue) L\(r.line): \(r.text.prefix(80))") }
    }
}
