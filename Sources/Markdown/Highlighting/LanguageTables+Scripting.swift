/// Interpreted and query languages: Python, Ruby, JavaScript, TypeScript, shell, SQL.
extension LanguageTables {
    static let python = LanguageSpec(
        name: "python",
        keywords: words("""
            and as assert async await break class continue def del elif else except finally for from global if \
            import in is lambda nonlocal not or pass raise return try while with yield match case
            """),
        types: words("int float complex str bytes bool list dict set tuple frozenset object type"),
        builtins: words("""
            True False None self cls print len range enumerate zip map filter sorted sum min max abs open \
            isinstance super
            """),
        lineComments: hashComments,
        strings: [quoted("\"\"\"", multiline: true), quoted("'''", multiline: true), doubleQuoted, singleQuoted],
        stringPrefixes: words("r b f u rb br fr rf R B F U Rb bR BR Br Fr fR FR Rf rF RF"),
        prefixedWords: [(0x40, .meta)],
        functionDefiners: words("def"), typeDefiners: words("class"))

    static let ruby = LanguageSpec(
        name: "ruby",
        keywords: words("""
            alias and begin break case class def defined? do else elsif end ensure for if in module next not or \
            redo rescue retry return then undef unless until when while yield
            """),
        builtins: words("true false nil self puts print require require_relative attr_accessor attr_reader raise"),
        lineComments: hashComments,
        blockComments: [LanguageSpec.BlockComment(open: bytes("=begin"), close: bytes("=end"))],
        strings: [doubleQuoted, singleQuoted, quoted("`")],
        wordBytes: bytes("?!"),
        prefixedWords: [(0x40, .variable), (0x24, .variable)],
        capitalizedAreTypes: true,
        functionDefiners: words("def"), typeDefiners: words("class module"),
        features: [.symbols])

    private static let javaScriptKeywords = """
        async await break case catch class const continue debugger default delete do else export extends \
        finally for from function get if import in instanceof let new of return set static super switch this \
        throw try typeof var void while with yield
        """

    static let javaScript = LanguageSpec(
        name: "javascript",
        keywords: words(javaScriptKeywords),
        types: words("Array Object String Number Boolean Map Set Promise Date Error RegExp Symbol JSON Math"),
        builtins: words("true false null undefined NaN Infinity console window document globalThis require module"),
        lineComments: slashComments, blockComments: [cBlockComment],
        strings: [doubleQuoted, singleQuoted, quoted("`", multiline: true)],
        wordStartBytes: bytes("$"),
        prefixedWords: [(0x40, .meta)],
        capitalizedAreTypes: true,
        functionDefiners: words("function"), typeDefiners: words("class"))

    static let typeScript: LanguageSpec = {
        var spec = javaScript
        spec.name = "typescript"
        spec.keywords.formUnion(words("""
            abstract as asserts declare enum implements infer interface is keyof namespace private protected \
            public readonly satisfies type unique
            """))
        spec.types.formUnion(words("any boolean never number object string symbol unknown void bigint Record Partial"))
        spec.typeDefiners.formUnion(words("interface type enum namespace"))
        return spec
    }()

    static let shell = LanguageSpec(
        name: "bash",
        keywords: words("""
            if then else elif fi for while until do done case esac in function select return local export
            """),
        builtins: words("""
            echo cd pwd printf read set unset source exit eval exec test true false alias shift trap wait \
            declare readonly type command builtin
            """),
        lineComments: hashComments, commentsNeedSpaceBefore: true,
        strings: [doubleQuoted, rawSingleQuoted],
        wordBytes: bytes("-./+%:@~,"),
        wordStartBytes: bytes("-./~"),
        prefixedWords: [(0x24, .variable)],
        callsAreFunctions: false,
        features: [.shell])

    static let sql = LanguageSpec(
        name: "sql",
        keywords: words("""
            select from where and or not in is null as join inner left right full outer cross on using group by \
            order having limit offset union all distinct insert into values update set delete create table view \
            index drop alter add column primary key foreign references unique default check constraint if exists \
            case when then else end begin commit rollback transaction with recursive returning asc desc between \
            like ilike over partition window grant revoke
            """),
        types: words("""
            int integer bigint smallint decimal numeric real float double precision text varchar char boolean \
            date time timestamp timestamptz interval json jsonb uuid serial bytea blob
            """),
        builtins: words("true false count sum avg min max coalesce now cast extract lower upper length round"),
        caseInsensitive: true,
        lineComments: [bytes("--")], blockComments: [cBlockComment],
        strings: [rawSingleQuoted, quoted("\"", escape: nil)],
        callsAreFunctions: true)
}
