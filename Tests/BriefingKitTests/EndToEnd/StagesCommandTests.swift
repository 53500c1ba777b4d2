import Testing
@testable import BriefingKit

/// `briefing stages`: the stages and their settings, from the same declarations that check pipelines.
@Suite struct StagesCommandTests {
    @Test func listsTheStagesAndTheirSettings() throws {
        let r = try runBriefing(["stages"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.isEmpty)
        #expect(r.out == StageCatalog(.standard).text() + "\n")
        #expect(r.out.contains("\n  shingle_size  integer, between 1 and 10             default: 2\n    Words per shingle.\n"))
    }

    @Test func markdownIsTheReadmeTable() throws {
        let r = try runBriefing(["stages", "--markdown"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == StageCatalog(.standard).markdown() + "\n")
        #expect(r.out.hasPrefix("| stage | setting | values | default | what it does |\n|---|---|---|---|---|\n"))
    }

    @Test func helpNamesTheCommand() throws {
        let r = try runBriefing(["--help"])
        #expect(r.code == 0)
        #expect(r.out.contains("\n  stages                  List the stages a pipeline file may name, and their\n"))
        let bad = try runBriefing(["stages", "--markdwon"])
        #expect(bad.code == 2)
    }
}
