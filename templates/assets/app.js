/* docket task list: filters, modes and sorting in the browser.
 * No framework, no network request, no inline handlers. The state lives in
 * the URL query (?q=&status=&priority=&assignee=&type=&tag=&link=&from=&to=&mode=&sort=)
 * so a view can be bookmarked and shared; it works from file:// and under any base path.
 * Without JavaScript the page lists every task. */
(function () {
  'use strict';

  var table = document.getElementById('task-table');
  var form = document.getElementById('filters');
  if (!table || !form) { return; }

  var tbody = table.tBodies[0];
  var FILTERS = ['q', 'status', 'priority', 'assignee', 'type', 'tag', 'link', 'from', 'to', 'mode', 'sort'];
  var STATUS_RANK = { pending: 0, in_progress: 1, completed: 2, cancelled: 3 };
  var PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 };
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
      assigneeName: (cells[5].textContent.trim() || '\uffff').toLowerCase(),
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
    updated: function (r) { return r.updated; }
  };

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

  function matches(r, s, needle) {
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
    var descending = sort.charAt(0) === '-';
    var key = descending ? sort.slice(1) : sort;
    var get = SORTERS[key] || SORTERS.due;
    var sorted = rows.slice().sort(function (a, b) {
      var x = get(a);
      var y = get(b);
      if (x === y) { return a.index - b.index; }
      if (key === 'due' && (x === Infinity || y === Infinity)) { return x === Infinity ? 1 : -1; }
      var order = x < y ? -1 : 1;
      return descending ? -order : order;
    });
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
