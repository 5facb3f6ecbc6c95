// Progressive enhancement: shows each "Copy" button and copies the text it names. Without
// script (or without the Clipboard API) the buttons stay hidden and the text can be selected.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const target = document.getElementById(button.dataset.copy)
  if (!target || !navigator.clipboard) continue
  const label = button.textContent
  button.hidden = false
  button.addEventListener('click', async () => {
    const text = [...target.querySelectorAll('p')].map((p) => p.textContent.trim()).join('\n')
    try {
      await navigator.clipboard.writeText(text)
      button.textContent = 'Copied'
    } catch {
      button.textContent = 'Copy failed: select the text instead'
    }
    setTimeout(() => (button.textContent = label), 2000)
  })
}
