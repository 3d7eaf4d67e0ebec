import Content
import Diagnostics
import ScenarioSyntax
import Yams

/// The YAML body of a `chart`, `table` or `sweep` block, with helpers that read typed values
/// and report located errors. Expressions written as YAML values are parsed in place, so an
/// error inside one points at its own column in the essay.
struct BlockSpec {
    let document: YAMLDocument
    var diagnostics: [Diagnostic] = []
    private var used: Set<String> = []

    /// - Parameter firstLine: the essay line of the block's first body line.
    init?(body: String, file: SourceFile, firstLine: Int, diagnostics: inout [Diagnostic]) {
        guard let document = YAMLDocument(text: body, file: file, firstLine: firstLine, diagnostics: &diagnostics) else { return nil }
        self.document = document
    }

    func location(of node: Node) -> SourceLocation {
        document.location(of: node) ?? document.file.location(line: document.firstLine, column: 1)
    }

    mutating func error(_ message: String, _ node: Node, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location(of: node), notes: notes))
    }

    mutating func string(_ key: String) -> String? {
        used.insert(key)
        guard let entry = document.entry(key) else { return nil }
        guard let text = entry.value.scalar?.string else {
            error("`\(key)` must be a single value", entry.value)
            return nil
        }
        return text
    }

    /// A key holding one text or a list of texts (`labels: [Rust, Go]`).
    mutating func strings(_ key: String) -> [String]? {
        used.insert(key)
        guard let entry = document.entry(key) else { return nil }
        if let text = entry.value.scalar?.string { return [text] }
        guard case .sequence(let sequence) = entry.value, sequence.count <= FigureLimits.listItems else {
            error("`\(key)` must be a list of names, at most \(FigureLimits.listItems)", entry.value)
            return nil
        }
        var texts: [String] = []
        for node in sequence {
            guard let text = node.scalar?.string else {
                error("each of `\(key)` must be a name", node)
                return nil
            }
            texts.append(text)
        }
        return texts
    }

    mutating func flag(_ key: String) -> Bool {
        guard let text = string(key) else { return false }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error("`\(key)` must be true or false", document.entry(key)!.value)
            return false
        }
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            error("`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound)", document.entry(key)!.value)
            return nil
        }
        return value
    }

    /// An expression written as a YAML scalar, parsed where it stands in the file.
    mutating func expression(_ node: Node) -> (Expr, SourceFragment)? {
        guard let text = node.scalar?.string else {
            error("expected an expression, found a \(node.kindName)", node)
            return nil
        }
        let at = location(of: node)
        // A quoted scalar's text starts one column after its mark.
        let quoted = node.scalar?.style == .doubleQuoted || node.scalar?.style == .singleQuoted
        let fragment = SourceFragment(text: text, file: document.file, startLine: at.line, startColumn: at.column + (quoted ? 1 : 0))
        let (parsed, problems) = Parser.parseInline(fragment)
        diagnostics += problems
        guard let parsed else { return nil }
        return (parsed.expression, fragment)
    }

    /// A key holding one expression or a list of them.
    mutating func expressions(_ key: String) -> [(Expr, SourceFragment, String)]? {
        used.insert(key)
        guard let entry = document.entry(key) else { return nil }
        let nodes: [Node]
        switch entry.value {
        case .sequence(let sequence): nodes = Array(sequence)
        case .scalar: nodes = [entry.value]
        default:
            error("`\(key)` must be an expression or a list of them", entry.value)
            return []
        }
        // YAML splits `[over_quota, at(machines, 24 months)]` at every comma: a flow list whose
        // items do not balance their parentheses is read again with the expression grammar.
        if case .sequence = entry.value, nodes.contains(where: { !Self.balanced($0.scalar?.string ?? "") }) {
            return flowList(entry.value, key: key)
        }
        if nodes.count > FigureLimits.listItems {
            error("`\(key)` lists \(nodes.count) expressions; the limit is \(FigureLimits.listItems)", entry.value)
            return []
        }
        return nodes.compactMap { node in expression(node).map { ($0.0, $0.1, node.scalar?.string ?? "") } }
    }

    static func balanced(_ text: String) -> Bool {
        var depth = 0
        for character in text {
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
    }

    /// A flow list `[a, f(b, c)]` on one line, parsed as the scenario language's list literal.
    private mutating func flowList(_ node: Node, key: String) -> [(Expr, SourceFragment, String)] {
        let at = location(of: node)
        let line = document.file.line(at.line)
        let rest = line.dropFirst(at.column - 1)
        var depth = 0, end: String.Index?
        for index in rest.indices {
            let character = rest[index]
            if character == "[" || character == "(" { depth += 1 }
            if character == "]" || character == ")" { depth -= 1 }
            if depth == 0 { end = index; break }
        }
        guard rest.first == "[", let end else {   // a block list (`- item`) or one spread over lines
            error("`\(key)`: YAML splits this list at the commas inside a call", node,
                  notes: [.init("quote the item, or write each item on its own line: `- \"at(machines, 24 months)\"`")])
            return []
        }
        let fragment = SourceFragment(text: String(rest[...end]), file: document.file, startLine: at.line,
                                      startColumn: at.column)
        let (parsed, problems) = Parser.parseInline(fragment)
        diagnostics += problems
        guard let parsed else { return [] }
        guard case .list(let items) = parsed.expression.kind else {
            error("`\(key)` must be an expression or a list of them", node)
            return []
        }
        if items.count > FigureLimits.listItems {
            error("`\(key)` lists \(items.count) expressions; the limit is \(FigureLimits.listItems)", node)
            return []
        }
        return items.map { ($0, fragment, fragment.text(of: $0.span)) }
    }

    /// Reports keys this block does not know, with a suggestion.
    mutating func rejectUnknownKeys(_ known: [String], block: String) {
        for (key, _) in document.entries {
            let name = key.string ?? ""
            guard !known.contains(name) else { continue }
            let notes = Suggestion.closest(to: name, in: known).map { [Diagnostic.Note("did you mean `\($0)`?")] }
                ?? [.init("\(block) blocks take: \(known.joined(separator: ", "))")]
            diagnostics.append(.error("unknown key `\(name)` in a \(block) block", at: location(of: key), notes: notes))
        }
    }
}
