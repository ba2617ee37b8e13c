// The one place a page keeps its state. Views never change the state themselves: they call
// update(), and every subscriber renders from the new state.

export class Store {
  constructor(initial) {
    this.state = initial;
    this.listeners = [];
  }

  subscribe(listener) {
    this.listeners.push(listener);
  }

  /** change: a partial state, or a function from the state to one. */
  update(change) {
    const partial = typeof change === 'function' ? change(this.state) : change;
    this.state = {...this.state, ...partial};
    for (const listener of this.listeners) listener(this.state);
  }
}
