// Renders the matrix as one self-contained HTML page: the table is plain HTML (it reads
// without scripts), the filters and the cell detail panel are a small inline script over the
// same data, embedded as JSON. Nothing is loaded from anywhere else.
import { describeMisses, emulatorMisses } from './consequences.ts';
import { type Cell, type CellStatus, describeOfficialCases, type InformationalColumn, type LaneColumn, type MatrixData } from './matrix-data.ts';
import type { Side } from './rules.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const STATUS_LABEL: Record<CellStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  should: 'should-level divergence',
  expected: 'expected (in the expectations file)',
  na: 'not applicable',
  info: 'informational',
};
/** What a cell says: short, so a column stays narrow. */
const CELL_LABEL: Record<CellStatus, string> = { pass: 'pass', fail: 'fail', should: 'should', expected: 'expected', na: 'n/a', info: 'info' };
const STATUS_MARK: Record<CellStatus, string> = { pass: '✓', fail: '✗', should: '≈', expected: '⚑', na: '–', info: 'i' };

function laneHeader(lane: LaneColumn): string {
  // The full reason is in the notes under the table; the header stays narrow.
  const noteText = { ran: '', skipped: 'not run yet', error: 'could not run', stale: 'stale: last good result' }[lane.state];
  const note = lane.state === 'ran' ? '' : `<div class="lane-note" title="${escapeHtml(lane.notes[0] ?? lane.state)}">${noteText}</div>`;
  return `<th scope="col" class="lane lane-${lane.state}" data-lane="${escapeHtml(lane.name)}"><div class="lane-name">${escapeHtml(lane.name)}</div><div class="lane-version">${escapeHtml(lane.version ?? 'version unknown')}</div>${note}</th>`;
}

function caseCount(cell: Cell): string {
  const judged = cell.passed.length + cell.others.filter((c) => c.status !== 'na').length;
  const notPassing = cell.others.filter((c) => c.status === 'fail' || c.status === 'should' || c.status === 'expected' || c.status === 'info-differs').length;
  // A stale column's cells are kept from the summary, which keeps no cases.
  if (cell.passed.length === 0 && cell.others.length === 0) return '';
  if (cell.status === 'pass') return `${judged} case${judged === 1 ? '' : 's'}`;
  if (cell.status === 'na') return '';
  return `${notPassing} of ${judged}`;
}

/** Links to the upstream issues and pull requests the cell's expectations cite, each once. */
function upstreamHtml(cell: Cell): string {
  const links = new Map<string, string>();
  for (const c of cell.others) for (const link of c.upstream ?? []) links.set(link.url, link.label);
  if (links.size === 0) return '';
  return `<div class="upstream">${[...links].map(([url, label]) => `<a href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${escapeHtml(label)}</a>`).join(' ')}</div>`;
}

function cellHtml(lane: LaneColumn, rule: string, cell: Cell | undefined): string {
  const status: CellStatus = cell?.status ?? 'na';
  const attributes = `class="cell status-${status}${lane.state === 'stale' ? ' stale' : ''}" data-lane="${escapeHtml(lane.name)}" data-rule="${rule}" data-status="${status}"`;
  if (!cell) return `<td ${attributes}><span class="mark" title="${STATUS_LABEL.na}">${STATUS_MARK.na}</span></td>`;
  return `<td ${attributes}><button type="button" title="${escapeHtml(`${rule} on ${lane.name}: ${STATUS_LABEL[status]}`)}"><span class="mark">${STATUS_MARK[status]}</span> <span class="label">${CELL_LABEL[status]}</span><span class="count">${caseCount(cell)}</span></button>${upstreamHtml(cell)}</td>`;
}

function countText(lane: LaneColumn, level: 'must' | 'should'): string {
  if (lane.state !== 'ran' && lane.state !== 'stale') return '–';
  const count = lane.counts[level];
  if (count.total === 0) return '–';
  if (lane.state === 'stale') return `${count.passed}/${count.total} <span class="extra">(stale)</span>`;
  const extra = [count.expected ? `${count.expected} expected` : '', count.failed ? `${count.failed} failing` : ''].filter(Boolean).join(', ');
  return `${count.passed}/${count.total}${extra ? ` <span class="extra">(${extra})</span>` : ''}`;
}

