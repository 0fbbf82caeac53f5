/* The usage page: signs in with the staff token (kept in this tab's sessionStorage under the same name as
   the staff page's, sent only in an Authorization header, never in an address), fetches
   /staff/api/usage and draws each figure as bars (inline SVG) with the same figures as a table. Counts
   below five come as "<5" and are drawn as no bar. No libraries. */
(function () {
  'use strict';

  var TOKEN_KEY = 'pitstop-staff-token';
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#0b5394', '#c25400'];

  var TEXTS = {
    da: {
      title: 'Brug af guiden',
      signInHeading: 'Log ind',
      tokenLabel: 'Personalenøgle',
      signIn: 'Log ind',
      signOut: 'Log ud',
      wrongToken: 'Nøglen blev ikke godkendt.',
      unavailable: 'Tallene kan ikke hentes lige nu.',
      reportHeading: 'Uge for uge',
      suppressionNote: 'Tal under 5 vises som "<5" og tegnes uden søjle, så ingen enkelt samtale kan genkendes. En andel vises kun, når tallene bag den er 5 eller mere. Ugerne er ISO-uger i dansk tid.',
      weeksLabel: 'Antal uger',
      loading: 'Henter tal …',
      loaded: 'Tallene er hentet.',
      answersHeading: 'Svar pr. emne',
      weekLabel: 'Uge',
      subject: 'Emne',
      answers: 'Svar',
      ratesHeading: 'Andel uklare spørgsmål og spørgsmål, dokumenterne ikke svarer på',
      clarificationRate: 'Spurgt "mente du …?"',
      notInDocumentsRate: 'Ikke i dokumenterne',
      handoffsHeading: 'Henvist til et menneske',
      phone: 'Telefon',
      booking: 'Booking',
      emergenciesHeading: 'Nødsituationer',
      acute: 'Akut (112)',
      concern: 'Bekymring',
      feedbackHeading: 'Hjalp svaret?',
      helped: 'Hjalp',
      notHelped: 'Hjalp ikke',
      week: 'Uge',
      table: 'Vis tallene som tabel',
      notShown: 'vises ikke',
      noSubjects: 'Ingen emner i denne periode.',
      chartLabel: 'Søjlediagram: {{title}}. Tallene står i tabellen under.',
    },
    en: {
      title: 'Use of the guide',
      signInHeading: 'Sign in',
      tokenLabel: 'Staff token',
      signIn: 'Sign in',
      signOut: 'Sign out',
      wrongToken: 'The token was not accepted.',
      unavailable: 'The figures cannot be fetched right now.',
      reportHeading: 'Week by week',
      suppressionNote: 'Counts below 5 are shown as "<5" and drawn without a bar, so that no single conversation can be recognised. A rate is shown only when the counts behind it are 5 or more. Weeks are ISO weeks in Danish time.',
      weeksLabel: 'Number of weeks',
      loading: 'Fetching figures …',
      loaded: 'The figures are in.',
      answersHeading: 'Answers per subject',
      weekLabel: 'Week',
      subject: 'Subject',
      answers: 'Answers',
      ratesHeading: 'Share of unclear questions and questions the documents do not answer',
      clarificationRate: 'Asked "did you mean …?"',
      notInDocumentsRate: 'Not in the documents',
      handoffsHeading: 'Handed on to a person',
      phone: 'Phone',
      booking: 'Booking',
      emergenciesHeading: 'Emergencies',
      acute: 'Acute (112)',
      concern: 'Concern',
      feedbackHeading: 'Did the answer help?',
      helped: 'Helped',
      notHelped: 'Did not help',
      week: 'Week',
      table: 'Show the figures as a table',
      notShown: 'not shown',
      noSubjects: 'No subjects in this period.',
      chartLabel: 'Bar chart: {{title}}. The figures are in the table below.',
    },
  };

  var lang = TEXTS[document.documentElement.lang] ? document.documentElement.lang : 'da';
  var words = TEXTS[lang];
  var report;
  var chosenWeek;

  function $(id) {
    return document.getElementById(id);
  }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgElement(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) {
      node.setAttribute(key, String(attributes[key]));
    });
    return node;
  }

  function token() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (error) {
      return null;
    }
  }

  function numberText(value) {
    return typeof value === 'number' ? value.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB') : value;
  }

  function percentText(value) {
    return value === null ? words.notShown : (value * 100).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }) + ' %';
  }

  /**
   * A horizontal bar chart: one group per row, one bar per series, and the same figures as a table.
   * rows: [{ label, values: [number | "<5" | null] }]; a value that is not a number gets no bar.
   */
  function chart(id, title, series, rows, format) {
    var figure = element('section', { class: 'usage-chart', id: id, 'aria-labelledby': id + '-title' });
    figure.appendChild(element('h3', { id: id + '-title' }, title));
    if (series.length > 1) {
      var legend = element('ul', { class: 'usage-legend' });
      series.forEach(function (name, index) {
        var item = element('li');
        var swatch = element('span', { class: 'usage-swatch', 'aria-hidden': 'true' });
        swatch.style.background = COLORS[index];
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(name));
        legend.appendChild(item);
      });
      figure.appendChild(legend);
    }
    var max = 0;
    rows.forEach(function (row) {
      row.values.forEach(function (value) {
        if (typeof value === 'number' && value > max) max = value;
      });
    });
    var labelWidth = 230;
    var barArea = 380;
    var barHeight = 16;
    var groupHeight = series.length * barHeight + 10;
    var height = Math.max(rows.length * groupHeight, groupHeight);
    var svg = svgElement('svg', { viewBox: '0 0 ' + (labelWidth + barArea + 80) + ' ' + height, role: 'img', 'aria-label': words.chartLabel.replace('{{title}}', title) });
    rows.forEach(function (row, rowIndex) {
      var top = rowIndex * groupHeight;
      var label = svgElement('text', { x: labelWidth - 8, y: top + (series.length * barHeight) / 2 + 4, 'text-anchor': 'end' });
      label.textContent = row.label.length > 34 ? row.label.slice(0, 33) + '…' : row.label;
      svg.appendChild(label);
      row.values.forEach(function (value, index) {
        var y = top + index * barHeight;
        var width = typeof value === 'number' && max > 0 ? Math.max(1, (value / max) * barArea) : 0;
        if (width > 0) svg.appendChild(svgElement('rect', { x: labelWidth, y: y + 1, width: width, height: barHeight - 2, fill: COLORS[index] }));
        var text = svgElement('text', { x: labelWidth + width + 6, y: y + barHeight - 4 });
        text.textContent = format(value);
        svg.appendChild(text);
      });
    });
    figure.appendChild(svg);
    var details = element('details');
    details.appendChild(element('summary', {}, words.table));
    var table = element('table');
    table.appendChild(element('caption', {}, title));
    var head = element('tr');
    head.appendChild(element('th', { scope: 'col' }, rows.header));
    series.forEach(function (name) {
      head.appendChild(element('th', { scope: 'col' }, name));
    });
    var thead = element('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = element('tbody');
    rows.forEach(function (row) {
      var line = element('tr');
      line.appendChild(element('th', { scope: 'row' }, row.label));
      row.values.forEach(function (value) {
        line.appendChild(element('td', {}, format(value)));
      });
      body.appendChild(line);
    });
    table.appendChild(body);
    details.appendChild(table);
    figure.appendChild(details);
    return figure;
  }

  function perWeek(header, pick) {
    var rows = report.weeks.map(function (week) {
      return { label: week.week, values: pick(week) };
    });
    rows.header = header;
    return rows;
  }

  function draw() {
    var charts = $('usage-charts');
    charts.textContent = '';
    if (!report) return;
    var weeks = report.weeks.map(function (week) {
      return week.week;
    });
    if (weeks.indexOf(chosenWeek) < 0) chosenWeek = weeks[weeks.length - 1];
    var week = report.weeks[weeks.indexOf(chosenWeek)];

    var answers = element('div');
    var pick = element('p', { class: 'usage-controls' });
    pick.appendChild(element('label', { for: 'usage-week' }, words.weekLabel));
    var select = element('select', { id: 'usage-week' });
    weeks.forEach(function (name) {
      var option = element('option', { value: name }, name);
      if (name === chosenWeek) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener('change', function () {
      chosenWeek = select.value;
      draw();
      $('usage-week').focus();
    });
    pick.appendChild(select);
    answers.appendChild(pick);
    var subjects = Object.keys(week.answers).map(function (id) {
      return { label: (report.subjects[id] && report.subjects[id][lang]) || id, values: [week.answers[id]] };
    });
    subjects.sort(function (a, b) {
      var x = typeof a.values[0] === 'number' ? a.values[0] : 0;
      var y = typeof b.values[0] === 'number' ? b.values[0] : 0;
      return y - x || a.label.localeCompare(b.label, lang);
    });
    subjects.header = words.subject;
    if (subjects.length === 0) answers.appendChild(element('p', {}, words.noSubjects));
    else answers.appendChild(chart('usage-answers', words.answersHeading + ' – ' + words.week.toLowerCase() + ' ' + chosenWeek.replace(/^\d{4}-W/, '') + ' (' + chosenWeek + ')', [words.answers], subjects, numberText));
    charts.appendChild(answers);

    charts.appendChild(chart('usage-rates', words.ratesHeading, [words.clarificationRate, words.notInDocumentsRate], perWeek(words.week, function (w) {
      return [w.clarificationRate, w.notInDocumentsRate];
    }), percentText));
    charts.appendChild(chart('usage-handoffs', words.handoffsHeading, [words.phone, words.booking], perWeek(words.week, function (w) {
      return [w.handoffs.phone, w.handoffs.booking];
    }), numberText));
    charts.appendChild(chart('usage-emergencies', words.emergenciesHeading, [words.acute, words.concern], perWeek(words.week, function (w) {
      return [w.emergencies.acute, w.emergencies.concern];
    }), numberText));
    charts.appendChild(chart('usage-feedback', words.feedbackHeading, [words.helped, words.notHelped], perWeek(words.week, function (w) {
      return [w.feedback.helped, w.feedback.notHelped];
    }), numberText));
  }

  function showSignIn(message) {
    $('usage-report').hidden = true;
    $('usage-sign-in').hidden = false;
    $('usage-sign-in-error').textContent = message || '';
  }

  function load() {
    var presented = token();
    if (!presented) return showSignIn();
    $('usage-status').textContent = words.loading;
    return fetch('/staff/api/usage?weeks=' + encodeURIComponent($('usage-weeks').value), { headers: { authorization: 'Bearer ' + presented }, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401) {
          sessionStorage.removeItem(TOKEN_KEY);
          report = undefined;
          return showSignIn(words.wrongToken);
        }
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json().then(function (body) {
          report = body;
          $('usage-sign-in-error').textContent = '';
          $('usage-sign-in').hidden = true;
          $('usage-report').hidden = false;
          draw();
          $('usage-status').textContent = words.loaded;
        });
      })
      .catch(function () {
        $('usage-status').textContent = words.unavailable;
      });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-usage-text]'), function (node) {
    node.textContent = words[node.getAttribute('data-usage-text')];
  });
  document.title = words.title + ' – Pitstop';

  $('usage-sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    var value = $('usage-token').value.trim();
    $('usage-token').value = '';
    if (!value) return showSignIn(words.wrongToken);
    sessionStorage.setItem(TOKEN_KEY, value);
    load();
  });
  $('usage-sign-out').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    report = undefined;
    $('usage-charts').textContent = '';
    showSignIn();
    $('usage-token').focus();
  });
  $('usage-weeks').addEventListener('change', load);
  load();
})();
