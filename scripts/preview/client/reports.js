/**
 * The Reports page's script (served as /reports.js; the page is scripts/preview/reports/page.ts).
 * It asks the preview server for the packaged reports and list views run over the preview's data
 * (GET /preview/reports) and shows each one: what it asks (filters, grouping, source file) and its
 * rows with its columns, grouped as the report groups them, with counts and totals.
 *
 * Every value goes into the page as text (textContent): names in the sample data hold markup on
 * purpose, and must show as written.
 */

/** Lightning's report viewer shows at most this many detail rows; the page does the same. */
const MAX_ROWS = 2000;

/** An element with classes, attributes and text. */
function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

/** The HTML id of a report's section (from its key, e.g. report:Relationship_Maps/Stale_People). */
function sectionId(key) {
  return key.replace(/[^A-Za-z0-9_-]+/g, '-');
}

const plural = (n, one, many) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function facts(result) {
  const list = el('dl', { className: 'slds-dl_horizontal preview-report-facts' });
  const add = (label, value) => {
    if (!value) return;
    list.appendChild(el('dt', { className: 'slds-dl_horizontal__label', text: label }));
    const dd = el('dd', { className: 'slds-dl_horizontal__detail' });
    if (Array.isArray(value)) {
      const ul = el('ul', { className: 'slds-list_dotted' });
      for (const item of value) ul.appendChild(el('li', { text: item }));
      dd.appendChild(ul);
    } else {
      dd.textContent = value;
    }
    list.appendChild(dd);
  };
  add('Rows', result.source);
  add('Filters', result.filters && result.filters.length ? result.filters : 'None: every record');
  add('Filter logic', result.booleanFilter);
  add('Grouped by', (result.groupings || []).map((g) => g.label).join(', then '));
  add('Metadata file', result.file);
  return list;
}

/** One line for a group: "Account Name: Northwind (3 records) · Average Stance Score: 18.33". */
function groupLine(result, group) {
  const depth = group.path.length - 1;
  const label = result.groupings[depth].label;
  const extras = result.columns
    .map((column, i) => (group.aggregates[i] ? `${column.aggregate} ${column.label}: ${group.aggregates[i]}` : null))
    .filter(Boolean);
  return `${label}: ${group.path[depth]} (${plural(group.count, 'record', 'records')})${extras.length ? ` · ${extras.join(' · ')}` : ''}`;
}

function table(result) {
  const captionText = `${result.name}: ${plural(result.total.count, 'row', 'rows')}`;
  const head = el('tr', { className: 'slds-line-height_reset' });
  for (const column of result.columns) {
    head.appendChild(
      el('th', { attrs: { scope: 'col', 'data-column': column.key } }, [
        el('div', { className: 'slds-truncate slds-cell-wrap', text: column.label, attrs: { title: column.label } }),
      ])
    );
  }
  const groupsByPath = new Map(result.groups.map((g) => [JSON.stringify(g.path), g]));
  const body = el('tbody');
  let previous = [];
  const shown = result.rows.slice(0, MAX_ROWS);
  for (const row of shown) {
    const before = previous;
    const first = row.groups.findIndex((value, i) => value !== before[i]);
    if (first >= 0) {
      for (let depth = first; depth < row.groups.length; depth++) {
        const group = groupsByPath.get(JSON.stringify(row.groups.slice(0, depth + 1)));
        if (!group) continue;
        body.appendChild(
          el(
            'tr',
            { className: `preview-report-group preview-report-group_${depth + 1}`, attrs: { 'data-group': depth + 1 } },
            [el('td', { text: groupLine(result, group), attrs: { colspan: result.columns.length } })]
          )
        );
      }
    }
    previous = row.groups;
    const tr = el('tr', { className: 'slds-hint-parent', attrs: { 'data-row-id': row.id } });
    row.cells.forEach((cell, i) => {
      const column = result.columns[i];
      const numeric = ['Number', 'Percent', 'Summary', 'Currency'].includes(column.type);
      tr.appendChild(
        el(
          'td',
          {
            className: numeric ? 'preview-number' : undefined,
            attrs: { 'data-label': column.label, 'data-column': column.key },
          },
          [el('div', { className: 'slds-cell-wrap', text: cell })]
        )
      );
    });
    body.appendChild(tr);
  }
  if (shown.length === 0) {
    body.appendChild(
      el('tr', {}, [
        el('td', {
          text: 'No records match these filters in the preview data.',
          attrs: { colspan: result.columns.length },
        }),
      ])
    );
  }
  const total = el('tr', { className: 'preview-report-total', attrs: { 'data-id': 'total' } });
  result.columns.forEach((column, i) => {
    const aggregate = result.total.aggregates[i];
    let text = aggregate ? `${column.aggregate}: ${aggregate}` : '';
    if (i === 0 && !aggregate) text = `Total: ${plural(result.total.count, 'record', 'records')}`;
    total.appendChild(el('td', { text, className: aggregate ? 'preview-number' : undefined }));
  });
  const tableNode = el(
    'table',
    { className: 'slds-table slds-table_bordered slds-table_cell-buffer slds-table_striped' },
    [
      el('caption', { className: 'slds-assistive-text', text: captionText }),
      el('thead', {}, [head]),
      body,
      el('tfoot', {}, [total]),
    ]
  );
  const wrapper = el(
    'div',
    {
      className: 'preview-report-scroll',
      attrs: { role: 'region', tabindex: '0', 'aria-label': `${captionText} (scrolls sideways)` },
    },
    [tableNode]
  );
  const parts = [wrapper];
  if (result.rows.length > MAX_ROWS) {
    parts.push(
      el('p', {
        className: 'slds-text-body_small slds-m-top_x-small',
        text: `The first ${MAX_ROWS.toLocaleString('en-US')} of ${plural(result.rows.length, 'row', 'rows')} are shown, as in Lightning's report viewer.`,
      })
    );
  }
  return parts;
}

