// The live event stream (WebSocket /api/v1/events). After every (re)connection it asks for a
// snapshot first, so a page that lost the connection never shows stale state: events that
// arrive after the snapshot are newer than it. Reconnects with a growing delay (1 s → 15 s).

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15000;

export class EventStream {
  /**
   * @param url        function giving the ws:// address (the token may have changed)
   * @param handlers   {onSnapshot(snapshot), onEvent(name, data), onState('connecting'|'live'|'offline')}
   */
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.delay = FIRST_DELAY_MS;
    this.socket = null;
    this.timer = null;
    this.closed = false;
  }

  start() {
    this.closed = false;
    this.open();
    return this;
  }

  stop() {
    this.closed = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000, 'bye');
    this.socket = null;
  }

  async open() {
    this.handlers.onState?.('connecting');
    let address;
    try {
      address = await this.url();
    } catch (e) {
      this.retry(); // no token now (dialerd unreachable): try again later
      return;
    }
    if (this.closed) return;
    const socket = new WebSocket(address);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.delay = FIRST_DELAY_MS;
      socket.send(JSON.stringify({type: 'snapshot'}));
    });
    socket.addEventListener('message', (message) => this.receive(message.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.retry();
    });
  }

  retry() {
    this.handlers.onState?.('offline');
    if (!this.closed) {
      this.timer = setTimeout(() => this.open(), this.delay);
      this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    }
  }

  receive(raw) {
    let message;
    try {
      message = JSON.parse(raw);
    } catch (e) {
      return; // not ours to interpret
    }
    if (message.type === 'snapshot') {
      this.handlers.onState?.('live');
      this.handlers.onSnapshot?.(message);
    } else if (message.type === 'event') {
      this.handlers.onEvent?.(message.event, message.data || {});
    } else if (message.type === 'stats') {
      this.handlers.onStats?.(message);
    } else if (message.type === 'error') {
      this.handlers.onError?.(message.error || {});
    }
  }
}
