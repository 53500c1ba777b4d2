import Foundation

/// A cron schedule: five fields (minute hour day-of-month month day-of-week) or a macro such as `@daily`.
///
/// Fields take `*`, numbers, ranges `a-b`, lists `a,b,c`, steps `*/n` and `a-b/n`, month names
/// `jan`–`dec` and day names `sun`–`sat` (any case); day-of-week 0 and 7 are both Sunday. As in
/// Vixie cron and cronie, when day-of-month and day-of-week are both restricted (neither starts
/// with `*`) a day matches when EITHER matches; otherwise both must match.
public struct CronSchedule: Sendable, Equatable, Codable, CustomStringConvertible {
    /// One of the five fields, numbered from 1 as error messages name them.
    public enum Field: Int, Sendable, CaseIterable {
        case minute = 1, hour, dayOfMonth, month, dayOfWeek

        /// The field's name in messages: `minute`, `day-of-week`…
        public var name: String {
            switch self {
            case .minute: return "minute"
            case .hour: return "hour"
            case .dayOfMonth: return "day-of-month"
            case .month: return "month"
            case .dayOfWeek: return "day-of-week"
            }
        }

        /// The values the field accepts (day-of-week 7 is Sunday again).
        public var range: ClosedRange<Int> {
            switch self {
            case .minute: return 0...59
            case .hour: return 0...23
            case .dayOfMonth: return 1...31
            case .month: return 1...12
            case .dayOfWeek: return 0...7
            }
        }

        /// Three-letter names and the value of the first one, for months and days of the week.
        var names: (list: [String], first: Int, what: String)? {
            switch self {
            case .month: return (["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
                                 1, "a month name (jan–dec)")
            case .dayOfWeek: return (["sun", "mon", "tue", "wed", "thu", "fri", "sat"], 0, "a day name (sun–sat)")
            default: return nil
            }
        }
    }

    /// The macros and the five fields each stands for.
    public static let macros: [(name: String, fields: String)] = [
        ("@yearly", "0 0 1 1 *"), ("@annually", "0 0 1 1 *"), ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"), ("@daily", "0 0 * * *"), ("@midnight", "0 0 * * *"), ("@hourly", "0 * * * *"),
    ]

    /// The expression as written, runs of white space collapsed to one space (a macro in lower case).
    public let expression: String
    /// Minutes 0–59 at which it fires, ascending.
    public let minutes: [Int]
    /// Hours 0–23, ascending.
    public let hours: [Int]
    /// Days of the month 1–31, ascending.
    public let daysOfMonth: [Int]
    /// Months 1–12, ascending.
    public let months: [Int]
    /// Days of the week 0–6, 0 = Sunday (a written 7 counts as 0), ascending.
    public let daysOfWeek: [Int]
    /// Day-of-month was written without a leading `*`.
    public let dayOfMonthRestricted: Bool
    /// Day-of-week was written without a leading `*`.
    public let dayOfWeekRestricted: Bool

    /// Parses `text`; throws a `CronScheduleError` whose message names the field and the problem.
    public init(_ text: String) throws {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { throw CronScheduleError("the schedule is empty") }
        var fields = words
        if words.count == 1, words[0].hasPrefix("@") {
            let macro = words[0].lowercased()
            if macro == "@reboot" {
                throw CronScheduleError("'@reboot' has no systemd timer equivalent (it runs at boot, not at a time "
                                        + "of day); use five fields such as '0 6 * * *'")
            }
            guard let found = Self.macros.first(where: { $0.name == macro }) else {
                let names = Self.macros.map(\.name)
                var message = "unknown macro '\(words[0])' (expected one of: \(names.joined(separator: ", ")))"
                if let guess = KeySuggestion.closest(to: macro, in: names) { message += "; did you mean '\(guess)'?" }
                throw CronScheduleError(message)
            }
            expression = macro
            fields = found.fields.split(separator: " ").map(String.init)
        } else {
            guard words.count == 5 else {
                var message = "expected 5 fields (minute hour day-of-month month day-of-week) or a macro such as "
                    + "'@daily', found \(words.count) in '\(words.joined(separator: " "))'"
                if words.count > 5 { message += " (there is no seconds, year or command field)" }
                throw CronScheduleError(message)
            }
            expression = words.joined(separator: " ")
        }
        minutes = try Self.parse(fields[0], .minute)
        hours = try Self.parse(fields[1], .hour)
        daysOfMonth = try Self.parse(fields[2], .dayOfMonth)
        months = try Self.parse(fields[3], .month)
        daysOfWeek = Array(Set(try Self.parse(fields[4], .dayOfWeek).map { $0 % 7 })).sorted()
        dayOfMonthRestricted = !fields[2].hasPrefix("*")
        dayOfWeekRestricted = !fields[4].hasPrefix("*")
        try checkDaysOccur(dayField: fields[2], monthField: fields[3])
    }