function laneNotes(lanes: readonly LaneColumn[]): string {
  const noted = lanes.filter((lane) => lane.notes.length > 0);
  if (noted.length === 0) return '';
  return `<ul class="lane-notes">${noted.map((lane) => `<li data-lane="${escapeHtml(lane.name)}"><b>${escapeHtml(lane.name)}</b>: ${lane.notes.map((n) => escapeHtml(n)).join('<br>')}</li>`).join('')}</ul>`;
}

function sideTable(data: MatrixData, side: Side): string {
  const lanes = data.lanes.filter((l) => l.kind === side);
  const groups = data.groups.filter((g) => g.side === side);
  const rows: string[] = [];
  for (const group of groups) {
    rows.push(`<tr class="group-row" data-group="${group.id}"><th scope="rowgroup" colspan="${lanes.length + 1}">${escapeHtml(group.title)}</th></tr>`);
    for (const rule of group.rules) {
      const levels = [...new Set([...rule.levels, ...rule.seenLevels])].sort();
      const results = [...new Set(lanes.map((l) => data.cells[l.name]?.[rule.id]?.status ?? 'na'))];
      const badges = levels.map((level) => `<span class="level level-${level}">${level}</span>`).join('');
      rows.push(
        `<tr class="rule-row" data-rule="${rule.id}" data-group="${group.id}" data-levels="${levels.join(' ')}" data-results="${results.join(' ')}">` +
          `<th scope="row" class="rule"><span class="rule-id">${rule.id}</span>${badges}<div class="rule-title">${escapeHtml(rule.title)}</div></th>` +
          lanes.map((lane) => cellHtml(lane, rule.id, data.cells[lane.name]?.[rule.id])).join('') +
          '</tr>',
      );
    }
  }
  const summary = (level: 'must' | 'should') =>
    `<tr class="summary-row summary-${level}"><th scope="row">${level} rules passed</th>${lanes.map((lane) => `<td class="summary" data-lane="${escapeHtml(lane.name)}" data-level="${level}">${countText(lane, level)}</td>`).join('')}</tr>`;
  return `<section class="side" id="side-${side}"><h2>${side === 'client' ? 'Clients' : 'Servers'}</h2>
<table class="matrix" id="matrix-${side}"><thead><tr><th scope="col" class="corner">rule</th>${lanes.map(laneHeader).join('')}</tr>${summary('must')}${summary('should')}</thead>
<tbody>${rows.join('\n')}</tbody></table>${laneNotes(lanes)}</section>`;
}

/** "What would my sign-out tests miss on this emulator?" for every server lane with a result. */
function emulatorSection(data: MatrixData): string {
  const servers = data.lanes.filter((l) => l.kind === 'server' && (l.state === 'ran' || l.state === 'stale'));
  if (servers.length === 0) return '';
  const items = servers.map(
    (lane) =>
      `<li data-lane="${escapeHtml(lane.name)}"><b>${escapeHtml(lane.name)}</b> <span class="lane-version">${escapeHtml(lane.version ?? 'version unknown')}${lane.state === 'stale' ? ', stale' : ''}</span>: ${escapeHtml(describeMisses(emulatorMisses(lane)))}</li>`,
  );
  return `<section id="emulators"><h2>What your sign-out tests would miss on each server</h2><p class="lede">In plain words, from the rules each server lane does not pass, whether its expectations file lists them or not.</p><ul class="emulators">${items.join('')}</ul></section>`;
}

