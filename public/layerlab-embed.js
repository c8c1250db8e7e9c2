/* global window, document, customElements, HTMLElement */
/*
 * <layerlab-embed src="https://example.org/tools/layerlab/" lesson="…" lang="ko"></layerlab-embed>
 *
 * Puts Layerlab in a page as an iframe (?embed=1) that grows and shrinks with its content, and offers
 * the embed's postMessage API as methods: play(), pause(), step('forward' | 'back'), loadLesson(id,
 * step), run(line). The embed's events are dispatched on the element as 'layerlab-ready',
 * 'layerlab-stepchanged', 'layerlab-commandrun' and 'layerlab-height' (CustomEvent, data in .detail).
 * Attributes go into the frame's URL as text; nothing from them or from a message is inserted as HTML.
 */
(() => {
  if (customElements.get('layerlab-embed')) return;
  const OPTIONS = ['lesson', 'step', 'lang', 'theme', 'autoplay', 'speed'];
  const MIN_HEIGHT = 200;
  const MAX_HEIGHT = 4000;

  class LayerlabEmbed extends HTMLElement {
    static get observedAttributes() {
      return ['src', ...OPTIONS];
    }

    connectedCallback() {
      if (!this.frame) {
        this.frame = document.createElement('iframe');
        this.frame.title = this.getAttribute('title') || 'Layerlab: how Docker stores images';
        this.frame.loading = 'lazy';
        this.frame.setAttribute('allow', 'clipboard-write');
        this.frame.style.cssText = 'display:block;border:0;width:100%;height:430px;max-width:100%';
        this.appendChild(this.frame);
        this.onMessage = (e) => this.receive(e);
        window.addEventListener('message', this.onMessage);
      }
      this.update();
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.onMessage);
    }

    attributeChangedCallback() {
      if (this.frame) this.update();
    }

    /** The frame's URL: src with ?embed=1 and the options, each as text. */
    update() {
      let url;
      try {
        url = new URL(this.getAttribute('src') || './', document.baseURI);
      } catch {
        return;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
      url.searchParams.set('embed', '1');
      url.searchParams.set('origin', window.location.origin);
      for (const name of OPTIONS) {
        const value = this.getAttribute(name);
        if (value !== null) url.searchParams.set(name, value);
      }
      this.origin = url.origin;
      if (this.frame.src !== url.href) this.frame.src = url.href;
    }

    receive(e) {
      if (!this.frame || e.source !== this.frame.contentWindow || e.origin !== this.origin) return;
      const msg = e.data;
      if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;
      if (msg.type === 'height') {
        const h = msg.data && msg.data.height;
        if (typeof h === 'number' && Number.isFinite(h))
          this.frame.style.height = `${Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h)))}px`;
      }
      const name = `layerlab-${msg.type.toLowerCase()}`;
      if (/^layerlab-[a-z]{1,20}$/.test(name))
        this.dispatchEvent(new CustomEvent(name, { detail: msg.data, bubbles: true }));
    }

    send(type, data) {
      if (this.frame && this.frame.contentWindow)
        this.frame.contentWindow.postMessage({ type, data }, this.origin);
    }

    play() {
      this.send('play');
    }

    pause() {
      this.send('pause');
    }

    step(direction = 'forward') {
      this.send('step', direction);
    }

    loadLesson(lesson, step = 0) {
      this.send('loadLesson', { lesson, step });
    }

    run(line) {
      this.send('run', String(line));
    }
  }

  customElements.define('layerlab-embed', LayerlabEmbed);
})();
