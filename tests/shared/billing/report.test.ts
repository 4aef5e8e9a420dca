import { describe, expect, it } from 'vitest';
import { ageBucket, agedBalances, revenueReport } from '../../../shared/billing';

const NOW = Date.parse('2026-12-02T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000).toISOString();

describe('aged balances', () => {
  it('puts 30 days in 0–30, 31 in 31–60, 90 in 61–90 and 91 in 90+', () => {
    expect(ageBucket(daysAgo(0), NOW)).toBe('0-30');
    expect(ageBucket(daysAgo(30), NOW)).toBe('0-30');
    expect(ageBucket(daysAgo(31), NOW)).toBe('31-60');
    expect(ageBucket(daysAgo(60), NOW)).toBe('31-60');
    expect(ageBucket(daysAgo(61), NOW)).toBe('61-90');
    expect(ageBucket(daysAgo(90), NOW)).toBe('61-90');
    expect(ageBucket(daysAgo(91), NOW)).toBe('90+');
  });
  it('counts only invoices with something due', () => {
    expect(
      agedBalances(
        [
          { issuedAt: daysAgo(5), balance: 100 },
          { issuedAt: daysAgo(6), balance: 0 },
          { issuedAt: daysAgo(200), balance: 50 },
        ],
        NOW,
      ),
    ).toEqual([
      { bucket: '0-30', invoices: 1, balance: 100 },
      { bucket: '31-60', invoices: 0, balance: 0 },
      { bucket: '61-90', invoices: 0, balance: 0 },
      { bucket: '90+', invoices: 1, balance: 50 },
    ]);
  });
});

describe('revenue', () => {
  it('nets refunds against payments per day, method and doctor, and leaves empty days in', () => {
    const r = revenueReport(
      ['2026-12-01', '2026-12-02'],
      (iso) => iso.slice(0, 10),
      [{ total: 500, issuedAt: '2026-12-01T10:00:00Z', doctorId: 'd1' }],
      [{ amount: 300, method: 'card', at: '2026-12-01T11:00:00Z', doctorId: 'd1' }],
      [{ amount: 100, method: 'card', at: '2026-12-01T12:00:00Z', doctorId: 'd1' }],
    );
    expect(r.totals).toEqual({ invoiced: 500, payments: 300, refunds: 100, net: 200 });
    expect(r.byDay[1]).toEqual({
      date: '2026-12-02',
      invoiced: 0,
      payments: 0,
      refunds: 0,
      net: 0,
    });
    expect(r.byMethod.find((m) => m.method === 'card')).toEqual({
      method: 'card',
      payments: 300,
      refunds: 100,
      net: 200,
    });
    expect(r.byDoctor).toEqual([
      { doctorId: 'd1', invoiced: 500, payments: 300, refunds: 100, net: 200 },
    ]);
  });
});
