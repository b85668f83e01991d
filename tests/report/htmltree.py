"""A strict little HTML reader for the report tests: builds a tree with
html.parser and records every well-formedness problem it meets (tags closed
out of order or never, stray '<' or '&' in text)."""

import html.parser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Nodes and strings

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        out = []
        for c in self.children:
            out.append(c if isinstance(c, str) else c.text())
        return "".join(out)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag=None, cls=None, id=None):
        return [n for n in self.iter()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
                and (id is None or n.attrs.get("id") == id)]

    def find(self, tag=None, cls=None, id=None):
        found = self.find_all(tag, cls, id)
        return found[0] if found else None


class Reader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.root = Node("#document", [])
        self.cur = self.root
        self.problems = []
        self.doctype = None

    def where(self):
        line, col = self.getpos()
        return f"line {line}, column {col + 1}"

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append(f"{self.where()}: end tag for void element <{tag}>")
            return
        if self.cur.tag != tag:
            self.problems.append(f"{self.where()}: </{tag}> closes <{self.cur.tag}>")
            # recover: pop to the matching element if there is one
            n = self.cur
            while n is not self.root and n.tag != tag:
                n = n.parent
            if n is not self.root:
                self.cur = n.parent
            return
        self.cur = self.cur.parent

    def handle_data(self, data):
        if "<" in data:
            self.problems.append(f"{self.where()}: stray '<' in text: {data.strip()[:60]!r}")
        if "&" in data:
            self.problems.append(f"{self.where()}: bare '&' in text: {data.strip()[:60]!r}")
        self.cur.children.append(data)

    def handle_entityref(self, name):
        self.cur.children.append(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self.cur.children.append(html.unescape(f"&#{name};"))


def read(path):
    """Returns (root, doctype, problems)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    r = Reader()
    r.feed(text)
    r.close()
    if r.cur is not r.root:
        open_tags = []
        n = r.cur
        while n is not r.root:
            open_tags.append(n.tag)
            n = n.parent
        r.problems.append("never closed: " + ", ".join(f"<{t}>" for t in reversed(open_tags)))
    return r.root, r.doctype, r.problems


def norm(s):
    return " ".join(s.split())
