internal import CYaml

/// How much YAML costmark agrees to compose from one block (front matter, `site.yml`, a figure
/// block). YAML aliases let a few hundred bytes stand for billions of values ("billion laughs"),
/// and composing, hashing or walking that tree takes seconds and gigabytes; nesting too deep
/// for a person to write only serves to exhaust the stack. Both are measured on libyaml's event
/// stream, which costs time in proportion to the text, before anything is composed.
public struct YAMLBudget: Sendable, Hashable {
    /// Values (scalars, lists and mappings) the block may stand for once every alias is expanded.
    public var maxValues: Int
    /// Lists and mappings nested inside each other.
    public var maxDepth: Int

    public init(maxValues: Int = 10_000, maxDepth: Int = 64) {
        self.maxValues = maxValues; self.maxDepth = maxDepth
    }

    public static let standard = YAMLBudget()

    /// Why a text exceeds the budget, and where (1-based line and column within the text).
    public enum Excess: Sendable, Hashable {
        /// `throughAliases`: some of the values came from expanding aliases.
        case tooManyValues(line: Int, column: Int, throughAliases: Bool)
        case tooDeep(line: Int, column: Int)
    }

    /// The first place where `text` goes over the budget, or nil when it stays within it. A text
    /// that is not valid YAML is nil too, up to the syntax error: Yams reports that one.
    public func excess(in text: String) -> Excess? {
        var text = text
        return text.withUTF8 { bytes in measure(bytes) }
    }

    private func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> Excess? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        /// An open list or mapping: its anchor, and the values it holds so far, itself included.
        struct Open { var anchor: String?; var values: Int }
        var open: [Open] = []
        var anchored: [String: Int] = [:]
        var total = 0
        var aliases = false
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            var added = 0
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                added = 1
                if let anchor = Self.name(event.data.scalar.anchor) { anchored[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                // An unknown alias is Yams' error to report; count it as one value meanwhile.
                added = Self.name(event.data.alias.anchor).flatMap { anchored[$0] } ?? 1
                aliases = true
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor
                    : event.data.mapping_start.anchor
                open.append(Open(anchor: Self.name(anchor), values: 1))
                if open.count > maxDepth { return .tooDeep(line: line, column: column) }
                total += 1
                if total > maxValues { return .tooManyValues(line: line, column: column, throughAliases: aliases) }
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchored[anchor] = closed.values }
                if !open.isEmpty { open[open.count - 1].values += closed.values }
                continue
            default:
                continue
            }
            // Sums stay below `maxValues` plus one alias' worth, so they cannot overflow.
            total += added
            if !open.isEmpty { open[open.count - 1].values += added }
            if total > maxValues { return .tooManyValues(line: line, column: column, throughAliases: aliases) }
        }
        // libyaml stops at 1,000 levels on its own, sometimes while looking ahead for a key,
        // before the events above reach `maxDepth`: that is the same excess.
        if parser.error == YAML_SCANNER_ERROR || parser.error == YAML_PARSER_ERROR,
           let problem = parser.problem, String(cString: problem).contains("nesting level") {
            return .tooDeep(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        }
        return nil
    }

    /// `10,000`: limits as the README writes them.
    static func grouped(_ number: Int) -> String {
        var digits = String(number), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
