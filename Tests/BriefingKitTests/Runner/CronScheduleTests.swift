import Foundation
import Testing
@testable import BriefingKit

/// The `CronScheduleError` message for `text`, or `nil` (recording an issue) when it parses.
private func cronError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String? {
    do {
        let schedule = try CronSchedule(text)
        Issue.record("'\(text)' parsed as \(schedule), expected an error", sourceLocation: sourceLocation)
    } catch let error as CronScheduleError {
        return error.message
    } catch {
        Issue.record("expected a CronScheduleError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

@Suite struct CronScheduleParsingTests {
    @Test func fieldsExpandToTheirValues() throws {
        let s = try CronSchedule("0 6 * * 1-5")
        #expect(s.minutes == [0])
        #expect(s.hours == [6])
        #expect(s.daysOfMonth == Array(1...31))
        #expect(s.months == Array(1...12))
        #expect(s.daysOfWeek == [1, 2, 3, 4, 5])
        #expect(!s.dayOfMonthRestricted && s.dayOfWeekRestricted)
        #expect(s.expression == "0 6 * * 1-5")
    }

    @Test func stepsOverRangesAndLists() throws {
        #expect(try CronSchedule("*/15 * * * *").minutes == [0, 15, 30, 45])
        #expect(try CronSchedule("10-40/10 * * * *").minutes == [10, 20, 30, 40])
        #expect(try CronSchedule("0 6,18 * * *").hours == [6, 18])
        #expect(try CronSchedule("0 1-3,20-22/2 * * *").hours == [1, 2, 3, 20, 22])
        #expect(try CronSchedule("0 0 */10 * *").daysOfMonth == [1, 11, 21, 31])
        #expect(try CronSchedule("0 0 1 */3 *").months == [1, 4, 7, 10])
    }

    @Test func namesAreCaseInsensitiveAndSundayIsZeroOrSeven() throws {
        #expect(try CronSchedule("0 0 * JAN-Mar,dec *").months == [1, 2, 3, 12])
        #expect(try CronSchedule("0 0 * * MON-fri").daysOfWeek == [1, 2, 3, 4, 5])
        #expect(try CronSchedule("0 0 * * 7").daysOfWeek == [0])
        #expect(try CronSchedule("0 0 * * 0,7").daysOfWeek == [0])
        #expect(try CronSchedule("0 0 * * 5-7").daysOfWeek == [0, 5, 6])
        #expect(try CronSchedule("0 0 * * sat,sun").daysOfWeek == [0, 6])
        #expect(try CronSchedule("0 0 * * mon-sat/2").daysOfWeek == [1, 3, 5])
        #expect(try CronSchedule("0 0 * * */2").daysOfWeek == [0, 2, 4, 6])
    }

    @Test func macrosStandForTheirFiveFields() throws {
        let pairs = [("@yearly", "0 0 1 1 *"), ("@annually", "0 0 1 1 *"), ("@monthly", "0 0 1 * *"),
                     ("@weekly", "0 0 * * 0"), ("@daily", "0 0 * * *"), ("@hourly", "0 * * * *")]
        for (macro, fields) in pairs {
            let a = try CronSchedule(macro), b = try CronSchedule(fields)
            #expect(a.expression == macro)
            #expect(a.onCalendar == b.onCalendar, "\(macro)")
            #expect((a.minutes, a.hours, a.daysOfMonth, a.months, a.daysOfWeek) == (b.minutes, b.hours, b.daysOfMonth, b.months, b.daysOfWeek))
        }
        #expect(try CronSchedule("@DAILY").expression == "@daily")
    }

    @Test func whiteSpaceIsNormalised() throws {
        #expect(try CronSchedule("  0\t6  * *   1-5 ").expression == "0 6 * * 1-5")
    }

    @Test func dayOfMonthAndDayOfWeekMatchEitherWhenBothAreRestricted() throws {
        // 2025-06-01 is a Sunday, 2025-06-02 a Monday, 2025-06-03 a Tuesday.
        let either = try CronSchedule("0 0 1 * 1")
        #expect(either.matches(minute: 0, hour: 0, day: 1, month: 6, weekday: 0))
        #expect(either.matches(minute: 0, hour: 0, day: 2, month: 6, weekday: 1))
        #expect(!either.matches(minute: 0, hour: 0, day: 3, month: 6, weekday: 2))
        // A leading '*' leaves the field unrestricted: then both must match (Vixie cron, cronie).
        let both = try CronSchedule("0 0 */2 * 1")
        #expect(both.matches(minute: 0, hour: 0, day: 3, month: 2, weekday: 1))
        #expect(!both.matches(minute: 0, hour: 0, day: 2, month: 6, weekday: 1))
        #expect(!both.matches(minute: 0, hour: 0, day: 1, month: 6, weekday: 0))
        #expect(!both.matches(minute: 1, hour: 0, day: 3, month: 2, weekday: 1))
    }

    @Test func badExpressionsSayWhichFieldAndWhy() {
        let cases: [(String, String)] = [
            ("0 25 * * *", "field 2 (hour) '25' is out of range 0–23"),
            ("60 * * * *", "field 1 (minute) '60' is out of range 0–59"),
            ("0 6,25 * * *", "field 2 (hour) '6,25': '25' is out of range 0–23"),
            ("0 0 0 * *", "field 3 (day-of-month) '0' is out of range 1–31"),
            ("0 0 * 13 *", "field 4 (month) '13' is out of range 1–12"),
            ("0 0 * * 8", "field 5 (day-of-week) '8' is out of range 0–7"),
            ("0 18-6 * * *", "field 2 (hour) '18-6' goes backwards (18 comes after 6); cron ranges do not wrap around"),
            ("0 0 * * fri-sun", "field 5 (day-of-week) 'fri-sun' goes backwards (fri comes after sun); cron ranges "
                + "do not wrap around (Sunday is also 7: write 'fri-7')"),
            ("*/0 * * * *", "field 1 (minute) '*/0' has a step of 0 (the step must be at least 1)"),
            ("*/90 * * * *", "field 1 (minute) '*/90' has a step 90 larger than the field's range 0–59"),
            ("5/10 * * * *", "field 1 (minute) '5/10' has a step without a range (write '*/10' or '5-59/10')"),
            ("*/x * * * *", "field 1 (minute) '*/x' has a step that is not a number"),
            ("*/2/3 * * * *", "field 1 (minute) '*/2/3' has more than one '/'"),
            ("0 6,,18 * * *", "field 2 (hour) '6,,18' has an empty list item"),
            ("0 -5 * * *", "field 2 (hour) '-5' is not a range (write 'a-b')"),
            ("0 six * * *", "field 2 (hour) 'six' is not a number (0–23)"),
            ("0 0 * * mno", "field 5 (day-of-week) 'mno' is not a number (0–7) or a day name (sun–sat); did you mean 'mon'?"),
            ("0 0 * * monday", "field 5 (day-of-week) 'monday' is not a number (0–7) or a day name (sun–sat); did you mean 'mon'?"),
            ("0 0 * jna *", "field 4 (month) 'jna' is not a number (1–12) or a month name (jan–dec); did you mean 'jan'?"),
            ("0 0 ? * *", "field 3 (day-of-month) '?' is not a number (1–31)"),
            ("0 0 * * 1 *", "expected 5 fields (minute hour day-of-month month day-of-week) or a macro such as '@daily', "
                + "found 6 in '0 0 * * 1 *' (there is no seconds, year or command field)"),
            ("0 6 * *", "expected 5 fields (minute hour day-of-month month day-of-week) or a macro such as '@daily', "
                + "found 4 in '0 6 * *'"),
            ("   ", "the schedule is empty"),
            ("@reboot", "'@reboot' has no systemd timer equivalent (it runs at boot, not at a time of day); "
                + "use five fields such as '0 6 * * *'"),
            ("@dayly", "unknown macro '@dayly' (expected one of: @yearly, @annually, @monthly, @weekly, @daily, "
                + "@midnight, @hourly); did you mean '@daily'?"),
            ("0 0 31 4,jun,9,11 *", "the schedule never fires: field 3 (day-of-month) '31' never occurs in field 4 "
                + "(month) '4,jun,9,11'"),
            ("0 0 30 feb *", "the schedule never fires: field 3 (day-of-month) '30' never occurs in field 4 (month) 'feb'"),
        ]
        for (text, message) in cases {
            #expect(cronError(text) == message, "\(text)")
        }
    }

    @Test func rareButPossibleDaysAreAccepted() throws {
        #expect(try CronSchedule("0 0 29 2 *").daysOfMonth == [29])
        // Both restricted: the day of the week alone fires it.
        #expect(try CronSchedule("0 0 31 2 mon").daysOfWeek == [1])
    }
}

@Suite struct CronScheduleLoaderTests {
    @Test func theLoaderReadsTheSchedule() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = try project.write(base(inserting: "schedule: \"0 6 * * 1-5\"", before: 3))
        let config = try PipelineLoader.load(path: path)
        #expect(config.schedule == (try CronSchedule("0 6 * * 1-5")))
        let none = try project.write(base(replacing: 1, with: "version: 1"), to: "Pipelines/q.yaml")
        #expect(try PipelineLoader.load(path: none).schedule == nil)
    }

    @Test func aPlainUnquotedScheduleWorksWhenItDoesNotStartWithAStar() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = try project.write(base(inserting: "schedule: 30 2 1 * *", before: 3))
        #expect(try PipelineLoader.load(path: path).schedule?.onCalendar == ["*-*-01 02:30:00"])
    }

    @Test func aBadScheduleIsAPositionedConfigError() throws {
        let error = try #require(try loadError(base(inserting: "schedule: \"0 25 * * *\"", before: 3)))
        #expect(error.position == "3:11")
        #expect(error.keyPath == "schedule")
        #expect(error.message == "field 2 (hour) '25' is out of range 0–23")
        #expect(error.snippet == "schedule: \"0 25 * * *\"\n          ^")
        #expect(error.description.hasSuffix("p.yaml:3:11: error: schedule: field 2 (hour) '25' is out of range 0–23\n"
                                            + "schedule: \"0 25 * * *\"\n          ^"))
    }

    @Test func rebootAndEmptyAndWrongTypesAreRejectedWhereTheyAre() throws {
        let reboot = try #require(try loadError(base(inserting: "schedule: '@reboot'", before: 5)))
        #expect(reboot.position == "5:11")
        #expect(reboot.message.hasPrefix("'@reboot' has no systemd timer equivalent"))
        let empty = try #require(try loadError(base(inserting: "schedule: \"\"", before: 13)))
        #expect(empty.position == "13:11")
        #expect(empty.message == "the schedule is empty")
        let list = try #require(try loadError(base(inserting: "schedule: [0, 6]", before: 13)))
        #expect(list.position == "13:11")
        #expect(list.message == "expected a single value, found a list")
        let typo = try #require(try loadError(base(inserting: "schedul: \"0 6 * * *\"", before: 3)))
        #expect(typo.message.hasSuffix("did you mean 'schedule'?"))
    }

    @Test func theDefaultPipelineRunsAtSixEveryDay() throws {
        let config = try PipelineLoader.load(path: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        let schedule = try #require(config.schedule)
        #expect(schedule.expression == "0 6 * * *")
        #expect(schedule.onCalendar == ["*-*-* 06:00:00"])
    }

    @Test func theScheduleSurvivesEncoding() throws {
        let project = try TempProject()
        defer { project.remove() }
        let yaml = base(inserting: "schedule: \"*/15 8-18 * * mon-fri\"", before: 3)
        let file = try YAMLLoader.decode(PipelineFile.self, from: yaml, file: "p.yaml")
        let json = try JSONEncoder().encode(file)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["schedule"] as? String == "*/15 8-18 * * mon-fri")
        #expect(try JSONDecoder().decode(PipelineFile.self, from: json) == file)
    }
}

