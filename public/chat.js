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
    // One row that scrolls sideways: stacked topic buttons filled a phone's screen and covered the send box.
    suggestedActionLayout: 'carousel',
    suggestedActionHeight: 44,
    suggestedActionsCarouselFlipperBoxWidth: 44,
    suggestedActionsCarouselFlipperSize: 28,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#00457c',
    suggestedActionTextColor: '#00457c',
    suggestedActionBorderRadius: 6,
    hideUploadButton: true,
    // The send button is as wide as the send box is high: 48 px is a comfortable thumb target.
    sendBoxHeight: 48,
    // Stop scrolling when the first new message reaches the top: a long answer is read from its start.
    autoScrollSnapOnPage: true,
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#111111',
    timestampColor: '#4a4a4a',
    subtle: '#4a4a4a',
  };

  // Web Chat's minimal build draws no Markdown itself. The same engine and settings as its full build, but raw
  // HTML in a message is shown as text (the full build lets it through its sanitiser instead).
  var markdown = window.markdownit({ html: false, breaks: false, linkify: true, typographer: true, xhtmlOut: true });
  // One function for every render: a new one would make Web Chat draw every message again.
  function renderMarkdown(text) {
    return markdown.render(text);
  }

  var config;
  // The server's default language (DEFAULT_LANGUAGE) until the reader switches.
  var language;
  var session;
  // Which notice the page shows, if any: 'unavailable' (no chat at all) or 'sendFailed'.
  var notice = null;
  // What the person typed, by Web Chat's client activity id, until the bot has it: a failed message is not lost.
  var unsent = {};
  var welcomeTimer = null;

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
    $('page-links').setAttribute('aria-label', t.linksLabel);
    writeLink($('privacy-link'), t.privacyLink, t.privacyHref);
    writeLink($('accessibility-link'), t.accessibilityLink, t.accessibilityHref);
    var switcher = $('switch-language');
    switcher.textContent = t.switchLanguage;
    switcher.setAttribute('lang', language === 'da' ? 'en' : 'da');
    switcher.setAttribute('aria-label', t.switchLanguageLabel);
    $('start-over').textContent = t.startOver;
    $('start-over').setAttribute('aria-label', t.startOverLabel);
    $('privacy').textContent = t.privacyButton;
    drawNotice();
  }

  /** A footer link, saying to screen readers that it opens in a new tab (it keeps the conversation). */
  function writeLink(link, text, href) {
    link.textContent = text;
    link.href = href;
    var hint = document.createElement('span');
    hint.className = 'visually-hidden';
    hint.textContent = ' (' + texts().newTab + ')';
    link.appendChild(hint);
  }

  /** Writes text into element, with its Markdown phone links ([20 69 28 33](tel:…)) as real links to tap. */
  function writeWithPhoneLinks(element, text) {
    var link = /\[([^\]]+)\]\((tel:[^)\s]+)\)/g;
    var at = 0;
    var match;
    element.textContent = '';
    while ((match = link.exec(text))) {
      element.appendChild(document.createTextNode(text.slice(at, match.index)));
      var a = document.createElement('a');
      a.href = match[2];
      a.textContent = match[1];
      if (match[2] === config.phones.emergency.uri) a.className = 'emergency-call';
      element.appendChild(a);
      at = link.lastIndex;
    }
    element.appendChild(document.createTextNode(text.slice(at)));
  }

  function drawNotice() {
    var note = $('notice');
    note.hidden = !notice;
    note.classList.toggle('unavailable', notice === 'unavailable');
    if (notice) writeWithPhoneLinks(note, texts()[notice]);
  }

  function showNotice(kind) {
    if (notice === kind) return;
    notice = kind;
    drawNotice();
  }

  function showUnavailable() {
    showNotice('unavailable');
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

  function setSendBox(store, text) {
    store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: text } });
  }

  /** A message that did not get through: say so with the phone numbers, and put its text back to send again. */
  function onSendFailed(store, id) {
    showNotice('sendFailed');
    showTranscriptEnd();
    var message = unsent[id];
    if (message && !message.restored && !store.getState().sendBoxValue) {
      setSendBox(store, message.text);
      message.restored = true;
    }
  }

  function onSent(store, id) {
    var message = unsent[id];
    delete unsent[id];
    if (notice === 'sendFailed') showNotice(null);
    // Web Chat's "retry" got the message through: the copy put back in the send box would be sent twice.
    if (message && message.restored && store.getState().sendBoxValue === message.text) setSendBox(store, '');
  }

  /**
   * Web Chat stops scrolling at the start of an answer (autoScrollSnapOnPage), but not at the first message
   * of a conversation: the welcome is taller than a phone's chat area and would be shown from its end.
   * Web Chat scrolls over several frames, so this waits until the transcript has stopped moving.
   */
  function showWelcomeFromItsStart() {
    var last = '';
    var steady = 0;
    var checks = 0;
    clearInterval(welcomeTimer);
    welcomeTimer = setInterval(function () {
      var scrollable = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
      var state = scrollable ? [scrollable.scrollTop, scrollable.scrollHeight, scrollable.clientHeight].join() : '';
      steady = state && state === last ? steady + 1 : 0;
      last = state;
      checks += 1;
      if (steady < 2 && checks < 30) return;
      clearInterval(welcomeTimer);
      if (scrollable) scrollable.scrollTop = 0;
    }, 100);
  }

  /** Shows the newest message, here the one that failed with Web Chat's "retry" under it. */
  function showTranscriptEnd() {
    setTimeout(function () {
      var scrollable = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
      if (scrollable) scrollable.scrollTop = scrollable.scrollHeight;
    }, 0);
  }

  function createStore() {
    unsent = {};
    var welcomed = false;
    return window.WebChat.createStore({}, function (store) {
      return function (next) {
        return function (action) {
          var id = action.meta && action.meta.clientActivityID;
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING' && action.payload.activity.type === 'message') {
            // Once the person writes, Web Chat's own scrolling is right: leave the welcome where it is.
            clearInterval(welcomeTimer);
            if (!unsent[id]) unsent[id] = { text: action.payload.activity.text, restored: false };
          }
          var result = next(action);
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && !welcomed && action.payload.activity.type === 'message' && action.payload.activity.from.role === 'bot') {
            welcomed = true;
            showWelcomeFromItsStart();
          } else if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: EVENTS.join, value: language } });
          } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED' || action.type === 'DIRECT_LINE/POST_ACTIVITY_IMPEDED') {
            onSendFailed(store, id);
          } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED') {
            onSent(store, id);
          }
          return result;
        };
      };
    });
  }

  /**
   * The emergency reply's "Ring 112" is a topic button to Web Chat, which has no way to style one button: it
   * is found by its label (in either language) and drawn red like the 112 in the frame.
   */
  function markEmergencyButtons() {
    var labels = Object.keys(config.texts).map(function (lang) {
      return config.texts[lang].call112;
    });
    Array.prototype.forEach.call(document.querySelectorAll('#webchat .webchat__suggested-action'), function (button) {
      button.classList.toggle('pitstop-emergency-call', labels.indexOf(button.textContent.trim()) !== -1);
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
        renderMarkdown: renderMarkdown,
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

  function sendBoxInput() {
    return document.querySelector('#webchat input[type="text"], #webchat textarea');
  }

  function focusSendBox() {
    var input = sendBoxInput();
    if (input) input.focus();
  }

  /**
   * When the on-screen keyboard makes the page short, the frame scrolls away (chat.css) and the send box,
   * with the answer above it, is brought back into view.
   */
  function keepSendBoxInView() {
    var input = sendBoxInput();
    var box = document.querySelector('#webchat .webchat__send-box');
    if (!input || !box || document.activeElement !== input) return;
    var below = box.getBoundingClientRect().bottom - window.innerHeight;
    if (below > 0) window.scrollBy(0, below);
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

  window.addEventListener('resize', keepSendBoxInView);

  // The server writes the config into the page (the same as /chat-config.json): one round trip less before
  // the welcome, 0.56 s on a slow phone connection.
  config = JSON.parse($('chat-config').textContent);
  // "?lang=en" comes from the English privacy and accessibility pages' link back to the chat.
  var asked = new URLSearchParams(location.search).get('lang');
  language = asked && Object.prototype.hasOwnProperty.call(config.texts, asked) ? asked : config.language;
  drawFrame();
  wireControls();
  new MutationObserver(markEmergencyButtons).observe($('webchat'), { childList: true, subtree: true });
  if (config.mode === 'unavailable') showUnavailable();
  else start();
})();
