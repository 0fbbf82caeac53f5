/* The chat page: draws its frame in the reader's language, connects Web Chat (straight to this server,
   or through Azure Direct Line with a short-lived token), and handles language, start over and privacy. */
(function () {
  'use strict';

  var LOCALES = { da: 'da-DK', en: 'en-US' };
  var EVENTS = { join: 'webchat/join', language: 'pitstop/language', forget: 'pitstop/forget' };
  // High contrast in the municipalities' plain style: dark blue on white, 8:1 and more.
  var STYLE = {
    accent: '#00457c',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    bubbleBackground: '#f1f3f5',
    bubbleTextColor: '#111111',
    bubbleFromUserBackground: '#00457c',
    bubbleFromUserTextColor: '#ffffff',
    bubbleBorderRadius: 6,
    bubbleFromUserBorderRadius: 6,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#00457c',
    suggestedActionTextColor: '#00457c',
    suggestedActionBorderRadius: 6,
    hideUploadButton: true,
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#111111',
    timestampColor: '#4a4a4a',
    subtle: '#4a4a4a',
  };

  var config;
  var language = 'da';
  var session;

  function $(id) {
    return document.getElementById(id);
  }

  function texts() {
    return config.texts[language];
  }

  function drawFrame() {
    var t = texts();
    document.documentElement.lang = language;
    document.title = t.title;
    $('title').textContent = t.title;
    $('subtitle').textContent = t.subtitle;
    $('chat-label').textContent = t.chatLabel;
    $('emergency-text').textContent = t.emergency;
    $('emergency-link').textContent = config.phones.emergency.display;
    $('emergency-link').href = config.phones.emergency.uri;
    $('robot-notice').textContent = t.robotNotice;
    $('pitstop-text').textContent = t.callPitstop;
    var switcher = $('switch-language');
    switcher.textContent = t.switchLanguage;
    switcher.setAttribute('lang', language === 'da' ? 'en' : 'da');
    switcher.setAttribute('aria-label', t.switchLanguageLabel);
    $('start-over').textContent = t.startOver;
    $('start-over').setAttribute('aria-label', t.startOverLabel);
    $('privacy').textContent = t.privacy;
  }

  function showUnavailable() {
    var note = $('unavailable');
    note.textContent = texts().unavailable.replace(/\[([^\]]+)\]\(tel:[^)]+\)/g, '$1');
    note.hidden = false;
    ['start-over', 'privacy', 'switch-language'].forEach(function (id) {
      $(id).disabled = id !== 'switch-language';
    });
  }

  function connect() {
    if (config.mode === 'local') {
      var userId = 'dl_' + Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) {
        return b.toString(16).padStart(2, '0');
      }).join('');
      return Promise.resolve({ directLine: window.PitstopLocalConnection.create(), userId: userId });
    }
    return fetch('/api/directline/token', { cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('token ' + response.status);
        return response.json();
      })
      .then(function (result) {
        return { directLine: window.WebChat.createDirectLine({ token: result.token }), userId: result.userId };
      });
  }

  function createStore() {
    return window.WebChat.createStore({}, function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: EVENTS.join, value: language } });
          }
          return next(action);
        };
      };
    });
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: session.directLine,
        store: session.store,
        userID: session.userId,
        locale: LOCALES[language],
        styleOptions: STYLE,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: texts().placeholder },
      },
      $('webchat'),
    );
  }

  function start() {
    return connect().then(function (connection) {
      session = { directLine: connection.directLine, userId: connection.userId, store: createStore() };
      render();
    }, showUnavailable);
  }

  function sendEvent(name, value) {
    session.store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: name, value: value } });
  }

  /** Asks the bot to forget the conversation, and waits (briefly) until it has. */
  function forget() {
    return new Promise(function (resolve) {
      var done = setTimeout(resolve, 3000);
      session.directLine
        .postActivity({ type: 'event', name: EVENTS.forget, from: { id: session.userId, role: 'user' }, locale: LOCALES[language] })
        .subscribe({
          error: function () {
            clearTimeout(done);
            resolve();
          },
          complete: function () {
            clearTimeout(done);
            resolve();
          },
        });
    });
  }

  function focusSendBox() {
    var input = document.querySelector('#webchat input[type="text"], #webchat textarea');
    if (input) input.focus();
  }

  function wireControls() {
    $('switch-language').addEventListener('click', function () {
      language = language === 'da' ? 'en' : 'da';
      drawFrame();
      if (!session) return;
      sendEvent(EVENTS.language, language);
      render();
    });
    $('start-over').addEventListener('click', function () {
      if (!session) return;
      forget().then(function () {
        session.directLine.end();
        return start();
      }).then(focusSendBox);
    });
    $('privacy').addEventListener('click', function () {
      if (session) session.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: texts().privacy } });
    });
  }

  fetch('/chat-config.json', { cache: 'no-store' })
    .then(function (response) {
      return response.json();
    })
    .then(function (loaded) {
      config = loaded;
      drawFrame();
      wireControls();
      if (config.mode === 'unavailable') return showUnavailable();
      return start();
    });
})();
