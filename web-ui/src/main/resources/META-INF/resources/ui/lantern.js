// Lantern's browser code, shared by every task page. Plain ES2020, no build step, no dependencies.
(function (global) {
  'use strict';

  /**
   * Creates an element: el('li', {class: 'x', style: {width: '5%'}}, [child, 'text']). Styles are set as properties:
   * the Content-Security-Policy refuses style attributes.
   */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v;
      else if (k === 'style') Object.assign(node.style, v);
      else node.setAttribute(k, v);
    });
    (children || []).forEach((c) => node.append(c));
    return node;
  }

  /**
   * The API key, where the server asks for one (lantern.security.api-keys): kept in this browser's localStorage,
   * sent as 'Authorization: Bearer' with every request, entered in a field the header bar shows after a 401.
   */
  const apiKey = (function () {
    const STORE = 'lantern.apiKey';
    let panel = null;

    function get() {
      try { return localStorage.getItem(STORE) || ''; } catch (e) { return ''; } // storage off: no key kept
    }

    function set(key) {
      try {
        if (key) localStorage.setItem(STORE, key); else localStorage.removeItem(STORE);
      } catch (e) { /* storage off: the key lasts as long as the field shows it */ }
    }

    function withKey(options) {
      const key = get();
      if (!key) return options;
      const headers = new Headers((options && options.headers) || {});
      headers.set('Authorization', 'Bearer ' + key);
      return Object.assign({}, options, {headers});
    }

    /** The key field (asking) or the kept key's forget button; both in the header bar. */
    function show(asking) {
      if (!panel) {
        panel = el('div', {class: 'api-key'});
        (document.querySelector('header.bar') || document.body).append(panel);
      }
      if (!asking) {
        const forget = el('button', {type: 'button', class: 'api-key-forget', text: 'Forget API key'});
        forget.addEventListener('click', () => { set(''); show(true); });
        panel.replaceChildren(el('span', {class: 'api-key-kept', text: 'API key kept in this browser'}), forget);
        return;
      }
      const input = el('input', {id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false',
        placeholder: 'Paste your API key'});
      const form = el('form', {class: 'api-key-form'}, [
        el('label', {for: 'api-key', text: 'API key'}), input, el('button', {type: 'submit', text: 'Use key'})]);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const key = input.value.trim();
        if (!key) return;
        set(key);
        show(false);
      });
      panel.replaceChildren(form);
      input.focus();
    }

    if (get()) {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => show(false));
      else show(false);
    }
    return {withKey, refused: () => show(true)};
  })();

  /** fetch, with the API key; a network failure becomes an Error that says so. */
  async function send(url, options) {
    try {
      return await fetch(url, apiKey.withKey(options));
    } catch (e) {
      if (e.name === 'AbortError') throw e; // a newer request took over (whileBusy)
      throw new Error('The server cannot be reached. Is Lantern still running?');
    }
  }

  /** The Error for a refused request, carrying the server's own message. */
  function failure(response, body) {
    let message = body && body.error ? body.error : `The server answered ${response.status} ${response.statusText}.`;
    if (response.status === 401) {
      apiKey.refused();
      message += ' Enter your key in the field at the top of the page, then try again.';
    }
    const error = new Error(message);
    error.status = response.status;
    return error;
  }

  async function jsonOf(response) {
    const type = response.headers.get('content-type') || '';
    return type.includes('json') ? response.json().catch(() => null) : null;
  }

  /** fetch that answers parsed JSON or throws an Error carrying the server's own message. */
  async function request(url, options) {
    const response = await send(url, options);
    const body = await jsonOf(response);
    if (!response.ok) throw failure(response, body);
    return body;
  }

  /** fetch for an answer that is a file (a translated document): {blob, headers}, or throws as request() does. */
  async function requestFile(url, options) {
    const response = await send(url, options);
    if (!response.ok) throw failure(response, await jsonOf(response));
    return {blob: await response.blob(), headers: response.headers};
  }

  /**
   * A document given to a text box: dropped on it, or chosen with a file input (a native control, so the keyboard
   * and screen readers reach it). Calls onFile(file) for each; the box shows when a file is dragged over it.
   */
  function documentDrop(box, input, onFile) {
    box.addEventListener('dragover', (e) => { e.preventDefault(); box.classList.add('dragover'); });
    box.addEventListener('dragleave', () => box.classList.remove('dragover'));
    box.addEventListener('drop', (e) => {
      const dropped = e.dataTransfer.files[0];
      box.classList.remove('dragover');
      if (dropped) { e.preventDefault(); onFile(dropped); }
    });
    input.addEventListener('change', () => {
      if (input.files[0]) onFile(input.files[0]);
      input.value = '';
    });
  }

  /** Whether a file is plain text or Markdown, which a page reads into its text box itself. */
  function isPlainText(file) {
    return /\.(txt|text|md|markdown)$/i.test(file.name) || file.type === 'text/plain' || file.type === 'text/markdown';
  }

  /** The width below which lantern.css stacks the input above the result (.layout). */
  const ONE_COLUMN = window.matchMedia('(max-width: 44rem)');

  /** The running work of each busy region, so that a newer request can cancel it. */
  const running = new WeakMap();

  /**
   * Marks a region busy (spinner shown, its buttons disabled) while promise-returning work runs; work gets an
   * AbortSignal to pass to request(). Only the latest work of a region answers: starting new work aborts the running
   * one, whose caller then never resumes, so a slow older answer cannot overwrite a newer one or end its spinner.
   * Work given the same key as the running work (the same request again: a double click) does not start; the running
   * work answers, and this caller never resumes.
   */
  async function whileBusy(region, work, key) {
    const superseded = () => new Promise(() => {});
    const previous = running.get(region);
    if (previous && key !== undefined && previous.key === key) return superseded();
    if (previous) previous.abort();
    const controller = new AbortController();
    controller.key = key;
    running.set(region, controller);
    region.setAttribute('aria-busy', 'true');
    const buttons = Array.from(region.querySelectorAll('button'));
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const answer = await work(controller.signal);
      return controller.signal.aborted ? superseded() : answer;
    } catch (e) {
      if (controller.signal.aborted) return superseded();
      throw e;
    } finally {
      if (running.get(region) === controller) {
        running.delete(region);
        region.setAttribute('aria-busy', 'false');
        buttons.forEach((b) => { b.disabled = false; });
        // on a phone the answer sits below the input, out of sight: bring it up once the page has drawn it
        if (ONE_COLUMN.matches) setTimeout(() => region.scrollIntoView({block: 'start'}), 0);
      }
    }
  }

  function showError(box, message) {
    box.textContent = message;
    box.hidden = false;
  }

  function clearError(box) {
    box.textContent = '';
    box.hidden = true;
  }

  /** Horizontal bars for [{label, value (0..1), detail}]. */
  function renderBars(list, items) {
    list.replaceChildren(...items.map((item) => {
      const percent = Math.max(0, Math.min(100, item.value * 100));
      return el('li', {}, [
        el('div', {class: 'row'}, [
          el('span', {class: 'label', text: item.label}),
          el('span', {class: 'value', text: item.detail || percent.toFixed(1) + '%'}),
        ]),
        el('div', {class: 'track', role: 'presentation'}, [el('div', {class: 'fill', style: {width: `${percent}%`}})]),
      ]);
    }));
  }

  /**
   * Turns a .dropzone element into an image picker: click, Enter or Space opens the file chooser; a file can be
   * dropped on it or pasted anywhere on the page. onImage(file) receives each chosen image. The optional examples
   * element gets a button for each photo its data-photos names, which loads that photo as if it had been chosen.
   */
  function imagePicker(zone, onImage, onReject, examples) {
    // hidden from assistive technology too: the zone is the one control, not a button with a "Choose File" inside
    const input = el('input', {type: 'file', accept: 'image/*', class: 'visually-hidden', tabindex: '-1',
      'aria-hidden': 'true'});
    zone.append(input);
    const preview = zone.querySelector('img') || zone.appendChild(el('img', {alt: 'Chosen image', hidden: ''}));
    const hint = zone.querySelector('.hint');
    let previewUrl = null;
    // a file the browser cannot draw (corrupt, or a format it lacks) leaves the hint, not a broken-image icon
    preview.addEventListener('error', () => {
      preview.hidden = true;
      if (hint) hint.hidden = false;
    });

    function take(file) {
      if (!file) return;
      if (file.type && !file.type.startsWith('image/')) {
        // the previous image goes too: what the page shows must be what it talks about
        preview.hidden = true;
        if (hint) hint.hidden = false;
        onReject(`"${file.name}" is not an image (${file.type}).`);
        return;
      }
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = URL.createObjectURL(file);
      preview.src = previewUrl;
      preview.hidden = false;
      if (hint) hint.hidden = true;
      onImage(file);
    }

    zone.addEventListener('click', (e) => { if (e.target !== input) input.click(); });
    zone.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); }
    });
    input.addEventListener('change', () => { take(input.files[0]); input.value = ''; });
    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('dragover'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragover'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('dragover');
      take(e.dataTransfer.files[0]);
    });
    document.addEventListener('paste', (e) => {
      const item = Array.from(e.clipboardData ? e.clipboardData.items : []).find((i) => i.kind === 'file');
      if (item) { e.preventDefault(); take(item.getAsFile()); }
    });
    // example photos (<div data-photos="coffee cat">: /ui/examples/coffee.jpg, ...) go the same way as a chosen file
    (examples ? examples.dataset.photos.split(' ') : []).forEach((name) => {
      const url = `/ui/examples/${name}.jpg`;
      const button = el('button', {type: 'button', class: 'photo', 'data-photo': url},
        [el('img', {src: url, alt: ''}), name.charAt(0).toUpperCase() + name.slice(1)]);
      examples.append(button);
      button.addEventListener('click', async () => {
        try {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const blob = await response.blob();
          take(new File([blob], `${name}.jpg`, {type: blob.type}));
        } catch (e) {
          onReject(`The example photo could not be loaded (${e.message}).`);
        }
      });
    });
    return {input, preview};
  }

  /**
   * A button that copies what text() returns and says so for a moment. Where the page may not write the clipboard
   * (plain http from another host) it selects the element source() names instead, for Ctrl+C.
   */
  function copyButton(button, text, source) {
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text());
        button.textContent = 'Copied';
      } catch (e) {
        window.getSelection().selectAllChildren(source());
        button.textContent = 'Selected';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    });
  }

  global.Lantern = {el, request, requestFile, whileBusy, showError, clearError, renderBars, imagePicker, copyButton,
    documentDrop, isPlainText};
})(window);
