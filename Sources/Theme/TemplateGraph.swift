import Diagnostics

/// The include graph of a template set, checked before anything renders: Mustache follows
/// partials and parents by recursion, with no guard, so a cycle is a stack overflow and a
/// partial included twice per level for thirty levels is a billion expansions. Both are decided
/// by the template text alone, so they are found here, from the tags, and reported where they are.
struct TemplateGraph {
    /// What rendering one template once costs before data repeats anything.
    struct Cost: Equatable {
        /// Partial and parent expansions, counted with multiplicity.
        var expansions = 0
        /// `{{$block}}` tags in the expansion: how many times a child's override may render.
        var slots = 0
        /// Bytes of template text in the expansion.
        var bytes = 0
        /// Sections, blocks, partials and parents nested inside one another.
        var depth = 0
    }

    let sources: [String: TemplateSet.Source]
    let tags: [String: [TemplateTag]]
    /// Templates that can reach a dynamic partial or parent, whose target a value names.
    private(set) var reachesDynamic: Set<String> = []
    private(set) var costs: [String: Cost] = [:]
    /// The most one item of a section named this (last name component) renders, before data.
    private(set) var sectionPrices: [String: RenderBudget.Price] = [:]

    init(sources: [String: TemplateSet.Source], tags: [String: [TemplateTag]]) {
        self.sources = sources
        self.tags = tags
    }

    /// Static targets of a template's partial and parent tags that exist.
    func targets(of name: String) -> [(tag: TemplateTag, target: String)] {
        (tags[name] ?? []).compactMap { tag in
            let isStatic = (tag.kind == .partial || tag.kind == .parent) && !tag.isDynamic
            return isStatic && sources[tag.name] != nil ? (tag, tag.name) : nil
        }
    }

    /// A section nested too deep for Mustache's recursive parser, found before the parser runs.
    static func nestingProblem(in source: TemplateSet.Source, tags: [TemplateTag]) -> Diagnostic? {
        var open = 0
        for tag in tags {
            if tag.opens {
                open += 1
                if open > TemplateLimits.maxDepth {
                    let file = SourceFile(path: source.displayPath, text: source.text)
                    return .error("template `\(source.name)` nests sections more than \(TemplateLimits.maxDepth) deep",
                                  at: file.location(ofUTF8Offset: tag.offset, length: tag.end - tag.offset))
                }
            } else if tag.kind == .close {
                open = max(0, open - 1)
            }
        }
        return nil
    }

    /// Every cycle of includes and parents, each once, named in full from its first name in sort order.
    func cycles() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported = Set<[String]>()
        var state: [String: Bool] = [:]  // false: on the current path; true: finished.
        for root in sources.keys.sorted() where state[root] == nil {
            // An explicit stack: a chain of ten thousand partials must not overflow this walk either.
            var path: [(name: String, next: Int)] = [(root, 0)]
            state[root] = false
            while let top = path.last {
                let edges = targets(of: top.name)
                guard top.next < edges.count else {
                    state[top.name] = true
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let target = edges[top.next].target
                switch state[target] {
                case nil:
                    state[target] = false
                    path.append((target, 0))
                case false?:
                    let start = path.firstIndex { $0.name == target }!
                    let members = path[start...].map(\.name)
                    let first = members.indices.min { members[$0] < members[$1] }!
                    let cycle = Array(members[first...] + members[..<first])
                    if reported.insert(cycle).inserted { diagnostics.append(cycleError(cycle)) }
                case true?:
                    break
                }
            }
        }
        return diagnostics
    }

    private func cycleError(_ cycle: [String]) -> Diagnostic {
        let source = sources[cycle[0]]!
        let next = cycle.count > 1 ? cycle[1] : cycle[0]
        let tag = targets(of: cycle[0]).first { $0.target == next }!.tag
        let file = SourceFile(path: source.displayPath, text: source.text)
        let verb = tag.kind == .parent && cycle.count == 1 ? "inherits from" : "includes"
        return .error("template \(verb) itself: \((cycle + [cycle[0]]).joined(separator: " → "))",
                      at: file.location(ofUTF8Offset: tag.offset, length: tag.end - tag.offset))
    }

    /// Works out every template's cost, leaves first; call only when `cycles()` found none.
    mutating func measure() {
        let dynamic = Set(tags.filter { $0.value.contains { $0.isDynamic } }.keys)
        reachesDynamic = reaching(dynamic)
        // A value may name any template that cannot lead back to a dynamic tag (rendering
        // enforces that), so a dynamic tag costs as much as the dearest of those.
        let safe = sources.keys.filter { !reachesDynamic.contains($0) }
        for name in order(first: safe.sorted()) { costs[name] = cost(of: name, dynamicTarget: Cost()) }
        let anySafe = safe.compactMap { costs[$0] }.reduce(Cost(), Self.widest)
        for name in order(first: reachesDynamic.sorted()) { costs[name] = cost(of: name, dynamicTarget: anySafe) }
    }

