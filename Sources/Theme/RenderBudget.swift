import Mustache

/// What one rendering may still spend; shared by the wrappers of one page's context, and by no
/// other thread. Mustache offers no way to stop a rendering, so the context stops it instead:
/// once the budget is spent every look-up finds nothing and every list is empty, the rendering
/// unwinds in moments, and `TemplateSet.render` reports the page instead of returning it.
///
/// The template text is fixed and checked at load, but the data is not: a front-matter list
/// of a thousand items under three nested sections that each repeat it is 10⁹ renderings.
final class RenderBudget {
    /// What one item of a section costs at most: the partial expansions and template text its
    /// body renders before data repeats anything inside it.
    struct Price: Sendable, Equatable {
        var steps = 1
        var bytes = 0
    }

    /// How a template set prices data: per section name, and for lists no section names
    /// (`{{#.}}`) the dearest section; and the templates a dynamic partial must not name.
    struct Prices: Sendable {
        var sections: [String: Price] = [:]
        var anySection = Price()
        var unsafeNames: Set<String> = []
    }

    enum Exceeded: Error, Equatable, Sendable {
        case steps
        case bytes
    }

    private(set) var steps: Int
    private(set) var bytes: Int
    private(set) var exceeded: Exceeded?
    let prices: Prices

    init(prices: Prices, steps: Int = TemplateLimits.maxRenderSteps, bytes: Int = TemplateLimits.maxOutputBytes) {
        self.prices = prices
        self.steps = steps
        self.bytes = bytes
    }

    /// Takes `price`; false once steps or bytes run out, and from then on.
    func spend(_ price: Price) -> Bool {
        guard exceeded == nil else { return false }
        steps -= price.steps
        bytes -= price.bytes
        if steps < 0 { exceeded = .steps } else if bytes < 0 { exceeded = .bytes }
        return exceeded == nil
    }

    /// A value as the template will see it: objects and lists wrapped so that reading them
    /// spends this budget, text priced by its length. A name a dynamic partial could follow
    /// back into a template that has one is hidden behind a type the partial tag ignores.
    func wrap(_ value: Any, key: String) -> Any? {
        switch value {
        case let text as String:
            guard spend(Price(steps: 1, bytes: text.utf8.count)) else { return nil }
            return prices.unsafeNames.contains(text) ? GuardedName(text: text) : text
        case let object as [String: Any]:
            return BudgetedObject(base: object, key: key, budget: self)
        case let list as [Any]:
            return BudgetedList(base: list, original: value, key: key, budget: self)
        default:
            return value
        }
    }
}

/// A dictionary in the context: each look-up is a step.
struct BudgetedObject: MustacheParent, MustacheTransformable, CustomStringConvertible {
    let base: [String: Any]
    let key: String
    let budget: RenderBudget

    func child(named name: String) -> Any? {
        guard budget.spend(RenderBudget.Price()), let value = base[name] else { return nil }
        return budget.wrap(value, key: name)
    }

    func transform(_ name: String) -> Any? {
        guard let result = base.transform(name) else { return nil }
        if let sequence = result as? any MustacheSequence { return budget.wrap(Array(any: sequence), key: key) }
        return budget.wrap(result, key: key)
    }

    var description: String { base.description }
}

/// A list in the context: each item a section renders is a step and costs the section's text.
struct BudgetedList: MustacheSequence, MustacheTransformable, CustomStringConvertible {
    let base: [Any]
    /// The list as it was typed (`[String]` sorts, `[Any]` does not), for transforms.
    let original: Any
    let key: String
    let budget: RenderBudget

    struct Iterator: IteratorProtocol {
        var inner: IndexingIterator<[Any]>
        let price: RenderBudget.Price
        let budget: RenderBudget

        mutating func next() -> Any? {
            guard let item = inner.next(), budget.spend(price) else { return nil }
            return budget.wrap(item, key: ".")
        }
    }

    func makeIterator() -> Iterator {
        let prices = budget.prices
        return Iterator(inner: base.makeIterator(), price: prices.sections[key] ?? prices.anySection, budget: budget)
    }

    func transform(_ name: String) -> Any? {
        guard let result = (original as? any MustacheTransformable)?.transform(name) else { return nil }
        if let sequence = result as? any MustacheSequence { return budget.wrap(Array(any: sequence), key: key) }
        return budget.wrap(result, key: key)
    }

    var description: String { base.description }
}

/// Text equal to the name of a template that can reach a dynamic partial. It renders and tests
/// like the text, but `{{> *name}}` needs a `String`, so it cannot start a recursion.
struct GuardedName: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func transform(_ name: String) -> Any? { text.transform(name) }
}

extension Array where Element == Any {
    init(any sequence: any Sequence) {
        self = sequence.map { $0 as Any }
    }
}