function section(result) {
  const id = sectionId(result.key);
  const title = el('h3', { className: 'slds-card__header-title', attrs: { id: `${id}-title` } }, [
    el('span', { text: result.name }),
  ]);
  const card = el('article', {
    className: 'slds-card preview-report',
    attrs: { id, 'aria-labelledby': `${id}-title`, 'data-report': result.key, 'data-kind': result.kind },
  });
  const count = 'error' in result ? 'not run' : plural(result.total.count, 'row', 'rows');
  card.appendChild(
    el('div', { className: 'slds-card__header slds-grid' }, [
      el('header', { className: 'slds-media slds-media_center slds-has-flexi-truncate' }, [
        el('div', { className: 'slds-media__body' }, [title]),
        el('span', { className: 'slds-badge', text: count, attrs: { 'data-id': 'count' } }),
      ]),
    ])
  );
  const body = el('div', { className: 'slds-card__body slds-card__body_inner' });
  if ('error' in result) {
    body.appendChild(
      el('div', { className: 'slds-box slds-theme_shade preview-report-error', attrs: { 'data-id': 'report-error' } }, [
        el('p', {
          text: `The preview cannot run this ${result.kind === 'report' ? 'report' : 'list view'}: ${result.error}`,
        }),
        el('p', { text: `Metadata file: ${result.file}` }),
      ])
    );
  } else {
    if (result.description) body.appendChild(el('p', { className: 'slds-m-bottom_x-small', text: result.description }));
    body.appendChild(facts(result));
    for (const part of table(result)) body.appendChild(part);
  }
  card.appendChild(body);
  return card;
}

function contents(results) {
  const nav = el('nav', {
    className: 'slds-box slds-theme_default slds-m-bottom_small',
    attrs: { 'aria-label': 'Reports and list views on this page' },
  });
  for (const [kind, heading] of [
    ['report', 'Reports'],
    ['listView', 'List views'],
  ]) {
    const items = results.filter((r) => r.kind === kind);
    nav.appendChild(el('p', { className: 'slds-text-title_caps slds-m-top_x-small', text: heading }));
    const ul = el('ul', { className: 'slds-list_horizontal slds-has-dividers_right slds-wrap' });
    for (const r of items) {
      const count = 'error' in r ? 'not run' : plural(r.total.count, 'row', 'rows');
      ul.appendChild(
        el('li', { className: 'slds-item' }, [
          el('a', { text: `${r.name} (${count})`, attrs: { href: `#${sectionId(r.key)}` } }),
        ])
      );
    }
    nav.appendChild(ul);
  }
  return nav;
}

function render(root, data) {
  root.appendChild(
    el('p', {
      className: 'slds-m-bottom_small',
      attrs: { 'data-id': 'reports-source' },
      text: `Data: ${data.source}. Run at ${data.ranAt.slice(0, 16).replace('T', ' ')} GMT (TODAY() in the formulas is that day).`,
    })
  );
  root.appendChild(contents(data.results));
  for (const [kind, heading] of [
    ['report', 'Reports'],
    ['listView', 'List views'],
  ]) {
    const headingId = `heading-${kind}`;
    const group = el('section', { attrs: { 'aria-labelledby': headingId } }, [
      el('h2', {
        className: 'slds-text-heading_medium slds-m-vertical_small',
        text: heading,
        attrs: { id: headingId },
      }),
    ]);
    for (const result of data.results.filter((r) => r.kind === kind)) group.appendChild(section(result));
    root.appendChild(group);
  }
  root.setAttribute('data-ready', 'true');
}

async function start() {
  // The page owns this document: its main element is the one node the script needs to find.
  // eslint-disable-next-line @lwc/lwc/no-document-query
  const root = document.getElementById('reports-root');
  // eslint-disable-next-line @lwc/lwc/no-document-query
  const loading = document.querySelector('[data-id="reports-loading"]');
  try {
    const response = await fetch('/preview/reports', { headers: { Accept: 'application/json' } });
    const data = await response.json();
    if (!response.ok)
      throw new Error(data && data.message ? data.message : `The preview server answered ${response.status}.`);
    if (loading) loading.remove();
    render(root, data);
  } catch (error) {
    if (loading) loading.remove();
    root.appendChild(
      el(
        'div',
        {
          className: 'slds-notify slds-notify_alert slds-alert_error',
          attrs: { role: 'alert', 'data-id': 'reports-error' },
        },
        [
          el('p', {
            text:
              error instanceof TypeError
                ? 'The local preview server is not reachable. Start it again with `npm start`.'
                : `The reports could not be run: ${error.message}`,
          }),
        ]
      )
    );
  }
}

start();
