(function () {
  const source = document.getElementById('source');
  const target = document.getElementById('target');
  const swap = document.getElementById('swap');
  const go = document.getElementById('go');
  const text = document.getElementById('text');
  const translation = document.getElementById('translation');
  const empty = document.getElementById('empty');
  const unsure = document.getElementById('unsure');
  const copy = document.getElementById('copy');
  const result = document.getElementById('result');
  const errorBox = document.getElementById('error');
  const meta = document.getElementById('meta');
  const detected = document.getElementById('detected');
  const count = document.getElementById('count');
  const pairsNote = document.getElementById('pairs-note');
  const file = document.getElementById('file');
  const download = document.getElementById('download');
  let downloadUrl = null;
  let pairs = [];
  let maxChars = 20000;
  let lastSource = null;
  let lastTranslation = '';

  function nameOf(code) {
    const pair = pairs.find((p) => p.source === code || p.target === code);
    return !pair ? code : pair.source === code ? pair.sourceName : pair.targetName;
  }

  /** A ready pair goes from `from` (any source when empty: detection) to `to`. */
  function servable(from, to) {
    return pairs.some((p) => p.state === 'ready' && p.target === to && (!from || p.source === from)
      && p.source !== to);
  }

  /** An entry of a picker; one without a ready model is marked and cannot be chosen. */
  function markAvailable(option, available) {
    option.disabled = !available;
    option.textContent = `${nameOf(option.value)} (${option.value})${available ? '' : ' · no model'}`;
    return option;
  }

  /** Marks the targets the chosen source cannot reach as unavailable, and moves off one that is. */
  function updateTargets(preferred) {
    const wanted = preferred || target.value;
    [...target.options].forEach((o) => markAvailable(o, servable(source.value, o.value)));
    const chosen = [...target.options].find((o) => o.value === wanted && !o.disabled)
      || [...target.options].find((o) => !o.disabled);
    if (chosen) target.value = chosen.value;
  }

  function fillPickers() {
    const sources = [...new Set(pairs.map((p) => p.source))];
    const targets = [...new Set(pairs.map((p) => p.target))];
    source.append(...sources.map((c) => markAvailable(Lantern.el('option', {value: c}),
      pairs.some((p) => p.source === c && p.state === 'ready'))));
    target.replaceChildren(...targets.map((c) => Lantern.el('option', {value: c})));
    updateTargets();
    const missing = pairs.filter((p) => p.state !== 'ready')
      .map((p) => `${p.sourceName} → ${p.targetName} (${p.state === 'loading' ? 'loading' : 'no model installed'})`);
    pairsNote.textContent = missing.length ? `Not available: ${missing.join(', ')}.` : '';
  }

  function countChars() {
    count.textContent = `${text.value.length.toLocaleString()} of ${maxChars.toLocaleString()} characters`;
  }

  function clearResult() {
    translation.replaceChildren();
    lastTranslation = '';
    empty.hidden = false;
    unsure.hidden = true;
    copy.hidden = true;
    meta.textContent = '';
    download.hidden = true;
    download.replaceChildren();
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = null;
  }

  /**
   * Writes the translation with each sentence in a span of its own, found in order in the laid-out text, so that
   * the line and paragraph breaks stay and unsure sentences can be marked.
   */
  function showTranslation(answer) {
    const nodes = [];
    let at = 0;
    let marked = 0;
    // below this a sentence is marked: the model thinks it more likely unusable than usable
    const unsureBelow = Number(translation.dataset.unsureBelow);
    answer.sentences.forEach((s) => {
      const start = answer.translation.indexOf(s.translation, at);
      if (start < 0 || !s.translation) return;
      if (start > at) nodes.push(answer.translation.slice(at, start));
      const percent = Math.round(s.confidence * 100);
      const span = Lantern.el('span', {text: s.translation, title: `Confidence ${percent}%`});
      if (s.confidence < unsureBelow) {
        span.className = 'unsure';
        span.title = `Lantern is unsure of this sentence (confidence ${percent}%)`;
        marked++;
      }
      nodes.push(span);
      at = start + s.translation.length;
    });
    nodes.push(answer.translation.slice(at));
    translation.replaceChildren(...nodes);
    lastTranslation = answer.translation;
    empty.hidden = true;
    copy.hidden = false;
    unsure.hidden = marked === 0;
    const total = answer.sentences.length;
    const which = total === 1 ? 'The sentence is'
      : marked === 1 ? `1 of ${total} sentences is` : `${marked} of ${total} sentences are`;
    unsure.textContent = marked === 0 ? '' : `${which} underlined: the model is unsure of `
      + `${marked === 1 ? 'it' : 'them'}, most likely because the text is unlike what it learned from.`;
  }

  async function translate() {
    await languagesLoaded; // a click before the pickers are filled would send no target
    const request = {text: text.value, target: target.value};
    if (source.value) request.source = source.value;
    const body = JSON.stringify(request);
    Lantern.clearError(errorBox);
    detected.textContent = '';
    try {
      const answer = await Lantern.whileBusy(result, (signal) => Lantern.request('/api/translate', {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body, signal}), body);
      clearResult();
      showTranslation(answer);
      lastSource = answer.source;
      if (answer.detectedSource) showDetected(answer.source);
      const t = answer.timings;
      meta.textContent = `${answer.source} → ${answer.target} · confidence ${Math.round(answer.confidence * 100)}%`
        + ` · ${answer.model} · ${t.sentences} sentence${t.sentences === 1 ? '' : 's'} · ${t.totalMs} ms`
        + ` (translate ${t.translateMs} ms)`;
    } catch (e) {
      clearResult();
      Lantern.showError(errorBox, e.message);
      // detection could not tell, or found a language with no model: the picker is where to answer
      if (!source.value && e.status === 422) source.focus();
    }
  }

  /** Says which language detection chose, with a way to correct it: the picker, set to that language. */
  function showDetected(code) {
    const change = Lantern.el('button', {type: 'button', id: 'change-source', text: 'Change'});
    change.addEventListener('click', () => {
      source.value = code;
      updateTargets();
      source.focus();
    });
    detected.replaceChildren(`Detected language: ${nameOf(code)} (${code}). Wrong? `, change);
  }

  /** The file name of a Content-Disposition header (its UTF-8 form when given). */
  function fileName(disposition, fallback) {
    const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
    if (utf8) return decodeURIComponent(utf8[1]);
    const plain = /filename="([^"]+)"/i.exec(disposition || '');
    return plain ? plain[1] : fallback;
  }

  /**
   * A document goes to the API, which answers the translated document. Text, Markdown and HTML are shown as text (an
   * HTML translation is never put into this page as markup); every kind can be downloaded.
   */
  async function translateDocument(chosen) {
    await languagesLoaded;
    Lantern.clearError(errorBox);
    detected.textContent = '';
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    form.append('target', target.value);
    if (source.value) form.append('source', source.value);
    try {
      const answer = await Lantern.whileBusy(result, (signal) => Lantern.requestFile('/api/translate', {
        method: 'POST', body: form, signal}));
      const headers = answer.headers;
      clearResult();
      if ((headers.get('content-type') || '').startsWith('text/')) {
        lastTranslation = await answer.blob.text();
        translation.textContent = lastTranslation;
        copy.hidden = false;
      }
      empty.hidden = true;
      const name = fileName(headers.get('content-disposition'), 'translation');
      downloadUrl = URL.createObjectURL(answer.blob);
      download.replaceChildren(Lantern.el('a', {href: downloadUrl, download: name, text: `Download ${name}`}));
      download.hidden = false;
      lastSource = headers.get('x-lantern-source');
      if (headers.get('x-lantern-detected-source') === 'true') showDetected(lastSource);
      meta.textContent = `Read ${chosen.name}: ${headers.get('x-lantern-document-type')}, `
        + `${Number(headers.get('x-lantern-document-characters')).toLocaleString()} characters · `
        + `${lastSource} → ${headers.get('x-lantern-target')}`;
    } catch (e) {
      clearResult();
      Lantern.showError(errorBox, e.message);
      if (!source.value && e.status === 422) source.focus();
    }
  }

  /** Swaps the languages and moves the translation into the text box, ready to translate back. */
  function swapLanguages() {
    const from = source.value || lastSource;
    const to = target.value;
    if ([...source.options].some((o) => o.value === to && !o.disabled)) source.value = to;
    // with the source unknown (never detected yet) the old target's language goes to whatever it can reach
    updateTargets(from && from !== source.value ? from : null);
    if (lastTranslation) {
      text.value = lastTranslation;
      countChars();
    }
    clearResult();
    detected.textContent = '';
    Lantern.clearError(errorBox);
    text.focus();
  }

  function tryExample(button) {
    text.value = button.textContent.replace(/\s+/g, ' ').trim();
    source.value = button.dataset.source;
    updateTargets(button.dataset.target);
    countChars();
    translate();
  }

  async function loadLanguages() {
    try {
      const answer = await Lantern.request('/api/translate/languages');
      pairs = answer.pairs;
      maxChars = answer.maxChars;
      fillPickers();
      countChars();
    } catch (e) {
      Lantern.showError(errorBox, `The languages cannot be listed: ${e.message}`);
    }
  }

  text.addEventListener('input', countChars);
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); translate(); }
  });
  source.addEventListener('change', () => updateTargets());
  go.addEventListener('click', translate);
  Lantern.documentDrop(text, file, translateDocument);
  swap.addEventListener('click', swapLanguages);
  Lantern.copyButton(copy, () => lastTranslation, () => translation);
  document.querySelectorAll('.example').forEach((b) => b.addEventListener('click', () => tryExample(b)));
  const languagesLoaded = loadLanguages();
})();
