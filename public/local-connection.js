/*
 * A Direct Line-compatible connection for Web Chat that needs no cloud service: each activity is posted
 * to this server's /api/messages with deliveryMode "expectReplies", and the replies that come back in
 * the response are handed to Web Chat. Web Chat accepts any object with activity$, connectionStatus$,
 * postActivity() and end(); these few Observable-like pieces are all it uses of them.
 * A post that gets no answer turns the status to "reconnecting" (Web Chat sends nothing meanwhile) until the
 * server answers its readiness check again.
 * Posts go one at a time, in order: two quick taps on the language switch reach the bot in the order tapped.
 */
(function () {
  'use strict';

  var STATUS = { uninitialized: 0, connecting: 1, online: 2, ended: 5 };
  // As long as Web Chat waits before it calls a message failed (its sendTimeout).
  var SEND_TIMEOUT_MS = 20000;
  var RECHECK_MS = 5000;

  function observable(subscribe) {
    return {
      subscribe: function (observerOrNext, error, complete) {
        var observer = typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : observerOrNext || {};
        var closed = false;
        var teardown = subscribe({
          next: function (value) {
            if (!closed && observer.next) observer.next(value);
          },
          error: function (reason) {
            if (closed) return;
            closed = true;
            if (observer.error) observer.error(reason);
          },
          complete: function () {
            if (closed) return;
            closed = true;
            if (observer.complete) observer.complete();
          },
        });
        return {
          get closed() {
            return closed;
          },
          unsubscribe: function () {
            closed = true;
            if (typeof teardown === 'function') teardown();
          },
        };
      },
    };
  }

  /** Pushes values to every subscriber; with remember, a new subscriber first gets the latest value. */
  function subject(remember, initial) {
    var latest = initial;
    var observers = [];
    return {
      observable: observable(function (observer) {
        observers.push(observer);
        if (remember) observer.next(latest);
        return function () {
          observers = observers.filter(function (o) {
            return o !== observer;
          });
        };
      }),
      next: function (value) {
        latest = value;
        observers.slice().forEach(function (observer) {
          observer.next(value);
        });
      },
    };
  }

  /** An abort signal after ms, where the browser has AbortSignal.timeout (older ones simply wait). */
  function timeout(ms) {
    return typeof AbortSignal !== 'undefined' && AbortSignal.timeout ? AbortSignal.timeout(ms) : undefined;
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) {
      return b.toString(16).padStart(2, '0');
    }).join('');
  }

  function create(options) {
    var endpoint = (options && options.endpoint) || '/api/messages';
    var readiness = (options && options.readiness) || '/readyz';
    var conversationId = 'local_' + randomId();
    var bot = { id: 'pitstop-guide', name: 'Pitstop', role: 'bot' };
    var status = subject(true, STATUS.uninitialized);
    var activities = subject(false);
    var sequence = 0;
    var current = STATUS.uninitialized;
    var recheck = null;

    function setStatus(value) {
      if (current === value || current === STATUS.ended) return;
      current = value;
      status.next(value);
    }

    function online() {
      clearTimeout(recheck);
      recheck = null;
      setStatus(STATUS.online);
    }

    // Web Chat shows "reconnecting" for this status, and waits for online again.
    function offline() {
      if (current === STATUS.ended) return;
      setStatus(STATUS.connecting);
      if (!recheck) recheck = setTimeout(checkReady, RECHECK_MS);
    }

    function checkReady() {
      recheck = null;
      fetch(readiness, { cache: 'no-store', signal: timeout(SEND_TIMEOUT_MS) }).then(function (response) {
        if (response.ok) online();
        else offline();
      }, offline);
    }

    function stamp(activity, from) {
      sequence += 1;
      return Object.assign({}, activity, {
        id: conversationId + '-' + sequence,
        timestamp: new Date().toISOString(),
        conversation: { id: conversationId },
        from: from,
      });
    }

    setTimeout(function () {
      setStatus(STATUS.connecting);
      setStatus(STATUS.online);
    }, 0);

    // The end of the line of posts: each waits for the one before it to be answered (or to fail).
    var previous = Promise.resolve();

    return {
      activity$: activities.observable,
      connectionStatus$: status.observable,
      postActivity: function (activity) {
        return observable(function (observer) {
          var sent = stamp(activity, Object.assign({}, activity.from, { role: 'user' }));
          var body = Object.assign({}, sent, {
            channelId: 'webchat',
            serviceUrl: location.origin,
            recipient: { id: bot.id, name: bot.name },
            deliveryMode: 'expectReplies',
          });
          var post = previous.then(function () {
            return fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: timeout(SEND_TIMEOUT_MS) });
          });
          previous = post.then(
            function () {},
            function () {},
          );
          post
            .then(
              function (response) {
                // The server answered, so it can be reached, even if it could not take this activity.
                online();
                if (!response.ok) throw new Error('HTTP ' + response.status);
                return response.json();
              },
              function (reason) {
                offline();
                throw reason;
              },
            )
            .then(function (result) {
              // Web Chat waits for every posted activity, events too, to come back before it treats it as sent;
              // an event not echoed held the language switch's answer for about 5 seconds.
              activities.next(sent);
              observer.next(sent.id);
              observer.complete();
              (result.activities || []).forEach(function (reply) {
                activities.next(stamp(reply, bot));
              });
            })
            .catch(function (reason) {
              observer.error(reason);
            });
        });
      },
      end: function () {
        clearTimeout(recheck);
        setStatus(STATUS.ended);
      },
    };
  }

  window.PitstopLocalConnection = { create: create };
})();
