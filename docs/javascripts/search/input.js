// The search box tells the search worker its text as soon as the text changes.
//
// Material sends the query to the worker on keyup (its bundle: fromEvent(input, "keyup")), so a
// reader's results waited for each key to be let go: the 40-100 ms a key is held down came on top
// of every answer. On every input event to the search box this sends Material a keyup of its own,
// which does not bubble (nothing else sees it); the real keyup after it carries the same text,
// which Material's distinctUntilChanged drops. Pasting and deleting with the mouse now search too.
document.addEventListener("input", event => {
  const field = event.target
  if (field instanceof HTMLInputElement && field.matches("[data-md-component=search-query]"))
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }))
}, true)
