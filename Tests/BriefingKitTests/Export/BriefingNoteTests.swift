import Foundation
import Testing
@testable import BriefingKit

/// The seeds run once into a throwaway project; returns the result and `briefing.md`.
private func seedsNote(epoch: String = "1761523200") throws -> (result: RunResult, note: String) {
    let project = try seedsProject()
    defer { project.remove() }
    let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
    let result = try PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": epoch]).run()
    let note = try String(contentsOfFile: result.outputFolder + "/briefing.md", encoding: .utf8)
    return (result, note)
}

/// The lines of the section under `## title`, up to the next heading or rule.
private func section(_ title: String, of note: String) -> [String] {
    let lines = note.components(separatedBy: "\n")
    guard let start = lines.firstIndex(of: "## " + title) else { return [] }
    return Array(lines[(start + 1)...].prefix { !$0.hasPrefix("#") && $0 != "---" }).filter { !$0.isEmpty }
}

/// What markdown-it (CommonMark with GFM tables) makes of a note: its tables as cell texts, and the
/// texts it renders bold, italic and as links. Fails when python3 cannot import markdown_it.
private struct RenderedMarkdown: Decodable {
    var headings: [String]
    var tables: [[[String]]]
    var strong: [String]
    var em: [String]
    var links: [String]
}

private func renderMarkdown(_ markdown: String) throws -> RenderedMarkdown {
    let folder = try makeTemporaryFolder("md")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try markdown.write(toFile: folder + "/note.md", atomically: true, encoding: .utf8)
    let script = """
        import json, sys
        try:
            from markdown_it import MarkdownIt
        except ImportError:
            sys.exit("markdown-it-py is required to check briefing.md (apt-get install python3-markdown-it)")
        tokens = MarkdownIt("commonmark").enable("table").parse(open(sys.argv[1], encoding="utf-8").read())
        out = {"headings": [], "tables": [], "strong": [], "em": [], "links": []}
        def text(children):
            return "".join(c.content for c in children if c.type in ("text", "code_inline", "softbreak"))
        row, table, tag = None, None, None
        for i, t in enumerate(tokens):
            if t.type == "table_open": table = []
            elif t.type == "table_close": out["tables"].append(table); table = None
            elif t.type == "tr_open": row = []
            elif t.type == "tr_close": table.append(row)
            elif t.type == "heading_open": tag = "h"
            elif t.type == "inline":
                kids = t.children or []
                if row is not None and tokens[i - 1].type in ("th_open", "td_open"):
                    row.append("".join(c.content if c.type != "link_open" else "" for c in kids))
                if tag == "h": out["headings"].append(text(kids)); tag = None
                for j, c in enumerate(kids):
                    if c.type in ("strong_open", "em_open"):
                        close = c.type.replace("open", "close")
                        k = next(k for k in range(j, len(kids)) if kids[k].type == close)
                        out["strong" if c.type == "strong_open" else "em"].append(text(kids[j + 1:k]))
                    if c.type == "link_open": out["links"].append(c.attrs.get("href"))
        print(json.dumps(out, ensure_ascii=False))
        """
    return try JSONDecoder().decode(RenderedMarkdown.self, from: Data(try runPython(script, args: [folder + "/note.md"]).utf8))
}

/// A briefing with only the tables a test gives.
private func briefing(_ tables: [Table], description: String = "Test") -> Briefing {
    Briefing(run: RunInfo(pipeline: "t", description: description, pipelineFile: "Pipelines/t.yaml", corpus: "c",
                          runAt: "2026-01-02T03:04:05Z", toolVersion: "0.1.0"), tables: tables)
}


