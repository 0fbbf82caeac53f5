import type { ReplyMeta } from '../conversation/reply';
import { FLAG_LABELS, flagCounts, type ReviewSummary } from './review-summary';
import type { ReviewEntry, ReviewReply } from './run-review';
import { escapeHtml, markdownToHtml } from './safe-markdown';

export interface ReportHeading {
  /** The question list's name as given on the command line. */
  list: string;
  createdAt: Date;
}

const CSS = `
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1a1a1a; }
.meta-line { color: #555; margin: 0 0 1rem; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; border: 1px solid #bbb; padding: 1rem; }
.summary dl { display: grid; grid-template-columns: auto auto; gap: .1rem 1rem; margin: 0; } .summary dt { font-weight: 600; } .summary dd { margin: 0; text-align: right; }
.entry { border: 1px solid #bbb; border-left: 6px solid #2e7d32; padding: .75rem 1rem; margin: 1rem 0; }
.entry.flagged { border-left-color: #b3261e; }
.question { font-weight: 700; margin: 0 0 .5rem; } .question small { font-weight: 400; color: #555; }
.flags { margin: 0 0 .5rem; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; }
.flags li { background: #fde7e6; color: #8c1d18; border: 1px solid #b3261e; border-radius: 1rem; padding: 0 .6rem; font-size: .875rem; }
.reply { background: #f3f3f3; border-radius: .5rem; padding: .5rem .75rem; margin: .5rem 0; } .reply p { margin: .25rem 0; }
.buttons { display: flex; flex-wrap: wrap; gap: .4rem; margin: .4rem 0 0; padding: 0; list-style: none; }
.buttons li { border: 1px solid #0b57d0; color: #0b57d0; border-radius: 1rem; padding: 0 .6rem; font-size: .875rem; background: #fff; }
.source { color: #444; font-size: .875rem; font-style: italic; }
table.recognised { border-collapse: collapse; font-size: .875rem; margin-top: .5rem; } .recognised th, .recognised td { border: 1px solid #ccc; padding: .1rem .5rem; text-align: left; }
a { color: #0b57d0; }
`;

const CHART_ROWS: Array<{ label: string; count: (summary: ReviewSummary) => number; colour: string }> = [
  { label: 'Answered', count: (summary) => summary.answered, colour: '#2e7d32' },
  { label: 'Clarified', count: (summary) => summary.clarified, colour: '#b26a00' },
  { label: 'Flagged', count: (summary) => summary.flagged, colour: '#b3261e' },
];

