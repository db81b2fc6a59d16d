/**
 * Whether an action is under way, as the Revoke buttons of a clinic's list say it (aria-disabled):
 * thousands of them, one on each person of each record. Each button follows the flag on its own, so
 * the start and the end of an action change only those attributes; the records holding the buttons
 * are not rendered again (that held the page for a third of a second at 5,000 records).
 */
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';

/** Busy buttons say so instead of being disabled: a disabled button drops the keyboard's focus to the page. */
export const busyAttr = (busy: boolean) => (busy ? 'true' : 'false');

/** What the flag tells of a change: a button bound to it. */
interface Follower {
  show(busy: boolean): void;
}

/** One element's "an action is under way", which the buttons bound to it with {@link busyOf} follow. */
export class BusyFlag {
  private now = false;
  private readonly buttons = new Set<Follower>();

  get value(): boolean {
    return this.now;
  }

  set value(busy: boolean) {
    if (busy === this.now) return;
    this.now = busy;
    for (const button of this.buttons) button.show(busy);
  }

  /** @internal Only the buttons on the page follow it: one taken off is let go (see {@link BusyAttribute}). */
  follow(button: Follower, on: boolean): void {
    if (on) this.buttons.add(button);
    else this.buttons.delete(button);
  }
}

class BusyAttribute extends AsyncDirective implements Follower {
  private flag?: BusyFlag;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE) throw new Error('busyOf() belongs in an attribute (aria-disabled).');
  }

  render(flag: BusyFlag): string {
    return busyAttr(flag.value);
  }

  override update(_part: unknown, [flag]: [BusyFlag]): string {
    if (flag !== this.flag) this.flag?.follow(this, false);
    this.flag = flag;
    if (this.isConnected) flag.follow(this, true);
    return this.render(flag);
  }

  show(busy: boolean): void {
    this.setValue(busyAttr(busy));
  }

  protected override disconnected(): void {
    this.flag?.follow(this, false);
  }

  protected override reconnected(): void {
    if (!this.flag) return;
    this.flag.follow(this, true);
    // It may have changed while the button was off the page.
    this.setValue(busyAttr(this.flag.value));
  }
}

/** `aria-disabled=${busyOf(flag)}`: "true" while `flag` says an action is under way, "false" after, without the template holding it rendered again. */
export const busyOf = directive(BusyAttribute);
