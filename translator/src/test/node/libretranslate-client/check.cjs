// Runs the npm "libretranslate" client as its users do, against a Lantern translator, and prints what it returned
// as one JSON line: node check.cjs <url> [key]. A refused request gives the client no translatedText.
const { translate } = require("libretranslate");

const [apiurl, apiKey] = process.argv.slice(2);

async function main() {
  const given = await translate({ query: "The red dog runs.", source: "en", target: "de", apiurl, apiKey });
  const detected = await translate({
    query: "The old woman reads the paper every morning while the man eats his breakfast.",
    target: "de", apiurl, apiKey,
  });
  console.log(JSON.stringify({ given: given ?? null, detected: detected ?? null }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
