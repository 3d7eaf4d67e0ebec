/// One problem found in a build. Diagnostics are values so that a stage can collect every
/// problem in a run and report them together instead of stopping at the first.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// A secondary message, optionally pointing somewhere else (e.g. the first definition of a duplicate).
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]
    public var code: DiagnosticCode
    /// The text that would make the problem go away, written over `location` (a fix-it): a
    /// failing exact claim's computed value, which `costmark check --accept` writes in.
    public var replacement: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, notes: [Note] = [],
                code: DiagnosticCode = .general) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.code = code
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, notes: [Note] = [],
                             code: DiagnosticCode = .general) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes, code: code)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, notes: [Note] = [],
                               code: DiagnosticCode = .general) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes, code: code)
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, line and column so reports are stable however the work was scheduled.
    public static func sortedForReport(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let a = lhs.element.location, b = rhs.element.location
            let ka = (a?.file ?? "", a?.line ?? 0, a?.column ?? 0)
            let kb = (b?.file ?? "", b?.line ?? 0, b?.column ?? 0)
            if ka != kb { return ka < kb }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