@Suite struct CronScheduleSystemdTests {
    /// Cron expressions and the `OnCalendar=` expressions they become.
    static let translations: [(String, [String])] = [
        ("0 6 * * 1-5", ["Mon..Fri *-*-* 06:00:00"]),
        ("*/15 * * * *", ["*-*-* *:00/15:00"]),
        ("30 2 1 * *", ["*-*-01 02:30:00"]),
        ("* * * * *", ["*-*-* *:*:00"]),
        ("5 4 * * *", ["*-*-* 04:05:00"]),
        ("0 6,18 * * *", ["*-*-* 06,18:00:00"]),
        ("15,45 * * * *", ["*-*-* *:15,45:00"]),
        ("0-10 * * * *", ["*-*-* *:00..10:00"]),
        ("0 */2 * * *", ["*-*-* 00/2:00:00"]),
        ("0 8-18/2 * * *", ["*-*-* 08,10,12,14,16,18:00:00"]),
        ("*/20 9-17 * * 1-5", ["Mon..Fri *-*-* 09..17:00/20:00"]),
        ("0 9 * * mon,wed,fri", ["Mon,Wed,Fri *-*-* 09:00:00"]),
        ("0 0 * * 1,2,3,5", ["Mon..Wed,Fri *-*-* 00:00:00"]),
        ("0 0 * * 0", ["Sun *-*-* 00:00:00"]),
        ("0 0 * * 7", ["Sun *-*-* 00:00:00"]),
        ("0 0 * * 5-7", ["Fri..Sun *-*-* 00:00:00"]),
        ("0 0 * * 0-2", ["Mon,Tue,Sun *-*-* 00:00:00"]),
        ("0 0 * * sat,sun", ["Sat,Sun *-*-* 00:00:00"]),
        ("0 0 * * */2", ["Tue,Thu,Sat,Sun *-*-* 00:00:00"]),
        ("0 0 * * 0-6", ["*-*-* 00:00:00"]),
        ("0 0 1,15 * *", ["*-*-01,15 00:00:00"]),
        ("0 0 1,2 * *", ["*-*-01,02 00:00:00"]),
        ("0 0 */2 * *", ["*-*-01/2 00:00:00"]),
        ("0 0 1 */3 *", ["*-01/3-01 00:00:00"]),
        ("0 0 1 jan,jul *", ["*-01,07-01 00:00:00"]),
        ("0 12 * 6-8 *", ["*-06..08-* 12:00:00"]),
        ("0 0 29 2 *", ["*-02-29 00:00:00"]),
        // Both day fields restricted: cron fires on either, so one line each.
        ("0 0 1 * 1", ["*-*-01 00:00:00", "Mon *-*-* 00:00:00"]),
        ("0 0 13 * fri", ["*-*-13 00:00:00", "Fri *-*-* 00:00:00"]),
        ("30 7 1-7 * mon", ["*-*-01..07 07:30:00", "Mon *-*-* 07:30:00"]),
        ("0 0 1 2 mon", ["*-02-01 00:00:00", "Mon *-02-* 00:00:00"]),
        // One of them every day: either matches every day.
        ("0 0 1-31 * 1", ["*-*-* 00:00:00"]),
        // A leading '*' leaves day-of-month unrestricted: both must match, as systemd does.
        ("0 0 */2 * 1", ["Mon *-*-01/2 00:00:00"]),
        ("@yearly", ["*-01-01 00:00:00"]),
        ("@monthly", ["*-*-01 00:00:00"]),
        ("@weekly", ["Sun *-*-* 00:00:00"]),
        ("@daily", ["*-*-* 00:00:00"]),
        ("@hourly", ["*-*-* *:00:00"]),
    ]