/** A small bar chart drawn inline as SVG (no script, no external file). */
export function summaryChart(summary: ReviewSummary): string {
  const width = 320;
  const barLeft = 90;
  const barMax = width - barLeft - 40;
  const rowHeight = 28;
  const bars = CHART_ROWS.map((row, index) => {
    const count = row.count(summary);
    const barWidth = summary.questions === 0 ? 0 : Math.round((barMax * count) / summary.questions);
    const y = index * rowHeight + 4;
    return `<text x="0" y="${y + 16}" font-size="14">${row.label}</text><rect x="${barLeft}" y="${y}" width="${barWidth}" height="20" fill="${row.colour}"></rect><text x="${barLeft + barWidth + 6}" y="${y + 16}" font-size="14">${count}</text>`;
  }).join('');
  const description = CHART_ROWS.map((row) => `${row.label} ${row.count(summary)}`).join(', ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${CHART_ROWS.length * rowHeight + 4}" role="img" aria-label="${escapeHtml(`${description} of ${summary.questions} questions`)}">${bars}</svg>`;
}

function recognisedRows(meta: ReplyMeta | undefined): Array<[string, string]> {
  if (!meta) return [['key', '(none: a prompt without content)']];
  const rows: Array<[string, string | undefined]> = [
    ['key', meta.key],
    ['topicId', meta.topicId],
    ['subjectId', meta.subjectId],
    ['aspect', meta.aspect],
    ['language', meta.language],
    ['candidates', meta.candidates?.join(', ')],
    ['emergency', meta.crisis?.join(', ')],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
}

function replyHtml(reply: ReviewReply): string {
  const buttons = reply.buttons.length
    ? `<ul class="buttons" aria-label="Buttons">${reply.buttons.map((button) => `<li>${button.url && /^(tel:|https:)/.test(button.url) ? `<a href="${escapeHtml(button.url)}">${escapeHtml(button.title)}</a>` : escapeHtml(button.title)}</li>`).join('')}</ul>`
    : '';
  const source = reply.source ? `<p class="source">${markdownToHtml(reply.source).replace(/^<p>|<\/p>$/g, '')}</p>` : '';
  const recognised = recognisedRows(reply.meta)
    .map(([name, value]) => `<tr><th scope="row">${name}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const lang = reply.meta ? ` lang="${reply.meta.language}"` : '';
  return `<div class="reply"${lang}>${markdownToHtml(reply.text)}${buttons}${source}<table class="recognised"><caption class="source">Recognised</caption>${recognised}</table></div>`;
}

function entryHtml(entry: ReviewEntry): string {
  const flags = entry.flags.length
    ? `<ul class="flags" aria-label="Flags">${entry.flags.map((flag) => `<li>${escapeHtml(FLAG_LABELS[flag])}</li>`).join('')}</ul>`
    : '';
  const expected = entry.expected ? ` · expected: ${escapeHtml(entry.expected.join(' or '))}` : '';
  return `<article class="entry${entry.flags.length ? ' flagged' : ''}" id="line-${entry.line}">
<p class="question">${escapeHtml(entry.text)} <small>(line ${entry.line}${expected})</small></p>
${flags}${entry.replies.map(replyHtml).join('\n') || '<p>(no reply)</p>'}
</article>`;
}

export function reviewHtml(entries: ReviewEntry[], summary: ReviewSummary, heading: ReportHeading): string {
  const conversations = [...new Set(entries.map((entry) => entry.conversation))].map((number) => {
    const turns = entries.filter((entry) => entry.conversation === number);
    return `<section><h2>Conversation ${number}${turns.length > 1 ? ` (${turns.length} questions, asked in order)` : ''}</h2>\n${turns.map(entryHtml).join('\n')}</section>`;
  });
  const flagRows = flagCounts(summary)
    .map(([flag, count]) => `<dt>${escapeHtml(FLAG_LABELS[flag])}</dt><dd>${count}</dd>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Pitstop-guiden review: ${escapeHtml(heading.list)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Review of ${escapeHtml(heading.list)}</h1>
<p class="meta-line">${heading.createdAt.toISOString()} · played through the bot as a citizen meets it</p>
<div class="summary" id="summary">
<dl><dt>Questions</dt><dd id="count-questions">${summary.questions}</dd><dt>Conversations</dt><dd>${summary.conversations}</dd><dt>Answered</dt><dd id="count-answered">${summary.answered}</dd><dt>Clarified</dt><dd id="count-clarified">${summary.clarified}</dd><dt>Flagged</dt><dd id="count-flagged">${summary.flagged}</dd>${flagRows}</dl>
${summaryChart(summary)}
</div>
${conversations.join('\n')}
</main>
</body>
</html>
`;
}

/** Markdown as text in the report: the answer's own marks stay, but no HTML in it could render as HTML. */
const markdownSafe = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const quoted = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

export function reviewMarkdown(entries: ReviewEntry[], summary: ReviewSummary, heading: ReportHeading): string {
  const lines = [
    `# Review of ${markdownSafe(heading.list)}`,
    '',
    `${heading.createdAt.toISOString()} · played through the bot as a citizen meets it`,
    '',
    '| | count |',
    '| --- | ---: |',
    `| questions | ${summary.questions} |`,
    `| conversations | ${summary.conversations} |`,
    `| answered | ${summary.answered} |`,
    `| clarified | ${summary.clarified} |`,
    `| flagged | ${summary.flagged} |`,
    ...flagCounts(summary).map(([flag, count]) => `| · ${FLAG_LABELS[flag]} | ${count} |`),
  ];
  let conversation = 0;
  for (const entry of entries) {
    if (entry.conversation !== conversation) {
      conversation = entry.conversation;
      lines.push('', `## Conversation ${conversation}`);
    }
    lines.push(
      '',
      `### ${markdownSafe(entry.text)}`,
      '',
      `Line ${entry.line}${entry.expected ? ` · expected: ${entry.expected.map(code).join(' or ')}` : ''}${entry.flags.length ? ` · **flags: ${entry.flags.map((flag) => FLAG_LABELS[flag]).join(', ')}**` : ''}`,
    );
    for (const reply of entry.replies) {
      lines.push('', quoted(markdownSafe(reply.text)));
      if (reply.buttons.length) lines.push('>', `> Buttons: ${reply.buttons.map((button) => `[${markdownSafe(button.title)}]`).join(' ')}`);
      if (reply.source) lines.push('', `_${markdownSafe(reply.source)}_`);
      lines.push(
        '',
        `Recognised: ${recognisedRows(reply.meta)
          .map(([name, value]) => `${name} ${code(value)}`)
          .join(', ')}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
