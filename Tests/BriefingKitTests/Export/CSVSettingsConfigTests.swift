import Foundation
import Testing
@testable import BriefingKit

/// `outputs.csv` in the pipeline file: defaults, values, and positioned errors.
@Suite struct CSVSettingsConfigTests {
    private func load(_ yaml: String) throws -> PipelineConfig {
        let project = try TempProject()
        defer { project.remove() }
        return try PipelineLoader.load(path: try project.write(yaml))
    }

    @Test func defaultsWhenLeftOut() throws {
        let config = try load(base(replacing: 12, with: "  formats: [csv]"))
        #expect(config.outputs.csv == CSVSettings(dialect: .rfc4180, neutraliseFormulas: true))
        let empty = try load(base(inserting: "  csv: {}", before: 12))
        #expect(empty.outputs.csv == CSVSettings())
    }

    @Test func readsDialectAndNeutralisation() throws {
        let config = try load(base(inserting: "  csv:\n    dialect: excel\n    neutralise_formulas: false", before: 12))
        #expect(config.outputs.csv == CSVSettings(dialect: .excel, neutraliseFormulas: false))
        #expect(config.outputs.formats == [.xlsx, .csv])
        let flow = try load(base(inserting: "  csv: {dialect: rfc4180}", before: 12))
        #expect(flow.outputs.csv == CSVSettings(dialect: .rfc4180, neutraliseFormulas: true))
    }

    @Test func theProjectPipelineDocumentsTheDefaults() throws {
        let config = try PipelineLoader.load(path: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        #expect(config.outputs.csv == CSVSettings())
        let text = try String(contentsOfFile: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path,
                              encoding: .utf8)
        #expect(text.contains("    dialect: rfc4180"))
        #expect(text.contains("    neutralise_formulas: true"))
    }

    @Test func badDialectIsPositioned() throws {
        let error = try #require(try loadError(base(inserting: "  csv:\n    dialect: exel", before: 12)))
        #expect(error.position == "13:14")
        #expect(error.keyPath == "outputs.csv.dialect")
        #expect(error.message == "bad value 'exel' (expected one of: rfc4180, excel); did you mean 'excel'?")
    }

    @Test func unknownKeyUnderCSVIsPositioned() throws {
        let error = try #require(try loadError(base(inserting: "  csv:\n    delimiter: \";\"", before: 12)))
        #expect(error.position == "13:5")
        #expect(error.keyPath == "outputs.csv")
        #expect(error.message == "unknown key 'delimiter' (expected one of: dialect, neutralise_formulas)")
        let typo = try #require(try loadError(base(inserting: "  csv: {neutralize_formulas: false}", before: 12)))
        #expect(typo.position == "12:9")
        #expect(typo.message.hasSuffix("did you mean 'neutralise_formulas'?"))
    }

    @Test func neutraliseMustBeABoolean() throws {
        let error = try #require(try loadError(base(inserting: "  csv: {neutralise_formulas: maybe}", before: 12)))
        #expect(error.position == "12:30")
        #expect(error.keyPath == "outputs.csv.neutralise_formulas")
    }

    @Test func unknownKeyUnderOutputsListsCSV() throws {
        let error = try #require(try loadError(base(inserting: "  cvs: {}", before: 12)))
        #expect(error.position == "12:3")
        #expect(error.message == "unknown key 'cvs' (expected one of: folder, formats, keep, csv, xlsx_detail_rows); did you mean 'csv'?")
    }
}
