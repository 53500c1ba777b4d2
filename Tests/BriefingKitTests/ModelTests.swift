import Testing
@testable import BriefingKit

@Suite struct PartialDateTests {
    @Test func isoAndPrecision() {
        #expect(PartialDate(year: 2025, month: 10, day: 5).iso == "2025-10-05")
        #expect(PartialDate(year: 2025, month: 4).iso == "2025-04")
        #expect(PartialDate(year: 2025, month: 4).precision == .month)
    }

    @Test func dayArithmeticCrossesMonthsAndYears() {
        #expect(PartialDate(year: 2025, month: 10, day: 26).adding(days: -1).iso == "2025-10-25")
        #expect(PartialDate(year: 2025, month: 3, day: 1).adding(days: -1).iso == "2025-02-28")
        #expect(PartialDate(year: 2024, month: 12, day: 31).adding(days: 1).iso == "2025-01-01")
        #expect(PartialDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
    }

    @Test func validationRejectsImpossibleDates() {
        #expect(PartialDate.valid(year: 2025, month: 2, day: 29) == nil)
        #expect(PartialDate.valid(year: 2024, month: 2, day: 29) != nil)
        #expect(PartialDate.valid(year: 2025, month: 13, day: nil) == nil)
    }
}
