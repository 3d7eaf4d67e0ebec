import Diagnostics
import Markdown

extension ShortcodeScanner.Scanned {
    /// The Markdown stage saw the essay with its shortcodes replaced, which moves the columns
    /// after a shortcode on its line: each diagnostic is moved back to the essay's own column.
    func relocated(_ diagnostics: [Diagnostic], file: SourceFile, bodyFirstLine: Int) -> [Diagnostic] {
        guard !columnShifts.isEmpty else { return diagnostics }
        func moved(_ location: SourceLocation?) -> SourceLocation? {
            guard var location, location.file == file.path, location.line >= bodyFirstLine else { return location }
            location.column = originalColumn(line: location.line - bodyFirstLine + 1, column: location.column)
            return location
        }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location = moved(diagnostic.location)
            diagnostic.notes = diagnostic.notes.map { note in
                var note = note
                note.location = moved(note.location)
                return note
            }
            return diagnostic
        }
    }
}
