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
        if nodes.count > FigureLimits.listItems {
            error("`\(key)` lists \(nodes.count) expressions; the limit is \(FigureLimits.listItems)", entry.value)
            return []
        }
        return nodes.compactMap { node in expression(node).map { ($0.0, $0.1, node.scalar?.string ?? "") } }
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
