/// Configuration, data and style languages: YAML, TOML, JSON, CSS, Dockerfile.
extension LanguageTables {
    static let yaml = LanguageSpec(
        name: "yaml",
        builtins: words("true false yes no on off null True False Yes No Null TRUE FALSE NULL ~"),
        lineComments: hashComments, commentsNeedSpaceBefore: true,
        strings: [doubleQuoted, quoted("'", escape: nil)],
        wordBytes: bytes("-."),
        prefixedWords: [(0x26, .variable), (0x2A, .variable), (0x21, .type)],
        callsAreFunctions: false,
        features: [.yamlKeys])

    static let toml = LanguageSpec(
        name: "toml",
        builtins: words("true false inf nan"),
        lineComments: hashComments,
        strings: [quoted("\"\"\"", multiline: true), quoted("'''", escape: nil, multiline: true), doubleQuoted,
                  rawSingleQuoted],
        wordBytes: bytes("-"),
        callsAreFunctions: false,
        features: [.tomlKeys])

    static let json = LanguageSpec(
        name: "json",
        builtins: words("true false null"),
        lineComments: slashComments, blockComments: [cBlockComment],
        strings: [doubleQuoted],
        callsAreFunctions: false,
        features: [.stringKeys])

    static let css = LanguageSpec(
        name: "css",
        keywords: words("""
            @media @import @supports @font-face @keyframes @layer @container @page @charset @namespace !important \
            and not only
            """),
        builtins: words("""
            auto none inherit initial unset revert transparent currentColor block inline flex grid solid dashed \
            dotted bold normal italic absolute relative fixed sticky hidden visible
            """),
        blockComments: [cBlockComment],
        strings: [doubleQuoted, singleQuoted],
        wordBytes: bytes("-"),
        wordStartBytes: bytes("-@!"),
        features: [.css])

    static let dockerfile = LanguageSpec(
        name: "dockerfile",
        keywords: words("""
            from run cmd label maintainer expose env add copy entrypoint volume user workdir arg onbuild \
            stopsignal healthcheck shell as
            """),
        caseInsensitive: true,
        lineComments: hashComments, commentsNeedSpaceBefore: true,
        strings: [doubleQuoted, singleQuoted],
        prefixedWords: [(0x24, .variable)],
        callsAreFunctions: false,
        features: [.keywordsAtLineStart])
}
