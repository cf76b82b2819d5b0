/* docket: writing edits from a page. Each form builds the edit file docket
 * would queue (a fresh ULID, the reader as actor, keys sorted, two-space
 * indentation) and offers it three ways: the repository host's prefilled
 * new-file page (when workspace.json names the repository), the `docket`
 * command to copy, and the file to download into queue/. Nothing is sent
 * anywhere; no inline handlers, no eval. Hooks for scripts and tests:
 * [data-action], select[name=actor], a[data-edit-link], [data-edit-command],
 * [data-edit-json]. The workspace's people, types and repository come from
 * data/workspace.js, which calls docketWorkspace() before this file runs. */
var docketWorkspaceData = null;
function docketWorkspace(data) { docketWorkspaceData = data; }

(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var panel = document.getElementById('act');
    var W = docketWorkspaceData;
    if (!panel || !W) { return; }
    var STORE = 'docket.actor';
    var actor = panel.querySelector('select[name=actor]');
    var output = panel.querySelector('.edit-output');

    function option(select, value, label) {
      var o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      select.appendChild(o);
    }
    W.people.forEach(function (p) { if (p[2] !== 'readonly') { option(actor, p[0], p[1] + (p[2] === 'integration' ? ' (integration)' : '')); } });
    try { actor.value = localStorage.getItem(STORE) || ''; } catch (e) { /* storage refused: choose each time */ }
    actor.addEventListener('change', function () { try { localStorage.setItem(STORE, actor.value); } catch (e) { /* ignored */ } });
    Array.prototype.forEach.call(panel.querySelectorAll('select[name=type]'), function (select) {
      W.types.forEach(function (t) { option(select, t, t.replace(/_/g, ' ')); });
    });
    var current = (panel.getAttribute('data-assignees') || '').split(' ').filter(Boolean);
    Array.prototype.forEach.call(panel.querySelectorAll('.people-choices'), function (box) {
      W.people.forEach(function (p) {
        var label = document.createElement('label');
        var input = document.createElement('input');
        input.type = 'checkbox';
        input.name = 'assignees';
        input.value = p[0];
        input.checked = current.indexOf(p[0]) >= 0;
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + p[1]));
        box.appendChild(label);
      });
    });
    panel.querySelector('.act-identity').hidden = false;
    panel.querySelector('.act-forms').hidden = false;

    // A ULID: 48 bits of milliseconds and 80 random bits, in Crockford's base 32.
    var B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    function ulid() {
      var time = Date.now(), text = '';
      for (var i = 0; i < 10; i++) { text = B32.charAt(time % 32) + text; time = Math.floor(time / 32); }
      var random = new Uint8Array(16);
      crypto.getRandomValues(random);
      for (i = 0; i < 16; i++) { text += B32.charAt(random[i] % 32); }
      return text;
    }
    function sorted(value) {
      if (Array.isArray(value)) { return value.map(sorted); }
      if (value && typeof value === 'object') {
        var out = {};
        Object.keys(value).sort().forEach(function (k) { out[k] = sorted(value[k]); });
        return out;
      }
      return value;
    }
    function quote(text) { return /^[A-Za-z0-9_:.@\/-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'"; }
    function form(name) { return panel.querySelector('form[data-form="' + name + '"]'); }
    function field(f, name) { var el = f.elements.namedItem(name); return el ? el.value.trim() : ''; }
    function checked(f) {
      return Array.prototype.filter.call(f.querySelectorAll('input[name=assignees]'), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
    }

    var task = panel.getAttribute('data-task');
    var short = panel.getAttribute('data-short');
    var link = panel.getAttribute('data-link');

    /** op, data and the command's words for each action, or an error message. */
    function build(action) {
      var f, data = {}, words;
      switch (action) {
        case 'complete': return { op: 'task.complete', data: { completed: true }, words: ['done', short] };
        case 'reopen': return { op: 'task.complete', data: { completed: false }, words: ['reopen', short] };
        case 'comment':
          var content = form('comment').elements.namedItem('content').value;
          if (!content.trim()) { return 'Write the comment first.'; }
          return { op: 'comment.create', data: { content: content }, words: ['comment', short, quote(content)] };
        case 'assign':
          var people = checked(form('assign'));
          words = ['update', short];
          people.forEach(function (p) { words.push('--assign', p); });
          if (!people.length) { return 'Choose at least one assignee.'; }
          return { op: 'task.update', data: { assignees: people }, words: words };
        case 'update':
          f = form('update');
          words = ['update', short];
          ['priority', 'status', 'due'].forEach(function (name) {
            var value = field(f, name);
            if (value) { data[name] = value; words.push('--' + name, value); }
          });
          if (!Object.keys(data).length) { return 'Choose what to change first.'; }
          return { op: 'task.update', data: data, words: words };
        case 'create':
          f = form('create');
          var title = field(f, 'title');
          if (!title) { return 'Give the task a title.'; }
          data.title = title;
          words = ['add', quote(title)];
          ['type', 'priority', 'due'].forEach(function (name) {
            var value = field(f, name);
            if (value && !(name === 'priority' && value === 'normal')) { data[name] = value; words.push('--' + name, value); }
          });
          var assignees = checked(f);
          if (assignees.length) { data.assignees = assignees; }
          assignees.forEach(function (p) { words.push('--assign', p); });
          if (link) {
            var colon = link.indexOf(':');
            data.links = [{ type: link.slice(0, colon), id: link.slice(colon + 1) }];
            words.push('--link', link);
          }
          return { op: 'task.create', data: data, words: words };
      }
      return 'Unknown action.';
    }

    var download = null;
    function show(action) {
      var summary = output.querySelector('.edit-summary');
      output.hidden = false;
      if (!actor.value) { summary.textContent = 'Choose who you are first.'; actor.focus(); return; }
      var made = build(action);
      if (typeof made === 'string') { summary.textContent = made; return; }
      var id = 'edit_' + ulid();
      var edit = { actor: actor.value, at: new Date().toISOString(), data: made.data, id: id, op: made.op };
      if (made.op !== 'task.create') { edit.task = task; }
      var json = JSON.stringify(sorted(edit), null, 2) + '\n';
      var file = W.queuePath + id + '.json';
      summary.textContent = 'Your edit is ready: ' + made.op + '. It applies at the next build once it is in the repository.';
      output.querySelector('[data-edit-json]').textContent = json;
      output.querySelector('[data-edit-command]').textContent = 'docket ' + made.words.join(' ') + ' --actor ' + actor.value;
      var hostLink = output.querySelector('a[data-edit-link]');
      if (hostLink && W.newFile) {
        hostLink.href = W.newFile.replace('{file}', encodeURIComponent(file)).replace('{content}', encodeURIComponent(json));
        hostLink.textContent = 'Commit it on ' + W.host;
        hostLink.hidden = false;
      } else if (hostLink) {
        hostLink.remove();  // no repository named: no host to link to
      }
      if (download) { URL.revokeObjectURL(download); }
      download = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      var save = output.querySelector('a[data-edit-download]');
      save.href = download;
      save.setAttribute('download', id + '.json');
      output.setAttribute('data-edit-id', id);
    }

    Array.prototype.forEach.call(panel.querySelectorAll('[data-action]'), function (button) {
      button.addEventListener('click', function () { show(button.getAttribute('data-action')); });
    });

    // @mention completion: the people whose id or name starts with what follows the @.
    var textarea = panel.querySelector('textarea[name=content]');
    var list = panel.querySelector('.mention-list');
    if (textarea && list) {
      textarea.addEventListener('input', function () {
        var before = textarea.value.slice(0, textarea.selectionStart);
        var match = /(^|[^\w@])@([\w.-]*)$/.exec(before);
        list.textContent = '';
        if (!match) { list.hidden = true; return; }
        var typed = match[2].toLowerCase();
        var found = W.people.filter(function (p) {
          return p[0].toLowerCase().indexOf(typed) === 0 || p[1].toLowerCase().indexOf(typed) === 0;
        }).slice(0, 6);
        found.forEach(function (p) {
          var item = document.createElement('li');
          var pick = document.createElement('button');
          pick.type = 'button';
          pick.textContent = p[1] + ' (@' + p[0] + ')';
          pick.setAttribute('data-mention', p[0]);
          pick.addEventListener('click', function () {
            var start = before.length - typed.length;
            textarea.value = textarea.value.slice(0, start) + p[0] + ' ' + textarea.value.slice(textarea.selectionStart);
            list.hidden = true;
            textarea.focus();
          });
          item.appendChild(pick);
          list.appendChild(item);
        });
        list.hidden = found.length === 0;
      });
    }
  });
})();
