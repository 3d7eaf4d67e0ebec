#!/usr/bin/env bash
# Lays out a minimal Hugo site around a corpus folder: the same pages costmark makes
# (essay pages, paginated home and tag lists, tags index, RSS, sitemap), plain layouts.
set -euo pipefail
site=$1 corpus=$2
mkdir -p "$site/layouts/_default"
ln -sfn "$corpus" "$site/content"
cat > "$site/config.toml" <<TOML
baseURL = "https://example.org/"
title = "Bench"
paginate = 20
disableKinds = []
TOML
cat > "$site/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">Bench</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$site/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }} · {{ .ReadingTime }} min read</p>
<ul>{{ range .Params.tags }}<li><a href="/tags/{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ .Content }}</article>{{ end }}
HTML
cat > "$site/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Paginator.Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary | plainify | truncate 280 }}</p></li>{{ end }}</ol>{{ end }}
HTML
cp "$site/layouts/_default/list.html" "$site/layouts/index.html"
cat > "$site/layouts/_default/terms.html" <<'HTML'
{{ define "main" }}<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
HTML
