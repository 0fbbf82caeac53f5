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
    // Stop scrolling when the first new message reaches the top: a long answer is read from its start
    // (readFromStart below makes sure of it).
    autoScrollSnapOnPage: true,
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#111111',
    timestampColor: '#4a4a4a',
    subtle: '#4a4a4a',
  };

  // Web Chat's minimal build draws no Markdown itself. The same engine and settings as its full build, but raw
  // HTML in a message is shown as text (the full build lets it through its sanitiser instead).
  var markdown = window.markdownit({ html: false, breaks: false, linkify: true, typographer: true, xhtmlOut: true });
  // A link in an answer (its source's passage) opens in a new tab, as the footer's do: leaving the page would end the chat.
  markdown.renderer.rules.link_open = function (tokens, index, options, env, self) {
    if (!/^tel:/.test(tokens[index].attrGet('href') || '')) {
      tokens[index].attrSet('target', '_blank');
      tokens[index].attrSet('rel', 'noopener');
    }
    return self.renderToken(tokens, index, options);
  };
  // ... and says so to screen readers, as the footer's links do.
  markdown.renderer.rules.link_close = function (tokens, index, options, env, self) {
    var open = index - 1;
    while (open >= 0 && tokens[open].type !== 'link_open') open -= 1;
    var newTab = open >= 0 && tokens[open].attrGet('target') === '_blank';
    return (newTab ? '<span class="visually-hidden"> (' + markdown.utils.escapeHtml(texts().newTab) + ')</span>' : '') + self.renderToken(tokens, index, options);
  };
  // One function for every render: a new one would make Web Chat draw every message again.
  function renderMarkdown(text) {
    return markdown.render(text);
  }

  // Through the local connection a message is sent again until the bot is back (local-connection.js gives up
  // after 260 s): Web Chat says "sending" until then, instead of offering its own retry, which would send it twice.
  var LOCAL_SEND_TIMEOUT_MS = 270000;
  /** How long "Start forfra" waits for the second tap that confirms it. */
  var START_OVER_CONFIRM_MS = 5000;
  var startOverTimer = null;

  var reading = createReading();
  var carouselResizes = typeof ResizeObserver === 'function' ? new ResizeObserver(markCarousels) : null;
  var styleOptions = STYLE;
  // The language Web Chat was last drawn in, and the redraw waiting for the bot's reply to a switch.
  var drawnLanguage = null;
  var redrawTimer = null;
  var config;
  // The server's default language (DEFAULT_LANGUAGE) until the reader switches.
  var language;
  var session;
  // What the page knows about the connection, for its notice (see noticeKind).
  var status = { unavailable: false, offline: false, connected: false, failed: false };
  // What the person typed, by Web Chat's client activity id, until the bot has it: a failed message is not lost.
  var unsent = {};
  var notice = null;

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
    drawStartOver(false);
    $('privacy').textContent = t.privacyButton;
    drawNotice();
  }

  /**
   * "Start forfra" deletes the conversation, so a first tap only asks for a second: the button says "Tryk igen for
   * at slette" for a few seconds (no dialog box, which some phones' in-app browsers block).
   */
  function drawStartOver(confirming) {
    var t = texts();
    var button = $('start-over');
    clearTimeout(startOverTimer);
    button.textContent = confirming ? t.startOverConfirm : t.startOver;
    button.setAttribute('aria-label', confirming ? t.startOverConfirmLabel : t.startOverLabel);
    button.classList.toggle('confirming', confirming);
    if (confirming) startOverTimer = setTimeout(drawStartOver, START_OVER_CONFIRM_MS, false);
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

  /**
   * The notice under the chat, if any: no chat at all; a message the bot did not get (its text back in the
   * typing box); a message waiting to be sent again when the bot is back; the bot cannot be reached.
   */
  function noticeKind() {
    if (status.unavailable) return 'unavailable';
    if (status.failed) return 'sendFailed';
    if (status.offline) return Object.keys(unsent).length ? 'sendWaiting' : 'offline';
    return null;
  }

  function drawNotice() {
    notice = noticeKind();
    var note = $('notice');
    note.hidden = !notice;
    note.classList.toggle('unavailable', notice === 'unavailable');
    if (notice) writeWithPhoneLinks(note, texts()[notice]);
    else note.textContent = '';
  }

  function updateNotice() {
    if (noticeKind() !== notice) drawNotice();
  }

  function showUnavailable() {
    status.unavailable = true;
    drawNotice();
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

  /** A message the bot did not get, and will not be sent again: say so, and put its text back to send again. */
  function onSendFailed(store, id) {
    var message = unsent[id];
    if (message) clearTimeout(message.expiry);
    delete unsent[id];
    status.failed = true;
    updateNotice();
    reading.release();
    showTranscriptEnd();
    if (message && !store.getState().sendBoxValue) setSendBox(store, message.text);
  }

  function onSent(id) {
    if (unsent[id]) clearTimeout(unsent[id].expiry);
    delete unsent[id];
    status.failed = false;
    updateNotice();
  }

  /** Web Chat's status of the connection: "reconnecting" (1) after being online (2), or failed (4), is an outage. */
  function onConnectionStatus(connectionStatus) {
    if (connectionStatus === 2) status.connected = true;
    if (connectionStatus === 2) status.offline = false;
    else if ((connectionStatus === 1 && status.connected) || connectionStatus === 4) status.offline = true;
    updateNotice();
  }

  /** Shows the newest message, here the one that failed with Web Chat's "retry" under it. */
  function showTranscriptEnd() {
    setTimeout(function () {
      var scrollable = transcriptScrollable();
      if (scrollable) scrollable.scrollTop = scrollable.scrollHeight;
    }, 0);
  }

  /**
   * Through the local connection, Web Chat stops waiting for a post when the connection drops, and calls it
   * failed ("cancelled"). The connection still has it and sends it when the bot is back, and its echo marks it
   * sent: Web Chat is not told of the failure unless the connection gives up.
   */
  function keptByConnection(action) {
    return config.mode === 'local' && action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED' && action.payload instanceof Error && action.payload.message === 'cancelled';
  }

  /** A message the connection keeps sending: failed after all if it is not delivered within its time. */
  function awaitDelivery(store, id, current) {
    var message = unsent[id];
    if (!message || message.expiry) return;
    message.expiry = setTimeout(function () {
      if (unsent[id] !== message || !current()) return;
      store.dispatch({ type: 'DIRECT_LINE/POST_ACTIVITY_REJECTED', error: true, meta: { clientActivityID: id, method: 'keyboard' }, payload: new Error('not delivered') });
    }, LOCAL_SEND_TIMEOUT_MS);
  }

  function createStore() {
    unsent = {};
    var created = window.WebChat.createStore({}, function (store) {
      // An old conversation's store (after "start over") goes on hearing about its connection; the page does not.
      var current = function () {
        return Boolean(session && session.store === created);
      };
      return function (next) {
        return function (action) {
          var id = action.meta && action.meta.clientActivityID;
          if (keptByConnection(action)) {
            if (current()) awaitDelivery(store, id, current);
            return undefined;
          }
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING' && current()) {
            // The person wrote, tapped or switched language: the bot's next message is the answer to show from its start.
            reading.expectAnswer();
            if (action.payload.activity.type === 'message' && !unsent[id]) unsent[id] = { text: action.payload.activity.text };
          }
          var result = next(action);
          if (!current()) return result;
          var activity = action.payload && action.payload.activity;
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity.from.role === 'bot') {
            // The reply is drawn (Web Chat draws in the dispatch): it is painted before Web Chat is redrawn.
            if (drawnLanguage !== language) requestAnimationFrame(function () {
              redrawInLanguageSoon(0);
            });
          } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity.channelData && unsent[activity.channelData.clientActivityID]) {
            // The echo of a message sent after an outage: Web Chat no longer waits for it, so it is told here.
            var sent = activity.channelData.clientActivityID;
            store.dispatch({ type: 'DIRECT_LINE/POST_ACTIVITY_FULFILLED', meta: { clientActivityID: sent, method: 'keyboard' }, payload: { activity: activity } });
          } else if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: EVENTS.join, value: language } });
          } else if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS' || action.type === 'DIRECT_LINE/CONNECTION_STATUS_UPDATE') {
            onConnectionStatus(action.payload.connectionStatus);
          } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED' && unsent[id]) {
            onSendFailed(store, id);
          } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED') {
            onSent(id);
          }
          return result;
        };
      };
    });
    return created;
  }

  function transcriptScrollable() {
    return document.querySelector('#webchat .webchat__basic-transcript__scrollable');
  }

  /**
   * Shows the newest answer from its start, below the 112 line, whatever moves around it: the answer drawn in
   * several frames on a slow phone, the topic buttons appearing under it, the on-screen keyboard, and Web Chat's
   * own scrolling to the end of the transcript (which it does when it thinks the answer is read).
   * The answer is the first message from the bot after the person last wrote, tapped or switched language (or
   * the welcome). Until the person scrolls the transcript themselves, nothing the scripts do may scroll past
   * its start: the transcript's scrollTop is held there.
   */
  function createReading() {
    // A little of what came before stays in view above the answer's start.
    var GAP = 8;
    var native = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
    var answer = null;
    var awaited = true;
    // The transcript's messages when the answer began to be awaited: none of them is the answer.
    var before = new WeakSet();
    var holding = null;
    var resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(hold) : null;

    function articles() {
      return document.querySelectorAll('#webchat .webchat__basic-transcript__activity');
    }

    /** Where the transcript's scrollTop shows the answer's start at its top. */
    function target(scrollable) {
      var offset = answer.getBoundingClientRect().top - scrollable.getBoundingClientRect().top;
      var max = scrollable.scrollHeight - scrollable.clientHeight;
      return Math.max(0, Math.min(max, Math.round(native.get.call(scrollable) + offset - GAP)));
    }

    /** Scripts (Web Chat's included) may scroll the transcript up to the answer's start and no further. */
    function install(scrollable) {
      if (scrollable.pitstopHeld) return;
      scrollable.pitstopHeld = true;
      Object.defineProperty(scrollable, 'scrollTop', {
        configurable: true,
        get: function () {
          return native.get.call(this);
        },
        set: function (value) {
          native.set.call(this, answer && holding === this ? Math.min(value, target(this)) : value);
        },
      });
      // The person's own scrolling (touch, wheel, scroll bar, keys, focus moved into the transcript, Web Chat's
      // "new messages" button over it) is theirs.
      var transcript = scrollable.closest('.webchat__basic-transcript') || scrollable;
      ['wheel', 'touchstart', 'pointerdown', 'keydown', 'focusin'].forEach(function (type) {
        transcript.addEventListener(type, release, { passive: true });
      });
      scrollable.addEventListener('scroll', hold, { passive: true });
      if (resizes) resizes.observe(scrollable);
    }

    /** Keeps the answer's start at the top of the transcript, and the transcript below the sticky 112 line. */
    function hold() {
      var scrollable = transcriptScrollable();
      if (!answer || !scrollable) return;
      if (!answer.isConnected) {
        release();
        return;
      }
      install(scrollable);
      holding = scrollable;
      var top = target(scrollable);
      if (Math.abs(native.get.call(scrollable) - top) > 1) native.set.call(scrollable, top);
      showBelowStickyLine(scrollable);
    }

    /**
     * When the page scrolls (a short screen: the keyboard is open, or 200 % zoom), the 112 line sticks to the top
     * and covers what scrolls under it: the page is scrolled so that the transcript starts just below it.
     */
    function showBelowStickyLine(scrollable) {
      var line = document.querySelector('.emergency');
      if (!line || getComputedStyle(line).position !== 'sticky') return;
      var shift = scrollable.getBoundingClientRect().top - line.getBoundingClientRect().bottom;
      if (Math.abs(shift) > 1) window.scrollBy(0, shift);
    }

    /** Called on every change in the chat: the answer awaited, once drawn, is held. */
    function find() {
      if (!awaited) {
        if (answer) hold();
        return;
      }
      var drawn = articles();
      for (var i = 0; i < drawn.length; i++) {
        if (before.has(drawn[i]) || !drawn[i].querySelector('.webchat__bubble') || drawn[i].querySelector('.webchat__bubble--from-user')) continue;
        answer = drawn[i];
        awaited = false;
        if (resizes) resizes.observe(answer);
        hold();
        return;
      }
    }

    /** The bot's next message is an answer: none of the messages in the transcript now is it. */
    function expectAnswer() {
      release();
      Array.prototype.forEach.call(articles(), function (article) {
        before.add(article);
      });
      awaited = true;
    }

    function release() {
      if (answer && resizes) resizes.unobserve(answer);
      answer = null;
      holding = null;
    }

    return {
      find: find,
      release: release,
      expectAnswer: expectAnswer,
    };
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

  /**
   * Marks each row of topic buttons with whether it is wider than its place and whether it is scrolled to
   * either end: chat.css shows an arrow only where there is more to scroll to (Web Chat shows both, always).
   */
  function markCarousels() {
    Array.prototype.forEach.call(document.querySelectorAll('#webchat .webchat__suggested-actions__carousel'), function (row) {
      var strip = row.querySelector('.react-film__filmstrip');
      if (!strip) return;
      if (!strip.pitstopMarked) {
        strip.pitstopMarked = true;
        strip.addEventListener('scroll', markCarousels, { passive: true });
        if (carouselResizes) carouselResizes.observe(strip);
      }
      // The list's width, not the strip's: the strip is narrower once the arrows take their place.
      var list = strip.firstElementChild;
      var overflow = list ? list.scrollWidth > row.clientWidth + 1 : false;
      var left = Math.abs(strip.scrollLeft);
      var set = function (name, value) {
        if (row.getAttribute(name) !== String(value)) row.setAttribute(name, String(value));
      };
      set('data-overflow', overflow);
      set('data-at-start', left <= 1);
      set('data-at-end', left + strip.clientWidth >= strip.scrollWidth - 1);
    });
  }

  function render() {
    clearTimeout(redrawTimer);
    drawnLanguage = language;
    window.WebChat.renderWebChat(
      {
        directLine: session.directLine,
        store: session.store,
        userID: session.userId,
        locale: LOCALES[language],
        styleOptions: styleOptions,
        renderMarkdown: renderMarkdown,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: texts().placeholder },
      },
      $('webchat'),
    );
  }

  function start() {
    return connect().then(function (connection) {
      // A new conversation: nothing of the old one's notice stays, and its welcome is read from its start.
      status.failed = false;
      status.offline = false;
      status.connected = false;
      // The old conversation's messages are on their way out; the new one's welcome is the answer.
      reading.expectAnswer();
      session = { directLine: connection.directLine, userId: connection.userId, store: createStore() };
      updateNotice();
      render();
    }, showUnavailable);
  }

  /**
   * Posts an event straight through the connection, not through Web Chat: Web Chat would draw its transcript
   * again for the post, its echo and its acknowledgement, all before the reply (a language switch's reply was
   * drawn ≈ 100 ms later on a slow phone). The bot's reply is the next answer.
   */
  function sendEvent(name, value) {
    reading.expectAnswer();
    session.directLine
      .postActivity({ type: 'event', name: name, value: value, from: { id: session.userId, role: 'user' }, locale: LOCALES[language] }, { echo: false })
      .subscribe({ error: function () {} });
  }

  /**
   * After a switch of language, Web Chat is drawn again in the new locale once the bot's reply is on the
   * screen, not before it is asked for: drawing all of Web Chat took as long as the round trip to the bot
   * (60–230 ms on a 4× slower processor, more the first time), and the reply is what the reader waits for.
   */
  function redrawInLanguageSoon(fallbackMs) {
    clearTimeout(redrawTimer);
    redrawTimer = setTimeout(function () {
      redrawTimer = null;
      if (session && drawnLanguage !== language) render();
    }, fallbackMs);
  }

  /**
   * Asks the bot to forget the conversation, and waits (briefly) until it has. During an outage it does not
   * wait: the request is kept and delivered when the bot is back, while the page starts a new conversation.
   */
  function forget() {
    return new Promise(function (resolve) {
      var done = setTimeout(resolve, status.offline ? 0 : 3000);
      session.directLine
        .postActivity({ type: 'event', name: EVENTS.forget, from: { id: session.userId, role: 'user' }, locale: LOCALES[language] }, { keep: true })
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
      // Should the reply not come (an outage), Web Chat is redrawn in the new language anyway.
      redrawInLanguageSoon(1000);
    });
    $('start-over').addEventListener('click', function () {
      if (!session) return;
      var confirmed = $('start-over').classList.contains('confirming');
      drawStartOver(!confirmed);
      if (!confirmed) return;
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
  if (config.mode === 'local') styleOptions = Object.assign({}, STYLE, { sendTimeout: LOCAL_SEND_TIMEOUT_MS });
  // "?lang=en" comes from the English privacy and accessibility pages' link back to the chat.
  var asked = new URLSearchParams(location.search).get('lang');
  language = asked && Object.prototype.hasOwnProperty.call(config.texts, asked) ? asked : config.language;
  drawFrame();
  wireControls();
  new MutationObserver(function () {
    markEmergencyButtons();
    markCarousels();
    reading.find();
  }).observe($('webchat'), { childList: true, subtree: true });
  if (config.mode === 'unavailable') showUnavailable();
  else start();
})();
