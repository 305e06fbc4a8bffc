// The agent console's pages as eta templates (strings in a module, like the tracking page's). `<%= %>`
// escapes and is used for every value; `<%~ %>` is raw and only prints a rendered body or chart.
// No JavaScript: forms and links only, so the strict Content-Security-Policy forbids scripts outright.

export const CSS = [
  '*{box-sizing:border-box}',
  'body{margin:0;background:#f3f4f6;color:#111827;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans JP",sans-serif}',
  '.bar{background:#111827;color:#f9fafb}',
  '.bar .w{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;padding-top:.6rem;padding-bottom:.6rem}',
  '.bar a{color:#f9fafb}',
  '.brand{font-weight:700;text-decoration:none;margin-right:auto}',
  '.w{max-width:72rem;margin:0 auto;padding:0 1rem}',
  'main{display:block;padding:1.25rem 0 2rem}',
  'h1{font-size:1.4rem;margin:0 0 1rem}',
  'h2{font-size:1.1rem;margin:0 0 .75rem}',
  'h3{font-size:1rem;margin:1rem 0 .5rem}',
  'a{color:#1d4ed8}',
  ':focus-visible{outline:3px solid #2563eb;outline-offset:2px}',
  '.card{background:#fff;border-radius:.5rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08);overflow-x:auto}',
  '.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr))}',
  '.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}',
  '.card dt{color:#4b5563}',
  '.card dd{margin:0;overflow-wrap:anywhere}',
  'table{border-collapse:collapse;width:100%;font-size:.875rem}',
  'th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}',
  'th{background:#f9fafb;font-weight:600}',
  'input,button,textarea,select{font:inherit}',
  'input[type=search],input[type=password],input[type=date]{padding:.4rem .6rem;border:1px solid #6b7280;border-radius:.375rem}',
  '.bar input[type=search]{width:min(24rem,50vw)}',
  'button{padding:.4rem .9rem;border:1px solid #1e3a8a;border-radius:.375rem;background:#1d4ed8;color:#fff;cursor:pointer}',
  '.bar button{background:#374151;border-color:#6b7280}',
  'textarea{width:100%;min-height:20rem;padding:.6rem;border:1px solid #6b7280;border-radius:.375rem;white-space:pre-wrap}',
  'pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f9fafb;padding:.75rem;border-radius:.375rem;font-size:.8rem}',
  '.tag{display:inline-block;padding:.05rem .5rem;border-radius:999px;background:#e5e7eb;color:#111827;font-size:.8rem;font-weight:600}',
  '.tag.bad{background:#fee2e2;color:#7f1d1d}',
  '.tag.ok{background:#dcfce7;color:#14532d}',
  '.tag.warn{background:#fef3c7;color:#78350f}',
  '.muted{color:#4b5563}',
  '.who{color:#d1d5db;font-size:.875rem}',
  '.note{border-left:4px solid #1d4ed8;background:#eff6ff;padding:.6rem .9rem;margin:0 0 1rem;border-radius:.25rem}',
  '.note.bad{border-color:#b91c1c;background:#fef2f2}',
  '.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}',
  '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  '.hits li{margin:0 0 .5rem}',
  '.period{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:end;margin:0 0 1.25rem;padding:.75rem;background:#fff;border-radius:.5rem}',
  '.period label{display:flex;flex-direction:column;font-size:.875rem;color:#374151}',
].join('');

