/// What the generic scanner needs to know about one language: word lists, comment and string
/// syntaxes, and a handful of switches for the constructs that need a little state. Adding a
/// language is writing one of these, not code.
struct LanguageSpec: Sendable {
    /// The name in `class="language-…"` (the canonical name, not the alias the author wrote).
    var name: String
    var keywords: Set<String> = []
    var types: Set<String> = []
    /// Constants and well-known functions (`true`, `nil`, `print`, `len`).
    var builtins: Set<String> = []
    /// SQL, Dockerfile: words are looked up lowercased (the tables are written lowercase).
    var caseInsensitive = false
    var lineComments: [[UInt8]] = []
    /// Shell-like languages: `#` starts a comment only at the start of a word (`a#b` is a word).
    var commentsNeedSpaceBefore = false
    var blockComments: [BlockComment] = []
    /// Tried in order, so longer openers (`"""`) come before their prefixes (`"`).
    var strings: [StringRule] = []
    /// Words that turn a directly following quote into one string: `r"…"`, `f'…'`, `b"…"`.
    var stringPrefixes: Set<String> = []
    /// Raw strings closed by the same number of `#` as opened them: Rust `r#"…"#` (prefix `r`,
    /// also `br`) and Swift `#"…"#` (no prefix, `#"""` too).
    var hashRawStringPrefixes: [[UInt8]]? = nil
    /// Bytes that may continue a word besides letters, digits and `_` (`-` in CSS, shell, YAML).
    var wordBytes: [UInt8] = []
    /// Bytes that may start a word besides letters and `_` (`$` in JavaScript, `@` in CSS).
    var wordStartBytes: [UInt8] = []
    /// A byte that, directly before a word, makes it one token of the given class: `@` for
    /// attributes and decorators, `#` for Swift directives, `$` for shell variables.
    var prefixedWords: [(prefix: UInt8, kind: TokenClass)] = []
    /// Words starting with an upper-case letter are types (Swift, Rust, Java…).
    var capitalizedAreTypes = false
    /// A word directly followed by `(` is a function call.
    var callsAreFunctions = true
    /// The word after one of these names a function (`func`, `fn`, `def`) or a type (`class`).
    var functionDefiners: Set<String> = []
    var typeDefiners: Set<String> = []
    var features: Features = []

    struct BlockComment: Sendable {
        var open: [UInt8]
        var close: [UInt8]
        /// Swift and Rust let block comments nest.
        var nests = false
    }

    struct StringRule: Sendable {
        var open: [UInt8]
        var close: [UInt8]
        /// The byte that escapes the next one (`\`), or nil for raw strings.
        var escape: UInt8? = 0x5C
        /// Whether the string may run over line ends (triple quotes, template literals).
        var multiline = false
        /// A character literal: Rust's `'a'` against the lifetime `'a`; only a quote closing
        /// within one character (or one escape) makes a string.
        var characterOnly = false
    }

    struct Features: OptionSet, Sendable {
        let rawValue: UInt32
        /// C and C++: `#include`, `#define` at the start of a line.
        static let preprocessor = Features(rawValue: 1 << 0)
        /// Rust `#[derive(Debug)]` and `#![…]`.
        static let bracketAttributes = Features(rawValue: 1 << 1)
        /// Rust `println!`: a word directly followed by `!` is a macro call.
        static let bangMacros = Features(rawValue: 1 << 2)
        /// Shell: the first word of a command is a function; `${…}`, `$(`; `--flags`.
        static let shell = Features(rawValue: 1 << 3)
        /// JSON and JSON-like: a string directly followed by `:` is a key.
        static let stringKeys = Features(rawValue: 1 << 4)
        /// YAML: `key:` at the start of a line (after indentation and `- `).
        static let yamlKeys = Features(rawValue: 1 << 5)
        /// TOML and INI: `[table]` lines and `key =` at the start of a line.
        static let tomlKeys = Features(rawValue: 1 << 6)
        /// CSS: `name:` inside braces is a property; `#fff` is a number.
        static let css = Features(rawValue: 1 << 7)
        /// Dockerfile: keywords count only as the first word of a line.
        static let keywordsAtLineStart = Features(rawValue: 1 << 8)
        /// Ruby: `:symbol`.
        static let symbols = Features(rawValue: 1 << 9)
    }
}
