import Yams

/// A front-matter value kept for templates: authors may add keys costmark does not know, and
/// their templates can still read them (`{{meta.cover}}`).
public indirect enum MetaValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case list([MetaValue])
    case table([String: MetaValue])

    init(node: Node) {
        switch node {
        case .scalar(let scalar):
            switch scalar.string {
            case "true", "True", "TRUE", "yes", "Yes": self = .flag(true)
            case "false", "False", "FALSE", "no", "No": self = .flag(false)
            default: self = .text(scalar.string)
            }
        case .sequence(let sequence):
            self = .list(sequence.map(MetaValue.init(node:)))
        case .mapping(let mapping):
            var table: [String: MetaValue] = [:]
            for (key, value) in mapping { table[key.string ?? ""] = MetaValue(node: value) }
            self = .table(table)
        case .alias:
            self = .text("")
        }
    }

    /// The value as Mustache sees it: strings, booleans, arrays and dictionaries.
    public var templateValue: Any {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .list(let items): return items.map(\.templateValue)
        case .table(let table): return table.mapValues(\.templateValue)
        }
    }
}
