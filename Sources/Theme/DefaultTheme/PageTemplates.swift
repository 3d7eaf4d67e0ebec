extension DefaultTheme {
    /// One essay.
    static let page = #"""
{{<base}}
{{$main}}
<article class="essay">
<header class="essay-header">
<h1>{{page.title}}</h1>
{{#page.scheduled}}<p class="scheduled"><strong>Scheduled:</strong> dated <time datetime="{{rfc3339}}">{{readable}}</time>, not published before then.</p>
{{/page.scheduled}}<p class="meta">{{#page.date}}<time datetime="{{rfc3339}}">{{readable}}</time> · {{/page.date}}{{#page.updated}}updated <time datetime="{{rfc3339}}">{{readable}}</time> · {{/page.updated}}{{page.readingTime}} min read{{#page.author}} · {{page.author}}{{/page.author}}</p>
{{#page.hasTags}}<ul class="tags" aria-label="Tags">
{{#page.tags}}<li><a href="{{href}}">{{name}}</a></li>
{{/page.tags}}</ul>
{{/page.hasTags}}</header>
<div class="essay-body">
{{{page.content}}}
</div>
</article>
{{#hasNeighbours}}<nav class="neighbours" aria-label="More essays">
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
{{/hasEssays}}{{^hasEssays}}<p>No essays yet.</p>
{{/hasEssays}}{{#pagination}}<nav class="pagination" aria-label="Pages">
{{#newer}}<a rel="prev" href="{{newer}}">← Newer</a>
{{/newer}}<span>Page {{current}} of {{total}}</span>
{{#older}}<a rel="next" href="{{older}}">Older →</a>
{{/older}}</nav>
{{/pagination}}
{{/main}}
{{/base}}
"""#

    /// Every tag with its count.
    static let tags = #"""
{{<base}}
{{$main}}
<h1 class="list-title">Tags</h1>
{{#hasTags}}<ul class="tag-index">
{{#tags}}<li><a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span></li>
{{/tags}}</ul>
{{/hasTags}}{{^hasTags}}<p>No tags yet.</p>
{{/hasTags}}
{{/main}}
{{/base}}
"""#

    static let notFound = #"""
{{<base}}
{{$main}}
<h1 class="list-title">Page not found</h1>
<p>There is nothing at this address. The <a href="{{root}}">home page</a> lists every essay.</p>
{{/main}}
{{/base}}
"""#
}
