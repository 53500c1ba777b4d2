import Foundation
import Testing
@testable import BriefingKit

@Suite struct ThemeLexiconTests {
    private func lexicon() throws -> ThemeLexicon {
        try ThemeLexicon(file: ThemeLexicon.defaultFile(root: CommitmentSeedRun.root))
    }

    @Test func labelsAndFallback() throws {
        let t = try lexicon()
        #expect(t.fallback == "other")
        #expect(t.label("capacity-building") == "Renforcement des capacités")
        #expect(t.label("capacity-building", language: "en") == "Capacity building")
        #expect(t.label("training-centre") == "Centre de formation")
        #expect(t.label("no-such-theme") == "no-such-theme")
        #expect(t.themes.first?.id == "capacity-building" && t.themes.last?.id == "other")
    }

    @Test func keywordsMatchFoldedWordsPrefixesAndGaps() throws {
        let t = try lexicon()
        #expect(t.themes(in: "Le Vietnam appelle à RATIFIER la Convention et à renforcer le partage d'informations") ==
                ["ratification", "information-sharing"])
        #expect(t.themes(in: "le nombre de ratifications requis") == ["ratification"])
        #expect(t.themes(in: "en partageant leurs expériences, leurs technologies et leurs ressources") == ["technology-transfer"])
        #expect(t.themes(in: "la mise en oeuvre effective") == ["implementation"])
        #expect(t.themes(in: "capacity building and technical assistance for developing countries") ==
                ["capacity-building", "technical-assistance"])
        // a gap does not cross a sentence stop
        #expect(t.themes(in: "Ils partagent leurs vues. Les technologies évoluent.").isEmpty)
        #expect(t.themes(in: "Le Vietnam maintient une politique").isEmpty)
    }

    @Test func badThemesFilesGiveLocatedErrors() throws {
        let unknownKey = """
        fallback: other
        themes:
          - id: other
            colour: red
            fr: Autre
            en: Other
        """
        #expect {
            try ThemeLexicon(yaml: unknownKey, file: "themes.yaml")
        } throws: { error in
            guard let e = error as? ConfigError else { return false }
            return e.keyPath == "themes[0]" && e.location.line == 4 && e.location.column == 5 && e.message.contains("unknown key 'colour'")
        }
        let missingFallback = "fallback: none\nthemes:\n  - {id: a, fr: A, en: A, keywords: [x]}\n"
        #expect {
            try ThemeLexicon(yaml: missingFallback, file: "themes.yaml")
        } throws: { error in
            (error as? ConfigError)?.keyPath == "fallback" && (error as? ConfigError)?.location.line == 1
        }
        let badPattern = "fallback: a\nthemes:\n  - id: a\n    fr: A\n    en: A\n    keywords:\n      - ok\n      - \"… leading gap\"\n"
        #expect {
            try ThemeLexicon(yaml: badPattern, file: "themes.yaml")
        } throws: { error in
            guard let e = error as? ConfigError else { return false }
            return e.keyPath == "themes[0].keywords[1]" && e.location.line == 8 && e.message.contains("must start with a word")
        }
        let syntax = "fallback: a\nthemes: [\n"
        #expect {
            try ThemeLexicon(yaml: syntax, file: "themes.yaml")
        } throws: { error in
            (error as? ConfigError)?.location.line != nil
        }
    }

    @Test func commitmentsFileErrors() throws {
        let unknown = "triggers:\n  - pattern: \"s'engage à\"\n    subjet: after\n"
        #expect {
            try CommitmentLexicon(yaml: unknown, file: "/data/commitments.yaml")
        } throws: { error in
            guard let e = error as? ConfigError else { return false }
            return e.keyPath == "triggers[0]" && e.location.file == "/data/commitments.yaml" && e.location.line == 3
                && e.location.column == 5 && e.message.contains("did you mean 'subject'?")
        }
        let badGap = "triggers:\n  - pattern: \"appelle …99 à\"\n"
        #expect {
            try CommitmentLexicon(yaml: badGap, file: "c.yaml")
        } throws: { error in
            guard let e = error as? ConfigError else { return false }
            return e.keyPath == "triggers[0].pattern" && e.location.line == 2 && e.location.column == 14
        }
        let badSubject = "triggers:\n  - pattern: x\n    subject: sideways\n"
        #expect(throws: ConfigError.self) { try CommitmentLexicon(yaml: badSubject, file: "c.yaml") }
        let ok = try CommitmentLexicon(yaml: "triggers:\n  - pattern: \"pledged to\"\n", file: "/data/x/c.yaml")
        #expect(ok.unknownActor == "inconnu" && ok.listActor == "participants")
    }
}
