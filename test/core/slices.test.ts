import { expect } from '@open-wc/testing';
import { timeSlicer } from '../../components/core/slices.js';

describe('work in slices', () => {
  // A clock the test moves by hand: what is checked is the slicers' arithmetic, not the machine's speed.
  let clock = 0;
  const realNow = Object.getOwnPropertyDescriptor(performance, 'now');
  beforeEach(() => {
    clock = 1e9;
    Object.defineProperty(performance, 'now', { configurable: true, value: () => clock });
  });
  afterEach(() => {
    if (realNow) Object.defineProperty(performance, 'now', realNow);
    else delete (performance as { now?: unknown }).now;
  });

  it('phases run one after another in one task share its budget: the task does not grow by a budget per phase', async () => {
    let yields = 0;
    const counted = async () => {
      yields++;
    };
    // A fresh slice starts here.
    await timeSlicer(0, counted)();
    yields = 0;

    const checking = timeSlicer(10, counted);
    clock += 6;
    await checking();
    expect(yields, 'within the budget').to.equal(0);

    // The next phase (say, decrypting after checking signatures) starts in the same task.
    const decrypting = timeSlicer(10, counted);
    clock += 6;
    await decrypting();
    expect(yields, '12 ms since the last yield').to.equal(1);

    // After a yield, the budget starts again.
    clock += 6;
    await decrypting();
    expect(yields).to.equal(1);
  });
});
