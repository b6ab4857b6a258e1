// The capacity search's stepping, apart from the servers it steps, so that it can be tested.

const FIRST_STEP = 100;
/** Past this many customers the driver itself, on the same two cores, is what is measured. */
const MOST_CUSTOMERS = 3_200;
/** The search stops narrowing when the bracket is within this share of its lower end. */
const RESOLUTION = 0.1;

/**
 * Doubling from FIRST_STEP until a step is not served, then bisecting between the last
 * served and the first not served. Both searches advance in turn, one step each, so the
 * machine's drift falls on both alike.
 */
export class CapacitySearch {
  served: number | null = null;
  notServed: number | null = null;

  next(): number | null {
    if (this.notServed === null) {
      const next = this.served === null ? FIRST_STEP : this.served * 2;
      return next > MOST_CUSTOMERS ? null : next;
    }
    if (this.served === null)
      return this.notServed > FIRST_STEP / 4 ? Math.floor(this.notServed / 2) : null;
    if (this.notServed - this.served <= this.served * RESOLUTION) return null;
    return Math.round((this.served + this.notServed) / 2);
  }

  record(concurrent: number, served: boolean): void {
    if (served) this.served = Math.max(this.served ?? 0, concurrent);
    else this.notServed = Math.min(this.notServed ?? Number.POSITIVE_INFINITY, concurrent);
  }
}
