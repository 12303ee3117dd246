"""textwrap: wrap/fill/shorten break lines exactly where CPython does (hyphens, em-dashes,
long words, max_lines), dedent/indent, TextWrapper."""


def test_wrap_fill_shorten_dedent_indent(same_as_cpython):
    same_as_cpython('''
        import textwrap
        from textwrap import wrap, fill, dedent
        text = ("The quick brown fox jumps over the lazy dog. A well-known, often-quoted pangram -- used "
                "everywhere\\tfor typography tests; supercalifragilisticexpialidocious words break too. e-mail co-operate x-ray.")
        for w in (10, 15, 20, 33, 50, 79):
            print(wrap(text, w))
        print(fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
        print(wrap(text, 12, break_long_words=False), wrap(text, 12, break_on_hyphens=False))
        print(wrap("  leading   and trailing  ", 8), wrap("  leading   and trailing  ", 8, drop_whitespace=False), wrap("", 5))
        print(textwrap.shorten("Hello  world, this is a long sentence", width=15), textwrap.shorten("Hi there", 20), textwrap.shorten("Hello world!", width=11, placeholder="..."))
        print(wrap(text, 30, max_lines=2), wrap(text, 30, max_lines=3, placeholder=" ~"))
        print(repr(dedent("    def f():\\n        return 1\\n    \\n")), repr(dedent("\\tx\\n\\t  y\\n")), repr(dedent("  a\\n b")))
        print(repr(textwrap.indent("one\\n\\ntwo\\n", "> ")), repr(textwrap.indent("a\\nb", "+ ", lambda line: True)))
        tw = textwrap.TextWrapper(width=18, initial_indent="- ")
        print(tw.wrap(text)[:3], tw.width, repr(tw.fill("short")))
        try:
            wrap("x", 0)
        except ValueError as e:
            print(e)
    ''')
