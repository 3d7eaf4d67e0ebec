import Markup

/// The built-in theme rendered without Mustache's dynamic machinery: each template is parsed once
/// into a tree, and rendering walks it over the context's dictionaries directly, with no casts to
/// Mustache's protocols and no wrapper per value. Mustache's semantics are kept for what the theme
/// uses (escaped and raw variables, dotted names looked up the context stack, sections over
/// lists, flags and objects, inverted sections, partials, a parent with blocks, comments, and the
/// standalone-line rule), and the same render budget is spent. A template using anything else
/// (transforms, dynamic partials, changed delimiters, an indented standalone partial) is not
/// compiled, and the set renders with Mustache. Only used when every template is the built-in
/// theme's (or a copy of it), so a theme written for Mustache always gets Mustache.
struct CompiledTemplates: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable([String], escaped: Bool)
        case section([String], inverted: Bool, [Node])
        case partial(String)
        case parent(String, blocks: [String: [Node]])
        case block(String, [Node])
    }

    let templates: [String: [Node]]

    /// Nil when any template uses something this renderer does not do exactly as Mustache does.
    init?(_ sources: [String: String]) {
        var templates: [String: [Node]] = [:]
        for (name, text) in sources {
            guard let nodes = Parser(text: text).parse() else { return nil }
            templates[name] = nodes
        }
        for nodes in templates.values where !Self.references(nodes).allSatisfy({ templates[$0] != nil }) { return nil }
        self.templates = templates
    }

    private static func references(_ nodes: [Node]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .partial(let name): return [name]
            case .parent(let name, let blocks): return [name] + blocks.values.flatMap(references)
            case .section(_, _, let inner), .block(_, let inner): return references(inner)
            case .text, .variable: return []
            }
        }
    }

    func render(_ name: String, context: [String: Any], budget: RenderBudget) -> String {
        var renderer = Renderer(templates: templates, budget: budget)
        var out = ""
        renderer.render(templates[name] ?? [], stack: [context], blocks: [:], depth: 0, into: &out)
        return out
    }
}

extension CompiledTemplates {
    /// Walks a template tree; every look-up and list item spends the budget as Mustache's
    /// wrapped context does, so a page past the limits fails the same way.
    struct Renderer {
        let templates: [String: [Node]]
        let budget: RenderBudget

        mutating func render(_ nodes: [Node], stack: [Any], blocks: [String: [Node]], depth: Int, into out: inout String) {
            // Partials and parents nest at most as deep as the load-time checks allow.
            guard depth <= TemplateLimits.maxDepth else { return }
            for node in nodes {
                switch node {
                case .text(let text):
                    out += text
                case .variable(let path, let escaped):
                    guard let value = lookUp(path, in: stack) else { continue }
                    let text = Self.text(of: value)
                    out += escaped ? HTMLEscaping.escape(text) : text
                case .section(let path, let inverted, let inner):
                    section(lookUp(path, in: stack), key: path.last ?? ".", inverted: inverted, inner,
                            stack: stack, blocks: blocks, depth: depth, into: &out)
                case .partial(let name):
                    render(templates[name] ?? [], stack: stack, blocks: blocks, depth: depth + 1, into: &out)
                case .parent(let name, let overrides):
                    // An override from further out (the child's child) wins over this one.
                    let merged = blocks.merging(overrides) { outer, _ in outer }
                    render(templates[name] ?? [], stack: stack, blocks: merged, depth: depth + 1, into: &out)
                case .block(let name, let defaults):
                    render(blocks[name] ?? defaults, stack: stack, blocks: blocks, depth: depth, into: &out)
                }
            }
        }

