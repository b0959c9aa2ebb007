#!/usr/bin/env python3
"""Checks that an HTML report is well-formed, self-contained and inert.

usage: check_html.py FILE [--text TEXT]...

Fails (exit 1, one line per problem) when: tags do not nest or close, an id
repeats, anything would be fetched (src/href/srcset/action/poster attributes,
<link>, <iframe>, <object>, <embed>, <img>, url() or @import in the style),
an element has an on* event handler, there is not exactly one <script> or it
has attributes, or a --text string is missing from the page's text content
(how a hostile server's "<script>" must end up: as text, not as an element).
"""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FETCHING_TAGS = {"link", "iframe", "object", "embed", "img", "frame", "audio", "video", "source", "base"}
FETCHING_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.ids = set()
        self.scripts = 0
        self.text = []
        self.doctype = False
        self.in_style = False

    def problem(self, message):
        line, column = self.getpos()
        self.problems.append(f"{line}:{column}: {message}")

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        if tag in FETCHING_TAGS:
            self.problem(f"<{tag}> fetches or embeds something")
        for name, value in attrs:
            if name in FETCHING_ATTRIBUTES:
                self.problem(f"<{tag} {name}=...> fetches something")
            if name.startswith("on"):
                self.problem(f"<{tag} {name}=...> is an event handler")
            if name == "id":
                if value in self.ids:
                    self.problem(f"id {value!r} repeats")
                self.ids.add(value)
        if tag == "script":
            self.scripts += 1
            if attrs:
                self.problem("<script> has attributes")
        self.in_style = tag == "style"
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        self.in_style = False
        if tag in VOID:
            self.problem(f"</{tag}> closes a void element")
        elif not self.stack:
            self.problem(f"</{tag}> without an open element")
        elif self.stack[-1] != tag:
            self.problem(f"</{tag}> while <{self.stack[-1]}> is open")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_style and ("url(" in data or "@import" in data):
            self.problem("the style fetches something")
        if not self.stack or self.stack[-1] not in ("script", "style"):
            self.text.append(data)


def main(argv):
    if len(argv) < 2 or len(argv) % 2 != 0:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    wanted = [argv[i + 1] for i in range(2, len(argv), 2) if argv[i] == "--text"]
    with open(path, encoding="utf-8") as file:  # also checks the file is UTF-8
        page = file.read()
    checker = Checker()
    checker.feed(page)
    checker.close()
    if not checker.doctype:
        checker.problems.append("no <!DOCTYPE html>")
    if checker.stack:
        checker.problems.append("unclosed at the end: " + " ".join(f"<{tag}>" for tag in checker.stack))
    if checker.scripts != 1:
        checker.problems.append(f"{checker.scripts} <script> elements; the report's own filter script is the only one")
    text = "".join(checker.text)
    for string in wanted:
        if string not in text:
            checker.problems.append(f"text {string!r} does not appear as text")
    for problem in checker.problems:
        print(f"{path}:{problem}")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
