import ArgumentParser
import BriefingKit

@main
struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Turn a corpus of news articles into briefing tables (XLSX, CSV, JSON)."
    )
}
