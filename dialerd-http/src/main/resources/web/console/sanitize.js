// Campaign scripts are HTML written in the Issabel web UI. They are shown as formatted text,
// never as live markup: only a few formatting tags survive, without any attribute, so a script
// cannot run code, load anything or restyle the console.

const KEPT = new Set(['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'U', 'UL', 'OL', 'LI', 'H1', 'H2', 'H3', 'H4',
  'SPAN', 'DIV', 'BLOCKQUOTE', 'PRE', 'CODE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'HR', 'SMALL']);
const DROPPED_WITH_CONTENT = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'MATH']);

/** The nodes to show for a script's HTML (a DocumentFragment). */
export function scriptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html ?? ''}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  copy(parsed.body, out);
  return out;
}

function copy(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(document.createTextNode(node.textContent));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      if (DROPPED_WITH_CONTENT.has(node.tagName)) continue;
      if (KEPT.has(node.tagName)) {
        const el = document.createElement(node.tagName.toLowerCase());
        copy(node, el);
        to.append(el);
      } else {
        copy(node, to); // unknown tags (a, img, font…) give way to their text
      }
    }
  }
}

/** A plain-text script keeps its line breaks. */
export function looksLikeHtml(text) {
  return /<[a-z][\s\S]*>/i.test(text ?? '');
}
