/// Writes a briefing in one format into a folder.
public protocol Exporter {
    /// The format's key in the pipeline file's `outputs.formats`.
    static var format: OutputSettings.Format { get }
    /// Writes the files and returns their paths relative to `folder`.
    /// - Throws: `RunError` naming the file that could not be written.
    func export(_ briefing: Briefing, to folder: String) throws -> [String]
}
