extension DefaultTheme {
    /// One essay.
    static let page = #"""
{{<base}}
{{$main}}
<article class="essay">
<header class="essay-header">
<h1>{{page.title}}</h1>
{{#page.scheduled}}<p class="scheduled"><strong>{{words.scheduled}}</strong> {{words.dated}} <time datetime="{{rfc3339}}">{{readable}}</time>, {{words.notPublished}}.</p>
{{/page.scheduled}}<p class="meta">{{#page.date}}<time datetime="{{rfc3339}}">{{readable}}</time> · {{/page.date}}{{#page.updated}}{{words.updated}} <time datetime="{{rfc3339}}">{{readable}}</time> · {{/page.updated}}{{page.readingTime}} {{words.minRead}}{{#page.author}} · {{page.author}}{{/page.author}}</p>
{{#page.hasTags}}<ul class="tags" aria-label="{{words.tags}}">
{{#page.tags}}<li><a href="{{href}}">{{name}}</a></li>
{{/page.tags}}</ul>
{{/page.hasTags}}</header>
{{#page.hasToc}}<nav class="cm-toc" aria-label="Contents">
<details open>
<summary>Contents</summary>
<ol>
{{#page.toc}}<li><a href="{{{href}}}">{{{titleHTML}}}</a>{{#hasChildren}}
<ol>
{{#children}}<li><a href="{{{href}}}">{{{titleHTML}}}</a></li>
{{/children}}</ol>
{{/hasChildren}}</li>
{{/page.toc}}</ol>
</details>
</nav>
{{/page.hasToc}}<div class="essay-body">
{{{page.content}}}
</div>
</article>
{{#hasNeighbours}}<nav class="neighbours" aria-label="{{words.moreEssays}}">
{{#newer}}<a rel="prev" href="{{href}}">← {{title}}</a>
{{/newer}}{{#older}}<a rel="next" href="{{href}}">{{title}} →</a>
{{/older}}</nav>
{{/hasNeighbours}}
{{/main}}
{{/base}}
"""#

    /// The home page, its further pages, and each tag's page. Each essay's `html` is its `summary`
    /// partial, rendered once per build (a custom list can also use `title`, `href`, `summary`…).
    static let list = #"""
{{<base}}
{{$main}}
<h1 class="list-title">{{heading}}</h1>
{{#introHTML}}<div class="lede">
{{{introHTML}}}</div>
{{/introHTML}}{{#intro}}<p class="lede">{{intro}}</p>
{{/intro}}{{#hasEssays}}<ol class="summaries">
{{#essays}}{{{html}}}{{/essays}}
</ol>
{{/hasEssays}}{{^hasEssays}}<p>{{words.noEssays}}</p>
{{/hasEssays}}{{#pagination}}<nav class="pagination" aria-label="{{words.pages}}">
{{#newer}}<a rel="prev" href="{{newer}}">← {{words.newer}}</a>
{{/newer}}<span>{{words.page}} {{current}} {{words.of}} {{total}}</span>
{{#older}}<a rel="next" href="{{older}}">{{words.older}} →</a>
{{/older}}</nav>
{{/pagination}}
{{/main}}
{{/base}}
"""#

    /// Every tag with its count.
    static let tags = #"""
{{<base}}
{{$main}}
<h1 class="list-title">{{words.tags}}</h1>
{{#hasTags}}<ul class="tag-index">
{{#tags}}<li><a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span></li>
{{/tags}}</ul>
{{/hasTags}}{{^hasTags}}<p>{{words.noTags}}</p>
{{/hasTags}}
{{/main}}
{{/base}}
"""#

    static let notFound = #"""
{{<base}}
{{$main}}
<h1 class="list-title">{{words.notFound}}</h1>
<p>{{words.notFoundText}} <a href="{{root}}">{{words.homePage}}</a> {{words.listsEvery}}</p>
{{/main}}
{{/base}}
"""#
}
