#!/usr/bin/env python3
"""Fails when a page of the staged site links to a file of the site that does not exist.

usage: tools/check-site-links.py [target/staging]
Only links inside the site are checked (relative ones); external addresses are left alone, since the
build machine may have no network.
"""
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and ((tag == "a" and name == "href") or (tag in ("img", "script") and name == "src")
                          or (tag == "link" and name == "href")):
                self.links.append((value, self.getpos()[0]))


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/staging")
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.exit(f"check-site-links: no site in {root} (run the site command of README first)")
    broken, pages = [], 0
    for directory, _, files in os.walk(root):
        if "apidocs" in directory.split(os.sep):
            continue  # javadoc's own cross-links are checked by javadoc
        for name in files:
            if not name.endswith(".html"):
                continue
            pages += 1
            page = os.path.join(directory, name)
            parser = Links()
            with open(page, encoding="utf-8", errors="replace") as f:
                parser.feed(f.read())
            for link, line in parser.links:
                parts = urlsplit(link)
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                target = os.path.normpath(os.path.join(directory, unquote(parts.path)))
                if os.path.isdir(target):
                    target = os.path.join(target, "index.html")
                if not os.path.exists(target):
                    broken.append(f"{os.path.relpath(page, root)}:{line}: {link}")
    for b in broken:
        print("broken link:", b)
    print(f"check-site-links: {pages} pages, {len(broken)} broken links")
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
