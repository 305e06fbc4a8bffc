// Page layouts as eta templates: strings in a module, so tsx and the tsc build need no path resolution.
// `<%= %>` escapes and is used for every value; `<%~ %>` is raw and only ever prints a rendered body.
//
// No JavaScript and nothing loaded but the merchant's images: one inline stylesheet, system fonts,
// mobile-first (one column on a 360 px phone, a centred column on desktop). The Content-Security-Policy
// meta forbids scripts outright, so even a missed escape could not run one.

// Every text colour here is checked against its background in theme.test.ts (WCAG 4.5:1).
export const CSS = [
  '*{box-sizing:border-box}',
  "body{margin:0;background:#f3f4f6;color:#1f2937;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP',Meiryo,sans-serif;-webkit-text-size-adjust:100%}",
  '.w{max-width:44rem;margin:0 auto;padding:0 1rem}',
  'header{background:var(--hb);color:var(--hf);border-top:4px solid var(--br)}',
  'header .w{display:flex;align-items:center;min-height:4rem;padding-top:.75rem;padding-bottom:.75rem}',
  'header img{display:block;height:40px;width:auto;max-width:220px;object-fit:contain}',
  '.brand{font-size:1.25rem;font-weight:700;overflow-wrap:anywhere}',
  'main{display:block;padding:1.5rem 0 1rem}',
  'h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem;overflow-wrap:anywhere}',
  'h2{font-size:1.125rem;line-height:1.3;margin:0 0 .75rem}',
  'h3{font-size:1rem;margin:1.25rem 0 .5rem}',
  'p{margin:0 0 .75rem}',
  'a{color:var(--ln);text-underline-offset:.15em}',
  'a:hover{text-decoration-thickness:2px}',
  ':focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}',
  '.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
  '.card{background:#fff;border-radius:.5rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}',
  '.card>:last-child{margin-bottom:0}',
  '.muted{color:#4b5563;font-size:.875rem}',
  '.note{border-left:4px solid #b45309;background:#fffbeb;border-radius:.25rem;padding:.75rem 1rem;margin:0 0 1rem}',
  '.note.bad{border-color:#b91c1c;background:#fef2f2}',
  '.note.info{border-color:#1d4ed8;background:#eff6ff}',
  '.note p{margin:.25rem 0 0}',
  '.note p:first-child{margin:0}',
  '.facts{margin:0 0 1rem}',
  '.facts div{padding:.25rem 0}',
  '.facts dt{color:#4b5563;font-size:.875rem}',
  '.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}',
  '.steps{list-style:none;margin:0;padding:0}',
  '.steps li{position:relative;padding:0 0 1rem 1.75rem;color:#4b5563}',
  '.steps li:last-child{padding-bottom:0}',
  ".steps li::before{content:'';position:absolute;z-index:1;left:0;top:.3rem;width:.875rem;height:.875rem;border-radius:50%;border:2px solid #6b7280;background:#fff}",
  ".steps li::after{content:'';position:absolute;left:.375rem;top:1.2rem;bottom:-.2rem;width:2px;background:#d1d5db}",
  '.steps li:last-child::after{display:none}',
  '.steps .done,.steps .current{color:#1f2937}',
  '.steps .done::before,.steps .current::before{background:var(--mk);border-color:var(--mk)}',
  '.steps .done::after{background:var(--mk)}',
  '.steps .current{font-weight:700}',
  '.steps .current::before{box-shadow:0 0 0 2px #fff,0 0 0 4px var(--mk)}',
  '.cps{list-style:none;margin:0;padding:0 0 0 .4rem}',
  '.cps li{position:relative;padding:0 0 1rem 1.25rem;border-left:2px solid #d1d5db}',
  '.cps li:last-child{border-left-color:transparent;padding-bottom:0}',
  ".cps li::before{content:'';position:absolute;left:-.45rem;top:.3rem;width:.8rem;height:.8rem;border-radius:50%;background:#6b7280}",
  '.cps li:first-child::before{background:var(--mk)}',
  '.cps li:first-child .t{font-weight:600}',
  '.cps time{display:block;color:#4b5563;font-size:.875rem}',
  '.cps p{margin:0}',
  '.plain{margin:0 0 .75rem;padding-left:1.25rem}',
  '.items{list-style:none;margin:0;padding:0}',
  '.items li{display:flex;gap:.75rem;align-items:center;padding:.5rem 0;border-top:1px solid #e5e7eb}',
  '.items li:first-child{border-top:0}',
  '.items img,.items .ph{flex:none;width:48px;height:48px;object-fit:cover;border-radius:.25rem;background:#e5e7eb}',
  '.items span{overflow-wrap:anywhere}',
  '.promo img{display:block;width:100%;height:auto;border-radius:.25rem;margin:0 0 .75rem}',
  '.links{margin:0;padding:0;list-style:none}',
  '.links li{padding:.25rem 0;overflow-wrap:anywhere}',
  'label{display:block;font-weight:600}',
  '.hint{color:#4b5563;font-size:.875rem;margin:0 0 .375rem}',
  '.field{margin:0 0 1rem}',
  'input{display:block;width:100%;font:inherit;color:#111827;background:#fff;border:1px solid #6b7280;border-radius:.375rem;padding:.625rem .75rem}',
  'button{font:inherit;font-weight:600;color:var(--hf);background:var(--hb);border:0;border-radius:.375rem;padding:.75rem 1.25rem;width:100%;cursor:pointer}',
  'footer{padding:0 0 2rem;color:#4b5563;font-size:.875rem}',
  'footer a{color:#1f2937}',
  'footer p{margin:.5rem 0 0}',
  '.langs{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}',
  '.langs a{display:inline-block;padding:.25rem 0}',
  '@media (min-width:40rem){',
  'h1{font-size:1.875rem}',
  '.card{padding:1.5rem}',
  '.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem}',
  '.facts div{display:contents}',
  'button{width:auto}',
  '.steps{display:flex}',
  '.steps li,.steps li:last-child{flex:1 1 0;padding:1.5rem .25rem 0;text-align:center;font-size:.875rem}',
  '.steps li::before{left:50%;margin-left:-.4375rem;top:0}',
  '.steps li::after{left:calc(50% + .7rem);right:calc(-50% + .7rem);top:.375rem;bottom:auto;width:auto;height:2px}',
  '}',
].join('');

