/**
 * The bot's Markdown as safe HTML for a report: **bold**, _italic_ (and *italic*), "- " and "1. " lists,
 * paragraphs, and links to tel: and https: only. Everything else is text: the answer's words are
 * escaped before any mark is read, so no HTML in an answer can reach the page as HTML.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const SAFE_URL = /^(?:tel:\+?[\d ]+|https:\/\/[^\s"'<>]+)$/;
const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
const LIST_ITEM = /^\s*([-*]|\d+\.)\s+(.*)$/;

function emphasis(html: string): string {
  return html.replace(/\*\*([^*\n]+?)\*\*/g, '<strong>$1</strong>').replace(/(^|[^\p{L}\p{N}_*])[_*]([^_*\n]+?)[_*](?=[^\p{L}\p{N}_*]|$)/gu, '$1<em>$2</em>');
}

/** One line's inline marks. Links are set aside first, so a "_" inside a URL is never read as italics. */
function inline(line: string): string {
  const links: string[] = [];
  const marked = escapeHtml(line).replace(LINK, (_whole, text: string, url: string) => {
    const href = url.replace(/&amp;/g, '&');
    links.push(SAFE_URL.test(href) ? `<a href="${escapeHtml(href)}">${emphasis(text)}</a>` : emphasis(text));
    return `\u0000${links.length - 1}\u0000`;
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks the links set aside above; no text holds it
  return emphasis(marked).replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => links[Number(index)]);
}

export function markdownToHtml(markdown: string): string {
  const blocks: string[] = [];
  for (const paragraph of markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    let text: string[] = [];
    let list: { ordered: boolean; items: string[] } | undefined;
    const flushText = (): void => {
      if (text.length > 0) blocks.push(`<p>${text.map(inline).join('<br>')}</p>`);
      text = [];
    };
    const flushList = (): void => {
      if (list) blocks.push(`<${list.ordered ? 'ol' : 'ul'}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${list.ordered ? 'ol' : 'ul'}>`);
      list = undefined;
    };
    for (const line of paragraph.split('\n')) {
      if (line.trim() === '') continue;
      const item = LIST_ITEM.exec(line);
      if (item) {
        const ordered = /\d/.test(item[1]);
        flushText();
        if (list && list.ordered !== ordered) flushList();
        list ??= { ordered, items: [] };
        list.items.push(item[2]);
      } else {
        flushList();
        text.push(line.trim());
      }
    }
    flushText();
    flushList();
  }
  return blocks.join('\n');
}