    /// Templates listed so that each comes after every template it includes.
    private func order(first roots: [String]) -> [String] {
        var done = Set(costs.keys)
        var ordered: [String] = []
        for root in roots where !done.contains(root) {
            var path: [(name: String, next: Int)] = [(root, 0)]
            done.insert(root)
            while let top = path.last {
                let edges = targets(of: top.name)
                if top.next < edges.count {
                    path[path.count - 1].next += 1
                    if done.insert(edges[top.next].target).inserted { path.append((edges[top.next].target, 0)) }
                } else {
                    ordered.append(top.name)
                    path.removeLast()
                }
            }
        }
        return ordered
    }

    /// `names` and every template that includes one of them, directly or not.
    private func reaching(_ names: Set<String>) -> Set<String> {
        var includedBy: [String: [String]] = [:]
        for name in sources.keys { for edge in targets(of: name) { includedBy[edge.target, default: []].append(name) } }
        var found = names
        var pending = Array(names)
        while let name = pending.popLast() {
            for parent in includedBy[name] ?? [] where found.insert(parent).inserted { pending.append(parent) }
        }
        return found
    }

    private static func widest(_ a: Cost, _ b: Cost) -> Cost {
        Cost(expansions: max(a.expansions, b.expansions), slots: max(a.slots, b.slots),
             bytes: max(a.bytes, b.bytes), depth: max(a.depth, b.depth))
    }

    /// One pass over a template's tags, folding nested regions into the one around them.
    private mutating func cost(of name: String, dynamicTarget: Cost) -> Cost {
        struct Region {
            var tag: TemplateTag?
            var cost = Cost()
        }
        var regions = [Region()]
        var textStart = 0
        let total = sources[name]!.text.utf8.count
        for tag in tags[name] ?? [] {
            regions[regions.count - 1].cost.bytes += tag.offset - textStart
            textStart = tag.end
            switch tag.kind {
            case .partial:
                let target = tag.isDynamic ? dynamicTarget : costs[tag.name] ?? Cost()
                regions[regions.count - 1].cost.add(Cost(expansions: 1 + target.expansions, slots: target.slots,
                                                          bytes: target.bytes, depth: 1 + target.depth))
            case .section, .block, .parent:
                regions.append(Region(tag: tag))
            case .close:
                guard regions.count > 1 else { continue }
                let inner = regions.removeLast()
                regions[regions.count - 1].cost.add(closing(inner.tag!, inner.cost, dynamicTarget: dynamicTarget))
            case .variable:
                continue   // never scanned here
            }
        }
        regions[regions.count - 1].cost.bytes += max(0, total - textStart)
        while regions.count > 1 {
            let inner = regions.removeLast()
            regions[regions.count - 1].cost.add(closing(inner.tag!, inner.cost, dynamicTarget: dynamicTarget))
        }
        return regions[0].cost
    }

    /// What a closed region adds to the one around it.
    private mutating func closing(_ tag: TemplateTag, _ inner: Cost, dynamicTarget: Cost) -> Cost {
        switch tag.kind {
        case .parent:
            // Each override may render wherever the parent's expansion has a block.
            let parent = tag.isDynamic ? dynamicTarget : costs[tag.name] ?? Cost()
            let times = max(1, parent.slots)
            return Cost(expansions: Cost.sum(1, parent.expansions, Cost.product(times, inner.expansions)),
                        slots: Cost.sum(parent.slots, Cost.product(times, inner.slots)),
                        bytes: Cost.sum(parent.bytes, Cost.product(times, inner.bytes)),
                        depth: 1 + parent.depth + inner.depth)
        case .block:
            return Cost(expansions: inner.expansions, slots: Cost.sum(1, inner.slots), bytes: inner.bytes,
                        depth: 1 + inner.depth)
        default:
            let key = TemplateGraph.sectionKey(tag.name)
            let known = sectionPrices[key] ?? RenderBudget.Price()
            sectionPrices[key] = RenderBudget.Price(steps: max(known.steps, Cost.sum(1, inner.expansions)),
                                                    bytes: max(known.bytes, inner.bytes))
            return Cost(expansions: inner.expansions, slots: inner.slots, bytes: inner.bytes, depth: 1 + inner.depth)
        }
    }

    /// The name a section's value is looked up by last: `xs` for `{{#page.meta.xs}}` or `{{#reversed(xs)}}`.
    static func sectionKey(_ name: String) -> String {
        var inner = Substring(name)
        if let open = inner.lastIndex(of: "(") { inner = inner[inner.index(after: open)...] }
        if let close = inner.firstIndex(of: ")") { inner = inner[..<close] }
        if inner == "." { return "." }
        return String(inner.split(separator: ".").last ?? inner)
    }
}

extension TemplateGraph.Cost {
    /// Counts stop growing far above any limit, so a doubling chain cannot overflow `Int`.
    static let ceiling = 1 << 52

    static func sum(_ values: Int...) -> Int { min(ceiling, values.reduce(0) { min(ceiling, $0 + $1) }) }

    static func product(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ceiling : min(ceiling, value)
    }

    /// Something rendered after the rest: counts add up, nesting takes the deeper.
    mutating func add(_ other: Self) {
        expansions = Self.sum(expansions, other.expansions)
        slots = Self.sum(slots, other.slots)
        bytes = Self.sum(bytes, other.bytes)
        depth = max(depth, other.depth)
    }
}
