@testable import BriefingKit

extension Table {
    /// Every row's cells, as the exporters see them (for tables built by hand in tests).
    var cells: [[Cell]] { (0..<count).map(row) }
}
