// Documents with the same text: the explorer keeps one of them (the
// pipeline warns "identical to …; kept once"), so a hit on any of them
// finds the query's target, for every engine alike.

/// A function from a file to the files (itself included) whose text is
/// the same; a file not among `docs` has only itself.
export function twinsOf(docs) {
  const byText = new Map();
  for (const doc of docs) {
    if (!byText.has(doc.text)) byText.set(doc.text, []);
    byText.get(doc.text).push(doc.file);
  }
  const byFile = new Map(docs.map((doc) => [doc.file, byText.get(doc.text)]));
  return (file) => byFile.get(file) ?? [file];
}
