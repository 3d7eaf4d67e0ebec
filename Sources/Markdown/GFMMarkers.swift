/// Characters the GFM layer writes into the text it gives cmark, and takes out again.
///
/// Private-use characters do not occur in prose; the part marker is a rare punctuation mark
/// instead, because cmark must treat what follows it like the start of a line (an opening `_`
/// after punctuation still opens emphasis).
enum GFMMarkers {
    /// Replaces the `[` of `[^label]:` at the start of a line, so cmark cannot take a one-word
    /// footnote definition (`[^1]: Knuth`) for a link reference definition and drop it.
    static let definition: Character = "\u{E003}"
    static let definitionUTF8: [UInt8] = [0xEE, 0x80, 0x83]
    /// Starts each table cell and each paragraph remainder appended for a second parse, so no
    /// cell can open a block (a cell reading `# x` stays text).
    static let part = "\u{2042}"
    static let partUTF8: [UInt8] = [0xE2, 0x81, 0x82]
    /// Paragraphs that separate appended footnote continuations: `\u{E005}3\u{E005}`.
    static let sentinel: Character = "\u{E005}"
    /// Left by a task list checkbox, so the `<li>` around it can take a class after rendering.
    static let taskItem = "\u{E007}"
}
