import Foundation

/// Decides the answer to each request: refuses foreign `Host:` names, methods other than GET
/// and HEAD, request bodies and badly encoded paths, then serves the reload stream or a file.
struct Router: Sendable {
    let hosts: HostCheck
    let responder: SiteResponder
    let events: ReloadEvents
    let state: DevServer.BuildState

    static let eventsPath = ["__costmark", "events"]

    func reply(to head: RequestHead) async -> Reply {
        let names = head.values("host")
        guard names.count <= 1 else {
            return .text(400, "bad request: more than one Host header", closesConnection: true)
        }
        guard hosts.allows(names.first, http10: head.isHTTP10) else {
            let name = names.first.map { "'\($0)'" } ?? "no Host header"
            return .text(403, "costmark serve answers only to its own address and localhost on port \(hosts.port), "
                + "not to \(name) (a page on another site may be trying to read this one)")
        }
        guard head.method == "GET" || head.method == "HEAD" else {
            var reply = Reply.text(405, "costmark serve answers GET and HEAD only", closesConnection: true)
            reply.fields.append(("Allow", "GET, HEAD"))
            return reply
        }
        guard !head.hasBody else { return .text(400, "bad request: GET and HEAD take no body", closesConnection: true) }
        let segments: [String]
        do {
            segments = try RequestPath.segments(of: head.target)
        } catch .badEncoding {
            return .text(400, "bad request: the path's percent-encoding is not valid UTF-8 text")
        } catch {
            return .text(400, "bad request: the target is not a path", closesConnection: true)
        }
        if segments == Self.eventsPath {
            return Reply(status: 200, fields: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")],
                         body: .reloads(events, after: await events.generation), closesConnection: true)
        }
        let rawPath = String(head.target.prefix { $0 != "?" && $0 != "#" })
        let answer = responder.answer(segments: segments, rawPath: rawPath, errorOverlay: await state.overlay)
        var fields = [("Content-Type", answer.contentType), ("Cache-Control", "no-store")]
        if let location = answer.location { fields.append(("Location", location)) }
        return Reply(status: answer.status, fields: fields, body: .data(answer.body))
    }
}
