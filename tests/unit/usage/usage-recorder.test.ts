import type { UsageCount } from '../../../src/booking/booking-store';
import { isoWeekOfDate, weeksBefore } from '../../../src/usage/iso-week';
import { UsageRecorder } from '../../../src/usage/usage-recorder';
import { usageReport } from '../../../src/usage/usage-report';
import { LogCapture } from '../../helpers/test-app';

const now = () => new Date('2026-12-01T09:00:00Z');

describe('UsageRecorder', () => {
  it('adds up events in memory and writes them in one batch per week, metric and label', async () => {
    const written: UsageCount[][] = [];
    const recorder = new UsageRecorder(
      { addUsage: async (counts) => void written.push([...counts]) },
      { logger: new LogCapture().logger, now, intervalMs: 60_000 },
    );
    for (let index = 0; index < 3; index++) recorder.record({ metric: 'answer', topic: 'fees', aspect: 'none' });
    recorder.record({ metric: 'answer', topic: 'fees', aspect: 'cost' });
    recorder.record({ metric: 'feedback', answer: 'helped', via: 'page' });
    expect(written).toEqual([]);
    await recorder.close();
    expect(written).toEqual([
      [
        { week: '2026-W49', metric: 'answer', label: 'fees', count: 4 },
        { week: '2026-W49', metric: 'feedback', label: 'helped', count: 1 },
      ],
    ]);
    // Nothing after the last write reaches the database.
    recorder.record({ metric: 'answer', topic: 'fees', aspect: 'none' });
    await recorder.flush();
    expect(written).toHaveLength(1);
  });

  it('logs a failed write without its rows and keeps the counts for the next write when the database fails', async () => {
    const logs = new LogCapture();
    let fail = true;
    const written: UsageCount[] = [];
    const recorder = new UsageRecorder(
      {
        addUsage: async (counts) => {
          if (fail) throw new Error('connection refused for reply_canary');
          written.push(...counts);
        },
      },
      { logger: logs.logger, now, intervalMs: 60_000 },
    );
    recorder.record({ metric: 'emergency', tier: 'acute' });
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ event: 'usage_write_failed', errorClass: 'Error', rows: 1 }),
    ]);
    expect(logs.lines.join('\n')).not.toContain('reply_canary');
    fail = false;
    recorder.record({ metric: 'emergency', tier: 'acute' });
    await recorder.close();
    expect(written).toEqual([{ week: '2026-W49', metric: 'emergency', label: 'acute', count: 2 }]);
  });
});

describe('usageReport', () => {
  it('shows counts below five as "<5" and gives no rate from a suppressed count', () => {
    const rows: UsageCount[] = [
      { week: '2026-W48', metric: 'answer', label: 'fees', count: 40 },
      { week: '2026-W48', metric: 'answer', label: 'detox', count: 4 },
      { week: '2026-W48', metric: 'reply', label: 'clarification', count: 6 },
      { week: '2026-W48', metric: 'reply', label: 'out_of_scope', count: 2 },
      { week: '2026-W48', metric: 'handoff', label: 'phone', count: 5 },
      { week: '2026-W49', metric: 'answer', label: 'fees', count: 1 },
    ];
    const [w47, w48, w49] = usageReport(rows, '2026-W49', 3);
    expect(w47).toMatchObject({ week: '2026-W47', answers: { fees: '<5', detox: '<5' }, clarificationRate: null, notInDocumentsRate: null });
    expect(w48).toEqual({
      week: '2026-W48',
      answers: { detox: '<5', fees: 40 },
      clarificationRate: 0.115,
      notInDocumentsRate: null,
      handoffs: { phone: 5, booking: '<5' },
      emergencies: { acute: '<5', concern: '<5' },
      feedback: { helped: '<5', notHelped: '<5' },
    });
    expect(w49.answers).toEqual({ detox: '<5', fees: '<5' });
  });
});

describe('isoWeekOfDate', () => {
  it('puts the days around new year in the week their Thursday is in', () => {
    expect(['2025-12-29', '2026-01-04', '2027-01-01', '2021-01-03', '2021-01-04'].map(isoWeekOfDate)).toEqual([
      '2026-W01',
      '2026-W01',
      '2026-W53',
      '2020-W53',
      '2021-W01',
    ]);
    expect(weeksBefore('2026-W02', 3)).toBe('2025-W51');
  });
});
