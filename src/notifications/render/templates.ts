// Email layouts as eta templates. They are strings in a module, not .eta files, so tsx and the tsc build
// find them without any path resolution. `<%= %>` escapes (every value shown in HTML uses it); `<%~ %>` is
// raw and appears only in the plain-text layout, which no client interprets as HTML.
//
// The HTML is written for email clients, not browsers: nested tables, inline styles, no <style> blocks,
// no scripts, nothing loaded but the merchant's logo.

const FONT =
  "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,'Hiragino Sans','Meiryo',sans-serif;";
const TEXT = 'color:#1f2937;font-size:16px;line-height:1.5;';
const MUTED = 'color:#6b7280;font-size:13px;line-height:1.5;';
const TABLE = 'role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"';

export const HTML_TEMPLATE = `<!DOCTYPE html>
<html lang="<%= it.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title><%= it.subject %></title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div style="display:none;max-height:0;overflow:hidden;"><%= it.preheader %></div>
<table ${TABLE} style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border-radius:8px;${FONT}">
<tr><td style="background-color:<%= it.brand.color %>;padding:20px 24px;border-radius:8px 8px 0 0;">
<% if (it.brand.logoUrl) { -%>
<img src="<%= it.brand.logoUrl %>" alt="<%= it.merchant %>" height="40" style="display:block;height:40px;width:auto;max-width:240px;border:0;${FONT}font-size:20px;font-weight:bold;color:<%= it.brand.onColor %>;">
<% } else { -%>
<span style="${FONT}font-size:20px;font-weight:bold;color:<%= it.brand.onColor %>;"><%= it.merchant %></span>
<% } -%>
</td></tr>
<tr><td style="padding:28px 24px 8px;">
<p style="margin:0 0 16px;${TEXT}"><%= it.greeting %></p>
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;color:#111827;"><%= it.headline %></h1>
<% for (const p of it.paragraphs) { -%>
<p style="margin:0 0 12px;${TEXT}"><%= p %></p>
<% } -%>
<% if (it.edd) { -%>
<table ${TABLE} style="margin:20px 0 4px;background-color:#f9fafb;border-left:4px solid <%= it.brand.color %>;">
<tr><td style="padding:14px 16px;"><div style="${MUTED}"><%= it.edd.label %></div><div style="font-size:20px;font-weight:bold;color:#111827;"><%= it.edd.value %></div></td></tr>
</table>
<% } -%>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 8px;">
<tr><td style="border-radius:6px;background-color:<%= it.brand.color %>;"><a href="<%= it.cta.url %>" style="display:inline-block;padding:12px 24px;font-size:16px;font-weight:bold;color:<%= it.brand.onColor %>;text-decoration:none;border-radius:6px;"><%= it.cta.label %></a></td></tr>
</table>
<p style="margin:0 0 24px;${MUTED}"><%= it.cta.fallback %><br><a href="<%= it.cta.url %>" style="color:<%= it.brand.linkColor %>;word-break:break-all;"><%= it.cta.url %></a></p>
<table ${TABLE} style="border-top:1px solid #e5e7eb;">
<% for (const r of it.rows) { -%>
<tr><td valign="top" style="padding:10px 12px 10px 0;width:40%;${MUTED}"><%= r.label %></td><td valign="top" style="padding:10px 0;${TEXT}"><%= r.value %><% if (r.note) { %><br><span style="${MUTED}"><%= r.note %></span><% } %></td></tr>
<% } -%>
</table>
<% if (it.items) { -%>
<h2 style="margin:24px 0 8px;font-size:16px;color:#111827;"><%= it.items.title %></h2>
<table ${TABLE}>
<% for (const line of it.items.lines) { -%>
<tr><td style="padding:6px 0;border-bottom:1px solid #f3f4f6;${TEXT}"><%= line %></td></tr>
<% } -%>
</table>
<% } -%>
<% if (it.help) { -%>
<p style="margin:24px 0 4px;${TEXT}font-weight:bold;"><%= it.help.title %></p>
<table ${TABLE}>
<% for (const c of it.help.contacts) { -%>
<tr><td valign="top" style="padding:4px 12px 4px 0;width:40%;${MUTED}"><%= c.label %></td><td valign="top" style="padding:4px 0;${TEXT}"><a href="<%= c.href %>" style="color:<%= it.brand.linkColor %>;word-break:break-all;"><%= c.text %></a></td></tr>
<% } -%>
</table>
<% } -%>
</td></tr>
<tr><td style="padding:20px 24px 24px;border-top:1px solid #e5e7eb;${MUTED}">
<p style="margin:0 0 8px;font-weight:bold;color:#374151;"><%= it.merchant %></p>
<p style="margin:0 0 8px;"><%= it.footer.questions %></p>
<% if (it.footer.contacts.length > 0) { -%>
<table ${TABLE}>
<% for (const c of it.footer.contacts) { -%>
<tr><td valign="top" style="padding:2px 12px 2px 0;${MUTED}white-space:nowrap;"><%= c.label %></td><td valign="top" style="padding:2px 0;width:100%;${MUTED}"><a href="<%= c.href %>" style="color:#374151;word-break:break-all;"><%= c.text %></a></td></tr>
<% } -%>
</table>
<% } -%>
<p style="margin:12px 0 0;"><%= it.footer.sentBy %></p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

export const TEXT_TEMPLATE = `<%~ it.greeting %>

<%~ it.headline %>

<% for (const p of it.paragraphs) { -%>
<%~ p %>

<% } -%>
<% if (it.edd) { -%>
<%~ it.edd.line %>

<% } -%>
<% for (const r of it.rows) { -%>
<%~ r.line %>
<% } -%>

<%~ it.cta.line %>
<% if (it.items) { -%>

<%~ it.items.title %>
<% for (const line of it.items.lines) { -%>
- <%~ line %>
<% } -%>
<% } -%>
<% if (it.help) { -%>

<%~ it.help.title %>
<% for (const c of it.help.contacts) { -%>
<%~ c.line %>
<% } -%>
<% } -%>

--
<%~ it.merchant %>
<%~ it.footer.questions %>
<% for (const c of it.footer.contacts) { -%>
<%~ c.line %>
<% } -%>
<%~ it.footer.sentBy %>
`;
