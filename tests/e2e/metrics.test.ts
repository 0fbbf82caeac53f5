import { ExpectRepliesClient, useServedApp } from '../helpers/http-client';

const STAFF_TOKEN = 'metrics-token-metrics-token-metrics-token';
const served = useServedApp({ STAFF_TOKEN });

/** Personal data a citizen might write, planted to prove none of it reaches the metrics. */
const CANARIES = ['010190-1234', '61 72 83 94', 'mette.hansen@example.dk', 'Mette Hansen', 'blå måge 471852'];

async function scrape(authorization?: string): Promise<{ status: number; body: string; type: string | null }> {
  const response = await fetch(`${served.baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

/** The value of one series, e.g. pitstop_answers_total{topic="fees",aspect="none"}. */
function seriesValue(body: string, series: string): number {
  const line = body.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('/metrics', () => {
  it('is refused without the staff token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token')).status).toBe(401);
  });

  it('counts answers by topic and aspect, clarifications, emergencies, hand-offs and turns, and holds nothing a user wrote', async () => {
    const before = (await scrape(`Bearer ${STAFF_TOKEN}`)).body;
    const client = new ExpectRepliesClient(served.baseUrl);
    await client.say(`Jeg hedder ${CANARIES[3]}, cpr ${CANARIES[0]}, tlf ${CANARIES[1]}, mail ${CANARIES[2]}. Hvad koster det?`);
    await client.say('hvad er dagbehandling');
    await client.say('hvad koster det');
    // A one-word message in a new conversation, where no earlier question helps to read it: "did you mean…?".
    await new ExpectRepliesClient(served.baseUrl).say('stoffer');
    await client.say('min ven har taget en overdosis og trækker ikke vejret');
    await client.say('hvordan får jeg fat i en person');
    await client.say(`aflys ${CANARIES[4]}`);
    await client.say('tak, det hjalp');
    await client.say('det hjalp ikke');
    await client.say('that was helpful');
    // The page's thumbs: an event that gets no reply (the answer's buttons stay); only the two known values count.
    const thumbs = await Promise.all(
      ['helped', 'not_helped', 'not_helped', CANARIES[3]].map((value) => client.post({ type: 'event', name: 'pitstop/feedback', value })),
    );
    expect(thumbs.map(({ status, activities }) => ({ status, replies: activities.length }))).toEqual(Array(4).fill({ status: 200, replies: 0 }));
    const { status, body, type } = await scrape(`Bearer ${STAFF_TOKEN}`);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    const grew = (series: string): number => seriesValue(body, series) - seriesValue(before, series);
    expect(grew('pitstop_answers_total{topic="fees",aspect="none"}')).toBe(1);
    expect(grew('pitstop_answers_total{topic="day_treatment",aspect="none"}')).toBe(1);
    expect(grew('pitstop_answers_total{topic="day_treatment",aspect="cost"}')).toBe(1);
    expect(grew('pitstop_replies_total{kind="clarification"}')).toBe(1);
    expect(grew('pitstop_emergencies_total{tier="acute"}')).toBe(1);
    expect(grew('pitstop_handoffs_total{to="phone"}')).toBe(1);
    expect(grew('pitstop_feedback_total{answer="helped",via="chat"}')).toBe(2);
    expect(grew('pitstop_feedback_total{answer="not_helped",via="chat"}')).toBe(1);
    expect(grew('pitstop_feedback_total{answer="helped",via="page"}')).toBe(1);
    expect(grew('pitstop_feedback_total{answer="not_helped",via="page"}')).toBe(2);
    expect(grew('pitstop_turn_seconds_count')).toBe(14);
    expect(body).toContain('process_cpu_user_seconds_total');
    // Bare digits are left out: process metrics are numbers, and could hold any digits by chance.
    for (const canary of [...CANARIES, 'Mette', 'hansen', 'blå', 'måge'])
      expect({ canary, found: body.toLowerCase().includes(canary.toLowerCase()) }).toEqual({ canary, found: false });
    // Every label value of ours is a content id, an aspect or a word from a fixed list.
    const values = [...body.matchAll(/^pitstop_\w+\{([^}]*)\}/gm)].flatMap(([, labels]) => [...labels.matchAll(/="([^"]*)"/g)].map(([, value]) => value));
    expect(values.filter((value) => !/^[a-z_]+$/.test(value) && !/^[\d.+Inf]+$/.test(value))).toEqual([]);
  });
});
