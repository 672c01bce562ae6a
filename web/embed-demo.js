// The embedding demo: builds the copy-paste snippet from the form and logs the quizzes' events.
(function () {
  'use strict';
  var base = new URL('./', location.href).href;

  function snippet() {
    var set = document.getElementById('snippet-set').value;
    var params = new URLSearchParams({ set: set, embed: '1' });
    // Every snippet gets its own id unless one is given: the browser does not tell the quiz which
    // page frames it (only the portal's origin), so the id is what keeps two pages' progress apart.
    var id = document.getElementById('snippet-id');
    if (!id.value.trim()) id.value = set + '-' + Math.random().toString(36).slice(2, 6);
    [['count', 'snippet-count'], ['lang', 'snippet-lang'], ['pass', 'snippet-pass'], ['id', 'snippet-id']].forEach(function (p) {
      var value = document.getElementById(p[1]).value.trim();
      if (value && !(p[0] === 'lang' && value === 'ja')) params.set(p[0], value);
    });
    var chosen = document.getElementById('snippet-set').selectedOptions[0];
    var title = document.getElementById('snippet-title').value.trim() ||
      ('研修クイズ: ' + ((chosen && chosen.dataset.title) || set));
    document.getElementById('snippet').value =
      '<iframe src="' + base + '?' + params.toString().replace(/&/g, '&amp;') + '"\n' +
      '        title="' + title.replace(/"/g, '&quot;') + '"\n' +
      '        style="width:100%;height:640px;border:0"></iframe>\n' +
      '<script src="' + base + 'embed.js"></' + 'script>';
  }

  // The set ids come from the manifest: a line's summary (`file | id=… | … | title=…`, written by
  // quizcheck manifest) names the id and title; a line with only a file name, named after its id
  // as the shipped sets are, gives the id alone.
  fetch('questions/manifest.txt').then(function (r) { return r.text(); }).then(function (text) {
    var select = document.getElementById('snippet-set');
    text.split('\n').map(function (l) { return l.split('|').map(function (f) { return f.trim(); }); })
      .filter(function (fields) { return fields[0] && fields[0].charAt(0) !== '#'; })
      .forEach(function (fields) {
        var value = function (key) {
          var field = fields.filter(function (f) { return f.indexOf(key + '=') === 0; })[0];
          return field && field.slice(key.length + 1);
        };
        var id = value('id') || fields[0].replace(/^.*\//, '').replace(/\.toml$/, '');
        var option = document.createElement('option');
        option.value = id;
        if (value('title')) option.dataset.title = value('title');
        option.textContent = value('title') ? value('title') + ' (' + id + ')' : id;
        select.appendChild(option);
      });
    snippet();
  });
  document.getElementById('snippet-form').addEventListener('input', snippet);

  var log = document.getElementById('event-log');
  ['started', 'answered', 'completed'].forEach(function (name) {
    document.addEventListener('credo-quiz:' + name, function (event) {
      var item = document.createElement('li');
      item.textContent = event.target.id + ': ' + JSON.stringify(event.detail);
      log.appendChild(item);
    });
  });
})();