/** An informational lane: its finding, what each judge said at each step, and the sources. Never a failure. */
function informationalSection(lane: InformationalColumn): string {
  const rows = lane.observations.map(
    (o) =>
      `<tr data-observation="${escapeHtml(o.id)}" class="seen-${o.seen}"><td>${escapeHtml(o.step)}</td><td>${escapeHtml(o.judge)}</td><td class="seen">${o.seen}</td><td>${escapeHtml(o.detail)}</td></tr>`,
  );
  const said = lane.state === 'ran' || lane.state === 'stale' ? (lane.finding ?? '') : (lane.notes[0] ?? 'could not run');
  const sources = lane.sources.map((s) => `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer" target="_blank">${escapeHtml(s.label)}</a>`).join(', ');
  return `<section class="informational" id="informational-${escapeHtml(lane.name)}" data-state="${lane.state}"><h2>${escapeHtml(lane.title)} <span class="badge">informational, never counted</span></h2>
<p class="lane-version">${escapeHtml(lane.version ?? 'version unknown')}${lane.state === 'stale' ? ` <span class="lane-note">${escapeHtml(lane.notes[0] ?? 'stale')}</span>` : ''}</p>
<p class="finding">${escapeHtml(said)}</p>
${rows.length ? `<table class="observations"><thead><tr><th scope="col">step</th><th scope="col">judge</th><th scope="col">seen</th><th scope="col">detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
<p class="sources">Sources: ${sources}</p></section>`;
}

const STYLE = `
:root{--pass:#1b7f3b;--fail:#c62828;--should:#b85c00;--expected:#5b4bb7;--na:#8a8a8a;--info:#2c6e91;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;font-size:14px;color:#1d1d1f}
body{margin:0 24px 48px}h1{font-size:22px;margin:20px 0 4px}h2{font-size:18px;margin:28px 0 8px}p.lede{margin:0 0 12px;color:#444;max-width:70em}
.filters{display:flex;gap:16px;flex-wrap:wrap;align-items:center;position:sticky;top:0;background:#fff;padding:10px 0;border-bottom:1px solid #ddd;z-index:3}
.filters label{font-weight:600}.filters select{margin-left:6px;font-size:14px}#shown-count{color:#555}
.legend{display:flex;gap:14px;flex-wrap:wrap;margin:10px 0;font-size:13px}.legend span{white-space:nowrap}
table.matrix{border-collapse:collapse;width:100%;table-layout:fixed}
table.matrix th,table.matrix td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
thead tr:first-child th{position:sticky;top:var(--filters-height,52px);z-index:2}
th.corner{width:28%;background:#fff}th.lane{background:#f6f6f8}.lane-name{font-weight:700}.lane-version{font-weight:400;color:#555;font-size:12px;word-break:break-word}.lane-note{font-weight:400;color:#8a5a00;font-size:12px;margin-top:2px}
th.lane-skipped,th.lane-error{background:#fbf7ee}
ul.lane-notes{font-size:12.5px;color:#6b4a00;margin:6px 0 0;padding-left:18px}
tr.group-row th{background:#eef1f6;font-size:13px;padding:6px}
th.rule{font-weight:400}.rule-id{font-weight:700;margin-right:6px}.rule-title{color:#333;font-size:12.5px;margin-top:2px}
.level{display:inline-block;font-size:11px;border-radius:3px;padding:0 4px;margin-right:4px;border:1px solid #bbb;color:#444}.level-must{border-color:#555;font-weight:600}
td.cell button{all:unset;cursor:pointer;display:block;width:100%;font-size:12.5px}td.cell button:focus-visible{outline:2px solid #3b7dd8}
td.cell .count{display:block;color:#555;font-size:11.5px}td.cell .upstream{font-size:11px;word-break:break-all}.mark{font-weight:700}
.status-pass{background:#e8f5ec}.status-pass .mark{color:var(--pass)}
.status-fail{background:#fde7e7}.status-fail .mark{color:var(--fail)}
.status-should{background:#fff1e0}.status-should .mark{color:var(--should)}
.status-expected{background:#eeebfa}.status-expected .mark{color:var(--expected)}
.status-na{background:#fafafa;color:var(--na)}.status-info{background:#e8f2f7}.status-info .mark{color:var(--info)}
td.cell.stale{opacity:.6}td.cell.stale .label::after{content:" (stale)"}
ul.emulators li{margin:4px 0;max-width:80em}.badge{font-size:12px;font-weight:400;color:var(--info);border:1px solid var(--info);border-radius:3px;padding:0 4px}
p.finding{font-weight:600;max-width:70em}table.observations{border-collapse:collapse}table.observations td,table.observations th{border:1px solid #ddd;padding:4px 6px;text-align:left}
tr.seen-accepted td.seen{color:var(--info)}tr.seen-refused td.seen{color:#555}
td.selected{outline:3px solid #3b7dd8;outline-offset:-3px}
tr.summary-row th,tr.summary-row td{background:#f6f6f8;font-size:12.5px}td.summary{font-weight:700}.extra{font-weight:400;color:#555}
#detail{position:fixed;right:0;top:0;bottom:0;width:min(560px,45vw);overflow:auto;background:#fff;border-left:2px solid #3b7dd8;box-shadow:-4px 0 12px rgba(0,0,0,.12);padding:12px 16px;z-index:5}
#detail[hidden]{display:none}body.detail-open{margin-right:calc(min(560px,45vw) + 16px)}#detail h3{margin:4px 0 6px;font-size:16px}#detail .close{float:right}
#detail .case{border-top:1px solid #eee;padding:6px 0}#detail .case-id{font-weight:700}#detail dl{margin:4px 0;display:grid;grid-template-columns:7em 1fr;gap:2px 8px}#detail dt{color:#555}#detail dd{margin:0;word-break:break-word}
#detail code{font-size:12px;background:#f4f4f4;padding:1px 3px;word-break:break-all}
`;

const SCRIPT = `
(function(){
var data=JSON.parse(document.getElementById('matrix-data').textContent);
var level=document.getElementById('filter-level'),area=document.getElementById('filter-area'),result=document.getElementById('filter-result');
var labels=${JSON.stringify(STATUS_LABEL)};
function apply(){
  var shown=0,total=0;
  document.querySelectorAll('table.matrix').forEach(function(table){
    var visibleGroups={};
    table.querySelectorAll('tr.rule-row').forEach(function(row){
      total++;
      var ok=(level.value==='all'||row.dataset.levels.split(' ').indexOf(level.value)>=0)&&(area.value==='all'||row.dataset.group===area.value)&&(result.value==='all'||row.dataset.results.split(' ').indexOf(result.value)>=0);
      row.hidden=!ok;if(ok){shown++;visibleGroups[row.dataset.group]=true;}
    });
    table.querySelectorAll('tr.group-row').forEach(function(row){row.hidden=!visibleGroups[row.dataset.group];});
  });
  document.getElementById('shown-count').textContent='Showing '+shown+' of '+total+' rules';
}
[level,area,result].forEach(function(s){s.addEventListener('change',apply);});
// The lane names stay in view under the filter bar, whose height depends on the window.
function pinHeaders(){document.documentElement.style.setProperty('--filters-height',document.querySelector('.filters').offsetHeight+'px');}
window.addEventListener('resize',pinHeaders);pinHeaders();
function text(tag,cls,value){var e=document.createElement(tag);if(cls)e.className=cls;e.textContent=value;return e;}
function field(dl,name,value,code){if(value===undefined||value===null||value==='')return;dl.appendChild(text('dt','',name));var dd=document.createElement('dd');dd.appendChild(text(code?'code':'span','',value));dl.appendChild(dd);}
var panel=document.getElementById('detail');
function show(td){
  document.querySelectorAll('td.selected').forEach(function(e){e.classList.remove('selected');});td.classList.add('selected');
  var lane=data.lanes.find(function(l){return l.name===td.dataset.lane;}),cell=data.cells[td.dataset.lane][td.dataset.rule];
  var rule=null;data.groups.forEach(function(g){g.rules.forEach(function(r){if(r.id===td.dataset.rule)rule=r;});});
  var body=document.getElementById('detail-body');body.textContent='';
  body.appendChild(text('h3','',rule.id+' on '+lane.name+': '+labels[cell.status]));
  body.appendChild(text('p','detail-rule',rule.title));
  if(lane.state==='stale')body.appendChild(text('p','detail-stale',lane.notes[0]));
  body.appendChild(text('p','detail-version',(lane.version||'version unknown')+(lane.command?' \\u2014 npm run conformance -- '+lane.command:'')));
  cell.others.forEach(function(c){
    var div=document.createElement('div');div.className='case case-'+c.status;div.dataset.case=c.id;
    div.appendChild(text('div','case-id',c.id+' ['+c.level+'] '+c.status));
    var dl=document.createElement('dl');
    field(dl,'expected',c.expected);field(dl,'actual',c.actual);field(dl,c.status==='expected'?'reason':'note',c.reason);field(dl,'source',c.source);if(c.upstream&&c.upstream.length){dl.appendChild(text('dt','','upstream'));var up=document.createElement('dd');c.upstream.forEach(function(l){var a=text('a','',l.label);a.href=l.url;a.rel='noopener noreferrer';a.target='_blank';up.appendChild(a);up.appendChild(document.createTextNode(' '));});dl.appendChild(up);}field(dl,'replay',c.replay,true);
    div.appendChild(dl);body.appendChild(div);
  });
  if(cell.passed.length){body.appendChild(text('h4','','Passed in '+cell.passed.length+' case'+(cell.passed.length===1?'':'s')));body.appendChild(text('p','passed-cases',cell.passed.join(', ')));}
  panel.hidden=false;document.body.classList.add('detail-open');pinHeaders();
}
document.querySelectorAll('td.cell button').forEach(function(b){b.addEventListener('click',function(){show(b.parentElement);});});
document.getElementById('detail-close').addEventListener('click',function(){panel.hidden=true;document.body.classList.remove('detail-open');pinHeaders();document.querySelectorAll('td.selected').forEach(function(e){e.classList.remove('selected');});});
apply();
})();
`;

/** Embedded JSON may not close the script element early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function renderPage(data: MatrixData): string {
  const areas = data.groups.map((g) => `<option value="${g.id}">${escapeHtml(`${g.side}: ${g.title}`)}</option>`).join('');
  const results = (Object.keys(STATUS_LABEL) as CellStatus[]).map((s) => `<option value="${s}">${STATUS_LABEL[s]}</option>`).join('');
  const legend = (Object.keys(STATUS_LABEL) as CellStatus[])
    .map((s) => `<span class="status-${s}"><span class="mark">${STATUS_MARK[s]}</span> ${STATUS_LABEL[s]}</span>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>RevokeToken conformance matrix</title><style>${STYLE}</style></head>
<body>
<h1>RevokeToken conformance matrix</h1>
<p class="lede">Every client and server lane of the suite, run with <code>--strict</code> (seed ${data.seed}), rule by rule. A cell is the worst of the cases that judged the rule: click it for the case ids, what was expected and seen, the expectation's reason and source, and the line that replays the case. Regenerate with <code>npm run matrix</code>.</p>
${data.officialCases ? `<p class="official" id="official-cases">${escapeHtml(describeOfficialCases(data.officialCases))}.</p>` : ''}
<div class="filters" role="search">
<label>Level<select id="filter-level"><option value="all">all</option><option value="must">must</option><option value="should">should</option></select></label>
<label>Area<select id="filter-area"><option value="all">all</option>${areas}</select></label>
<label>Result<select id="filter-result"><option value="all">all</option>${results}</select></label>
<span id="shown-count"></span>
</div>
<div class="legend">${legend}</div>
${sideTable(data, 'client')}
${sideTable(data, 'server')}
${emulatorSection(data)}
${(data.informational ?? []).map(informationalSection).join('\n')}
<aside id="detail" hidden aria-live="polite"><button type="button" class="close" id="detail-close">close</button><div id="detail-body"></div></aside>
<script type="application/json" id="matrix-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