        mutating func section(_ value: Any?, key: String, inverted: Bool, _ inner: [Node], stack: [Any],
                              blocks: [String: [Node]], depth: Int, into out: inout String) {
            if let value, Self.isObject(value) {
                if !inverted { render(inner, stack: stack + [value], blocks: blocks, depth: depth, into: &out) }
                return
            }
            if let value, let list = Self.list(value) {
                if inverted {
                    if list.isEmpty { render(inner, stack: stack, blocks: blocks, depth: depth, into: &out) }
                    return
                }
                let price = budget.prices.sections[key] ?? budget.prices.anySection
                for item in list {
                    guard budget.spend(price), let item = admitted(item) else { return }
                    render(inner, stack: stack + [item], blocks: blocks, depth: depth, into: &out)
                }
                return
            }
            switch value {
            case nil:
                if inverted { render(inner, stack: stack, blocks: blocks, depth: depth, into: &out) }
            case let flag as Bool:
                if flag != inverted { render(inner, stack: stack, blocks: blocks, depth: depth, into: &out) }
            case .some(let other):
                if !inverted { render(inner, stack: stack + [other], blocks: blocks, depth: depth, into: &out) }
            }
        }

        /// `a.b.c`: `a` from the innermost context that has it, the rest inside what it found.
        mutating func lookUp(_ path: [String], in stack: [Any]) -> Any? {
            guard let first = path.first else { return stack.last }
            for context in stack.reversed() {
                guard let field = Self.field(first, of: context) else { continue }   // not an object
                guard budget.spend(RenderBudget.Price()) else { return nil }
                guard let found = field else { continue }
                var value = admitted(found)
                for name in path.dropFirst() {
                    guard let current = value, let field = Self.field(name, of: current),
                          budget.spend(RenderBudget.Price()), let next = field else { return nil }
                    value = admitted(next)
                }
                return value
            }
            return nil
        }

        /// `value[name]` when `value` is a dictionary (`.some(nil)`: it has no such key); nil when
        /// it is not one. The types contexts are made of are matched by identity first: a
        /// conditional cast of `[String: String]` to `[String: Any]` converts every entry, and
        /// contexts are read thousands of times a page.
        static func field(_ name: String, of value: Any) -> Any?? {
            let type = ObjectIdentifier(Swift.type(of: value))
            if type == ObjectIdentifier([String: Any].self) { return .some((value as! [String: Any])[name]) }
            if type == ObjectIdentifier([String: String].self) {
                return .some((value as! [String: String])[name].map { $0 as Any })
            }
            if value is String || value is Int || value is Bool { return nil }
            return (value as? [String: Any]).map { .some($0[name]) }
        }

        /// Whether a value of the context is a dictionary (see `field` for why by identity first).
        static func isObject(_ value: Any) -> Bool {
            let type = ObjectIdentifier(Swift.type(of: value))
            if type == ObjectIdentifier([String: Any].self) || type == ObjectIdentifier([String: String].self) {
                return true
            }
            return !(value is String || value is Int || value is Bool) && value is [String: Any]
        }

        /// A list of the context as `[Any]`, by identity for the common types (see `field`).
        static func list(_ value: Any) -> [Any]? {
            let type = ObjectIdentifier(Swift.type(of: value))
            if type == ObjectIdentifier([Any].self) { return (value as! [Any]) }
            if type == ObjectIdentifier([[String: Any]].self) { return (value as! [[String: Any]]).map { $0 as Any } }
            if type == ObjectIdentifier([[String: String]].self) {
                return (value as! [[String: String]]).map { $0.mapValues { $0 as Any } as Any }
            }
            if value is String || value is Int || value is Bool { return nil }
            return value as? [Any]
        }

        /// Text is priced by its length, as the wrapped context prices it.
        mutating func admitted(_ value: Any) -> Any? {
            guard let text = value as? String else { return value }
            return budget.spend(RenderBudget.Price(steps: 1, bytes: text.utf8.count)) ? text : nil
        }

        static func text(of value: Any) -> String {
            switch value {
            case let text as String: return text
            case let number as Int: return String(number)
            case let flag as Bool: return flag ? "true" : "false"
            default: return String(describing: value)
            }
        }
    }
}