    /// The expression as written (normalised), as cron takes it.
    public var description: String { expression }

    /// Whether it fires at this minute; `weekday` is 0–6 with 0 = Sunday.
    public func matches(minute: Int, hour: Int, day: Int, month: Int, weekday: Int) -> Bool {
        guard minutes.contains(minute), hours.contains(hour), months.contains(month) else { return false }
        let dayMatches = daysOfMonth.contains(day)
        let weekdayMatches = daysOfWeek.contains(weekday % 7)
        if dayOfMonthRestricted && dayOfWeekRestricted { return dayMatches || weekdayMatches }
        return dayMatches && weekdayMatches
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try CronSchedule(text)
        } catch let error as CronScheduleError {
            throw YAMLIssue(error.message).decodingError(at: decoder.codingPath)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(expression)
    }

    // MARK: - Parsing

    /// The values of one field, ascending.
    private static func parse(_ text: String, _ field: Field) throws -> [Int] {
        var values = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            func fail(_ token: String, _ problem: String) -> CronScheduleError {
                let shown = token == text ? "'\(token)'" : "'\(text)': '\(token)'"
                return CronScheduleError("field \(field.rawValue) (\(field.name)) \(shown) \(problem)")
            }
            guard !item.isEmpty else {
                throw CronScheduleError("field \(field.rawValue) (\(field.name)) '\(text)' has an empty list item")
            }
            let parts = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2 else { throw fail(item, "has more than one '/'") }
            var step = 1
            if parts.count == 2 {
                guard let n = number(parts[1]) else { throw fail(item, "has a step that is not a number") }
                guard n >= 1 else { throw fail(item, "has a step of 0 (the step must be at least 1)") }
                let span = field.range.upperBound - field.range.lowerBound
                guard n <= span else {
                    throw fail(item, "has a step \(n) larger than the field's range \(rangeText(field))")
                }
                step = n
            }
            let base = parts[0]
            var low: Int, high: Int
            if base == "*" {
                (low, high) = (field.range.lowerBound, field.range.upperBound)
            } else if let dash = base.firstIndex(of: "-") {
                let first = String(base[..<dash]), last = String(base[base.index(after: dash)...])
                guard !first.isEmpty, !last.isEmpty else { throw fail(item, "is not a range (write 'a-b')") }
                low = try value(first, field, fail: fail)
                high = try value(last, field, fail: fail)
                guard low <= high else {
                    var problem = "goes backwards (\(first) comes after \(last)); cron ranges do not wrap around"
                    if field == .dayOfWeek, high == 0 { problem += " (Sunday is also 7: write '\(first)-7')" }
                    throw fail(base, problem)
                }
            } else {
                low = try value(base, field, fail: fail)
                high = low
                if parts.count == 2 {
                    throw fail(item, "has a step without a range (write '*/\(step)' or '\(base)-\(field.range.upperBound)/\(step)')")
                }
            }
            values.formUnion(stride(from: low, through: high, by: step))
        }
        return values.sorted()
    }

    /// One value of a field: a number in range, or a month or day name.
    private static func value(_ token: String, _ field: Field,
                              fail: (String, String) -> CronScheduleError) throws -> Int {
        if let n = number(token) {
            guard field.range.contains(n) else { throw fail(token, "is out of range \(rangeText(field))") }
            return n
        }
        guard let names = field.names else { throw fail(token, "is not a number (\(rangeText(field)))") }
        let lowered = token.lowercased()
        if let index = names.list.firstIndex(of: lowered) { return names.first + index }
        var message = "is not a number (\(rangeText(field))) or \(names.what)"
        let guess = names.list.first(where: { lowered.count > 3 && lowered.hasPrefix($0) })
            ?? KeySuggestion.closest(to: lowered, in: names.list)
        if let guess { message += "; did you mean '\(guess)'?" }
        throw fail(token, message)
    }

