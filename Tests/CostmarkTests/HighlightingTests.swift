import Markdown
import Testing

/// Per-language checks: a few tokens each, by class. `spans` lists `class:text` for every
/// highlighted token, so a test names what it expects without spelling out the HTML.
@Suite struct HighlightingTests {
    static func spans(_ code: String, _ language: String) -> [String] {
        guard let html = CodeHighlighter.html(code, language: language) else { return [] }
        var result: [String] = []
        var rest = html[...]
        while let open = rest.firstRange(of: "<span class=\"hl-") {
            rest = rest[open.upperBound...]
            guard let quote = rest.firstIndex(of: "\""), let close = rest.firstRange(of: "</span>") else { break }
            let kind = rest[..<quote]
            let text = rest[rest.index(quote, offsetBy: 2)..<close.lowerBound]
            result.append("\(kind):\(text.replacing("&quot;", with: "\""))")
            rest = rest[close.upperBound...]
        }
        return result
    }

    static func expect(_ code: String, _ language: String, contains expected: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let found = spans(code, language)
        for item in expected {
            #expect(found.contains(item), "\(language): missing \(item) in \(found)", sourceLocation: sourceLocation)
        }
    }

    @Test func swift() {
        Self.expect("""
            @MainActor struct Cost { let x: Int = 0x1F // note
            func total() -> Double { return "a\\"b" + #"raw "q""# } /* a /* nested */ b */ }
            let s = \"\"\"
            multi "line"
            \"\"\"
            """, "swift",
            contains: ["meta:@MainActor", "kw:struct", "ty:Cost", "kw:let", "ty:Int", "num:0x1F", "com:// note",
                       "kw:func", "fn:total", "ty:Double", "str:\"a\\\"b\"", "str:#\"raw \"q\"\"#",
                       "com:/* a /* nested */ b */", "str:\"\"\"\nmulti \"line\"\n\"\"\""])
    }

    @Test func rust() {
        Self.expect("""
            #[derive(Debug)]
            fn main<'a>(x: &'a str) -> u32 { let c = 'x'; println!("{}", r#"raw"#); 42u32 }
            """, "rs",
            contains: ["meta:#[derive(Debug)]", "kw:fn", "fn:main", "ty:str", "ty:u32", "str:'x'", "fn:println!",
                       "str:\"{}\"", "str:r#\"raw\"#", "num:42u32"])
        #expect(!Self.spans("fn f<'a>() {}", "rust").contains { $0.hasPrefix("str:") })
    }

    @Test func go() {
        Self.expect("package main\nfunc main() { s := `raw\nline`; fmt.Println(len(s), nil) }", "golang",
                    contains: ["kw:package", "kw:func", "fn:main", "str:`raw\nline`", "fn:Println", "bi:len", "bi:nil"])
    }

    @Test func python() {
        Self.expect("""
            @cache
            def area(r: float) -> float:
                \"\"\"Doc
                string\"\"\"
                return f'{r}' # done
            x = None
            """, "py",
                    contains: ["meta:@cache", "kw:def", "fn:area", "ty:float", "str:\"\"\"Doc\n    string\"\"\"",
                               "kw:return", "str:f'{r}'", "com:# done", "bi:None"])
    }

    @Test func javaScriptAndTypeScript() {
        Self.expect("const x = `a ${b}` // c\nfunction go() { return null }", "js",
                    contains: ["kw:const", "str:`a ${b}`", "com:// c", "kw:function", "fn:go", "bi:null"])
        Self.expect("interface Point { x: number }\ntype Id = string", "ts",
                    contains: ["kw:interface", "ty:Point", "ty:number", "kw:type", "ty:Id", "ty:string"])
    }

    @Test func cAndCpp() {
        Self.expect("#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 1); }", "c",
                    contains: ["meta:#include", "str:&lt;stdio.h&gt;", "ty:int", "fn:main", "bi:printf", "num:1"])
        Self.expect("template <typename T> class Box { std::vector<T> v; };", "c++",
                    contains: ["kw:template", "kw:typename", "kw:class", "ty:Box", "ty:vector"])
    }

    @Test func javaAndKotlin() {
        Self.expect("@Override public String name() { return \"n\"; }", "java",
                    contains: ["meta:@Override", "kw:public", "ty:String", "fn:name", "str:\"n\""])
        Self.expect("data class P(val x: Int)\nfun main() = println(\"hi\")", "kt",
                    contains: ["kw:data", "kw:class", "ty:P", "kw:val", "ty:Int", "kw:fun", "fn:main", "bi:println"])
    }

    @Test func ruby() {
        Self.expect("class Foo\n  def bar?(x) = @name || :sym # c\nend", "rb",
                    contains: ["kw:class", "ty:Foo", "kw:def", "fn:bar?", "var:@name", "str::sym", "com:# c", "kw:end"])
    }

    @Test func shell() {
        Self.expect("export PATH=\"$HOME/bin\" # set\nif [ -f x ]; then echo ${NAME:-a} | grep --quiet 'y'; fi",
                    "bash",
                    contains: ["kw:export", "str:\"$HOME/bin\"", "com:# set", "kw:if", "attr:-f", "kw:then",
                               "bi:echo", "var:${NAME:-a}", "var:PATH", "fn:grep", "attr:--quiet", "str:'y'", "kw:fi"])
        #expect(!Self.spans("if [ -f x ]; then", "sh").contains("fn:x"))
        // `#` inside a word is not a comment.
        #expect(!Self.spans("echo a#b", "sh").contains { $0.hasPrefix("com:") })
    }

    @Test func consoleSessions() {
        let html = CodeHighlighter.html("$ costmark build --quiet\nBuilt 3 pages\n$ ls\n", language: "console") ?? ""
        #expect(html.contains("<span class=\"hl-pr\">$</span> <span class=\"hl-fn\">costmark</span> build "
                              + "<span class=\"hl-attr\">--quiet</span>\nBuilt 3 pages\n"))
        Self.expect("$ ls \\\n  -la\nout", "shell-session", contains: ["pr:$", "fn:ls", "attr:-la"])
    }

    @Test func sql() {
        Self.expect("SELECT name, COUNT(*) FROM users WHERE id = 'x' -- c\n/* b */", "sql",
                    contains: ["kw:SELECT", "bi:COUNT", "kw:FROM", "kw:WHERE", "str:'x'", "com:-- c", "com:/* b */"])
    }

    @Test func yamlTomlJSON() {
        Self.expect("---\ntitle: \"Hi\" # c\nitems:\n  - name: x\n    on: true\n", "yml",
                    contains: ["meta:---", "attr:title", "str:\"Hi\"", "com:# c", "attr:items", "attr:name", "attr:on",
                               "bi:true"])
        Self.expect("[server]\nport = 8080\nname = \"x\" # c\n", "toml",
                    contains: ["ty:[server]", "attr:port", "num:8080", "attr:name", "str:\"x\"", "com:# c"])
        Self.expect("{\"a\": [1.5e3, \"b\", true, null]}", "json",
                    contains: ["attr:\"a\"", "num:1.5e3", "str:\"b\"", "bi:true", "bi:null"])
    }

    @Test func htmlXMLAndCSS() {
        Self.expect("<!DOCTYPE html>\n<p class=\"x\" hidden>a &amp; b<!-- c --></p>\n<style>p { color: #fff; }</style>",
                    "html",
                    contains: ["meta:&lt;!DOCTYPE html&gt;", "tag:p", "attr:class", "str:\"x\"", "attr:hidden",
                               "bi:&amp;amp;", "com:&lt;!-- c --&gt;", "tag:style", "attr:color", "num:#fff"])
        Self.expect("<?xml version=\"1.0\"?><a:b x='1'/>", "xml",
                    contains: ["meta:&lt;?xml version=\"1.0\"?&gt;", "tag:a:b", "attr:x", "str:'1'"])
        Self.expect("@media (max-width: 30rem) { .note > p { margin: 0 auto !important; } }", "css",
                    contains: ["kw:@media", "num:30rem", "attr:.note", "attr:margin", "num:0", "bi:auto",
                               "kw:!important"])
    }

    @Test func dockerfileAndDiff() {
        Self.expect("FROM swift:6.1 AS build\n# c\nRUN swift build -c release\nENV A=$B", "dockerfile",
                    contains: ["kw:FROM", "com:# c", "kw:RUN", "kw:ENV", "var:$B"])
        Self.expect("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same", "patch",
                    contains: ["meta:--- a/x", "meta:+++ b/x", "fn:@@ -1 +1 @@", "del:-old", "add:+new"])
    }

    @Test func scenarioCode() {
        Self.expect("""
            unit machine
            price = $20/month/machine # per box
            machines = floor(compound(growth, t)) * 1 machine
            total = if x > 2 then 5% else 3
            """, "scenario-code",
            contains: ["kw:unit", "ty:machine", "var:price", "num:$", "num:20", "ty:month", "com:# per box",
                       "fn:floor", "fn:compound", "kw:if", "kw:then", "num:5", "num:%"])
        #expect(!Self.spans("x = 2 * growth", "scenario-code").contains("ty:growth"))
    }

    @Test func everythingIsEscapedAndNothingIsLost() {
        let nasty = "<script>\"&'</script> \u{E001}0\u{E002} ü 東京 \\"
        for language in CodeHighlighter.languageNames {
            guard let html = CodeHighlighter.html(nasty, language: language) else {
                Issue.record("\(language) not highlighted"); continue
            }
            // Everything after `<pre><code class="language-…">`.
            let body = html[html.index(after: html.firstRange(of: "\">")!.lowerBound)...].dropFirst()
            #expect(!body.contains("<script"), "\(language)")
            let text = body.replacing(/<[^>]*>/, with: "").replacing("&lt;", with: "<").replacing("&gt;", with: ">")
                .replacing("&quot;", with: "\"").replacing("&amp;", with: "&")
            #expect(text == nasty, "\(language) lost text: \(text)")
        }
    }

    @Test func unknownLanguagesAreNotHighlighted() {
        #expect(CodeHighlighter.html("x", language: "brainfudge") == nil)
        let rendered = MarkdownRenderer.render("```brainfudge\n<b>&</b>\n```\n")
        #expect(rendered.html == "<pre tabindex=\"0\"><code class=\"language-brainfudge\">&lt;b&gt;&amp;&lt;/b&gt;\n</code></pre>\n")
    }

    @Test func fencesAreHighlightedInDocuments() {
        let rendered = MarkdownRenderer.render("```swift title\nlet x = 1\n```\n")
        #expect(rendered.html == "<pre tabindex=\"0\"><code class=\"language-swift\"><span class=\"hl-kw\">let</span> x = "
                                 + "<span class=\"hl-num\">1</span>\n</code></pre>\n")
    }
}
