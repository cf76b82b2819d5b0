/* docket task list: filters, modes and sorting in the browser.
 * No framework, no network request, no inline handlers. The state lives in
 * the URL query (?q=&status=&priority=&assignee=&type=&tag=&link=&from=&to=&mode=&sort=&filters=)
 * (`filters` is Kasar's FilterGroup as JSON, `sort` a key or Kasar's JSON sort array, as `docket list` takes them)
 * so a view can be bookmarked and shared; it works from file:// and under any base path.
 * Without JavaScript the page lists every task. */
(function () {
  'use strict';

  var table = document.getElementById('task-table');
  var form = document.getElementById('filters');
  if (!table || !form) { return; }

  var tbody = table.tBodies[0];
  var FILTERS = ['q', 'status', 'priority', 'assignee', 'type', 'tag', 'link', 'from', 'to', 'mode', 'sort', 'filters'];
  var STATUS_RANK = { pending: 0, in_progress: 1, completed: 2, cancelled: 3 };
  // low < normal < high < urgent, as `docket list --sort priority` orders them.
  var PRIORITY_RANK = { low: 0, normal: 1, high: 2, urgent: 3 };
  var count = document.getElementById('match-count');
  var permalink = document.getElementById('permalink');
  var noMatch = document.getElementById('no-match');
  var total = Number(table.getAttribute('data-total')) || 0;

  // Read every row once; filtering then touches only the `hidden` flag.
  function words(text) { return text ? text.split(' ') : []; }
  var rows = Array.prototype.map.call(tbody.rows, function (row, index) {
    var d = row.dataset;
    var cells = row.cells;
    // Search covers what the row shows of the task: title and tags, assignees, linked records.
    var search = (cells[0].textContent + ' ' + cells[5].textContent + ' ' + cells[6].textContent).replace(/\s+/g, ' ').toLowerCase();
    return {
      el: row,
      index: index,
      status: d.s,
      priority: d.p,
      type: d.t,
      assignees: words(d.a),
      tags: words(d.g),
      links: words(d.l),
      due: d.d === '' ? Infinity : Number(d.d),
      dueDay: d.dd,
      modes: words(d.m),
      updated: Number(d.u),
      created: Number(d.c),
      createdBy: d.cb || '',
      completed: d.x === '' || d.x === undefined ? null : Number(d.x),
      meta: d.meta ? JSON.parse(d.meta) : {},
      // The first assignee's name, as `docket list --sort assignee` compares them.
      assigneeName: cells[5].firstElementChild ? cells[5].firstElementChild.textContent.trim() : '',
      search: search,
      title: cells[0].firstElementChild ? cells[0].firstElementChild.textContent.toLowerCase() : ''
    };
  });

  var SORTERS = {
    title: function (r) { return r.title; },
    status: function (r) { return STATUS_RANK[r.status]; },
    priority: function (r) { return PRIORITY_RANK[r.priority]; },
    type: function (r) { return r.type; },
    due: function (r) { return r.due; },
    assignee: function (r) { return r.assigneeName; },
    updated: function (r) { return r.updated; },
    created: function (r) { return r.created; }
  };
  var SORT_ALIASES = { created_at: 'created', updated_at: 'updated', assignees: 'assignee', due_at: 'due', due_date: 'due' };
  var filterError = document.getElementById('filter-error');

  function readState(search) {
    var params = new URLSearchParams(search);
    var state = {};
    FILTERS.forEach(function (name) { state[name] = params.get(name) || ''; });
    if (!state.mode) { state.mode = 'all'; }
    if (!state.sort) { state.sort = 'due'; }
    return state;
  }

  function stateFromForm() {
    var state = {};
    FILTERS.forEach(function (name) {
      if (name === 'mode') {
        var checked = form.querySelector('input[name="mode"]:checked');
        state.mode = checked ? checked.value : 'all';
      } else {
        var field = form.elements.namedItem(name);
        state[name] = field ? field.value.trim() : '';
      }
    });
    if (!state.sort) { state.sort = currentSort; }
    return state;
  }

  function writeForm(state) {
    FILTERS.forEach(function (name) {
      if (name === 'mode') {
        var radio = form.querySelector('input[name="mode"][value="' + cssEscape(state.mode) + '"]');
        if (radio) { radio.checked = true; }
      } else {
        var field = form.elements.namedItem(name);
        if (field) {
          field.value = state[name];
          // A sort the menu does not list (from a header click) still applies.
          if (name === 'sort' && field.value !== state.sort) { field.value = ''; }
        }
      }
    });
  }

  function cssEscape(value) { return String(value).replace(/["\\]/g, '\\$&'); }

  function query(state) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var value = state[name];
      if (!value || (name === 'mode' && value === 'all') || (name === 'sort' && value === 'due')) { return; }
      params.set(name, value);
    });
    var text = params.toString();
    return text ? '?' + text : '';
  }

  // Kasar's FilterGroup, checked as `docket list --filters` checks it; a problem is shown, never a blank list.
  var FIELDS = ['status', 'priority', 'type', 'assignees', 'tags', 'links', 'due', 'created_at', 'updated_at', 'completed_at', 'created_by', 'title'];
  var OPERATORS = ['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'contains', 'is_empty', 'is_not_empty'];
  var DATES = ['due', 'created_at', 'updated_at', 'completed_at'];

  function singularLink(text) {
    var colon = text.indexOf(':');
    if (colon < 0) { return text; }
    var type = text.slice(0, colon);
    if (/ies$/.test(type)) { type = type.slice(0, -3) + 'y'; } else if (/s$/.test(type) && !/ss$/.test(type)) { type = type.slice(0, -1); }
    return type + text.slice(colon);
  }

  function instantOf(text) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) { return localMidnight(text); }
    var ms = Date.parse(text);
    return /^\d{4}-\d{2}-\d{2}T/.test(text) && !isNaN(ms) ? ms : null;
  }

  // A date is its local midnight in the workspace's time zone (the table names the zone).
  var zone = table.getAttribute('data-zone') || 'UTC';
  var zoneFormat = null;
  try {
    zoneFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  } catch (e) { zoneFormat = null; }
  function zoneOffset(ms) {
    if (!zoneFormat) { return 0; }
    var p = {};
    zoneFormat.formatToParts(new Date(ms)).forEach(function (part) { p[part.type] = Number(part.value); });
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
  }
  function localMidnight(text) {
    var wall = Date.parse(text + 'T00:00:00Z');
    var guess = wall - zoneOffset(wall);
    return wall - zoneOffset(guess);
  }

  function compileFilters(text) {
    var node;
    try { node = JSON.parse(text); } catch (e) { throw new Error('filters is not valid JSON: ' + e.message); }
    return group(node);
    function group(g) {
      if (!g || typeof g !== 'object' || Array.isArray(g)) { throw new Error('a filter group must be an object'); }
      if ('field' in g) { return condition(g); }
      var logic = g.logic || 'and';
      if (logic !== 'and' && logic !== 'or') { throw new Error("'logic' must be and or or"); }
      if (!Array.isArray(g.filters)) { throw new Error("a filter group needs 'filters', an array"); }
      var children = g.filters.map(group);
      return logic === 'and'
        ? function (r) { return children.every(function (c) { return c(r); }); }
        : function (r) { return children.length === 0 || children.some(function (c) { return c(r); }); };
    }
    function condition(c) {
      var field = c.field;
      if (typeof field !== 'string' || (FIELDS.indexOf(field) < 0 && !/^metadata\../.test(field))) {
        throw new Error("unknown filter field '" + field + "'");
      }
      if (OPERATORS.indexOf(c.operator) < 0) { throw new Error("filter on '" + field + "': unknown operator '" + c.operator + "'"); }
      var op = c.operator;
      var values = (Array.isArray(c.value) ? c.value : (c.value === undefined || c.value === null ? [] : [c.value])).map(function (v) {
        var t = String(v);
        return field === 'links' ? singularLink(t) : t;
      });
      if (DATES.indexOf(field) >= 0 && ['lt', 'lte', 'gt', 'gte'].indexOf(op) >= 0 && instantOf(values[0] || '') === null) {
        throw new Error("filter on '" + field + "' " + op + " '" + values[0] + "': expected a date (YYYY-MM-DD) or an RFC 3339 time");
      }
      return function (r) { return test(held(r, field), field, op, values); };
    }
  }

  function held(r, field) {
    switch (field) {
      case 'status': return { text: r.status };
      case 'priority': return { text: r.priority };
      case 'type': return { text: r.type };
      case 'created_by': return { text: r.createdBy };
      case 'title': return { text: r.title };
      case 'assignees': return { list: r.assignees };
      case 'tags': return { list: r.tags };
      case 'links': return { list: r.links.map(function (l) { var s = l.indexOf('/'); return l.slice(0, s) + ':' + l.slice(s + 1); }) };
      case 'due': return { instant: r.due === Infinity ? null : r.due };
      case 'created_at': return { instant: r.created };
      case 'updated_at': return { instant: r.updated };
      case 'completed_at': return { instant: r.completed };
      default:
        var v = r.meta[field.slice('metadata.'.length)];
        return { text: v === undefined || v === null || typeof v === 'object' ? null : String(v) };
    }
  }

  function test(h, field, op, values) {
    var empty = 'list' in h ? h.list.length === 0 : ('instant' in h ? h.instant === null : (h.text === null || h.text === ''));
    function equals(one) {
      if ('list' in h) { return h.list.indexOf(one) >= 0; }
      if ('instant' in h) { return h.instant !== null && h.instant === instantOf(one); }
      return h.text === one;
    }
    switch (op) {
      case 'is_empty': return empty;
      case 'is_not_empty': return !empty;
      case 'eq': return values.length > 0 && equals(values[0]);
      case 'neq': return !(values.length > 0 && equals(values[0]));
      case 'in': return values.some(equals);
      case 'not_in': return !values.some(equals);
      case 'contains':
        if ('list' in h) { return values.every(function (v) { return h.list.indexOf(v) >= 0; }); }
        if ('text' in h && h.text !== null) { var t = h.text.toLowerCase(); return values.every(function (v) { return t.indexOf(v.toLowerCase()) >= 0; }); }
        return false;
      default:
        var order = compare(h, field, values[0]);
        if (order === null) { return false; }
        return op === 'lt' ? order < 0 : op === 'lte' ? order <= 0 : op === 'gt' ? order > 0 : order >= 0;
    }
  }

  function compare(h, field, value) {
    if (value === undefined) { return null; }
    if ('instant' in h) {
      var bound = instantOf(value);
      if (h.instant === null || bound === null) { return null; }
      return h.instant < bound ? -1 : h.instant > bound ? 1 : 0;
    }
    if (h.text === null || h.text === undefined) { return null; }
    if (field === 'priority') {
      var a = PRIORITY_RANK[h.text], b = PRIORITY_RANK[value === 'medium' ? 'normal' : value];
      if (a === undefined || b === undefined) { return null; }
      return a < b ? -1 : a > b ? 1 : 0;
    }
    var x = Number(h.text), y = Number(value);
    if (h.text !== '' && value !== '' && !isNaN(x) && !isNaN(y)) { return x < y ? -1 : x > y ? 1 : 0; }
    return h.text < value ? -1 : h.text > value ? 1 : 0;
  }

  /** `due`, `-priority`, or Kasar's [{"field", "direction"}]: a list of [getter, descending, key]. */
  function sortKeys(sort) {
    if (sort.charAt(0) === '[') {
      var list;
      try { list = JSON.parse(sort); } catch (e) { return [[SORTERS.due, false, 'due']]; }  // invalid JSON falls back, as Kasar's does
      return list.map(function (item) {
        var key = SORT_ALIASES[item.field] || item.field;
        if (!SORTERS[key]) { throw new Error("cannot sort by '" + item.field + "'"); }
        return [SORTERS[key], item.direction === 'desc', key];
      });
    }
    var descending = sort.charAt(0) === '-';
    var name = descending ? sort.slice(1) : sort;
    return [[SORTERS[name] || SORTERS.due, descending, SORTERS[name] ? name : 'due']];
  }

  function lacks(r, key) { return (key === 'due' && r.due === Infinity) || (key === 'assignee' && r.assignees.length === 0); }

  function matches(r, s, needle) {
    if (s.compiled && !s.compiled(r)) { return false; }
    if (s.status && r.status !== s.status) { return false; }
    if (s.priority && r.priority !== s.priority) { return false; }
    if (s.assignee && r.assignees.indexOf(s.assignee) < 0) { return false; }
    if (s.type && r.type !== s.type) { return false; }
    if (s.tag && r.tags.indexOf(s.tag) < 0) { return false; }
    if (s.link && r.links.indexOf(s.link) < 0) { return false; }
    if (s.mode && s.mode !== 'all' && r.modes.indexOf(s.mode) < 0) { return false; }
    if (s.from && (!r.dueDay || r.dueDay < s.from)) { return false; }
    if (s.to && (!r.dueDay || r.dueDay > s.to)) { return false; }
    if (needle && r.search.indexOf(needle) < 0) { return false; }
    return true;
  }

  var currentSort = 'due';
  var appliedOrder = 'due';

  function sortRows(sort) {
    var keys = sortKeys(sort);
    var sorted = rows.slice().sort(function (a, b) {
      for (var i = 0; i < keys.length; i++) {
        var get = keys[i][0], descending = keys[i][1], key = keys[i][2];
        // Tasks without the field come last in either direction, as in `docket list`.
        var la = lacks(a, key), lb = lacks(b, key);
        if (la !== lb) { return la ? 1 : -1; }
        if (la) { continue; }
        var x = get(a), y = get(b);
        if (x === y) { continue; }
        var order = x < y ? -1 : 1;
        return descending ? -order : order;
      }
      return a.index - b.index;
    });
    var first = keys[0];
    var descending = first[1];
    var key = first[2];
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (r) { fragment.appendChild(r.el); });
    tbody.appendChild(fragment);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var name = th.getAttribute('data-sort');
      if (!name) { return; }
      th.setAttribute('aria-sort', name === key ? (descending ? 'descending' : 'ascending') : 'none');
    });
  }

  function apply(state, updateURL) {
    var needle = state.q.toLowerCase();
    state.compiled = null;
    var problem = '';
    if (state.filters) {
      try { state.compiled = compileFilters(state.filters); } catch (e) { problem = e.message; }
    }
    if (!problem && state.sort.charAt(0) === '[') {
      try { sortKeys(state.sort); } catch (e) { problem = 'sort: ' + e.message; state.sort = 'due'; }
    }
    if (filterError) {
      filterError.textContent = problem ? 'This view’s filters cannot be used: ' + problem + '. Showing every task instead.' : '';
      filterError.hidden = !problem;
    }
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var visible = matches(rows[i], state, needle);
      if (rows[i].el.hidden === visible) { rows[i].el.hidden = !visible; }
      if (visible) { shown++; }
    }
    if (state.sort !== appliedOrder) {
      sortRows(state.sort);
      appliedOrder = state.sort;
    }
    currentSort = state.sort;
    count.textContent = shown === total ? total + ' tasks' : shown + ' of ' + total + ' tasks';
    noMatch.hidden = shown !== 0 || total === 0;
    var search = query(state);
    permalink.setAttribute('href', 'index.html' + search);
    table.setAttribute('data-shown', String(shown));
    if (updateURL && window.history && history.replaceState) {
      try { history.replaceState(null, '', location.pathname + search + location.hash); } catch (e) { /* some file:// setups refuse; the permalink still works */ }
    }
  }

  var pending = 0;
  function onInput(event) {
    window.clearTimeout(pending);
    var delay = event && event.type === 'input' && event.target.name === 'q' ? 120 : 0;
    pending = window.setTimeout(function () { apply(stateFromForm(), true); }, delay);
  }

  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(stateFromForm(), true); });
  form.addEventListener('reset', function () {
    window.setTimeout(function () { currentSort = 'due'; form.elements.namedItem('sort').value = 'due'; apply(stateFromForm(), true); }, 0);
  });

  Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-sort] button'), function (button) {
    button.addEventListener('click', function () {
      var key = button.parentNode.getAttribute('data-sort');
      currentSort = currentSort === key ? '-' + key : key;
      var state = stateFromForm();
      state.sort = currentSort;
      writeForm(state);
      apply(state, true);
    });
  });

  var initial = readState(location.search);
  writeForm(initial);
  currentSort = initial.sort;
  form.setAttribute('data-ready', 'true');
  apply(initial, false);
})();
