import Testing
@testable import BriefingKit

/// The parse stage on the five seed articles, against the hand-made gold file.
@Suite struct ParseSeedsTests {
    @Test func documentsHaveTheRightMetadata() throws {
        let docs = try Repo.parsedSeeds()
        let gold = try Gold.entries("documents")
        #expect(docs.count == 5 && gold.count == 5)
        for (d, g) in zip(docs, gold) {
            #expect(d.id == g["id"] as? String)
            #expect(d.title == g["title"] as? String, "title of \(d.id)")
            #expect(d.date?.iso == g["date"] as? String, "date of \(d.id)")
            #expect(d.date?.precision.rawValue == g["date_precision"] as? String, "precision of \(d.id)")
            #expect(d.dateOrigin?.rawValue == g["date_origin"] as? String, "date origin of \(d.id)")
            #expect(d.sourceURL == g["source_url"] as? String, "URL of \(d.id)")
            #expect(d.publisher == g["publisher"] as? String, "publisher of \(d.id)")
            #expect(d.language == g["language"] as? String)
        }
    }

    @Test func keptParagraphsAreExactlyTheContentLines() throws {
        let docs = try Repo.parsedSeeds()
        for (d, g) in zip(docs, try Gold.entries("documents")) {
            let content = Set(g["content_lines"] as? [Int] ?? []).union(g["duplicate_lines"] as? [Int] ?? [])
            let ambiguous = Set(g["ambiguous_lines"] as? [Int] ?? [])
            let kept = Set(d.paragraphs.map(\.line))
            // every content line is kept (parse keeps duplicates; dedupe removes them)
            #expect(content.subtracting(ambiguous).subtracting(kept).isEmpty, "content removed from \(d.id)")
            // nothing else is kept
            #expect(kept.subtracting(content).isEmpty, "boilerplate kept in \(d.id): \(kept.subtracting(content).sorted())")
        }
    }

    @Test func noBoilerplateAmongKeptParagraphs() throws {
        for d in try Repo.parsedSeeds() {
            for p in d.paragraphs {
                let t = p.text
                #expect(!t.contains("Photo :") && !t.contains("Photo\u{A0}:") && !t.hasPrefix("|") && !t.hasPrefix("!["), "\(p.id)")
                #expect(!t.hasPrefix("Comment (") && !t.hasPrefix("Laissez un commentaire") && !t.hasPrefix("Même "), "\(p.id)")
                #expect(!t.hasPrefix("Vietnam.vn") && !t.hasPrefix("Source") && !t.contains("Noël"), "\(p.id)")
                #expect(!t.hasPrefix("Français "), "\(p.id)")
            }
        }
    }
}
