/* docket task list: filters, modes, sorting and pages in the browser.
 * No framework, no network request, no inline handlers. The tasks come from
 * the data scripts the page loads after this one (tasks/data/dict.js, then
 * tasks/data/tasks-N.js, written by docket as one columnar object each, in
 * id order, with each title's rank; ListData describes the format): a
 * <script src> works from file://, where fetch is refused. The state lives
 * in the URL query (?q=&status=&priority=&assignee=&type=&tag=&link=&from=&to=&mode=&sort=&filters=&page=)
 * (`filters` is Kasar's FilterGroup as JSON, `sort` a key or Kasar's JSON sort array, as `docket list` takes them)
 * so a view can be bookmarked and shared; it works under any base path.
 * Without JavaScript the page shows the rows docket rendered: open tasks by
 * due, one page of them. The scripts run before the first paint where the
 * browser supports render blocking (see tasks.mustache), and that page of
 * rows is kept when it is the answer. */
window.docketList = (function () {
  'use strict';
  var dictionary = null;
  var chunks = [];
  return {
    dictionary: function (d) { dictionary = d; },
    chunk: function (c) {
      chunks.push(c);
      if (dictionary && chunks.length === dictionary.chunks) { startTaskList(dictionary, chunks); }
    }
  };
})();

function startTaskList(D, chunks) {
  'use strict';

  var table = document.getElementById('task-table');
  var form = document.getElementById('filters');
  if (!table || !form) { return; }

  var tbody = table.tBodies[0];
  var PAGE_SIZE = 100;
  var FILTERS = ['q', 'status', 'priority', 'assignee', 'type', 'tag', 'link', 'from', 'to', 'mode', 'sort', 'filters', 'page'];
  var STATUSES = ['pending', 'in_progress', 'completed', 'cancelled'];
  var STATUS_LABELS = ['Pending', 'In progress', 'Completed', 'Cancelled'];
  var STATUS_RANK = { pending: 0, in_progress: 1, completed: 2, cancelled: 3 };
  // low < normal < high < urgent, as `docket list --sort priority` orders them.
  var PRIORITIES = ['low', 'normal', 'high', 'urgent'];
  var PRIORITY_LABELS = ['Low', 'Normal', 'High', 'Urgent'];
  var PRIORITY_RANK = { low: 0, normal: 1, high: 2, urgent: 3 };
  var MODE_BITS = { today: 1, overdue: 2, upcoming: 4, completed: 8 };
  var count = document.getElementById('match-count');
  var permalink = document.getElementById('permalink');
  var noMatch = document.getElementById('no-match');
  var pager = document.getElementById('pager');
  var total = D.total;
  var base = D.base;

  function split(text) { return text ? text.split(',').map(Number) : []; }
  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function iso(ms) { return new Date(ms).toISOString().replace('.000Z', 'Z'); }
  function isoDay(dayNumber) { return new Date(dayNumber * 86400000).toISOString().slice(0, 10); }
  function dayNumber(text) { var ms = Date.parse(text + 'T00:00:00Z'); return isNaN(ms) ? null : Math.floor(ms / 86400000); }

  // The first answer is drawn before the browser has optimised this code, so
  // what every task needs is decoded into typed columns by plain loops, once:
  // a string and a parseInt per number took most of a first visit's script time.
  // Ranks and indices come as fixed-width base-64 numbers side by side (ListData.FixedDigits);
  // an index column holds index + 1, 0 for none.
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGIT = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) { DIGIT[DIGITS.charCodeAt(d)] = d; }
  function digitsAt(text, k, width) {
    var value = 0;
    for (var p = k * width, end = p + width; p < end; p++) { value = value * 64 + DIGIT[text.charCodeAt(p)]; }
    return value;
  }
  // A task's assignees, tags or links: indices, comma-separated; tasks are separated by ';' (split when first asked).
  function listAt(c, name, k) {
    var lists = c.lists || (c.lists = {});
    return split((lists[name] || (lists[name] = c[name].split(';')))[k]);
  }
  var ID_LENGTH = 26;
  var titleRanks = new Int32Array(total);
  var titleRankCount = 0;
  var statusOf = new Uint8Array(total), priorityOf = new Uint8Array(total), bitsOf = new Uint8Array(total);
  // Times (ms) and day numbers; NaN where the task has none.
  var dueOf = new Float64Array(total), dueDayOf = new Float64Array(total), createdOf = new Float64Array(total),
    updatedOf = new Float64Array(total), completedOf = new Float64Array(total);

  // Times and day numbers come as base-36 numbers in one comma-separated string; empty is none.
  function decodeNumbers(text, into, offset) {
    var value = 0, negative = false, empty = true, n = offset;
    for (var p = 0; p <= text.length; p++) {
      var ch = p < text.length ? text.charCodeAt(p) : 44;
      if (ch === 44) {
        into[n++] = empty ? NaN : negative ? -value : value;
        value = 0; negative = false; empty = true;
      } else if (ch === 45) {
        negative = true;
      } else {
        value = value * 36 + (ch <= 57 ? ch - 48 : ch - 87);
        empty = false;
      }
    }
  }

  // One record per task, in id order (the data's order), so a row's index is
  // its rank among ids. A row reads the columns; names, links and tags are
  // decoded when a filter or a drawn row asks.
  function Row(c, k, index) {
    this.index = index;
    this.c = c;
    this.k = k;
    this.cachedPeople = null;
    this.cachedRecords = null;
    this.cachedTags = null;
    this.cachedTitle = null;
    this.search = null;
  }
  var NO_METADATA = Object.freeze({});
  function lazy(name, make) { Object.defineProperty(Row.prototype, name, { get: make }); }
  lazy('status', function () { return STATUSES[statusOf[this.index]]; });
  lazy('open', function () { return statusOf[this.index] < 2; });
  lazy('priority', function () { return PRIORITIES[priorityOf[this.index]]; });
  lazy('type', function () { return D.types[digitsAt(this.c.type, this.k, D.typeWidth) - 1][0]; });
  lazy('typeLabel', function () { return D.types[digitsAt(this.c.type, this.k, D.typeWidth) - 1][1]; });
  lazy('bits', function () { return bitsOf[this.index]; });
  lazy('allDay', function () { return (bitsOf[this.index] & 16) !== 0; });
  lazy('due', function () { var v = dueOf[this.index]; return v === v ? v : Infinity; });
  lazy('dueDay', function () { var v = dueDayOf[this.index]; return v === v ? v : -1; });
  lazy('created', function () { return createdOf[this.index]; });
  lazy('updated', function () { return updatedOf[this.index]; });
  lazy('completed', function () { var v = completedOf[this.index]; return v === v ? v : null; });
  // Phrases: an index into D.phrases, -1 for none.
  function phraseLazy(name) { lazy(name, function () { return digitsAt(this.c[name], this.k, D.phraseWidth) - 1; }); }
  ['dueText', 'dueRelative', 'updatedText', 'updatedRelative', 'endedText', 'endedRelative'].forEach(phraseLazy);
  lazy('createdBy', function () { return D.people[digitsAt(this.c.createdBy, this.k, D.peopleWidth) - 1][0]; });
  lazy('meta', function () { return this.c.metadata[this.k] || NO_METADATA; });
  lazy('id', function () { return D.idPrefix + this.c.ids.substr(this.k * ID_LENGTH, ID_LENGTH); });
  lazy('titleText', function () { return this.c.title[this.k]; });
  lazy('title', function () { return this.cachedTitle === null ? (this.cachedTitle = this.titleText.toLowerCase()) : this.cachedTitle; });
  // A short id is the id's last n characters (never longer than the ULID).
  lazy('short', function () {
    var length = parseInt(this.c.short.charAt(this.k), 36);
    return this.c.ids.substr((this.k + 1) * ID_LENGTH - length, length);
  });
  lazy('people', function () {
    return this.cachedPeople || (this.cachedPeople = listAt(this.c, 'assignees', this.k).map(function (n) { return D.people[n]; }));
  });
  lazy('assignees', function () { return this.people.map(function (p) { return p[0]; }); });
  // The first assignee's name, as `docket list --sort assignee` compares them.
  lazy('assigneeName', function () { return this.people.length ? this.people[0][1] : ''; });
  lazy('records', function () {
    return this.cachedRecords || (this.cachedRecords = listAt(this.c, 'links', this.k).map(function (n) { return D.records[n]; }));
  });
  lazy('links', function () { return this.records.map(function (l) { return l[0]; }); });
  lazy('tags', function () { return this.cachedTags || (this.cachedTags = listAt(this.c, 'tags', this.k).map(function (n) { return D.tags[n]; })); });

  var rows = new Array(total);
  var offset = 0;
  chunks.forEach(function (c) {
    var count = c.title.length;
    decodeNumbers(c.due, dueOf, offset);
    decodeNumbers(c.dueDay, dueDayOf, offset);
    decodeNumbers(c.created, createdOf, offset);
    decodeNumbers(c.updated, updatedOf, offset);
    decodeNumbers(c.completed, completedOf, offset);
    for (var k = 0, i = offset; k < count; k++, i++) {
      var rank = digitsAt(c.titleRank, k, D.rankWidth);
      titleRanks[i] = rank;
      if (rank >= titleRankCount) { titleRankCount = rank + 1; }
      statusOf[i] = c.status.charCodeAt(k) - 48;
      priorityOf[i] = c.priority.charCodeAt(k) - 48;
      var bits = c.modes.charCodeAt(k);
      bitsOf[i] = bits <= 57 ? bits - 48 : bits - 87;  // one base-32 digit
      // Times are offsets: created from the data's base, updated from created, completed from updated.
      if (dueOf[i] === dueOf[i]) { dueOf[i] += base; }
      createdOf[i] += base;
      updatedOf[i] += createdOf[i];
      if (completedOf[i] === completedOf[i]) { completedOf[i] += updatedOf[i]; }
      rows[i] = new Row(c, k, i);
    }
    offset += count;
  });
  // Search covers what a row shows of the task: title and tags, assignees, linked records (made when first asked).
  function searchText(r) {
    if (r.search === null) {
      r.search = [r.titleText].concat(r.tags, r.people.map(function (p) { return p[1]; }),
        r.records.map(function (l) { return l[1]; })).join(' ').toLowerCase();
    }
    return r.search;
  }

  // The linked-record filter's choices come with the data (at 100,000 tasks
  // they would swell the page), added when the menu is first used or named
  // in the address: 20,000 options take longer to make than an answer may.
  var linkSelect = form.elements.namedItem('link');
  var linksFilled = false;
  function fillLinks() {
    if (linksFilled || !linkSelect) { return; }
    linksFilled = true;
    var fragment = document.createDocumentFragment();
    D.records.forEach(function (record) {
      var option = document.createElement('option');
      option.value = record[0];
      option.textContent = record[1] + ' (' + record[0].slice(0, record[0].indexOf('/')) + ')';
      fragment.appendChild(option);
    });
    linkSelect.appendChild(fragment);
  }
  if (linkSelect) {
    ['focus', 'pointerdown', 'mousedown', 'touchstart'].forEach(function (type) { linkSelect.addEventListener(type, fillLinks); });
  }

  // The fields a list sorts by. Sorting reads each field's ranks (ranking):
  // equal values share a rank, and a row without the value is marked lacking.
  var SORTERS = {
    title: function () { return { rank: titleRanks, count: titleRankCount, lack: null }; },
    // The codes are in rank order: pending < in_progress < completed < cancelled, low < … < urgent.
    status: function () { return { rank: statusOf, count: 4, lack: null }; },
    priority: function () { return { rank: priorityOf, count: 4, lack: null }; },
    type: function () { return texts(function (r) { return r.type; }); },
    due: function () { return numeric(dueOf); },
    assignee: function () { return texts(function (r) { return r.people.length ? r.assigneeName : null; }); },
    updated: function () { return numeric(updatedOf); },
    created: function () { return numeric(createdOf); }
  };
  var rankings = {};
  function ranking(key) { return rankings[key] || (rankings[key] = SORTERS[key]()); }
  // Few distinct texts (types, names): ranked by sorting the distinct ones. null is lacking.
  function texts(get) {
    var values = rows.map(get), distinct = {}, list = [];
    values.forEach(function (v) { if (v !== null && !distinct.hasOwnProperty(v)) { distinct[v] = 0; list.push(v); } });
    list.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    list.forEach(function (v, n) { distinct[v] = n; });
    var rank = new Int32Array(total), lack = new Uint8Array(total);
    values.forEach(function (v, i) { if (v === null) { lack[i] = 1; } else { rank[i] = distinct[v]; } });
    return { rank: rank, count: list.length, lack: lack };
  }
  // Times: ranked by sorting the numbers natively; a map then gives each its rank. NaN is lacking.
  function numeric(values) {
    var sorted = values.slice().sort(), ranks = new Map(), count = 0;
    for (var j = 0; j < total && sorted[j] === sorted[j]; j++) {  // NaN sorts last
      if (j === 0 || sorted[j] !== sorted[j - 1]) { ranks.set(sorted[j], count++); }
    }
    var rank = new Int32Array(total), lack = new Uint8Array(total);
    for (var i = 0; i < total; i++) {
      var value = values[i];
      if (value !== value) { lack[i] = 1; } else { rank[i] = ranks.get(value); }
    }
    return { rank: rank, count: count, lack: lack };
  }

  var SORT_ALIASES = { created_at: 'created', updated_at: 'updated', assignees: 'assignee', due_at: 'due', due_date: 'due' };
  var filterError = document.getElementById('filter-error');

  function readState(search) {
    var params = new URLSearchParams(search);
    var state = {};
    FILTERS.forEach(function (name) { state[name] = params.get(name) || ''; });
    if (!state.mode) { state.mode = defaultMode(state); }
    if (!state.sort) { state.sort = 'due'; }
    state.page = Math.max(1, parseInt(state.page, 10) || Number(table.getAttribute('data-page')) || 1);
    return state;
  }

  // Open tasks unless the view asks for a status or a filter group of its own.
  function defaultMode(state) { return state.status || state.filters ? 'all' : 'open'; }

  function stateFromForm() {
    var state = {};
    FILTERS.forEach(function (name) {
      if (name === 'mode') {
        var checked = form.querySelector('input[name="mode"]:checked');
        state.mode = checked ? checked.value : 'open';
      } else if (name === 'page') {
        state.page = 1;  // a new filter starts at the first page
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
      if (name === 'page') {
        return;
      } else if (name === 'mode') {
        var radio = form.querySelector('input[name="mode"][value="' + cssEscape(state.mode) + '"]');
        if (radio && !radio.checked) { radio.checked = true; }
      } else {
        var field = form.elements.namedItem(name);
        if (name === 'link' && state.link) { fillLinks(); }
        // Only what differs is written: a first visit's form already holds the defaults.
        if (field && field.value !== state[name]) {
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
      if (!value || (name === 'mode' && value === defaultMode(state)) || (name === 'sort' && value === 'due') || (name === 'page' && value === 1)) { return; }
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
  // Made when a date filter first needs it: making one loads time-zone data a first visit should not wait for.
  var zoneFormat;
  function zoneOffset(ms) {
    if (zoneFormat === undefined) {
      try {
        zoneFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
          day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      } catch (e) { zoneFormat = null; }
    }
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

  /** `due`, `-priority`, or Kasar's [{"field", "direction"}]: the keys ({key, descending}) and a notice
   * of what the list fell back from, as `docket list` says it (a sort that is not JSON warns there,
   * an unknown key is an error there). A JSON sort naming an unknown field throws. */
  function readSort(sort) {
    var byDue = [{ key: 'due', descending: false }];
    function known(key) { return Object.prototype.hasOwnProperty.call(SORTERS, key); }
    if (sort.charAt(0) === '[') {
      var list;
      try { list = JSON.parse(sort); } catch (e) { return { keys: byDue, notice: 'This view’s sort is not valid JSON; sorting by due.' }; }
      if (!Array.isArray(list)) { throw new Error('a JSON sort must be an array'); }
      return {
        keys: list.map(function (item) {
          var key = SORT_ALIASES[item && item.field] || (item && item.field);
          if (!known(key)) { throw new Error("cannot sort by '" + key + "'"); }
          return { key: key, descending: item.direction === 'desc' };
        }),
        notice: ''
      };
    }
    var descending = sort.charAt(0) === '-';
    var name = descending ? sort.slice(1) : sort;
    return known(name) ? { keys: [{ key: name, descending: descending }], notice: '' }
      : { keys: byDue, notice: 'This view’s sort cannot be used: cannot sort by \'' + name + '\'; sorting by due.' };
  }

  function matches(r, s, needle) {
    if (s.compiled && !s.compiled(r)) { return false; }
    if (s.status && (s.status === 'open' ? !r.open : r.status !== s.status)) { return false; }
    if (s.priority && r.priority !== s.priority) { return false; }
    if (s.assignee && (s.assignee === 'unassigned' && !unassignedIsAPerson ? r.assignees.length > 0
      : r.assignees.indexOf(s.assignee) < 0)) { return false; }
    if (s.type && r.type !== s.type) { return false; }
    if (s.tag && r.tags.indexOf(s.tag) < 0) { return false; }
    if (s.link && r.links.indexOf(s.link) < 0) { return false; }
    if (s.mode === 'open' ? !r.open : (MODE_BITS[s.mode] && (r.bits & MODE_BITS[s.mode]) === 0)) { return false; }
    if (s.fromDay !== null && (r.dueDay < 0 || r.dueDay < s.fromDay)) { return false; }
    if (s.toDay !== null && (r.dueDay < 0 || r.dueDay > s.toDay)) { return false; }
    if (needle && searchText(r).indexOf(needle) < 0) { return false; }
    return true;
  }
  var unassignedIsAPerson = D.people.some(function (p) { return p[0] === 'unassigned'; });

  // Rows sorted by the keys; tasks without the field come last in either
  // direction and ties go by id, as in `docket list`. One key (the usual
  // case) packs (rank, index) into one number per row and sorts the numbers
  // natively, several times faster than calling a comparison for each pair.
  function sortRows(list, keys) {
    var ranks = keys.map(function (key) { return ranking(key.key); });
    if (keys.length === 1) {
      var r = ranks[0], descending = keys[0].descending, last = r.count, packed = new Float64Array(list.length);
      for (var j = 0; j < list.length; j++) {
        var i = list[j].index;
        var place = r.lack !== null && r.lack[i] ? last : (descending ? last - 1 - r.rank[i] : r.rank[i]);
        packed[j] = place * total + i;
      }
      packed.sort();
      var sorted = new Array(list.length);
      for (j = 0; j < list.length; j++) { sorted[j] = rows[packed[j] % total]; }
      return sorted;
    }
    return list.sort(function (a, b) {
      for (var n = 0; n < keys.length; n++) {
        var r = ranks[n], la = r.lack !== null && r.lack[a.index] === 1, lb = r.lack !== null && r.lack[b.index] === 1;
        if (la !== lb) { return la ? 1 : -1; }
        if (la) { continue; }
        var x = r.rank[a.index], y = r.rank[b.index];
        if (x !== y) { return keys[n].descending ? y - x : x - y; }
      }
      return a.index - b.index;
    });
  }

  function phrase(n) { return n < 0 ? '' : D.phrases[n]; }

  /** A task's row, as docket renders it in partials/task-table-row (the theme's pages without JavaScript). */
  function rowHTML(r) {
    var h = '<tr data-id="' + escapeHTML(r.id) + '" class="status-' + r.status + '">';
    h += '<td class="title-cell" data-label="Title"><a href="' + escapeHTML(r.id) + '.html">' + escapeHTML(r.titleText) + '</a> <code class="short-id">' + escapeHTML(r.short) + '</code>';
    r.tags.forEach(function (tag) { h += ' <span class="tag">#' + escapeHTML(tag) + '</span>'; });
    h += '</td><td data-label="Status"><span class="badge status-badge status-' + r.status + '">' + STATUS_LABELS[STATUS_RANK[r.status]] + '</span></td>';
    h += '<td data-label="Priority"><span class="badge priority-' + r.priority + '">' + PRIORITY_LABELS[PRIORITY_RANK[r.priority]] + '</span></td>';
    h += '<td data-label="Type">' + escapeHTML(r.typeLabel) + '</td><td data-label="Due">';
    if (r.endedText >= 0) {
      var ended = r.completed !== null ? r.completed : r.updated;
      h += '<time class="ended" datetime="' + iso(ended) + '" title="' + escapeHTML(phrase(r.endedText)) + '">' + escapeHTML(phrase(r.endedRelative)) + '</time>';
    } else if (r.due !== Infinity) {
      h += '<time class="due' + (r.bits & 2 ? ' overdue' : '') + '" datetime="' + (r.allDay ? isoDay(r.dueDay) : iso(r.due)) + '" title="' +
        escapeHTML(phrase(r.dueText)) + '">' + escapeHTML(phrase(r.dueRelative)) + '</time>';
    }
    h += '</td><td class="people" data-label="Assignees">' + r.people.map(function (p) {
      return '<a href="../people/' + escapeHTML(p[0]) + '.html">' + escapeHTML(p[1]) + '</a>';
    }).join(', ') + '</td>';
    h += '<td class="linked" data-label="Linked">' + r.records.map(function (l) {
      return '<a href="../records/' + escapeHTML(l[0]) + '.html">' + escapeHTML(l[1]) + '</a>';
    }).join(', ') + '</td>';
    h += '<td data-label="Updated"><time datetime="' + iso(r.updated) + '" title="' + escapeHTML(phrase(r.updatedText)) + '">' +
      escapeHTML(phrase(r.updatedRelative)) + '</time></td></tr>';
    return h;
  }

  var currentSort = 'due';
  var lastFilter = null;
  var matched = rows;

  function apply(state, updateURL) {
    var needle = state.q.toLowerCase();
    state.compiled = null;
    state.fromDay = state.from ? dayNumber(state.from) : null;
    state.toDay = state.to ? dayNumber(state.to) : null;
    var problem = '';
    if (state.filters) {
      try { state.compiled = compileFilters(state.filters); } catch (e) { problem = e.message; }
    }
    var sort;
    try { sort = readSort(state.sort); } catch (e) {
      if (!problem) { problem = 'sort: ' + e.message; }
      state.sort = 'due';
      sort = readSort('due');
    }
    var notice = problem ? '' : sort.notice;
    if (filterError) {
      filterError.textContent = problem ? 'This view’s filters cannot be used: ' + problem + '. Showing every task instead.' : notice;
      filterError.hidden = !problem && !notice;
    }
    // Filter and sort again only when they changed: turning a page is a slice.
    var key = JSON.stringify([state.q, state.status, state.priority, state.assignee, state.type, state.tag, state.link,
      state.from, state.to, problem ? 'all' : state.mode, problem ? '' : state.filters, state.sort]);
    if (key !== lastFilter) {
      var everything = problem !== '';
      matched = rows.filter(function (r) { return everything || matches(r, state, needle); });
      matched = sortRows(matched, sort.keys);
      lastFilter = key;
    }
    var shown = matched.length;
    var pages = Math.max(1, Math.ceil(shown / PAGE_SIZE));
    state.page = Math.min(state.page, pages);
    var first = (state.page - 1) * PAGE_SIZE;
    var page = matched.slice(first, first + PAGE_SIZE);
    if (!showing(page)) { tbody.innerHTML = page.map(rowHTML).join(''); }
    // An empty JSON sort (`[]`) is by id: no column is sorted.
    var sorted = sort.keys[0] || { key: '', descending: false };
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var name = th.getAttribute('data-sort');
      if (!name) { return; }
      th.setAttribute('aria-sort', name === sorted.key ? (sorted.descending ? 'descending' : 'ascending') : 'none');
    });
    currentSort = state.sort;
    currentPage = state.page;
    count.textContent = shown === total ? total + ' tasks' : shown + ' of ' + total + ' tasks';
    count.setAttribute('data-shown', String(shown));
    noMatch.hidden = shown !== 0 || total === 0;
    drawPager(state.page, pages, shown, first);
    var search = query(state);
    permalink.setAttribute('href', 'index.html' + search);
    table.setAttribute('data-shown', String(shown));
    // For scripts that wait for an answer (tests, the browser benchmark).
    table.setAttribute('data-applied', String(++applied));
    if (updateURL && window.history && history.replaceState) {
      try { history.replaceState(null, '', location.pathname + search + location.hash); } catch (e) { /* some file:// setups refuse; the permalink still works */ }
    }
  }

  // The rows docket rendered are the usual first answer (open tasks by due):
  // when the page to show is the rows on show, they stay, unparsed and unmoved.
  function showing(page) {
    var shown = tbody.rows;
    if (shown.length !== page.length) { return false; }
    for (var n = 0; n < page.length; n++) {
      if (shown[n].getAttribute('data-id') !== page[n].id) { return false; }
    }
    return true;
  }

  var currentPage = 1;
  var applied = 0;
  function drawPager(page, pages, shown, first) {
    if (!pager) { return; }
    pager.textContent = '';
    function button(label, target, action) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.setAttribute('data-page', action);
      b.disabled = target < 1 || target > pages || target === page;
      b.addEventListener('click', function () { var s = stateFromForm(); s.page = target; apply(s, true); });
      pager.appendChild(b);
    }
    button('Previous', page - 1, 'previous');
    var status = document.createElement('span');
    status.id = 'page-status';
    status.textContent = shown === 0 ? 'No tasks' : 'Page ' + page + ' of ' + pages + ' · tasks ' + (first + 1) + '–' + Math.min(shown, first + PAGE_SIZE) + ' of ' + shown;
    pager.appendChild(status);
    button('Next', page + 1, 'next');
  }

  var pending = 0;
  function onInput(event) {
    window.clearTimeout(pending);
    // Choosing a status means tasks of that status, not only the open ones.
    if (event && event.target.name === 'status') {
      var radio = form.querySelector('input[name="mode"]:checked');
      if (radio && radio.value === 'open' && event.target.value && event.target.value !== 'open') {
        form.querySelector('input[name="mode"][value="all"]').checked = true;
      }
    }
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

  // On a phone the filters sit behind a button that says how many are set.
  var toggle = document.getElementById('filters-toggle');
  function countFilters() {
    var state = stateFromForm();
    var set = ['q', 'status', 'priority', 'assignee', 'type', 'tag', 'link', 'from', 'to', 'filters'].filter(function (n) { return state[n]; }).length;
    if (state.mode !== defaultMode(state)) { set++; }
    if (toggle) { toggle.textContent = 'Filters (' + set + ')'; }
  }
  if (toggle) {
    toggle.hidden = false;
    form.classList.add('collapsible');
    toggle.addEventListener('click', function () {
      var open = form.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    });
    form.addEventListener('change', countFilters);
    form.addEventListener('input', countFilters);
  }

  var initial = readState(location.search);
  writeForm(initial);
  currentSort = initial.sort;
  apply(initial, false);
  countFilters();
  form.setAttribute('data-ready', String(Math.round(performance.now())));
}
