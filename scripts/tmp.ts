import { BotProcess } from '../tests/helpers/bot-process';
import { freePort } from '../tests/helpers/redis-server';
(async () => {
  const port = await freePort();
  const bot = new BotProcess({ PORT: String(port), LOG_LEVEL: 'trace' });
  await bot.listening();
  const base = { channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9/zx81q', from: { id: 'u', name: 'n' }, recipient: { id: 'b' }, conversation: { id: 'c' }, deliveryMode: 'expectReplies' };
  const bodies: Array<[string, string]> = [
    ['bad json', '{"type":"message","text":"K", "conversation": {"id": "c"'],
    ['wrong types', JSON.stringify({ ...base, type: 'message', text: 42, conversation: 'c' })],
    ['unknown type', JSON.stringify({ ...base, type: 'kanariefugl-event', text: 'K' })],
    ['normal delivery', JSON.stringify({ ...base, type: 'message', text: 'hvad er afgiftning', deliveryMode: 'normal' })],
  ];
  for (const [name, body] of bodies) {
    const t = Date.now();
    const ctrl = new AbortController(); const timer = setTimeout(() => ctrl.abort(), 15000);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: ctrl.signal });
      console.log(name, r.status, (await r.text()).slice(0, 200), Date.now() - t, 'ms');
    } catch (e) { console.log(name, 'FAILED', (e as Error).name, Date.now() - t, 'ms'); }
    clearTimeout(timer);
  }
  console.log(bot.printed.split('\n').filter((l) => !l.includes('DEP0') && !l.includes('trace-dep')).slice(-12).join('\n'));
  await bot.stop(); process.exit(0);
})();
