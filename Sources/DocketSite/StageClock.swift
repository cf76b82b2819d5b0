import DocketCore

/// Times the stages of a build for `--verbose`.
struct StageClock {
    private var last = Progress.seconds()

    mutating func lap(_ stage: String, into report: inout SiteBuilder.Report) {
        let now = Progress.seconds()
        report.stageTimes.append((stage, now - last))
        last = now
    }
}
