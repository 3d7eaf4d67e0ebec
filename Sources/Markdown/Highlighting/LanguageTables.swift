/// Shared pieces of the language tables.
enum LanguageTables {
    /// A set from a space-separated list, so tables read like the languages' own word lists.
    static func words(_ list: String) -> Set<String> {
        Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let slashComments = [bytes("//")]
    static let cBlockComment = LanguageSpec.BlockComment(open: bytes("/*"), close: bytes("*/"))
    static let nestedBlockComment = LanguageSpec.BlockComment(open: bytes("/*"), close: bytes("*/"), nests: true)
    static let hashComments = [bytes("#")]

    static func quoted(_ quote: String, escape: UInt8? = 0x5C, multiline: Bool = false) -> LanguageSpec.StringRule {
        LanguageSpec.StringRule(open: bytes(quote), close: bytes(quote), escape: escape, multiline: multiline)
    }

    static let doubleQuoted = quoted("\"")
    static let singleQuoted = quoted("'")
    static let rawSingleQuoted = quoted("'", escape: nil)
}
