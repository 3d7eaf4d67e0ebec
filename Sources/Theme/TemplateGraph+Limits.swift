import Diagnostics

extension TemplateGraph {
    /// Templates whose cost passes a limit. Only the outermost is reported: when `p0` includes
    /// `p1` twice and both are too big, the error names `p0`, where the doubling starts.
    func limitProblems() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let edges = sources.keys.flatMap { name in targets(of: name).map { (target: $0.target, by: name) } }
        let includedBy = Dictionary(grouping: edges, by: \.target).mapValues { $0.map(\.by) }
        var reported = Set<String>()
        for check in Check.all {
            let failing = Set(costs.filter { check.value($0.value) > check.limit }.keys)
            // One error per template: a doubling chain passes the text limit too, for the same reason.
            for name in failing.sorted() where !(includedBy[name] ?? []).contains(where: failing.contains) {
                if reported.insert(name).inserted { diagnostics.append(problem(name, check)) }
            }
        }
        return diagnostics
    }

    private struct Check {
        var value: (Cost) -> Int
        var limit: Int
        /// Says what the value is: `expands to 1,024 partials`.
        var says: (Int) -> String

        static var all: [Check] { [
            Check(value: \.expansions, limit: TemplateLimits.maxExpansions) { "expands to \($0.grouped) partials" },
            Check(value: \.depth, limit: TemplateLimits.maxDepth) { "nests sections and partials \($0.grouped) deep" },
            Check(value: \.bytes, limit: TemplateLimits.maxOutputBytes) {
                "expands to \($0.grouped) bytes of template text"
            },
        ] }
    }

    /// Located at the include that costs the most, with a note saying how much each one costs.
    private func problem(_ name: String, _ check: Check) -> Diagnostic {
        let source = sources[name]!
        let file = SourceFile(path: source.displayPath, text: source.text)
        let message = "template `\(name)` \(check.says(check.value(costs[name]!))), "
            + "more than the limit of \(check.limit.grouped)"
        let edges = targets(of: name)
        guard let worst = edges.max(by: { check.value(costs[$0.target]!) < check.value(costs[$1.target]!) }) else {
            return .error(message, at: file.location(line: 1, column: 1))
        }
        let count = edges.filter { $0.target == worst.target }.count
        let note = "`\(worst.target)` is included \(count == 1 ? "here" : "\(count.grouped) times here"); "
            + "it \(check.says(check.value(costs[worst.target]!)))"
        let location = file.location(ofUTF8Offset: worst.tag.offset, length: worst.tag.end - worst.tag.offset)
        return .error(message, at: location, notes: [.init(note)])
    }
}

extension Int {
    /// `1234567` as `1,234,567`, the same on every machine.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (self < 0 ? "-" : "") + out
    }
}