export const LAYOUT = `<!DOCTYPE html>
<html lang="<%= it.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<meta name="format-detection" content="telephone=no">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https:; style-src 'unsafe-inline'; base-uri 'none'">
<title><%= it.title %></title>
<style>:root{--hb:<%= it.theme.headerBg %>;--hf:<%= it.theme.headerFg %>;--br:<%= it.theme.brand %>;--ln:<%= it.theme.link %>;--mk:<%= it.theme.mark %>}${CSS}</style>
</head>
<body>
<header><div class="w">
<% if (it.header.logoUrl) { -%>
<img src="<%= it.header.logoUrl %>" alt="<%= it.header.name %>" height="40">
<% } else { -%>
<span class="brand"><%= it.header.name %></span>
<% } -%>
</div></header>
<main><div class="w">
<%~ it.body %>
</div></main>
<footer><div class="w">
<% if (it.languages) { -%>
<nav aria-label="<%= it.languages.label %>"><ul class="langs">
<% for (const l of it.languages.links) { -%>
<li><a href="<%= l.href %>" lang="<%= l.lang %>" hreflang="<%= l.lang %>"><%= l.text %></a></li>
<% } -%>
</ul></nav>
<% } -%>
<% if (it.footer.link) { -%>
<p><a href="<%= it.footer.link.href %>"><%= it.footer.link.text %></a></p>
<% } -%>
<p><%= it.footer.name %></p>
</div></footer>
</body>
</html>
`;

const HELP = `<% if (it.help) { -%>
<section class="card" aria-labelledby="help-h">
<h2 id="help-h"><%= it.help.title %></h2>
<p><%= it.help.text %></p>
<ul class="links">
<% for (const l of it.help.links) { -%>
<li><% if (l.label) { %><span class="muted"><%= l.label %></span> <% } %><a href="<%= l.href %>"><%= l.text %></a></li>
<% } -%>
</ul>
</section>
<% } -%>
`;

const FACTS = `<% for (const f of it.facts) { -%>
<div><dt><%= f.label %></dt><dd><% if (f.datetime) { %><time datetime="<%= f.datetime %>"><%= f.value %></time><% } else { %><%= f.value %><% } %></dd></div>
<% } -%>
`;