export const LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title><%= it.title %> · wismo console</title>
<style><%~ it.css %><%~ it.extraCss ?? '' %></style>
</head>
<body>
<header class="bar"><div class="w">
<a class="brand" href="/console">wismo console</a>
<% if (it.session) { -%>
<% if (it.session.agent) { -%>
<form role="search" method="get" action="/console" class="row">
<label class="vh" for="q">Search orders</label>
<input type="search" id="q" name="q" value="<%= it.query ?? '' %>" placeholder="Order number, email, phone, tracking number or name" maxlength="200">
<button type="submit">Search</button>
</form>
<a href="/console/analytics">Analytics</a>
<% } -%>
<% if (it.session.operator) { %><a href="/admin/queues">Queues</a><% } %>
<span class="who"><%= it.session.merchantName %> · key <%= it.session.prefix %></span>
<form method="post" action="/console/sign-out"><input type="hidden" name="csrf" value="<%= it.session.csrf %>"><button type="submit">Sign out</button></form>
<% } -%>
</div></header>
<main id="main"><div class="w">
<%~ it.body %>
</div></main>
</body>
</html>
`;

export const SIGN_IN = `<% layout('@layout') -%>
<h1>Sign in</h1>
<div class="card" style="max-width:32rem">
<% if (it.error) { -%>
<p class="note bad" role="alert"><%= it.error %></p>
<% } -%>
<p>Sign in with an API key that has the <strong>agent</strong> scope (an admin key works too). The key stays in this browser as a session cookie for <%= it.ttl %>; revoking the key ends the session.</p>
<form method="post" action="/console/sign-in">
<p><label for="key">API key</label><br><input type="password" id="key" name="key" required autocomplete="off" maxlength="200" style="width:100%"></p>
<button type="submit">Sign in</button>
</form>
</div>
`;

export const SEARCH = `<% layout('@layout') -%>
<h1><% if (it.query) { %>Orders matching “<%= it.query %>”<% } else { %>Find an order<% } %></h1>
<% if (it.error) { -%>
<p class="note bad" role="alert"><%= it.error %></p>
<% } else if (it.query && it.hits.length === 0) { -%>
<p class="note">No order matches. Try the order number, the shopper’s email or phone, a tracking number or a name.</p>
<% } else if (!it.query) { -%>
<p class="muted">Search by order number, email, phone (any format), tracking number or name; partial from 3 characters.</p>
<% } -%>
<% if (it.hits.length > 0) { -%>
<div class="card"><table>
<caption class="vh">Best match first</caption>
<thead><tr><th scope="col">Order</th><th scope="col">Status</th><th scope="col">Customer</th><th scope="col">Tracking numbers</th><th scope="col">Matched on</th><th scope="col">Updated</th></tr></thead>
<tbody>
<% for (const h of it.hits) { -%>
<tr><td><a href="<%= h.href %>"><%= h.orderNumber %></a></td><td><span class="tag <%= h.tone %>"><%= h.status %></span></td><td><%= h.customer %></td><td><%= h.trackingNumbers %></td><td><%= h.matchedOn %></td><td><%= h.updatedAt %></td></tr>
<% } -%>
</tbody></table></div>
<% } -%>
`;

export const ORDER = `<% layout('@layout') -%>
<h1>Order <%= it.orderNumber %> <span class="tag <%= it.tone %>"><%= it.status %></span></h1>
<% if (it.flash) { -%>
<p class="note <%= it.flash.tone %>" role="status"><%= it.flash.text %></p>
<% } -%>
<div class="grid">
<section class="card" aria-labelledby="contact-h"><h2 id="contact-h">Shopper</h2>
<%~ include('@dl', { rows: it.contact }) %>
</section>
<section class="card" aria-labelledby="order-h"><h2 id="order-h">Order</h2>
<%~ include('@dl', { rows: it.facts }) %>
<% if (it.items.length > 0) { -%>
<h3>Items</h3><ul><% for (const i of it.items) { %><li><%= i %></li><% } %></ul>
<% } -%>
</section>
</div>
<section class="card" aria-labelledby="reply-h"><h2 id="reply-h">Suggested reply <span class="muted">(<%= it.reply.language %>)</span></h2>
<p><strong>Subject:</strong> <%= it.reply.subject %></p>
<label class="vh" for="reply">Suggested reply text</label>
<textarea id="reply" readonly lang="<%= it.reply.locale %>"><%= it.reply.text %></textarea>
</section>
<% if (it.shipments.length === 0) { -%>
<section class="card"><h2>Shipments</h2><p class="muted">No shipment yet: the storefront has not attached a tracking number.</p></section>
<% } -%>
<% for (const s of it.shipments) { -%>
<section class="card" aria-labelledby="s-<%= s.id %>">
<h2 id="s-<%= s.id %>"><%= s.carrierName %> <%= s.trackingNumber %> <span class="tag <%= s.tone %>"><%= s.status %></span></h2>
<div class="grid">
<div><h3>Status and estimates</h3><%~ include('@dl', { rows: s.facts }) %></div>
<div><h3>Freshness</h3><%~ include('@dl', { rows: s.freshness }) %>
<form method="post" action="<%= s.refreshAction %>" class="row" style="margin-top:.75rem">
<input type="hidden" name="csrf" value="<%= it.csrf %>">
<button type="submit">Refresh from <%= s.carrierName %> now</button>
</form></div>
</div>
<h3>Carrier events (<%= s.events.length %>)</h3>
<% if (s.events.length === 0) { -%><p class="muted">None yet.</p><% } else { -%>
<table><thead><tr><th scope="col">When</th><th scope="col">Status</th><th scope="col">Carrier said</th><th scope="col">Where</th><th scope="col">Decision</th><th scope="col">Payload</th></tr></thead><tbody>
<% for (const e of s.events) { -%>
<tr><td><%= e.when %></td><td><%= e.status %></td><td><%= e.said %></td><td><%= e.where %></td><td><span class="tag <%= e.tone %>"><%= e.decision %></span></td><td><% if (e.payloadHref) { %><a href="<%= e.payloadHref %>">#<%= e.payloadId %></a><% } else { %>—<% } %></td></tr>
<% } -%>
</tbody></table>
<% } -%>
</section>
<% } -%>
<section class="card" aria-labelledby="msg-h"><h2 id="msg-h">Messages to the shopper (<%= it.messages.length %>)</h2>
<% if (it.messages.length === 0) { -%><p class="muted">None sent.</p><% } else { -%>
<table><thead><tr><th scope="col">Created</th><th scope="col">Milestone</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Status</th><th scope="col">Subject</th><th scope="col">Sent</th></tr></thead><tbody>
<% for (const m of it.messages) { -%>
<tr><td><%= m.created %></td><td><%= m.milestone %></td><td><%= m.channel %></td><td><%= m.recipient %></td><td><span class="tag <%= m.tone %>"><%= m.status %></span><% if (m.reason) { %> <span class="muted"><%= m.reason %></span><% } %></td><td><%= m.subject %></td><td><%= m.sent %></td></tr>
<% } -%>
</tbody></table>
<% } -%>
</section>
<section class="card" aria-labelledby="wh-h"><h2 id="wh-h">Webhooks to the merchant’s systems (<%= it.webhooks.length %>)</h2>
<% if (it.webhooks.length === 0) { -%><p class="muted">None: no endpoint was registered for these events.</p><% } else { -%>
<table><thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Endpoint</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Delivered</th></tr></thead><tbody>
<% for (const w of it.webhooks) { -%>
<tr><td><%= w.created %></td><td><%= w.type %> <span class="muted">#<%= w.sequence %></span></td><td><%= w.endpoint %></td><td><span class="tag <%= w.tone %>"><%= w.status %></span></td><td><%= w.attempts %></td><td><%= w.lastAnswer %></td><td><%= w.delivered %></td></tr>
<% } -%>
</tbody></table>
<% } -%>
</section>
`;

export const PAYLOAD = `<% layout('@layout') -%>
<h1>Raw payload #<%= it.id %></h1>
<div class="card"><%~ include('@dl', { rows: it.facts }) %></div>
<div class="card"><h2>Body</h2><pre><%= it.body %></pre></div>
`;

export const MESSAGE = `<% layout('@layout') -%>
<h1><%= it.heading %></h1>
<p class="note <%= it.tone %>"><%= it.text %></p>
<% if (it.link) { %><p><a href="<%= it.link.href %>"><%= it.link.text %></a></p><% } else { %><p><a href="/console">Back to the console</a></p><% } %>
`;

export const ANALYTICS = `<% layout('@layout') -%>
<h1>Analytics</h1>
<%~ it.form %>
<%~ it.section %>
`;

export const DL = `<dl>
<% for (const r of it.rows) { -%>
<dt><%= r.label %></dt><dd><% if (r.href) { %><a href="<%= r.href %>"><%= r.value %></a><% } else { %><%= r.value %><% } %></dd>
<% } -%>
</dl>`;
