/// The short, human-readable account that ends every run.
public enum RunSummary {
    /// Per stage: records in, out, dropped by reason, time; then where the outputs went and the warnings.
    public static func render(_ run: RunInfo, outputFolder: String, files: [String]) -> String {
        var lines: [String] = []
        let docs = run.stages.first { $0.stage == ParseStage.kind }
        lines.append("briefing: \(run.pipeline): \(docs?.output ?? 0) document(s) from \(run.corpus)/ at \(run.runAt)")
        let header = [pad("stage", 10), pad("unit", 11), lpad("in", 8), lpad("out", 8), "  ", pad("dropped", 44), lpad("time", 9)]
        lines.append("  " + header.joined())
        for s in run.stages {
            let dropped = s.dropped.isEmpty ? "-" : s.dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let row = [pad(s.stage, 10), pad(s.unit, 11), lpad(String(s.input), 8), lpad(String(s.output), 8), "  ",
                       pad(dropped, 44), lpad(format(s.seconds) + " s", 9)]
            lines.append("  " + row.joined())
            if !s.extra.isEmpty {
                lines.append("  " + pad("", 21) + s.extra.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
            }
        }
        if !run.changes.isEmpty {
            lines.append("changes since the previous run:")
            lines += run.changes.map { "  \($0)" }
        }
        lines.append("wrote \(outputFolder)/: " + files.joined(separator: ", "))
        if run.warnings.isEmpty {
            lines.append("no warnings")
        } else {
            lines.append("\(run.warnings.count) warning(s):")
            lines += run.warnings.prefix(20).map { "  warning: \($0)" }
            if run.warnings.count > 20 { lines.append("  … and \(run.warnings.count - 20) more (see the run record)") }
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    private static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
    static func format(_ seconds: Double) -> String {
        let ms = (seconds * 1000).rounded()
        let whole = Int(ms) / 1000, frac = Int(ms) % 1000
        return "\(whole)." + String(repeating: "0", count: 3 - String(frac).count) + String(frac)
    }
}
