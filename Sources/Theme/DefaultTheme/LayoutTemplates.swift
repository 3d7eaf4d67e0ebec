extension DefaultTheme {
    /// The page shell every other page template inherits from; pages fill the `main` block.
    static let base = #"""
<!DOCTYPE html>
<html lang="{{site.language}}">
<head>
{{> head}}
</head>
<body>
{{> header}}
<main id="main">
{{$main}}{{/main}}
</main>
{{> footer}}
</body>
</html>

"""#

    static let head = #"""
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="costmark">
<title>{{pageTitle}}</title>
{{#description}}<meta name="description" content="{{description}}">
{{/description}}{{#canonical}}<link rel="canonical" href="{{canonical}}">
{{/canonical}}{{#og}}<meta property="og:title" content="{{title}}">
<meta property="og:type" content="{{type}}">
<meta property="og:site_name" content="{{site.title}}">
{{#canonical}}<meta property="og:url" content="{{canonical}}">
{{/canonical}}{{#description}}<meta property="og:description" content="{{description}}">
{{/description}}{{#image}}<meta property="og:image" content="{{image}}">
{{/image}}<meta name="twitter:card" content="{{card}}">
{{/og}}{{#favicon}}<link rel="icon" href="{{href}}" type="{{type}}">
{{/favicon}}<link rel="stylesheet" href="{{root}}style.css">
<link rel="alternate" type="application/atom+xml" title="{{site.title}} (Atom)" href="{{root}}feed.xml">
<link rel="alternate" type="application/rss+xml" title="{{site.title}} (RSS)" href="{{root}}rss.xml">
<link rel="alternate" type="application/feed+json" title="{{site.title}} (JSON Feed)" href="{{root}}feed.json">
{{#tagFeed}}<link rel="alternate" type="application/atom+xml" title="{{title}}" href="{{href}}">
{{/tagFeed}}
"""#

    static let header = #"""
<header class="site-header">
<a class="skip" href="#main">{{words.skip}}</a>
<a class="site-title" href="{{root}}">{{site.title}}</a>
<nav aria-label="{{words.site}}">
<a href="{{root}}tags/">{{words.tags}}</a>
<a href="{{root}}feed.xml">{{words.feed}}</a>
</nav>
</header>
"""#

    static let footer = #"""
<footer class="site-footer">
<p>{{#site.author}}{{words.writtenBy}} {{site.author}}. {{/site.author}}{{words.computed}}</p>
</footer>
"""#

    /// One essay in a list: title, date, reading time and summary. It uses the pre-escaped
    /// `titleHTML` and `summaryHTML` (escaped by costmark) for speed; `title` and `summary` work too.
    static let summary = #"""
<li class="summary">
<h2><a href="{{href}}">{{{titleHTML}}}</a></h2>
<p class="meta">{{#date}}<time datetime="{{rfc3339}}">{{readable}}</time> · {{/date}}{{readingTime}} {{words.minRead}}</p>
{{#summaryHTML}}<p>{{{summaryHTML}}}</p>
{{/summaryHTML}}</li>
"""#
}
