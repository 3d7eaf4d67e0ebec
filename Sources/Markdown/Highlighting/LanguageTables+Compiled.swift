/// Languages with C-like syntax that are compiled: Swift, Rust, Go, C, C++, Java, Kotlin.
extension LanguageTables {
    static let swift = LanguageSpec(
        name: "swift",
        keywords: words("""
            actor associatedtype async await break case catch class continue default defer deinit do else enum \
            extension fallthrough fileprivate final for func guard if import in indirect init inout internal is \
            lazy let macro mutating nonisolated open operator override precedencegroup private protocol public \
            repeat rethrows return some any static struct subscript super switch throw throws try typealias \
            unowned var weak where while consume borrowing consuming sending get set willSet didSet isolated
            """),
        types: words("""
            Int Int8 Int16 Int32 Int64 UInt UInt8 UInt16 UInt32 UInt64 Double Float Bool String Character Void \
            Never Any AnyObject Self
            """),
        builtins: words("true false nil self print assert precondition fatalError min max"),
        lineComments: slashComments, blockComments: [nestedBlockComment],
        strings: [quoted("\"\"\"", multiline: true), doubleQuoted],
        hashRawStringPrefixes: [[]],
        prefixedWords: [(0x40, .meta), (0x23, .meta)],
        capitalizedAreTypes: true,
        functionDefiners: words("func macro"),
        typeDefiners: words("class struct enum protocol actor extension typealias"))

    static let rust = LanguageSpec(
        name: "rust",
        keywords: words("""
            as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod \
            move mut pub ref return static struct super trait type union unsafe use where while yield
            """),
        types: words("""
            i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str String Vec Option Result \
            Box Self
            """),
        builtins: words("true false self Some None Ok Err"),
        lineComments: slashComments, blockComments: [nestedBlockComment],
        strings: [doubleQuoted, LanguageSpec.StringRule(open: bytes("'"), close: bytes("'"), characterOnly: true)],
        stringPrefixes: words("b"),
        hashRawStringPrefixes: [bytes("br"), bytes("r")],
        capitalizedAreTypes: true,
        functionDefiners: words("fn"), typeDefiners: words("struct enum trait type union"),
        features: [.bracketAttributes, .bangMacros])

    static let go = LanguageSpec(
        name: "go",
        keywords: words("""
            break case chan const continue default defer else fallthrough for func go goto if import interface \
            map package range return select struct switch type var
            """),
        types: words("""
            bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint \
            uint8 uint16 uint32 uint64 uintptr any
            """),
        builtins: words("true false nil iota append cap close copy delete len make new panic print println recover"),
        lineComments: slashComments, blockComments: [cBlockComment],
        strings: [doubleQuoted, quoted("`", escape: nil, multiline: true), singleQuoted],
        functionDefiners: words("func"), typeDefiners: words("type"))

    private static let cKeywords = """
        auto break case const continue default do else enum extern for goto if inline register restrict return \
        sizeof static struct switch typedef union volatile while _Alignas _Alignof _Atomic _Generic _Noreturn
        """
    private static let cTypes = """
        char double float int long short signed unsigned void bool size_t ssize_t int8_t int16_t int32_t \
        int64_t uint8_t uint16_t uint32_t uint64_t FILE
        """

    static let c = LanguageSpec(
        name: "c",
        keywords: words(cKeywords), types: words(cTypes),
        builtins: words("NULL true false printf malloc free memcpy strlen"),
        lineComments: slashComments, blockComments: [cBlockComment],
        strings: [doubleQuoted, singleQuoted],
        typeDefiners: words("struct enum union"),
        features: [.preprocessor])

    static let cpp = LanguageSpec(
        name: "cpp",
        keywords: words(cKeywords + """
             alignas alignof catch class concept consteval constexpr constinit co_await co_return co_yield \
            decltype delete explicit export friend mutable namespace new noexcept operator private protected \
            public requires static_assert template this throw try typename using virtual override final
            """),
        types: words(cTypes + " wchar_t char8_t char16_t char32_t std string vector map unique_ptr shared_ptr auto"),
        builtins: words("nullptr NULL true false cout cin endl"),
        lineComments: slashComments, blockComments: [cBlockComment],
        strings: [doubleQuoted, singleQuoted],
        typeDefiners: words("class struct enum union namespace"),
        features: [.preprocessor])

    static let java = LanguageSpec(
        name: "java",
        keywords: words("""
            abstract assert break case catch class const continue default do else enum extends final finally for \
            goto if implements import instanceof interface native new package private protected public record \
            return sealed permits static strictfp super switch synchronized this throw throws transient try var \
            void volatile while yield
            """),
        types: words("boolean byte char double float int long short String Object Integer List Map"),
        builtins: words("true false null"),
        lineComments: slashComments, blockComments: [cBlockComment],
        strings: [quoted("\"\"\"", multiline: true), doubleQuoted, singleQuoted],
        prefixedWords: [(0x40, .meta)],
        capitalizedAreTypes: true,
        typeDefiners: words("class interface enum record"))

    static let kotlin = LanguageSpec(
        name: "kotlin",
        keywords: words("""
            as break class continue do else for fun if in interface is object package return super \
            this throw try typealias typeof val var when while by catch constructor companion data enum \
            external final finally get import init inline inner internal lateinit open operator out override \
            private protected public reified sealed set suspend tailrec vararg where abstract annotation
            """),
        types: words("Int Long Short Byte Double Float Boolean Char String Unit Any Nothing List Map Set Array"),
        builtins: words("true false null println print listOf mapOf setOf require check"),
        lineComments: slashComments, blockComments: [nestedBlockComment],
        strings: [quoted("\"\"\"", escape: nil, multiline: true), doubleQuoted, singleQuoted],
        prefixedWords: [(0x40, .meta)],
        capitalizedAreTypes: true,
        functionDefiners: words("fun"), typeDefiners: words("class interface object typealias"))
}
