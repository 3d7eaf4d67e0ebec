import Diagnostics

/// Checks every name a template looks up against `TemplateSchema`, following sections the way
/// Mustache's context stack does: `{{title}}` inside `{{#essays}}` is an essay's title. A partial is
/// checked in the context of each place that includes it, so a name is reported only when no
/// includer gives it. Warnings, located at the tag: a theme that reads an optional key still builds.
struct TemplateNameCheck {
    let sources: [String: TemplateSet.Source]
    /// Templates the site renders itself, each with the context it gives.
    let contexts: [String: TemplateSchema]

    /// How many include sites a partial is checked under, and how many template checks a load
    /// makes: a lattice of includes is checked, never enumerated.
    static let maximumContextsPerTemplate = 16
    static let maximumChecks = 500

    func warnings() -> [Diagnostic] {
        var checkedUnder: [String: [[TemplateSchema]]] = [:]
        var pending: [(String, [TemplateSchema])] = contexts.keys.sorted().filter { sources[$0] != nil }
            .map { ($0, [contexts[$0]!]) }
        var unknownEverywhere: [String: [Int: (name: String, length: Int, notes: [String])]] = [:]
        var known: [String: Set<Int>] = [:]
        var checks = 0
        while !pending.isEmpty, checks < Self.maximumChecks {
            let (name, stack) = pending.removeFirst()
            guard let source = sources[name] else { continue }
            checks += 1
            let result = check(source, stack: stack)
            for (offset, problem) in result.unknown where known[name]?.contains(offset) != true {
                unknownEverywhere[name, default: [:]][offset] = problem
            }
            for offset in result.resolved {
                known[name, default: []].insert(offset)
                unknownEverywhere[name]?[offset] = nil
            }
            for (included, includeStack) in result.includes {
                var seen = checkedUnder[included, default: []]
                guard seen.count < Self.maximumContextsPerTemplate,
                      !seen.contains(where: { Self.same($0, includeStack) }) else { continue }
                seen.append(includeStack)
                checkedUnder[included] = seen
                pending.append((included, includeStack))
            }
        }
        var diagnostics: [Diagnostic] = []
        for name in unknownEverywhere.keys.sorted() {
            guard let source = sources[name], !source.isBuiltIn else { continue }
            let file = SourceFile(path: source.displayPath, text: source.text)
            for (offset, problem) in unknownEverywhere[name]!.sorted(by: { $0.key < $1.key }) {
                diagnostics.append(.warning("`\(problem.name)` is not something costmark gives templates; it renders empty",
                                            at: file.location(ofUTF8Offset: offset, length: problem.length),
                                            notes: problem.notes.map { .init($0) }, code: .unknownTemplateName))
            }
        }
        return diagnostics
    }

    /// Two stacks alike enough that checking under both finds nothing new (their depth and kinds).
    static func same(_ a: [TemplateSchema], _ b: [TemplateSchema]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { "\($0)" == "\($1)" }
    }

    struct Result {
        var unknown: [(Int, (name: String, length: Int, notes: [String]))] = []
        var resolved: [Int] = []
        var includes: [(String, [TemplateSchema])] = []
    }

    /// One template under one context stack (outermost first).
    func check(_ source: TemplateSet.Source, stack start: [TemplateSchema]) -> Result {
        var result = Result()
        var stack = start
        var opened: [Int] = []   // stack depth when each open tag began
        for tag in TemplateTag.scan(source.text, variables: true) {
            switch tag.kind {
            case .variable, .section:
                let path = Self.lookedUp(tag.name)
                guard !path.isEmpty else {
                    if tag.kind == .section { opened.append(stack.count) }
                    continue
                }
                let found = resolve(path, in: stack)
                if let found {
                    result.resolved.append(tag.nameOffset)
                    if tag.kind == .section {
                        opened.append(stack.count)
                        if !tag.isInverted { stack.append(found.sectionContext) }
                    }
                } else {
                    result.unknown.append((tag.nameOffset, (path.joined(separator: "."), tag.name.utf8.count,
                                                            suggestions(path, in: stack))))
                    if tag.kind == .section { opened.append(stack.count); stack.append(.any) }
                }
            case .block, .parent:
                opened.append(stack.count)
                if tag.kind == .parent, !tag.isDynamic { result.includes.append((tag.name, stack)) }
            case .partial:
                if !tag.isDynamic { result.includes.append((tag.name, stack)) }
            case .close:
                if let depth = opened.popLast() { stack.removeLast(max(0, stack.count - depth)) }
            }
        }
        return result
    }

    /// `page.title` → ["page", "title"]; `.` and transforms' arguments (`uppercased(page.title)`)
    /// read what they name; an empty path has nothing to check.
    static func lookedUp(_ name: String) -> [String] {
        var text = Substring(name)
        if let open = text.lastIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            text = text[text.index(after: open)..<close]
        }
        text = text.drop { $0 == " " || $0 == "." }   // `.title`: the current context's, looked up alike
        if text.isEmpty { return [] }
        return text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Mustache's rule: the first name is looked up from the innermost context out; the rest
    /// inside what it found.
    func resolve(_ path: [String], in stack: [TemplateSchema]) -> TemplateSchema? {
        for context in stack.reversed() {
            guard var found = context.field(path[0]) else { continue }
            for name in path.dropFirst() {
                guard let next = found.field(name) else { return nil }
                found = next
            }
            return found
        }
        return nil
    }

    func suggestions(_ path: [String], in stack: [TemplateSchema]) -> [String] {
        // The deepest prefix that resolves, then the closest name at that level.
        for length in stride(from: path.count - 1, through: 1, by: -1) {
            guard let parent = resolve(Array(path.prefix(length)), in: stack) else { continue }
            let prefix = path.prefix(length).joined(separator: ".")
            if let close = Suggestion.closest(to: path[length], in: parent.names) {
                return ["did you mean `\(prefix).\(close)`?"]
            }
            let names = parent.names.sorted()
            return names.isEmpty ? [] : ["`\(prefix)` has \(names.map { "`\($0)`" }.joined(separator: ", "))"]
        }
        let visible = stack.flatMap(\.names)
        return Suggestion.closest(to: path[0], in: visible).map { ["did you mean `\($0)`?"] } ?? []
    }
}
