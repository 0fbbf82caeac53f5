/*
 * A Direct Line-compatible connection for Web Chat that needs no cloud service: each activity is posted
 * to this server's /api/messages with deliveryMode "expectReplies", and the replies that come back in
 * the response are handed to Web Chat. Web Chat accepts any object with activity$, connectionStatus$,
 * postActivity() and end(); these few Observable-like pieces are all it uses of them.
 * A post that cannot reach the server turns the status to "reconnecting" and is sent again, in its place in
 * the line, as soon as the server answers its readiness check: a message written during an outage is
 * delivered when the bot is back, not lost. A post the server answered with an error is not sent again.
 * Posts go one at a time, in order: two quick taps on the language switch reach the bot in the order tapped.
 */
(function () {
  'use strict';

  var STATUS = { uninitialized: 0, connecting: 1, online: 2, ended: 5 };
  // One attempt: a server that takes longer is stuck, and the post fails (it may have been read).
  var ATTEMPT_TIMEOUT_MS = 20000;
  // How long a post that cannot reach the server keeps waiting for it: less than the page's sendTimeout
  // (chat.js), so Web Chat hears of the failure from here and not from its own clock.
  var GIVE_UP_MS = 260000;
  var RECHECK_MS = 3000;
  // A proxy's answers while the bot behind it is down or restarting: the post never reached the bot.
  var UNREACHABLE_STATUS = [502, 503, 504];
  // A reply slower than this shows the bot "typing" until it comes (on a slow phone network it can take seconds).
  var TYPING_AFTER_MS = 400;

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
    var ended = false;
    var recheck = null;
    // Posts waiting for the server to be reachable again.
    var waiting = [];

    function setStatus(value) {
      if (current === value || current === STATUS.ended) return;
      current = value;
      status.next(value);
    }

    function online() {
      clearTimeout(recheck);
      recheck = null;
      setStatus(STATUS.online);
      var ready = waiting;
      waiting = [];
      ready.forEach(function (resume) {
        resume();
      });
    }

    // Web Chat shows "reconnecting" for this status, and waits for online again. An ended connection checks
    // only while a post to keep is waiting.
    function offline() {
      setStatus(STATUS.connecting);
      if (!recheck && (!ended || waiting.length)) recheck = setTimeout(checkReady, RECHECK_MS);
    }

    function checkReady() {
      recheck = null;
      fetch(readiness, { cache: 'no-store', signal: timeout(ATTEMPT_TIMEOUT_MS) }).then(function (response) {
        if (response.ok) online();
        else offline();
      }, offline);
    }

    /** Resolves when the server is reachable again; rejects with reason when the post has waited long enough. */
    function backAgain(since, reason) {
      return new Promise(function (resolve, reject) {
        var resume = function () {
          clearTimeout(expiry);
          resolve();
        };
        var expiry = setTimeout(function () {
          waiting = waiting.filter(function (waiter) {
            return waiter !== resume;
          });
          reject(reason);
        }, Math.max(0, since + GIVE_UP_MS - Date.now()));
        waiting.push(resume);
      });
    }

    /**
     * Posts body until the server answers: a post that cannot reach it waits for the readiness check and is
     * sent again, until GIVE_UP_MS after it was first sent or the connection ends (unless keep is set: a
     * request to forget the conversation is delivered even after the page has started a new one).
     */
    function deliver(body, since, keep) {
      var unreachable = function (reason) {
        if ((ended && !keep) || Date.now() - since > GIVE_UP_MS) {
          offline();
          throw reason;
        }
        var back = backAgain(since, reason);
        offline();
        return back.then(function () {
          if (ended && !keep) throw reason;
          return deliver(body, since, keep);
        });
      };
      return fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: timeout(ATTEMPT_TIMEOUT_MS) }).then(
        function (response) {
          if (UNREACHABLE_STATUS.indexOf(response.status) !== -1) return unreachable(new Error('HTTP ' + response.status));
          // The server answered, so it can be reached, even if it could not take this activity.
          online();
          return response;
        },
        function (reason) {
          // A server that did not answer in time may have read the post: it is not sent twice.
          if (reason && (reason.name === 'TimeoutError' || reason.name === 'AbortError')) {
            offline();
            throw reason;
          }
          return unreachable(reason);
        },
      );
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

    function showTyping() {
      activities.next(stamp({ type: 'typing' }, bot));
    }

    // The end of the line of posts: each waits for the one before it to be answered (or to fail).
    var previous = Promise.resolve();

    return {
      activity$: activities.observable,
      connectionStatus$: status.observable,
      /** Web Chat calls this with the activity; the page posts some itself, with { keep: true } or { echo: false }. */
      postActivity: function (activity, postOptions) {
        return observable(function (observer) {
          var sent = stamp(activity, Object.assign({}, activity.from, { role: 'user' }));
          var body = Object.assign({}, sent, {
            channelId: 'webchat',
            serviceUrl: location.origin,
            recipient: { id: bot.id, name: bot.name },
            deliveryMode: 'expectReplies',
          });
          var since = Date.now();
          var keep = Boolean(postOptions && postOptions.keep);
          var echo = !(postOptions && postOptions.echo === false);
          var typing = echo && activity.type === 'message' ? setTimeout(showTyping, TYPING_AFTER_MS) : null;
          var post = previous.then(function () {
            if (ended && !keep) throw new Error('the connection has ended');
            return deliver(body, since, keep);
          });
          previous = post.then(
            function () {},
            function () {},
          );
          post
            .then(function (response) {
              if (!response.ok) throw new Error('HTTP ' + response.status);
              return response.json();
            })
            .then(function (result) {
              clearTimeout(typing);
              // Web Chat waits for every posted activity, events too, to come back before it treats it as sent;
              // an event not echoed held the language switch's answer for about 5 seconds. What the page posts
              // itself (echo: false) Web Chat never waits for, and need not draw the transcript again for.
              if (echo) activities.next(sent);
              observer.next(sent.id);
              observer.complete();
              (result.activities || []).forEach(function (reply) {
                // Web Chat holds a reply to an activity it has not seen for 5 s, waiting for it to arrive.
                var shown = echo ? reply : Object.assign({}, reply, { replyToId: undefined });
                activities.next(stamp(shown, bot));
              });
            })
            .catch(function (reason) {
              clearTimeout(typing);
              observer.error(reason);
            });
        });
      },
      // Posts still waiting are dropped, except those to keep, which go on waiting for the server.
      end: function () {
        ended = true;
        setStatus(STATUS.ended);
        var dropped = waiting;
        waiting = [];
        dropped.forEach(function (resume) {
          resume();
        });
      },
    };
  }

  window.PitstopLocalConnection = { create: create };
})();
