(function () {
  const source = document.getElementById('source');
  const target = document.getElementById('target');
  const swap = document.getElementById('swap');
  const go = document.getElementById('go');
  const text = document.getElementById('text');
  const translation = document.getElementById('translation');
  const result = document.getElementById('result');
  const errorBox = document.getElementById('error');
  const meta = document.getElementById('meta');
  const detected = document.getElementById('detected');
  const count = document.getElementById('count');
  const pairsNote = document.getElementById('pairs-note');
  let pairs = [];
  let maxChars = 20000;
  let lastSource = null;

  function option(code, name) {
    return Lantern.el('option', {value: code, text: `${name} (${code})`});
  }

  function nameOf(code) {
    const pair = pairs.find((p) => p.source === code || p.target === code);
    return !pair ? code : pair.source === code ? pair.sourceName : pair.targetName;
  }

  function fillPickers() {
    const sources = [...new Set(pairs.map((p) => p.source))];
    const targets = [...new Set(pairs.map((p) => p.target))];
    source.append(...sources.map((c) => option(c, nameOf(c))));
    target.replaceChildren(...targets.map((c) => option(c, nameOf(c))));
    const ready = pairs.find((p) => p.state === 'ready');
    if (ready) target.value = ready.target;
    const missing = pairs.filter((p) => p.state !== 'ready')
      .map((p) => `${p.sourceName} → ${p.targetName} (${p.state === 'loading' ? 'loading' : 'no model yet'})`);
    pairsNote.textContent = missing.length ? `Not available: ${missing.join(', ')}.` : '';
  }

  function countChars() {
    count.textContent = `${text.value.length.toLocaleString()} of ${maxChars.toLocaleString()} characters`;
  }

  async function translate() {
    Lantern.clearError(errorBox);
    detected.textContent = '';
    const request = {text: text.value, target: target.value};
    if (source.value) request.source = source.value;
    try {
      const answer = await Lantern.whileBusy(result, (signal) => Lantern.request('/api/translate', {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(request), signal}));
      translation.value = answer.translation;
      lastSource = answer.source;
      if (answer.detectedSource) {
        detected.textContent = `Detected language: ${nameOf(answer.source)} (${answer.source})`;
      }
      const t = answer.timings;
      meta.textContent = `${answer.source} → ${answer.target} · ${answer.model} · ${t.sentences} sentence`
        + `${t.sentences === 1 ? '' : 's'} · ${t.totalMs} ms (translate ${t.translateMs} ms)`;
    } catch (e) {
      translation.value = '';
      meta.textContent = '';
      Lantern.showError(errorBox, e.status === 503 && /TrainTranslator/.test(e.message)
        ? `This language pair has no trained model yet. ${e.message}` : e.message);
    }
  }

  /** Swaps the languages and moves the translation into the text box, ready to translate back. */
  function swapLanguages() {
    const from = source.value || lastSource;
    const to = target.value;
    if (from && [...target.options].some((o) => o.value === from)) target.value = from;
    if ([...source.options].some((o) => o.value === to)) source.value = to;
    if (translation.value) {
      text.value = translation.value;
      translation.value = '';
      countChars();
    }
    detected.textContent = '';
    meta.textContent = '';
    Lantern.clearError(errorBox);
    text.focus();
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
  go.addEventListener('click', translate);
  swap.addEventListener('click', swapLanguages);
  loadLanguages();
})();