@Suite(.serialized) struct BriefingNoteTests {
    @Test func seedsNoteShowsBothConflictsSideBySideWithTheirSources() throws {
        let (_, note) = try seedsNote()
        let conflicts = section("Conflicting figures", of: note)
        #expect(conflicts.contains("- **Signatory countries:** 72 as of 26 Oct 2025 (`002_519f73f8a069fb80`, « Discours du "
                                   + "ministre de la Sécurité publique… ») vs 69 as of 25 Oct 2025 (`000_4f9839d5057eabca`, "
                                   + "« Aperçu de la séance de discussion de haut… »)"), "\(conflicts)")
        let articles = try #require(conflicts.first { $0.hasPrefix("- **Articles:**") })
        #expect(articles.contains("68 as of 26 Oct 2025 (`000_4f9839d5057eabca`"))
        #expect(articles.contains(" vs 71 as of Apr 2025 (`003_29ee913704c63452`, « Hanoï se prépare"))
        // Never averaged, and disputed figures are not headlines.
        #expect(!note.contains("70.5") && !note.contains("69.5"))
        #expect(!section("Headline figures", of: note).contains { $0.contains("signatory") || $0.contains("articles") })
    }

    @Test func seedsNoteGivesHeadlineFiguresInPlainEnglishWithTheirDocuments() throws {
        let (_, note) = try seedsNote()
        let headline = section("Headline figures", of: note)
        #expect(headline.first == "- **more than 1,000 delegates** — `000_4f9839d5057eabca`, « Aperçu de la séance de "
                + "discussion de haut… », 26 Oct 2025")
        #expect(headline.contains { $0.hasPrefix("- **nearly 80 countries and organisations (speakers)** — `004_d961580e3a41d7a1`, "
                                                 + "« Conférence de presse internationale annonçant… », 26 Oct 2025") })
        #expect(headline.contains { $0.hasPrefix("- **110 countries and organisations** — `001_43092094198349f3`") })
        #expect(headline.contains { $0.hasPrefix("- **more than 60 delegates (speakers)** — `000_4f9839d5057eabca`") })
        #expect(headline.contains { $0.hasPrefix("- **19 statements as of 25 Oct 2025** — `000_4f9839d5057eabca`") })
        #expect(headline.contains { $0.hasPrefix("- **3 outcomes") })
        #expect(headline.count == 8)
        #expect(note.hasPrefix("# Signing of the UN Convention against Cybercrime (Convention de Hanoï), Hanoi, 25–26 October 2025\n\n"
                               + "5 documents, Apr 2025 – 26 Oct 2025 · run 27 Oct 2025\n"))
    }

    @Test func seedsNoteListsParticipationCommitmentsTimelineAndSources() throws {
        let (result, note) = try seedsNote()
        let participation = section("Participation", of: note)
        // `dirigeants vietnamiens` is the leaders' affiliation and `ministre … du Vietnam` the ministry's: no mention of Vietnam
        #expect(participation.first == "- **Countries (2):** Vietnam (VNM, 23 mentions), Équateur (ECU, 1 mention)")
        #expect(participation.contains { $0.hasPrefix("- **Organisations (11):** Ministère de la Sécurité publique (6 mentions), ONU (5 mentions)") })
        #expect(participation.contains { $0.hasPrefix("- **Groups (7):** communauté internationale (7 mentions)") })

        let themes = section("Main commitments by theme", of: note)
        #expect(themes.count == 9 && themes.last == "- … and 7 more themes")
        let withActors = themes.filter { $0.hasPrefix("- **") && $0.contains(" — ") && $0.contains("(`") }
        #expect(withActors.count >= 3)
        #expect(themes.first?.hasPrefix("- **Implementation of the Convention** (7 commitments): Vietnam (2) — mettre en "
                                        + "œuvre prochainement la Convention avec la… (`000_4f9839d5057eabca`)") == true)
        #expect(themes.first?.hasSuffix("; and 3 more actors") == true)
        #expect(themes.contains { $0.hasPrefix("- **International cooperation** (6 commitments): Vietnam (3) — consolider ses "
                                              + "relations de coopération") })

        let timeline = section("Timeline", of: note)
        #expect(timeline.first == "- 24 Dec 2024 — Adoption by the UN General Assembly (`003_29ee913704c63452`)")
        #expect(timeline.contains("- 26 Oct 2025, afternoon — Closing session (`002_519f73f8a069fb80`)"))

        // The sources table, read back by markdown-it, is the documents table.
        let rendered = try renderMarkdown(note)
        let table = try #require(rendered.tables.first)
        #expect(table.first == ["Document", "Title", "Publisher", "Date", "URL"])
        let documents = try #require(result.briefing.rows(DocumentRow.self))
        #expect(table.count == documents.count + 1 && table.count == 6)
        for (row, doc) in zip(table.dropFirst(), documents) {
            #expect(row[0] == doc.documentID && row[1] == doc.title ?? "" && row[2] == doc.publisher ?? "")
            #expect(row[4] == doc.sourceURL ?? "—", "URL of \(row[0])")
        }
        #expect(rendered.links.contains("https://baotintuc.vn/thoi-su/cong-uoc-ha-noi-la-tuyen-ngon-cua-hop-tac-toan-cau-"
                                        + "trong-ky-nguyen-so-20251026213451983.htm"))
        #expect(rendered.links.count == 3)
        #expect(rendered.headings == ["Signing of the UN Convention against Cybercrime (Convention de Hanoï), Hanoi, 25–26 October 2025",
                                      "What changed since the previous run", "Headline figures", "Conflicting figures", "Participation", "Main commitments by theme",
                                      "Timeline", "Sources"])
        #expect(rendered.em.count == 1, "only the footer is in italics: \(rendered.em)")
    }

    @Test func twoRunsWithTheSameEpochGiveTheSameNote() throws {
        let first = try seedsNote().note
        let second = try seedsNote().note
        #expect(first == second)
        let later = try seedsNote(epoch: "1761609600").note
        #expect(later == first.replacingOccurrences(of: "run 27 Oct 2025", with: "run 28 Oct 2025"))
    }

    @Test func noteFollowsTheTablesNotFixedFacts() throws {
        var (result, _) = try seedsNote()
        result.briefing.documents[2].title = "Un autre titre"
        result.briefing.figures.removeAll { $0.metric == "articles" }
        let note = BriefingNote().render(result.briefing)
        #expect(note.contains("72 as of 26 Oct 2025 (`002_519f73f8a069fb80`, « Un autre titre »)"))
        #expect(!note.contains("**Articles:**"))
    }

    @Test func dataCannotBreakTheMarkdown() throws {
        let nasty = "A | B *star* _under_ [link](http://x.example) <b>tag</b> `tick` \\ & ~~gone~~\nsecond line"
        let documents = Table([DocumentRow(documentID: "d_1", title: nasty, date: PartialDate(year: 2025, month: 10, day: 26),
                                           sourceURL: "https://example.org/a|b c", publisher: "pub|lisher")])
        let note = BriefingNote().render(briefing([documents], description: "Title *with* [brackets]"))
        let rendered = try renderMarkdown(note)
        let flat = nasty.replacingOccurrences(of: "\n", with: " ")
        #expect(rendered.tables.first?.dropFirst().first == ["d_1", flat, "pub|lisher", "26 Oct 2025", "https://example.org/a|b c"])
        #expect(rendered.links == ["https://example.org/a%7Cb%20c"])
        #expect(rendered.headings.first == "Title *with* [brackets]")
        #expect(rendered.strong.isEmpty && rendered.em.count == 1)
        #expect(note.contains("1 document, 26 Oct 2025 · run 2 Jan 2026"))
    }

    @Test func changesSectionAppearsOnlyWhenGiven() throws {
        let documents = Table([DocumentRow(documentID: "d1")])
        let b = briefing([documents])
        let plain = BriefingNote().render(b)
        #expect(!plain.contains("What changed"))
        let changed = BriefingNote().render(b, changes: ["2 new documents", "Signatory countries: 72 (was 69)"])
        #expect(section("What changed since the previous run", of: changed) == ["- 2 new documents", "- Signatory countries: 72 (was 69)"])
        #expect(changed.components(separatedBy: "\n").firstIndex(of: "## What changed since the previous run")
                    == 4, "right after the scope line")
        #expect(section("What changed since the previous run", of: BriefingNote().render(b, changes: [])) == ["- No change."])
        // Sections without tables are left out.
        #expect(!plain.contains("## Headline figures") && !plain.contains("## Timeline") && plain.contains("## Sources"))
        #expect(plain.contains("| `d1` | — | — | — | — |"))
    }

    @Test func longListsAreCut() throws {
        let participation = Table((1...13).map { ParticipationRow(type: .organisation, name: "Org \($0)", mentions: 20 - $0) })
        let note = BriefingNote().render(briefing([participation]))
        let line = try #require(section("Participation", of: note).first)
        #expect(line.hasPrefix("- **Organisations (13):** Org 1 (19 mentions), Org 2 (18 mentions)"))
        #expect(line.hasSuffix("Org 10 (10 mentions), and 3 more"))
        #expect(!line.contains("Org 11"))
    }
}
