import Diagnostics
import Yams

/// Parses a YAML mapping that sits inside a larger file (front matter, site.yml, figure blocks) and maps
/// every position back to the file, so errors point at the author's own line.
public struct YAMLDocument {
    public let file: SourceFile
    /// The file line on which the YAML text's first line sits.
    public let firstLine: Int
    public let root: Node.Mapping?

    /// Returns nil and reports a diagnostic when the text is not a YAML mapping, or stands for
    /// more values or deeper nesting than `budget` allows (checked before Yams composes anything).
    /// - Parameter subject: how messages name the text, e.g. "front matter" or "site.yml".
    public init?(text: String, file: SourceFile, firstLine: Int, subject: String = "this block",
                 budget: YAMLBudget = .standard, diagnostics: inout [Diagnostic]) {
        self.file = file
        self.firstLine = firstLine
        if let excess = budget.excess(in: text) {
            root = nil
            diagnostics.append(YAMLDocument.diagnostic(for: excess, subject: subject, budget: budget,
                                                       file: file, firstLine: firstLine))
            return nil
        }
        do {
            // Naming the encoding matters for speed: Yams' default looks it up in the process
            // environment, copying the whole environment on every call.
            let node = try Yams.compose(yaml: text, .default, .default, .utf8)
            switch node {
            case nil:
                root = nil
            case .mapping(let mapping)?:
                root = mapping
            case let other?:
                root = nil
                diagnostics.append(.error("expected a mapping of `key: value` lines, found a \(other.kindName)",
                                          at: location(of: other) ?? file.location(line: firstLine, column: 1)))
                return nil
            }
        } catch let error as YamlError {
            diagnostics.append(YAMLDocument.diagnostic(for: error, file: file, firstLine: firstLine))
            return nil
        } catch {
            diagnostics.append(.error("invalid YAML: \(error)", at: file.location(line: firstLine, column: 1)))
            return nil
        }
    }

    /// The file location of a YAML node; Yams marks are 1-based within the YAML text.
    public func location(of node: Node) -> SourceLocation? {
        guard let mark = node.mark else { return nil }
        let length = node.scalar.map { max(1, $0.string.count) } ?? 1
        return file.location(line: firstLine + mark.line - 1, column: mark.column, length: length)
    }

    /// The value of a top-level key, with the key node for locating "missing" or "wrong type" errors.
    public func entry(_ key: String) -> (key: Node, value: Node)? {
        root?.first { $0.key.string == key }
    }

    public var entries: [(key: Node, value: Node)] { root.map { Array($0) } ?? [] }

    static func diagnostic(for excess: YAMLBudget.Excess, subject: String, budget: YAMLBudget,
                           file: SourceFile, firstLine: Int) -> Diagnostic {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            clipped(file.location(line: firstLine + line - 1, column: column))
        }
        let limit = YAMLBudget.grouped(budget.maxValues)
        switch excess {
        case let .tooManyValues(line, column, throughAliases: true):
            return .error("\(subject) expands to more than \(limit) values (YAML aliases); refusing to read it",
                          at: at(line, column),
                          notes: [.init("each alias (`*name`) stands for a copy of all that its anchor (`&name`) holds")])
        case let .tooManyValues(line, column, throughAliases: false):
            return .error("\(subject) holds more than \(limit) values; refusing to read it", at: at(line, column))
        case let .tooDeep(line, column):
            let levels = budget.maxDepth
            return .error("\(subject) nests lists and mappings more than \(levels) levels deep; refusing to read it",
                          at: at(line, column))
        }
    }

    /// A location whose source line is cut after the column: a line of 100,000 brackets is no
    /// help under a message.
    static func clipped(_ location: SourceLocation) -> SourceLocation {
        var location = location
        let keep = Swift.max(120, location.column + 20)
        if let text = location.lineText, text.count > keep { location.lineText = text.prefix(keep) + " …" }
        return location
    }

    static func diagnostic(for error: YamlError, file: SourceFile, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            file.location(line: firstLine + mark.line - 1, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var notes: [Diagnostic.Note] = []
            if let context { notes.append(.init(context.text, at: at(context.mark))) }
            return .error("invalid YAML: \(problem)", at: at(mark), notes: notes)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) in YAML mapping",
                          at: at(context.mark))
        default:
            return .error("invalid YAML: \(error)", at: file.location(line: firstLine, column: 1))
        }
    }
}

extension Node {
    public var kindName: String {
        switch self {
        case .scalar: return "single value"
        case .sequence: return "list"
        case .mapping: return "mapping"
        case .alias: return "alias"
        }
    }
}
