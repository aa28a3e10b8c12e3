#!/usr/bin/python3
"""Fill the English plural forms of cairn_en.ts from the "word(s)" convention.

Source strings write plurals as "%n step(s)"; the singular form drops "(s)" and the
plural form turns it into "s". Entries that already have a translation are left alone.
"""
import html
import re
import sys

ENTRY = re.compile(
    r'<source>([^<]*)</source>\s*<translation type="unfinished">\s*'
    r'<numerusform></numerusform>\s*<numerusform></numerusform>\s*</translation>',
    re.S)


def escape(text):
    return (text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;'))


def fill(match):
    source = match.group(1)
    text = html.unescape(source)
    one = re.sub(r'(\w+)\(s\)', r'\1', text)
    many = re.sub(r'(\w+)\(s\)', r'\1s', text)
    return ('<source>%s</source>\n        <translation>\n'
            '            <numerusform>%s</numerusform>\n'
            '            <numerusform>%s</numerusform>\n        </translation>'
            % (source, escape(one), escape(many)))


def main(path):
    with open(path, encoding='utf-8') as file:
        content = file.read()
    with open(path, 'w', encoding='utf-8') as file:
        file.write(ENTRY.sub(fill, content))


if __name__ == '__main__':
    main(sys.argv[1])
