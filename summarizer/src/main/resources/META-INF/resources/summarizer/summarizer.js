(function () {
  const text = document.getElementById('text');
  const amount = document.getElementById('amount');
  const unit = document.getElementById('unit');
  const go = document.getElementById('go');
  const file = document.getElementById('file');
  const result = document.getElementById('result');
  const errorBox = document.getElementById('error');
  const summary = document.getElementById('summary');
  const copy = document.getElementById('copy');
  const meta = document.getElementById('meta');
  const source = document.getElementById('source');
  const count = document.getElementById('count');
  const sourcePanel = document.getElementById('source-panel');

  function countWords() {
    const words = text.value.trim() ? text.value.trim().split(/\s+/).length : 0;
    count.textContent = `${text.value.length.toLocaleString()} characters · ${words.toLocaleString()} words`;
  }

  /** The length asked for, checked in the page's own terms (percent, whole sentences), or an Error saying why. */
  function length() {
    const raw = amount.value.trim();
    const value = Number(raw);
    const what = unit.value === 'ratio' ? 'a percentage of the text' : `a number of ${unit.value}`;
    if (raw === '' || !Number.isFinite(value)) throw new Error(`Enter the length: ${what}.`);
    if (unit.value === 'ratio') {
      if (value <= 0 || value > 100) {
        throw new Error(`The length is a percentage of the text: from 1 to 100, not ${raw}.`);
      }
      return {ratio: value / 100};
    }
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`The length is a whole number of ${unit.value}, 1 or more, not ${raw}.`);
    }
    return {[unit.value]: value};
  }

  /** The submitted text with each chosen sentence wrapped in <mark>, built from the answer's offsets. */
  function highlight(original, sentences) {
    const parts = [];
    let at = 0;
    sentences.forEach((s) => {
      parts.push(original.slice(at, s.start));
      parts.push(Lantern.el('mark', {text: original.slice(s.start, s.end), title: `score ${s.score}`}));
      at = s.end;
    });
    parts.push(original.slice(at));
    source.replaceChildren(...parts);
  }

  function showSummary(answer, submitted) {
    summary.textContent = answer.summary;
    copy.hidden = false;
    if (submitted === null) {
      source.replaceChildren();
      sourcePanel.hidden = true;
    } else {
      highlight(submitted, answer.sentences);
      sourcePanel.hidden = false;
    }
    const t = answer.timings;
    const read = answer.document ? `Read ${answer.document.fileName}: ${answer.document.type},`
      + ` ${answer.document.characters.toLocaleString()} characters · ` : '';
    meta.textContent = `${read}${answer.sentences.length} of ${t.sentences} sentences · ${answer.model}`
      + ` · split ${t.splitMs} ms · embed ${t.embedMs} ms · select ${t.selectMs} ms`;
  }

  function showFailure(e) {
    summary.textContent = '';
    copy.hidden = true;
    meta.textContent = '';
    source.replaceChildren();
    sourcePanel.hidden = true;
    Lantern.showError(errorBox, e.message);
  }

  async function summarize() {
    document.getElementById('empty').hidden = true;
    Lantern.clearError(errorBox);
    const submitted = text.value;
    try {
      const request = JSON.stringify({text: submitted, ...length()});
      const answer = await Lantern.whileBusy(result, (signal) => Lantern.request('/api/summarize', {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: request, signal}), request);
      showSummary(answer, submitted);
    } catch (e) {
      showFailure(e);
    }
  }

  /** A document the page cannot read itself goes to the API, which extracts its text and says what it read. */
  async function summarizeDocument(chosen) {
    document.getElementById('empty').hidden = true;
    Lantern.clearError(errorBox);
    try {
      const form = new FormData();
      form.append('file', chosen, chosen.name);
      Object.entries(length()).forEach(([name, value]) => form.append(name, String(value)));
      const answer = await Lantern.whileBusy(result, (signal) => Lantern.request('/api/summarize', {
        method: 'POST', body: form, signal}));
      showSummary(answer, null);
    } catch (e) {
      showFailure(e);
    }
  }

  async function load(chosen) {
    if (!Lantern.isPlainText(chosen)) {
      summarizeDocument(chosen);
      return;
    }
    text.value = await chosen.text();
    countWords();
    summarize();
  }

  unit.addEventListener('change', () => {
    amount.max = unit.value === 'ratio' ? '100' : '';
    amount.value = unit.value === 'sentences' ? 3 : unit.value === 'words' ? 60 : 20;
  });
  amount.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); summarize(); }
  });
  text.addEventListener('input', countWords);
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); summarize(); }
  });
  Lantern.documentDrop(text, file, load);
  go.addEventListener('click', summarize);
  countWords();
  // written for this page: a short local news story, the kind of text the model was tuned on
  const EXAMPLE = 'The city council voted on Tuesday to turn the old rail yard beside the river into a public park. '
    + 'The plan took four years to draw up and adds twelve hectares of green space to the east side of the city. '
    + 'Work on paths, a playground and a wetland garden starts in the spring and should end within two years. '
    + 'Residents had asked for a park on the site since the yard closed in 2009, when freight moved to the new '
    + 'terminal north of the city. Some council members wanted housing there instead, but the vote was eight to '
    + 'three in favour of the park. The cost, about 14 million euros, will be shared by the city and the region. '
    + 'A design competition held last year drew forty entries from across Europe. The winning team, a landscape '
    + 'studio from Rotterdam, kept two of the old signal towers as lookouts over the water. Local shops expect more '
    + 'visitors once the park opens, and the bus line that ends at the yard will run every ten minutes.';
  document.getElementById('example').addEventListener('click', () => {
    text.value = EXAMPLE;
    countWords();
    summarize();
  });
  Lantern.copyButton(copy, () => summary.textContent, () => summary);
})();
