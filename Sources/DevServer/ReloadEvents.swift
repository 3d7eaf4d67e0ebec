/// Tells open pages to reload. Each rebuild (successful or not) moves the generation on, and
/// every waiting event stream sends one `reload` event.
actor ReloadEvents {
    private(set) var generation = 0
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    func bump() {
        generation += 1
        let waiting = waiters
        waiters = [:]
        for waiter in waiting.values { waiter.resume() }
    }

    /// Returns once the generation is past `seen`, or when the waiting task is cancelled (the
    /// server is stopping), so a stream left open does not keep its task alive.
    func wait(after seen: Int) async {
        if generation > seen || Task.isCancelled { return }
        nextWaiter += 1
        let id = nextWaiter
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiters[id] = $0 }
        } onCancel: {
            Task { await self.release(id) }
        }
    }

    private func release(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
