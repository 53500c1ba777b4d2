import ArgumentParser
import BriefingKit

extension BriefingCommand {
    struct ListStages: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stages",
            abstract: "List the stages a pipeline file may name, and their settings.",
            discussion: """
                Each setting with the values it accepts, its default and what it does, from the stages' own \
                declarations (the ones that check pipeline files). --markdown prints the README's settings table.
                """
        )

        @Flag(help: "Print the settings as a Markdown table (the README's).")
        var markdown = false

        func run() {
            let catalog = StageCatalog(.standard)
            print(markdown ? catalog.markdown() : catalog.text())
        }
    }
}
