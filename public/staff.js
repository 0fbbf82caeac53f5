/* The staff page: signs in with the staff token (kept in this tab's sessionStorage, sent only in an
   Authorization header, never in an address), then starts the public page's own chat (chat.js), whose
   posts to /api/messages it sends to the staff endpoint instead. Under every answer it writes what the bot
   recognised, which text and source answered, the content version and the bot's memory; and it runs the
   batch review of a pasted list. */
(function () {
  'use strict';

  var TOKEN_KEY = 'pitstop-staff-token';
  var script = document.currentScript;
  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var nativeFetch = window.fetch.bind(window);
  var chatStarted = false;
  // The memory after the last answer, drawn again in the other language on a switch.
  var lastMemory;
  var reportUrls = [];

  function $(id) {
    return document.getElementById(id);
  }

  // chat.js sets the page's language (its switch redraws the frame): the staff words follow it.
  function language() {
    var lang = document.documentElement.lang;
    return Object.prototype.hasOwnProperty.call(config.staffTexts, lang) ? lang : config.language;
  }

  function t() {
    return config.staffTexts[language()];
  }

  function drawTexts() {
    var words = t();
    Array.prototype.forEach.call(document.querySelectorAll('[data-staff-text]'), function (element) {
      element.textContent = words[element.getAttribute('data-staff-text')];
    });
    $('staff-review-report').title = words.reportTitle;
    if (lastMemory !== undefined) drawMemory(lastMemory);
  }

  function storedToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (error) {
      return null;
    }
  }

  function authorised(headers) {
    var all = new Headers(headers || {});
    all.set('authorization', 'Bearer ' + storedToken());
    return all;
  }

  /** 'ok', 'wrong' or 'unreachable': whether the server takes this token. */
  function check(token) {
    return nativeFetch('/staff/api/session', { headers: { authorization: 'Bearer ' + token }, cache: 'no-store' }).then(
      function (response) {
        if (response.status === 204) return 'ok';
        return response.status === 401 ? 'wrong' : 'unreachable';
      },
      function () {
        return 'unreachable';
      },
    );
  }

  function showLogin(message) {
    document.body.classList.remove('signed-in');
    $('staff-login-error').textContent = message || '';
  }

  function signedIn() {
    document.body.classList.add('signed-in');
    $('staff-login-error').textContent = '';
    if (chatStarted) return;
    chatStarted = true;
    // The chat starts only now: chat.js connects and the bot welcomes as soon as it runs.
    var chat = document.createElement('script');
    chat.src = script.getAttribute('data-src');
    document.body.appendChild(chat);
  }

  function signOut() {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch (error) {
      // nothing kept, nothing to remove
    }
    location.reload();
  }

  function onTokenSubmit(event) {
    event.preventDefault();
    var input = $('staff-token');
    var token = input.value.trim();
    if (!token) {
      showLogin(t().wrongToken);
      input.focus();
      return;
    }
    check(token).then(function (result) {
      if (result !== 'ok') {
        showLogin(result === 'wrong' ? t().wrongToken : t().unreachable);
        input.focus();
        return;
      }
      try {
        sessionStorage.setItem(TOKEN_KEY, token);
      } catch (error) {
        showLogin(t().unreachable);
        return;
      }
      input.value = '';
      signedIn();
    });
  }

  var code = function (text) {
    return '`' + String(text).replace(/`/g, "'") + '`';
  };

  function percent(probability) {
    return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: probability < 0.1 ? 1 : 0 }).format(probability);
  }

  function orNone(value, asCode) {
    if (value === undefined || value === null || value === '') return t().none;
    return asCode ? code(value) : String(value);
  }

  /** The memory as one line: subject, audience, language, aspect, age group, substance, the guide's step and choices. */
  function memoryLine(memory) {
    var w = t();
    if (!memory) return w.forgotten;
    var parts = [w.subject + ' ' + orNone(memory.subjectId, true), w.audience + ' ' + orNone(memory.audience, true), w.language + ' ' + orNone(memory.language, true)];
    if (memory.lastAspect) parts.push(w.aspect + ' ' + code(memory.lastAspect));
    if (memory.ageGroup) parts.push(w.ageGroup + ' ' + code(memory.ageGroup));
    if (memory.writerAgeGroup) parts.push(w.writerAgeGroup + ' ' + code(memory.writerAgeGroup));
    if (memory.substance) parts.push(w.substance + ' ' + code(memory.substance));
    parts.push(w.guideStep + ' ' + (memory.guide ? memory.guide.step + guideChoices(memory.guide) : w.none));
    return parts.join(' · ');
  }

  function guideChoices(guide) {
    var choices = Object.keys(guide.answers).map(function (key) {
      return key + ': ' + guide.answers[key];
    });
    return choices.length ? ' (' + choices.join(', ') + ')' : '';
  }

  /** The staff details as Markdown, a list under a rule at the end of the answer's own text. */
  function detailsMarkdown(details) {
    var w = t();
    var lines = [];
    var seen = details.recognised;
    if (seen) {
      var read = seen.topicId ? w.topic + ' ' + code(seen.topicId) + ' (' + w.confidence + ' ' + percent(seen.confidence) + ')' : code(seen.intent + (seen.command ? ': ' + seen.command : ''));
      var parts = [read, w.aspect + ' ' + orNone(seen.aspect, true), w.audience + ' ' + orNone(seen.audience, true), w.language + ' ' + orNone(seen.detectedLanguage, true)];
      if (seen.subjectId) parts.push(w.namedSubject + ' ' + code(seen.subjectId));
      if (seen.ageGroup) parts.push(w.ageGroup + ' ' + code(seen.ageGroup));
      if (seen.writerAgeGroup) parts.push(w.writerAgeGroup + ' ' + code(seen.writerAgeGroup));
      if (seen.crisis !== 'none') parts.push(w.emergency + ' ' + code(seen.crisis));
      if (seen.waitingFlow) parts.push(w.waitingFlow + ' ' + code(seen.waitingFlow));
      lines.push('**' + w.recognised + ':** ' + parts.join(' · '));
      var runnerUps = seen.runnerUps.map(function (runnerUp) {
        return code(runnerUp.topicId) + ' ' + percent(runnerUp.probability);
      });
      lines.push('**' + w.runnerUps + ':** ' + (runnerUps.length ? runnerUps.join(' · ') : w.none) + (seen.offered ? ' (' + w.offered + ': ' + seen.offered.map(code).join(', ') + ')' : ''));
    }
    lines.push('**' + w.answeredBy + ':** ' + code(details.answered.key));
    var sources = details.sources.map(function (source) {
      return '[' + source.doc + '#' + source.section + '](' + source.href + ')';
    });
    lines.push('**' + w.source + ':** ' + (sources.length ? sources.join(' · ') : w.none));
    lines.push('**' + w.contentVersion + ':** ' + code(details.contentVersion));
    lines.push('**' + w.memory + ':** ' + memoryLine(details.memory));
    return '\n\n---\n\n' + lines.map(function (line) {
      return '- ' + line;
    }).join('\n');
  }

  function drawMemory(memory) {
    var list = $('staff-memory');
    var w = t();
    lastMemory = memory;
    $('staff-memory-empty').hidden = true;
    list.hidden = false;
    list.textContent = '';
    var rows = !memory
      ? [[w.memory, w.forgotten]]
      : [
          [w.subject, memory.subjectId],
          [w.aspect, memory.lastAspect],
          [w.audience, memory.audience],
          [w.language, memory.language],
          [w.ageGroup, memory.ageGroup],
          [w.writerAgeGroup, memory.writerAgeGroup],
          [w.substance, memory.substance],
          [w.guideStep, memory.guide ? memory.guide.step + guideChoices(memory.guide) : undefined],
          [w.dialogs, memory.dialogs.join(' › ')],
        ];
    rows.forEach(function (row) {
      var term = document.createElement('dt');
      term.textContent = row[0];
      var value = document.createElement('dd');
      value.textContent = row[1] === undefined || row[1] === '' ? w.none : row[1];
      list.appendChild(term);
      list.appendChild(value);
    });
  }

  function withDetails(activity) {
    var details = activity.channelData && activity.channelData.pitstopStaff;
    if (!details) return activity;
    drawMemory(details.memory);
    return Object.assign({}, activity, { text: (activity.text || '') + detailsMarkdown(details) });
  }

  /**
   * chat.js's local connection posts every activity to /api/messages: here it goes to the staff endpoint
   * with the token, and each reply comes back with its details written under it. A refused token signs out.
   */
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : input && input.url;
    if (url !== '/api/messages') return nativeFetch(input, init);
    var options = Object.assign({}, init, { headers: authorised(init && init.headers) });
    return nativeFetch('/staff/api/messages', options).then(function (response) {
      if (response.status === 401) {
        try {
          sessionStorage.removeItem(TOKEN_KEY);
        } catch (error) {
          // the token is not kept anyway
        }
        showLogin(t().wrongToken);
      }
      if (!response.ok) return response;
      return response.json().then(function (body) {
        body.activities = (body.activities || []).map(withDetails);
        return new Response(JSON.stringify(body), { status: response.status, headers: { 'content-type': 'application/json' } });
      });
    });
  };

  function showSummary(summary) {
    var w = t();
    var list = $('staff-review-summary');
    list.textContent = '';
    [
      [w.questions, summary.questions],
      [w.answered, summary.answered],
      [w.clarified, summary.clarified],
      [w.flagged, summary.flagged],
    ].forEach(function (row) {
      var term = document.createElement('dt');
      term.textContent = row[0];
      var value = document.createElement('dd');
      value.textContent = String(row[1]);
      list.appendChild(term);
      list.appendChild(value);
    });
    list.hidden = false;
  }

  function downloadable(link, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    reportUrls.push(url);
    link.href = url;
  }

  function onReviewSubmit(event) {
    event.preventDefault();
    var w = t();
    var status = $('staff-review-status');
    var button = event.target.querySelector('button');
    button.disabled = true;
    status.textContent = w.reviewRunning;
    reportUrls.splice(0).forEach(URL.revokeObjectURL);
    nativeFetch('/staff/api/review', {
      method: 'POST',
      headers: authorised({ 'content-type': 'application/json' }),
      body: JSON.stringify({ list: $('staff-review-list').value }),
      cache: 'no-store',
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.status === 401) showLogin(t().wrongToken);
          if (!response.ok) throw new Error(body.message || 'HTTP ' + response.status);
          return body;
        });
      })
      .then(
        function (body) {
          status.textContent = t().reviewDone;
          showSummary(body.summary);
          var report = $('staff-review-report');
          report.srcdoc = body.html;
          report.hidden = false;
          downloadable($('staff-review-html'), body.html, 'text/html');
          downloadable($('staff-review-markdown'), body.markdown, 'text/markdown');
          $('staff-review-downloads').hidden = false;
        },
        function (error) {
          status.textContent = t().reviewFailed + ' ' + error.message;
        },
      )
      .then(function () {
        button.disabled = false;
      });
  }

  drawTexts();
  new MutationObserver(drawTexts).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  $('staff-token-form').addEventListener('submit', onTokenSubmit);
  $('staff-review-form').addEventListener('submit', onReviewSubmit);
  $('staff-sign-out').addEventListener('click', signOut);
  var token = storedToken();
  if (!token) showLogin();
  else
    check(token).then(function (result) {
      if (result === 'ok') signedIn();
      else showLogin(result === 'wrong' ? t().wrongToken : t().unreachable);
    });
})();
