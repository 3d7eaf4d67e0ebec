import BuildRecord
import Diagnostics
import Foundation
@testable import Site
import Testing

/// A build killed while moving its files into the output folder leaves its journal behind;
/// whoever looks next (a build or a check) says loudly that the folder may mix two builds.
@Suite struct InterruptedUpdateTests {
    static let journal = ".costmark/" + BuildManifest.journalName

    func cached(_ site: InlineSite, write: Bool = true) -> BuildReport {
        site.build {
            $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path
            $0.writeOutput = write
        }
    }

    func mixWarnings(_ report: BuildReport) -> [Diagnostic] {
        report.diagnostics.filter { $0.severity == .warning && $0.message.contains("may mix files of two builds") }
    }

    @Test func aLeftoverJournalIsReportedByCheckAndBuild() throws {
        let site = try InlineSite(BuildCacheTests.site)
        defer { site.cleanUp() }
        let first = cached(site)
        #expect(first.succeeded && mixWarnings(first).isEmpty)
        #expect(!site.exists(Self.journal, in: "."), "a complete build leaves no journal")
        // As if a build died between two renames.
        let directory = site.root.appendingPathComponent(".costmark").path
        try BuildManifest.beginUpdate(directory: directory, stage: .moving, outputPath: site.options.outputDirectory)
        let journalText = try String(contentsOfFile: directory + "/" + BuildManifest.journalName, encoding: .utf8)
        #expect(journalText.hasPrefix("moving\ncostmark (process "))

        let check = cached(site, write: false)
        let warning = try #require(mixWarnings(check).first)
        #expect(warning.location?.file == directory + "/" + BuildManifest.journalName)
        #expect(warning.notes.map(\.message).contains("run `costmark build` to replace it whole before publishing it"))
        #expect(site.exists(Self.journal, in: "."), "a check changes nothing")

        let build = cached(site)
        #expect(build.succeeded && !build.updatedInPlace, "the folder is replaced whole")
        #expect(mixWarnings(build).count == 1)
        #expect(!site.exists(Self.journal, in: "."))
        #expect(mixWarnings(cached(site)).isEmpty, "reported once, then fixed")
    }

    @Test func aJournalLeftAfterTheFolderWasCompleteIsNoAlarm() throws {
        let site = try InlineSite(BuildCacheTests.site)
        defer { site.cleanUp() }
        #expect(cached(site).succeeded)
        let directory = site.root.appendingPathComponent(".costmark").path
        for stage in [BuildManifest.JournalStage.swapping, .recording] {
            try BuildManifest.beginUpdate(directory: directory, stage: stage, outputPath: site.options.outputDirectory)
            #expect(mixWarnings(cached(site, write: false)).isEmpty, "\(stage)")
            let build = cached(site)
            #expect(build.succeeded && mixWarnings(build).isEmpty, "\(stage)")
        }
    }

    @Test func checkSaysItOnTheCommandLine() throws {
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: A\n---\nHello.\n")
        defer { site.cleanUp() }
        #expect(try CommandLineTests.costmark(["build"], in: site.root).status == 0)
        try site.write("moving\n", to: Self.journal)
        let check = try CommandLineTests.costmark(["check"], in: site.root)
        #expect(check.status == 0)
        #expect(check.stderr.contains(
            ".costmark/updating: warning: Output may mix files of two builds: a build was interrupted while moving its files into place\n"),
            "\(check.stderr)")
        let build = try CommandLineTests.costmark(["build"], in: site.root)
        #expect(build.stderr.contains("note: this build replaces Output whole; until it succeeds, do not publish the folder"))
    }
}