    /// A number written with ASCII digits only.
    private static func number(_ token: String) -> Int? {
        guard !token.isEmpty, token.count <= 4, token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(token)
    }

    private static func rangeText(_ field: Field) -> String {
        "\(field.range.lowerBound)–\(field.range.upperBound)"
    }

    /// Rejects a schedule whose days of the month never occur in its months (`0 0 31 4 *`).
    private func checkDaysOccur(dayField: String, monthField: String) throws {
        // Restricted on both sides, the day of the week alone can fire it.
        guard !(dayOfMonthRestricted && dayOfWeekRestricted) else { return }
        let longest = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard !months.contains(where: { month in daysOfMonth.contains { $0 <= longest[month] } }) else { return }
        throw CronScheduleError("the schedule never fires: field 3 (day-of-month) '\(dayField)' never occurs in "
                                + "field 4 (month) '\(monthField)'")
    }
}

/// A cron expression that cannot be parsed; `message` says which field is wrong and why.
public struct CronScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Such as `field 2 (hour) '25' is out of range 0–23`.
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

// MARK: - systemd

extension CronSchedule {
    /// The systemd `OnCalendar=` expressions that fire exactly when cron would, in local time.
    ///
    /// One expression, except when day-of-month and day-of-week are both restricted: cron fires
    /// when either matches but `OnCalendar=` requires both, so there is one expression for each.
    public var onCalendar: [String] {
        let time = Self.numbers(hours, in: Field.hour.range) + ":" + Self.numbers(minutes, in: Field.minute.range) + ":00"
        let monthText = Self.numbers(months, in: Field.month.range)
        let allDays = daysOfMonth == Array(Field.dayOfMonth.range)
        let allWeekdays = daysOfWeek == Array(0...6)
        if dayOfMonthRestricted && dayOfWeekRestricted {
            if allDays || allWeekdays { return ["*-\(monthText)-* \(time)"] }
            return ["*-\(monthText)-\(Self.numbers(daysOfMonth, in: Field.dayOfMonth.range)) \(time)",
                    "\(Self.weekdays(daysOfWeek)) *-\(monthText)-* \(time)"]
        }
        let prefix = allWeekdays ? "" : Self.weekdays(daysOfWeek) + " "
        return ["\(prefix)*-\(monthText)-\(Self.numbers(daysOfMonth, in: Field.dayOfMonth.range)) \(time)"]
    }

    /// `*` for every value; `a/n` for a progression that runs to the end of the range; else
    /// comma-separated values, with runs of three or more as `a..b`. Two digits each.
    static func numbers(_ values: [Int], in range: ClosedRange<Int>) -> String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if values == Array(range) { return "*" }
        if values.count >= 3, let first = values.first, let last = values.last {
            let step = values[1] - first
            let even = zip(values, values.dropFirst()).allSatisfy { $1 - $0 == step }
            if step > 1, even, last + step > range.upperBound { return "\(pad(first))/\(step)" }
        }
        return runs(values).map { run in
            run.count >= 3 ? "\(pad(run[0]))..\(pad(run[run.count - 1]))" : run.map(pad).joined(separator: ",")
        }.joined(separator: ",")
    }

    /// Days of the week (0 = Sunday) in systemd's Monday-first order: `Mon..Fri`, `Sat,Sun`.
    static func weekdays(_ values: [Int]) -> String {
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let mondayFirst = values.map { ($0 + 6) % 7 }.sorted()
        return runs(mondayFirst).map { run in
            let shown = run.map { names[($0 + 1) % 7] }
            return run.count >= 3 ? "\(shown[0])..\(shown[shown.count - 1])" : shown.joined(separator: ",")
        }.joined(separator: ",")
    }

    /// Ascending `values` cut into runs of consecutive numbers.
    private static func runs(_ values: [Int]) -> [[Int]] {
        var result: [[Int]] = []
        for value in values {
            if let last = result.last?.last, last + 1 == value {
                result[result.count - 1].append(value)
            } else {
                result.append([value])
            }
        }
        return result
    }
}
