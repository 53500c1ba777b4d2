import Foundation
import Testing
@testable import BriefingKit

/// Runs the commitment extractor over the kept paragraphs of every seed, the way the enrich stage
/// will (paragraph by paragraph, previous sentence given, speaker of 002 set), without entity mentions.
enum CommitmentSeedRun {
    static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }

    /// Content paragraphs of a seed file: non-empty lines without captions, credits, banners and widgets.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        let skipped = ["![", "|", "Photo", "Source", "Comment", "date", "Vietnam.vn", "Légende"]
        for line in text.split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("Comment (0)") { break }
            if l.isEmpty || skipped.contains(where: { l.hasPrefix($0) }) { continue }
            result.append(l)
        }
        return result
    }

    static func commitments() throws -> [(document: String, mention: CommitmentMention)] {
        let base = try CommitmentExtractor(commitmentsFile: CommitmentLexicon.defaultFile(root: root),
                                           themesFile: ThemeLexicon.defaultFile(root: root))
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/seeds").filter { $0.hasSuffix(".txt") }.sorted()
        var out: [(String, CommitmentMention)] = []
        for name in names {
            let text = try String(contentsOfFile: root + "/seeds/" + name, encoding: .utf8)
            var extractor = base
            if name.hasPrefix("002") { extractor.speaker = "Luong Tam Quang" }
            var findings = Findings()
            for (i, paragraph) in paragraphs(text).enumerated() {
                let contexts = Tokenizer.sentences(paragraph).map {
                    SentenceContext(documentID: String(name.prefix(3)), paragraphID: "p\(i + 1)", documentDate: nil, sentence: $0)
                }
                extractor.extract(paragraph: contexts, into: &findings)
            }
            out += findings.commitments.map { (String(name.prefix(3)), $0) }
        }
        return out
    }
}

@Suite struct CommitmentSeedTests {
    @Test func everySeedCommitmentWithItsActor() throws {
        let found = try CommitmentSeedRun.commitments().map { "\($0.document) \($0.mention.actor) (\($0.mention.actorKind))" }
        #expect(found == [
            "000 Vietnam (country)",
            "000 de nombreux pays (group)",
            "000 pays développés (group)",
            "000 pays en développement (group)",
            "000 de nombreux représentants internationaux (group)",
            "000 de nombreux représentants internationaux (group)",  // the paragraph printed twice
            "001 ONUDC (organisation)",
            "001 Vietnam (country)",
            "001 Vietnam (country)",
            "001 Vietnam (country)",
            "002 Luong Tam Quang (person)",
            "002 Vietnam (country)",
            "003 représentants de plusieurs pays (group)",
            "003 représentants de plusieurs pays (group)",
            "004 participants (group)",
            "004 les pays (group)",
            "004 pays en développement (group)",
            "004 de nombreux pays (group)",
        ])
    }

    @Test func seedThemesAndActions() throws {
        let all = try CommitmentSeedRun.commitments()
        let vietnam002 = all.first { $0.document == "002" && $0.mention.actor == "Vietnam" }?.mention
        #expect(vietnam002?.action == "remplir pleinement, sérieusement et de manière responsable ses obligations au titre de la Convention")
        let many000 = all.first { $0.document == "000" && $0.mention.actor == "de nombreux pays" }?.mention
        #expect(many000?.trigger == "sont prêts à")
        #expect(many000?.themes == ["prevention", "international-cooperation", "information-sharing", "evidence-sharing",
                                    "cyberspace-governance"])
        // every theme id is one of the themes file
        let themes = try ThemeLexicon(file: ThemeLexicon.defaultFile(root: CommitmentSeedRun.root))
        #expect(all.allSatisfy { $0.mention.themes.allSatisfy(themes.contains) })
    }
}
