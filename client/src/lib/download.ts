/** Saves text as a file through the browser's download, without a round trip to the server. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // The byte-order mark tells spreadsheet programs the file is UTF-8 (names with accents stay intact).
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
