// Documents with the same text: the explorer keeps one of them (the
// pipeline warns "identical to …; kept once"), so a hit on any of them
// finds the query's target, for every engine alike.

/// Map from each file to the files (itself included) whose text is the same.
export function twinsByFile(docs) {
  const byText = new Map();
  for (const doc of docs) {
    if (!byText.has(doc.text)) byText.set(doc.text, []);
    byText.get(doc.text).push(doc.file);
  }
  return new Map(docs.map((doc) => [doc.file, byText.get(doc.text)]));
}
