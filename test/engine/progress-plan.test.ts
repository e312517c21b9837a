// Progress weighted by expected duration: a long step counts for its time, a step that overruns its estimate
// holds below its share instead of eating the next one's, and the share never goes back or past 100 %.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProgressPlan } from '../../src/engine/progress-plan.ts';
import { createProgressReporter, formatShare } from '../../src/cli/progress.ts';
import { setLocale } from '../../src/cli/text.ts';

describe('progress weighted by expected duration', () => {
  it('counts each step for its expected time, moves with the clock inside one, and holds an overrun at 95 % of its share', () => {
    let now = 0;
    const plan = createProgressPlan([{ id: 'load', expectedMs: 36_000 }, { id: 'checkout', expectedMs: 6_000 }, { id: 'links', expectedMs: 5_000 }], [{ id: 'discovery', expectedMs: 1_000 }], () => now);
    expect(plan.fraction()).toBeCloseTo(1 / 48);
    plan.start('load');
    now = 18_000;
    expect(plan.fraction()).toBeCloseTo(19 / 48);
    now = 100_000; // Lighthouse far slower than expected: held, not at the end
    expect(plan.fraction()).toBeCloseTo((1 + 0.95 * 36) / 48);
    plan.finish('load');
    expect(plan.fraction()).toBeCloseTo(37 / 48);
    plan.start('checkout');
    plan.finish('checkout'); // faster than expected: jumps to its share's end
    expect(plan.fraction()).toBeCloseTo(43 / 48);
    plan.start('links');
    plan.finish('links');
    expect(plan.fraction()).toBe(1);
  });

  it('never goes back and stays within 0..1, whatever the estimates and timings', () => {
    const step = fc.record({ expectedMs: fc.oneof(fc.double({ min: -1e6, max: 1e9, noNaN: false }), fc.constant(0)), takesMs: fc.nat(1e7) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        let now = 0;
        const plan = createProgressPlan(steps.map((s, i) => ({ id: `s${i}`, expectedMs: s.expectedMs })), [], () => now);
        let last = plan.fraction();
        const check = () => {
          const f = plan.fraction();
          expect(f).toBeGreaterThanOrEqual(last - 1e-12);
          expect(f).toBeLessThanOrEqual(1);
          last = f;
        };
        steps.forEach((s, i) => {
          plan.start(`s${i}`);
          check();
          now += s.takesMs / 2;
          check();
          now += s.takesMs / 2;
          check();
          plan.finish(`s${i}`);
          check();
        });
        expect(last).toBeCloseTo(1);
      }),
    );
  });

  it('prints the elapsed time and the share before the whole message, in the reader\'s digits', () => {
    const lines: string[] = [];
    const stream = { write: (chunk: string) => lines.push(chunk) } as unknown as NodeJS.WritableStream;
    const long = `checkout: information (https://shop.example/checkouts/cn/${'a'.repeat(120)}/information)`;
    const report = createProgressReporter(stream, 0, Date.now());
    report(long, { fraction: 0.426 });
    expect(lines[0]).toMatch(/^\[\s+\d+\.\ds\s+42%\] /);
    expect(lines[0]!.trimEnd().endsWith(long)).toBe(true);
    setLocale('fa');
    try {
      expect(formatShare(0.426)).toContain('۴۲');
    } finally {
      setLocale('en');
    }
  });
});
