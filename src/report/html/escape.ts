/** Escaping for untrusted text placed in HTML. */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;',
};

/**
 * Escape text for an HTML text node or a quoted attribute value. Also drops
 * characters HTML cannot carry (NUL, other C0 controls except tab/newline/CR,
 * lone surrogates become U+FFFD) so the output is always well-formed.
 */
export function escapeHtml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Serialise data for a `<script type="application/json">` element: `<`, `>`
 * and `&` become `\u003c`, `\u003e`, `\u0026` so no `</script>` or `<!--` can
 * close or confuse the element; U+2028/2029 are escaped too. `JSON.parse` of
 * the element's text gives the data back unchanged.
 */
export function jsonForScript(data: unknown): string {
  return (JSON.stringify(data) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A URL safe to put in an href: only http(s), else null (no javascript:, data:, …). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