export const TRACKING = `<% layout('@layout') -%>
<h1><%= it.heading %></h1>
<% for (const n of it.notices) { -%>
<div class="note <%= n.tone %>">
<% if (n.title) { -%>
<p><strong><%= n.title %></strong></p>
<% } -%>
<% for (const line of n.lines) { -%>
<p><%= line %></p>
<% } -%>
</div>
<% } -%>
<% if (it.facts.length > 0) { -%>
<dl class="facts card">
<%~ include('@facts', { facts: it.facts }) -%>
</dl>
<% } -%>
<% if (it.journey) { -%>
<section class="card" aria-labelledby="journey-h">
<h2 id="journey-h" class="vh"><%= it.journey.title %></h2>
<ol class="steps">
<% for (const s of it.journey.steps) { -%>
<li class="<%= s.state %>"<% if (s.state === 'current') { %> aria-current="step"<% } %>><%= s.label %><% if (s.state === 'done') { %><span class="vh"> <%= it.journey.doneText %></span><% } %></li>
<% } -%>
</ol>
</section>
<% } -%>
<% for (const p of it.parcels) { -%>
<section class="card" aria-labelledby="<%= p.id %>">
<h2 id="<%= p.id %>"><%= p.heading %></h2>
<dl class="facts">
<%~ include('@facts', { facts: p.facts }) -%>
</dl>
<% if (p.detail) { -%>
<p><%= p.detail %></p>
<% } -%>
<% if (p.carrierLink) { -%>
<p><a href="<%= p.carrierLink.href %>" rel="noreferrer"><%= p.carrierLink.text %></a></p>
<% } -%>
<% if (p.contents) { -%>
<h3><%= p.contents.title %></h3>
<ul class="plain">
<% for (const line of p.contents.lines) { -%>
<li><%= line %></li>
<% } -%>
</ul>
<% } -%>
<h3><%= p.history.title %></h3>
<% if (p.history.checkpoints.length === 0) { -%>
<p><%= p.history.empty %></p>
<% } else { -%>
<% if (p.history.note) { -%>
<p class="muted"><%= p.history.note %></p>
<% } -%>
<ol class="cps">
<% for (const c of p.history.checkpoints) { -%>
<li><% if (c.time) { %><time datetime="<%= c.time.datetime %>"><%= c.time.text %></time><% } %><p class="t"><%= c.text %></p><% if (c.place) { %><p class="muted"><%= c.place %></p><% } %></li>
<% } -%>
</ol>
<% } -%>
</section>
<% } -%>
<% if (it.items) { -%>
<section class="card" aria-labelledby="items-h">
<h2 id="items-h"><%= it.items.title %></h2>
<ul class="items">
<% for (const i of it.items.lines) { -%>
<li><% if (i.imageUrl) { %><img src="<%= i.imageUrl %>" alt="" width="48" height="48" loading="lazy"><% } else if (it.items.pictures) { %><span class="ph"></span><% } %><span><%= i.name %><br><span class="muted"><%= i.quantity %></span></span></li>
<% } -%>
</ul>
</section>
<% } -%>
<% if (it.promo) { -%>
<section class="card promo" aria-labelledby="promo-h">
<% if (it.promo.imageUrl) { -%>
<img src="<%= it.promo.imageUrl %>" alt="" loading="lazy">
<% } -%>
<h2 id="promo-h"><% if (it.promo.url) { %><a href="<%= it.promo.url %>"><%= it.promo.title %></a><% } else { %><%= it.promo.title %><% } %></h2>
<% if (it.promo.text) { -%>
<p><%= it.promo.text %></p>
<% } -%>
</section>
<% } -%>
<%~ include('@help', it) -%>
`;

export const LOOKUP = `<% layout('@layout') -%>
<h1><%= it.heading %></h1>
<p><%= it.intro %></p>
<% if (it.alert) { -%>
<div class="note bad" role="alert"><p><%= it.alert %></p></div>
<% } -%>
<section class="card" aria-labelledby="order-h">
<h2 id="order-h"><%= it.order.title %></h2>
<form method="post"<% if (it.action) { %> action="<%= it.action %>"<% } %>>
<div class="field">
<label for="orderNumber"><%= it.order.orderNumber.label %></label>
<p class="hint" id="orderNumber-hint"><%= it.order.orderNumber.hint %></p>
<input id="orderNumber" name="orderNumber" type="text" value="<%= it.order.orderNumber.value %>" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="100" required aria-describedby="orderNumber-hint"<% if (it.alert) { %> aria-invalid="true"<% } %>>
</div>
<div class="field">
<label for="contact"><%= it.order.contact.label %></label>
<p class="hint" id="contact-hint"><%= it.order.contact.hint %></p>
<input id="contact" name="contact" type="text" value="<%= it.order.contact.value %>" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="254" required aria-describedby="contact-hint"<% if (it.alert) { %> aria-invalid="true"<% } %>>
</div>
<button type="submit"><%= it.order.submit %></button>
</form>
</section>
<section class="card" aria-labelledby="tracking-h">
<h2 id="tracking-h"><%= it.tracking.title %></h2>
<form method="post"<% if (it.action) { %> action="<%= it.action %>"<% } %>>
<div class="field">
<label for="trackingNumber"><%= it.tracking.trackingNumber.label %></label>
<p class="hint" id="trackingNumber-hint"><%= it.tracking.trackingNumber.hint %></p>
<input id="trackingNumber" name="trackingNumber" type="text" value="<%= it.tracking.trackingNumber.value %>" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="100" required aria-describedby="trackingNumber-hint">
</div>
<button type="submit"><%= it.tracking.submit %></button>
</form>
</section>
<%~ include('@help', it) -%>
`;

export const NOT_FOUND = `<% layout('@layout') -%>
<h1><%= it.heading %></h1>
<p><%= it.text %></p>
<% if (it.lookup) { -%>
<p><a href="<%= it.lookup.href %>"><%= it.lookup.text %></a></p>
<% } else { -%>
<p><%= it.noLookup %></p>
<% } -%>
`;

export const PARTIALS = { '@help': HELP, '@facts': FACTS };
