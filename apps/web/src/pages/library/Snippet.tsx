/**
 * Shows a search snippet safely: the server escapes the text and marks matches with <mark>; here
 * the string is split on those two tags and everything else is shown as plain text (never as HTML).
 */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

export function Snippet({ html }: { html: string }) {
  const parts = html.split(/(<mark>.*?<\/mark>)/g);
  return (
    <span className="library-snippet">
      {parts.map((p, i) => (p.startsWith('<mark>') ? <mark key={i}>{unescape(p.slice(6, -7))}</mark> : <span key={i}>{unescape(p)}</span>))}
    </span>
  );
}
