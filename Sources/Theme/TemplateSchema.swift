/// The shape of what templates see, so a template can be checked before it renders: a name the
/// context never has (`{{page.titel}}`) is a warning with a did-you-mean, instead of an empty gap.
public indirect enum TemplateSchema: Sendable {
    /// Text, a number or a flag: has no names inside.
    case value
    /// Named fields.
    case object([String: TemplateSchema])
    /// A list whose items have this shape (`{{#essays}}…{{/essays}}` renders once per item).
    case list(TemplateSchema)
    /// Anything: front matter the author chose (`page.meta.KEY`), words of the theme.
    case any

    /// The field `name` inside this shape; `.any` has every name.
    func field(_ name: String) -> TemplateSchema? {
        switch self {
        case .object(let fields): return fields[name]
        case .any: return .any
        case .list, .value: return nil
        }
    }

    /// The names a did-you-mean may offer here.
    var names: [String] {
        if case .object(let fields) = self { return Array(fields.keys) }
        return []
    }

    /// What a section over a value of this shape pushes onto the context: a list's item, an
    /// object itself; a flag pushes nothing new to look names up in.
    var sectionContext: TemplateSchema {
        switch self {
        case .list(let item): return item
        default: return self
        }
    }
}
