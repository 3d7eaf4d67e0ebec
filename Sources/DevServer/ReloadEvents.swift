import FlyingFox
import FlyingSocks
import Foundation

/// Tells open pages to reload. Each rebuild (successful or not) moves the generation on, and
/// every waiting event stream sends one `reload` event.
actor ReloadEvents {
    private(set) var generation = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func bump() {
        generation += 1
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume() }
    }

    /// Returns once the generation is past `seen`.
    func wait(after seen: Int) async {
        if generation > seen { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}

/// The body of the `text/event-stream` response: a comment to open the stream, then one
/// `event: reload` per rebuild, sent as HTTP chunks for as long as the page stays open.
struct ReloadStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: ReloadEvents
    let start: Int

    func makeAsyncIterator() -> Iterator { Iterator(events: events, seen: start, opened: false) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let events: ReloadEvents
        var seen: Int
        var opened: Bool
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty { guard let buffer = try await nextBuffer(suggested: 1) else { return nil }; pending = Array(buffer) }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !opened {
                opened = true
                return Array(": costmark live reload\n\n".utf8)
            }
            await events.wait(after: seen)
            if Task.isCancelled { return nil }
            seen = await events.generation
            return Array("event: reload\ndata: \(seen)\n\n".utf8)
        }
    }
}
