"""Reading a page as a browser would submit it: its links and its POST forms."""

from html.parser import HTMLParser


class Page(HTMLParser):
    """The links and POST forms of an HTML page: each form's action, the values its fields
    would send (inputs, checked boxes, selected options, textareas) and its enabled submit
    buttons; text fields are listed apart, for tests that change every one of them."""

    def __init__(self, html: str):
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None
        self._disabled = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            return
        if tag == "form":
            if attrs.get("method", "get").lower() == "post":
                self._form = {"action": attrs.get("action") or "", "fields": [], "text": set()}
                self._form["buttons"] = []
                self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        if tag == "fieldset" and "disabled" in attrs:
            self._disabled += 1
        name, disabled = attrs.get("name"), "disabled" in attrs or self._disabled > 0
        if tag == "button" or (tag == "input" and attrs.get("type") == "submit"):
            if not disabled:
                form["buttons"].append((name, attrs.get("value", "")))
        elif tag == "input" and name and not disabled:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    form["fields"].append((name, attrs.get("value", "on")))
            elif kind != "file":
                form["fields"].append((name, attrs.get("value", "")))
                if kind in {"text", "email", "url", "search", "tel"}:
                    form["text"].add(name)
        elif tag == "select" and name and not disabled:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            form["fields"].append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name and not disabled:
            self._textarea = name
            form["fields"].append((name, ""))
            form["text"].add(name)

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            name, value = self._form["fields"][-1]
            self._form["fields"][-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "fieldset" and self._disabled:
            self._disabled -= 1


def form_data(form: dict, button=None, change_text: str = "") -> dict[str, list[str]]:
    """What submitting the form sends: its fields (text ones with change_text appended)
    and the submit button pressed."""
    data: dict[str, list[str]] = {}
    for name, value in form["fields"]:
        if change_text and name in form["text"] and not name.endswith("TOTAL_FORMS"):
            value = (value or "") + change_text
        data.setdefault(name, []).append(value)
    if button and button[0]:
        data.setdefault(button[0], []).append(button[1])
    return data