    @Test func cronBecomesOnCalendar() throws {
        for (cron, expected) in Self.translations {
            #expect(try CronSchedule(cron).onCalendar == expected, "\(cron)")
        }
    }

    /// Each translation is valid for `systemd-analyze calendar`, in its normalised form already,
    /// and its next 12 elapses from the start of 2025 (UTC) are exactly cron's next 12 firings.
    @Test func systemdAgreesWithCronOnEveryTranslation() throws {
        guard let tool = systemdAnalyzePath else {
            print("note: systemd-analyze is not installed: skipping the `systemd-analyze calendar` check of the OnCalendar= translations")
            return
        }
        let count = 12
        for (cron, _) in Self.translations {
            let schedule = try CronSchedule(cron)
            let r = try runProcess(tool, ["calendar", "--iterations=\(count)", "--base-time=2024-12-31 23:59:59 UTC"]
                                + schedule.onCalendar, environment: ["TZ": "UTC"])
            #expect(r.code == 0, "systemd-analyze calendar rejected \(schedule.onCalendar) from '\(cron)':\n\(r.err)")
            let normalized = r.out.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "Normalized form: ") else { return nil }
                return String(line[range.upperBound...])
            }
            #expect(normalized == schedule.onCalendar, "'\(cron)'")
            var elapses = Set<String>()
            for line in r.out.split(separator: "\n") where line.contains("Next elapse:") || line.contains("Iter. #") {
                if let match = line.firstMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/) { elapses.insert(String(match.output)) }
            }
            let systemd = Array(elapses.sorted().prefix(count))
            #expect(systemd == cronFirings(schedule, count: count), "'\(cron)' → \(schedule.onCalendar)")
        }
    }

    @Test func theCheckAboveCanFail() throws {
        guard let tool = systemdAnalyzePath else {
            print("note: systemd-analyze is not installed: skipping the control of the OnCalendar= check")
            return
        }
        // Cron fires on the 1st OR on Mondays; a single systemd line means the 1st AND a Monday.
        let schedule = try CronSchedule("0 0 1 * 1")
        let r = try runProcess(tool, ["calendar", "--iterations=3", "--base-time=2024-12-31 23:59:59 UTC",
                                   "Mon *-*-01 00:00:00"], environment: ["TZ": "UTC"])
        let elapses = r.out.split(separator: "\n").compactMap { $0.firstMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/) }
            .map { String($0.output) }
        #expect(elapses == ["2025-09-01 00:00:00", "2025-12-01 00:00:00", "2026-06-01 00:00:00"])
        #expect(cronFirings(schedule, count: 3) == ["2025-01-01 00:00:00", "2025-01-06 00:00:00", "2025-01-13 00:00:00"])
    }
}

/// The first `count` minutes from 2025-01-01 00:00 at which cron would run `schedule`, as `YYYY-MM-DD HH:MM:00`.
func cronFirings(_ schedule: CronSchedule, count: Int) -> [String] {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    var result: [String] = []
    var weekday = 3  // 2025-01-01 was a Wednesday
    for year in 2025...2200 {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for month in 1...12 {
            for day in 1...lengths[month - 1] {
                defer { weekday = (weekday + 1) % 7 }
                for hour in schedule.hours {
                    for minute in schedule.minutes
                    where schedule.matches(minute: minute, hour: hour, day: day, month: month, weekday: weekday) {
                        result.append("\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):00")
                        if result.count == count { return result }
                    }
                }
            }
        }
    }
    return result
}

/// `systemd-analyze`, when installed (it works without systemd running); `nil` otherwise.
let systemdAnalyzePath: String? = findOnPath("systemd-analyze")
    ?? ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }

